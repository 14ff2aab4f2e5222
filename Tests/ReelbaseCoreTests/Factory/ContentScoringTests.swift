import Testing
@testable import ReelbaseCore

@Suite struct ContentScoringTests {
  func id(_ n: UInt64) -> UUIDValue { UUIDValue(high: 0, low: n) }

  @Test func weightsNormalisedRates() {
    let contents = [
      ContentScoring.Totals(id: id(1), views: 10_000, engagements: 1_000, clicks: 100, conversions: 10),  // e .10 ctr .01 conv .10
      ContentScoring.Totals(id: id(2), views: 10_000, engagements: 500, clicks: 200, conversions: 40),    // e .05 ctr .02 conv .20
    ]
    let ranked = ContentScoring.rank(contents, weights: .init(engagement: 0.5, ctr: 0.25, conversions: 0.25))
    // id 2: 0.5 * 0.5 + 0.25 * 1 + 0.25 * 1 = 0.75; id 1: 0.5 * 1 + 0.25 * 0.5 + 0.25 * 0.5 = 0.75:
    // a tie with equal views, so the lower id first.
    #expect(ranked.map(\.totals.id) == [id(1), id(2)])
    let conversionHeavy = ContentScoring.rank(contents, weights: .init(engagement: 0.2, ctr: 0.4, conversions: 0.4))
    #expect(conversionHeavy.map(\.totals.id) == [id(2), id(1)])
    #expect(abs(conversionHeavy[0].score - 0.9) < 1e-12 && abs(conversionHeavy[1].score - 0.6) < 1e-12)
    #expect(abs(ranked[0].score - 0.75) < 1e-12 && abs(ranked[1].score - 0.75) < 1e-12)
    let engagementOnly = ContentScoring.rank(contents, weights: .init(engagement: 1, ctr: 0, conversions: 0))
    #expect(engagementOnly.map(\.totals.id) == [id(1), id(2)])
    #expect(engagementOnly[1].engagementNormalised == 0.5)
  }

  @Test func tiesAndZeros() {
    let same = ContentScoring.Totals(id: id(9), views: 100, engagements: 0, clicks: 0, conversions: 0)
    var other = same
    other.id = id(3)
    var bigger = same
    bigger.id = id(7)
    bigger.views = 1_000
    let ranked = ContentScoring.rank([same, other, bigger], weights: .init(engagement: 0.4, ctr: 0.3, conversions: 0.3))
    #expect(ranked.map(\.totals.id) == [id(7), id(3), id(9)])
    #expect(ranked.allSatisfy { $0.score == 0 && $0.conversionRate == 0 })
    #expect(ContentScoring.rank([], weights: .init(engagement: 1, ctr: 0, conversions: 0)).isEmpty)
  }
}
