/// The factory's verdict on an A/B test: per-variant rates with Wilson intervals, one test of
/// whether the rates differ, and the winner when they do. Metric-agnostic: a variant is just
/// (successes, trials), whatever success means.
///
/// The test follows the number of variants: two → the two-proportion z-test (statistic z of
/// variant 1 against variant 0, 1 degree of freedom), more → the chi-square test of
/// independence (k − 1 degrees of freedom); both two-sided and equivalent for two variants
/// (z² = χ²). Significant means p-value < 1 − confidence. The winner is then the variant with
/// the highest rate, compared exactly, ties going to the lowest index. With more than two
/// variants significance says the rates are not all equal, not that the top one beats the
/// runner-up.
public struct ABTestDecision: Sendable, Equatable {
  public enum Test: String, Sendable, Equatable {
    case twoProportionZ = "two_proportion_z"
    case chiSquare = "chi_square"
  }

  public struct Variant: Sendable, Equatable {
    public var counts: VariantCounts
    /// successes / trials.
    public var rate: Double
    /// At the decision's confidence.
    public var interval: WilsonInterval
  }

  public var test: Test
  /// In input order.
  public var variants: [Variant]
  /// z (two variants) or χ² (more); 0 with no variation.
  public var statistic: Double
  public var degreesOfFreedom: Int
  public var pValue: Double
  public var outcome: ABTestOutcome
  public var confidence: Double
  public var significant: Bool
  /// Index of the best variant when significant, else nil.
  public var winner: Int?

  /// Decides on `variants` at `confidence` (default 0.95). Errors: invalid counts (by index),
  /// fewer than two variants, no trials at all, a variant without trials, or a confidence not
  /// strictly between 0 and 1.
  public static func decide(_ variants: [VariantCounts], confidence: Double = 0.95) -> Result<ABTestDecision, ABTestError> {
    if let e = VariantCounts.validate(variants) { return .failure(e) }
    guard let z = NormalDistribution.twoSidedCriticalValue(confidence: confidence) else {
      return .failure(.invalidConfidence(confidence))
    }
    let test: Test
    let statistic: Double, df: Int, p: Double, outcome: ABTestOutcome
    if variants.count == 2 {
      switch TwoProportionZTest.test(control: variants[0], treatment: variants[1]) {
      case .failure(let e): return .failure(e)
      case .success(let r): (test, statistic, df, p, outcome) = (.twoProportionZ, r.z, 1, r.pValue, r.outcome)
      }
    } else {
      switch ChiSquareIndependenceTest.test(variants) {
      case .failure(let e): return .failure(e)
      case .success(let r):
        (test, statistic, df, p, outcome) = (.chiSquare, r.statistic, r.degreesOfFreedom, r.pValue, r.outcome)
      }
    }
    let rows = variants.map { v in
      Variant(counts: v, rate: v.rate ?? 0, interval: WilsonInterval.interval(v, z: z, confidence: confidence))
    }
    let significant = outcome == .tested && p < 1 - confidence
    var winner: Int? = nil
    if significant {
      var best = 0
      for i in variants.indices.dropFirst() where variants[i].hasHigherRate(than: variants[best]) {
        best = i
      }
      winner = best
    }
    return .success(ABTestDecision(test: test, variants: rows, statistic: statistic, degreesOfFreedom: df,
                                   pValue: p, outcome: outcome, confidence: confidence,
                                   significant: significant, winner: winner))
  }
}
