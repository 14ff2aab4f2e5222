/// One variant's outcome in an A/B test: how many trials (e.g. impressions) and how many of
/// them succeeded (e.g. clicks). Metric-agnostic; only the two counts matter.
///
/// Counts are Int64 as the database stores them; the statistics compute in Double (exact up to
/// 2⁵³, rounded beyond), and integer arithmetic on them is limited to what cannot overflow
/// (trials − successes once 0 ≤ successes ≤ trials, full-width products).
public struct VariantCounts: Sendable, Equatable, Hashable {
  public var successes: Int64
  public var trials: Int64

  public init(successes: Int64, trials: Int64) {
    self.successes = successes
    self.trials = trials
  }

  /// trials − successes, or nil unless 0 ≤ successes ≤ trials (then it cannot overflow).
  public var failures: Int64? {
    validate(index: 0) == nil ? trials - successes : nil
  }

  /// successes / trials, or nil with no trials.
  public var rate: Double? {
    trials > 0 ? Double(successes) / Double(trials) : nil
  }

  /// Checks one variant's counts; `index` names it in the error.
  public func validate(index: Int) -> ABTestError? {
    if successes < 0 || trials < 0 { return .negativeCount(variant: index) }
    if successes > trials { return .successesExceedTrials(variant: index) }
    return nil
  }

  /// Checks a test's variants: each valid, at least two, trials somewhere and then in every
  /// variant. The first problem in index order is reported.
  static func validate(_ variants: [VariantCounts]) -> ABTestError? {
    for (i, v) in variants.enumerated() {
      if let e = v.validate(index: i) { return e }
    }
    if variants.count < 2 { return .tooFewVariants(count: variants.count) }
    if variants.allSatisfy({ $0.trials == 0 }) { return .noTrials }
    if let i = variants.firstIndex(where: { $0.trials == 0 }) { return .variantWithoutTrials(variant: i) }
    return nil
  }

  /// Whether this rate is strictly above `other`'s, exactly (s₁·n₂ > s₂·n₁ in 128 bits), so
  /// rates a double cannot tell apart still compare right. Both must be valid with trials.
  func hasHigherRate(than other: VariantCounts) -> Bool {
    let a = successes.multipliedFullWidth(by: other.trials)
    let b = other.successes.multipliedFullWidth(by: trials)
    return a.high != b.high ? a.high > b.high : a.low > b.low
  }
}

/// a·b − c·d with one rounding's worth of error (Kahan's algorithm with fused multiply-adds),
/// where the naive form cancels: e.g. s₁n₂ − s₂n₁ for nearly equal rates of huge counts.
func differenceOfProducts(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
  let cd = c * d
  let e = (-cd).addingProduct(c, d)  // c·d − fl(c·d), exact
  let f = (-cd).addingProduct(a, b)  // a·b − fl(c·d), one rounding
  return f - e
}
