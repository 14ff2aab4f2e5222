/// The Wilson score interval for a proportion: unlike the normal ("Wald") interval it stays
/// inside [0, 1], is not empty at 0 or n successes, and keeps its coverage for small counts.
///
/// Bounds (2s + z² ∓ z·r) / (2(n + z²)) with r = √(z² + 4s(n − s)/n), z the two-sided critical
/// value. The upper bound is computed as written (a sum of positive terms), the lower in the
/// equivalent form 2s² / (n(2s + z² + z·r)), which does not cancel when s ≪ n: both keep their
/// relative accuracy even for 1 success in 2⁶³ trials. The lower bound is exactly 0 at s = 0,
/// and the upper is set to exactly 1 at s = n (as written it can miss 1 by an ulp).
public struct WilsonInterval: Sendable, Equatable {
  public var lower: Double
  public var upper: Double
  public var confidence: Double

  /// The interval for `counts` at `confidence` (default 95%). Errors: invalid counts (variant
  /// 0), no trials, a confidence not strictly between 0 and 1.
  public static func of(_ counts: VariantCounts, confidence: Double = 0.95) -> Result<WilsonInterval, ABTestError> {
    if let e = counts.validate(index: 0) { return .failure(e) }
    if counts.trials == 0 { return .failure(.noTrials) }
    guard let z = NormalDistribution.twoSidedCriticalValue(confidence: confidence) else {
      return .failure(.invalidConfidence(confidence))
    }
    return .success(interval(counts, z: z, confidence: confidence))
  }

  /// For valid counts with trials and a finite z > 0.
  static func interval(_ counts: VariantCounts, z: Double, confidence: Double) -> WilsonInterval {
    let s = Double(counts.successes)
    let f = Double(counts.trials - counts.successes)  // validated: no overflow
    let n = Double(counts.trials)
    let z2 = z * z
    let r = (z2 + 4 * s * (f / n)).squareRoot()
    let lower = 2 * s * s / (n * (2 * s + z2 + z * r))
    // Not 1 − (the lower bound of n − s): for s ≪ n that is 1 − (1 − tiny), all cancellation.
    let upper = f == 0 ? 1 : (2 * s + z2 + z * r) / (2 * (n + z2))
    return WilsonInterval(lower: max(0, lower), upper: min(1, upper), confidence: confidence)
  }
}
