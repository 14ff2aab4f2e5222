/// The two-proportion z-test with pooled standard error: does the treatment's rate differ from
/// the control's?
///
/// z = (p_B − p_A) / √(p̄(1 − p̄)(1/n_A + 1/n_B)), p̄ the pooled rate; two-sided p-value
/// P(|Z| ≥ |z|). Algebraically z = (s_B·n_A − s_A·n_B)·√(N / (n_A·n_B·S·F)) (S, F, N the
/// pooled successes, failures, trials), which is how it is computed: the numerator by a
/// fused difference of products, so nearly equal rates of billions of trials keep their
/// digits (p_B − p_A of two rounded rates would not), and nothing overflows for any Int64.
/// z² equals the 2×2 chi-square statistic.
public struct TwoProportionZTest: Sendable, Equatable {
  /// Positive when the treatment's rate is higher.
  public var z: Double
  /// Two-sided, in [0, 1].
  public var pValue: Double
  /// The pooled standard error of p_B − p_A (0 with no variation).
  public var standardError: Double
  /// p_B − p_A.
  public var difference: Double
  public var outcome: ABTestOutcome

  /// Tests `treatment` against `control`. Errors: invalid counts (variant 0 is the control,
  /// 1 the treatment), no trials at all, or one side without trials.
  public static func test(control: VariantCounts, treatment: VariantCounts) -> Result<TwoProportionZTest, ABTestError> {
    if let e = VariantCounts.validate([control, treatment]) { return .failure(e) }
    let nA = Double(control.trials), nB = Double(treatment.trials)
    let sA = Double(control.successes), sB = Double(treatment.successes)
    let s = sA + sB
    // Validated: 0 ≤ successes ≤ trials, so trials − successes cannot overflow.
    let f = Double(control.trials - control.successes) + Double(treatment.trials - treatment.successes)
    let n = nA + nB
    let d = differenceOfProducts(sB, nA, sA, nB)
    let difference = d / nA / nB
    guard s > 0, f > 0 else {
      return .success(TwoProportionZTest(z: 0, pValue: 1, standardError: 0, difference: difference,
                                         outcome: .noVariation))
    }
    // Square roots one by one: n_A·n_B·S·F can reach 2²⁵², fine for a double, but this keeps
    // every step within range for any counts.
    let z = d * n.squareRoot() / nA.squareRoot() / nB.squareRoot() / s.squareRoot() / f.squareRoot()
    let se = (s / n).squareRoot() * (f / n).squareRoot() * (1 / nA + 1 / nB).squareRoot()
    return .success(TwoProportionZTest(z: z, pValue: NormalDistribution.twoSidedPValue(z), standardError: se,
                                       difference: difference, outcome: .tested))
  }
}
