/// Pearson's chi-square test of independence on the 2×k table of successes and failures of
/// k ≥ 2 variants: do the rates differ at all?
///
/// χ² = Σ (O − E)²/E over the 2k cells, with E from the margins. For a 2×k table that sum is
/// Σⱼ dⱼ² / (nⱼ·S·F) with dⱼ = sⱼ·N − nⱼ·S (S, F, N the pooled successes, failures and trials),
/// computed that way: dⱼ by a fused difference of products, so O − E does not cancel for
/// billions of trials. k − 1 degrees of freedom; p-value P(χ²(k−1) ≥ χ²). No continuity
/// correction. For k = 2 the statistic is the z-test's z².
///
/// Zero expected counts: a variant with no trials is refused (`variantWithoutTrials`), not
/// dropped, so indices stay the caller's; a whole row of zeros (no successes anywhere, or no
/// failures anywhere) is `.noVariation` with statistic 0 and p-value 1.
public struct ChiSquareIndependenceTest: Sendable, Equatable {
  public var statistic: Double
  public var degreesOfFreedom: Int
  public var pValue: Double
  public var outcome: ABTestOutcome

  public static func test(_ variants: [VariantCounts]) -> Result<ChiSquareIndependenceTest, ABTestError> {
    if let e = VariantCounts.validate(variants) { return .failure(e) }
    let df = variants.count - 1
    var s = 0.0, f = 0.0
    for v in variants {
      s += Double(v.successes)
      f += Double(v.trials - v.successes)  // validated: no overflow
    }
    let n = s + f
    guard s > 0, f > 0 else {
      return .success(ChiSquareIndependenceTest(statistic: 0, degreesOfFreedom: df, pValue: 1, outcome: .noVariation))
    }
    var statistic = 0.0
    for v in variants {
      let nj = Double(v.trials)
      let d = differenceOfProducts(Double(v.successes), n, nj, s)
      // d²/(nⱼ·S·F) in steps that stay in range: d ≤ 2¹²⁷·k, so d/nⱼ first.
      statistic += d / nj * (d / s) / f
    }
    let p = ChiSquareDistribution.upperTail(statistic, degreesOfFreedom: df) ?? 1
    return .success(ChiSquareIndependenceTest(statistic: statistic, degreesOfFreedom: df, pValue: p, outcome: .tested))
  }
}
