/// The factory's weighted score of published content: each content's engagement rate
/// ((likes + comments + shares + saves) / views), CTR (clicks / views) and conversion rate
/// (conversions / clicks), pooled over its metric days (sums, not an average of daily ratios,
/// so a day of 10 views weighs less than a day of 10,000), each normalised by the highest value
/// among the contents scored together, then weighted. Ties: more views first, then the lower id.
public enum ContentScoring {
  public struct Totals: Equatable, Sendable {
    public var id: UUIDValue
    public var views: Int64
    public var engagements: Int64
    public var clicks: Int64
    public var conversions: Int64
    public init(id: UUIDValue, views: Int64, engagements: Int64, clicks: Int64, conversions: Int64) {
      (self.id, self.views, self.engagements, self.clicks, self.conversions) = (id, views, engagements, clicks, conversions)
    }
  }

  public struct Weights: Equatable, Sendable {
    public var engagement: Double, ctr: Double, conversions: Double
    public init(engagement: Double, ctr: Double, conversions: Double) {
      (self.engagement, self.ctr, self.conversions) = (engagement, ctr, conversions)
    }
  }

  public struct Scored: Equatable, Sendable {
    public var totals: Totals
    public var engagementRate: Double, ctr: Double, conversionRate: Double
    /// Each rate over the highest among the contents scored (0 when that is 0).
    public var engagementNormalised: Double, ctrNormalised: Double, conversionNormalised: Double
    public var score: Double
  }

  /// Every content scored against the others, best first.
  public static func rank(_ contents: [Totals], weights: Weights) -> [Scored] {
    func ratio(_ a: Int64, _ b: Int64) -> Double { b > 0 ? Double(a) / Double(b) : 0 }
    let rates = contents.map { c in (c, ratio(c.engagements, c.views), ratio(c.clicks, c.views), ratio(c.conversions, c.clicks)) }
    let maxE = rates.map(\.1).max() ?? 0, maxC = rates.map(\.2).max() ?? 0, maxV = rates.map(\.3).max() ?? 0
    func norm(_ x: Double, _ m: Double) -> Double { m > 0 ? x / m : 0 }
    let scored = rates.map { c, e, ctr, conv in
      let (ne, nc, nv) = (norm(e, maxE), norm(ctr, maxC), norm(conv, maxV))
      return Scored(totals: c, engagementRate: e, ctr: ctr, conversionRate: conv, engagementNormalised: ne,
                    ctrNormalised: nc, conversionNormalised: nv,
                    score: weights.engagement * ne + weights.ctr * nc + weights.conversions * nv)
    }
    return scored.sorted { a, b in
      if a.score != b.score { return a.score > b.score }
      if a.totals.views != b.totals.views { return a.totals.views > b.totals.views }
      return (a.totals.id.high, a.totals.id.low) < (b.totals.id.high, b.totals.id.low)
    }
  }
}
