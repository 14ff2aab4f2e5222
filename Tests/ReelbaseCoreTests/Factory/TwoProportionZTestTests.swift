import Testing
@testable import ReelbaseCore

@Suite struct TwoProportionZTestTests {
  func run(_ sA: Int64, _ nA: Int64, _ sB: Int64, _ nB: Int64) -> Result<TwoProportionZTest, ABTestError> {
    TwoProportionZTest.test(control: VariantCounts(successes: sA, trials: nA),
                            treatment: VariantCounts(successes: sB, trials: nB))
  }

  /// z = (p_B − p_A)/√(p̄(1−p̄)(1/n_A + 1/n_B)) and p = erfc(|z|/√2), mpmath 60 digits on the
  /// exact counts.
  @Test func matchesMpmath() throws {
    let cases: [(Int64, Int64, Int64, Int64, Double, Double)] = [
      (200, 1000, 250, 1000, 2.6773977630083295, 7.4196492610256749e-3),
      (12, 500, 30, 480, 2.9747695257520848, 2.9320875050675965e-3),
      (1, 3, 2, 3, 8.1649658092772603e-1, 4.1421617824252512e-1),
      // 0% and 100% on one side.
      (0, 1000, 10, 1000, 3.1702131247412069, 1.5232716476467965e-3),
      (1000, 1000, 990, 1000, -3.1702131247412069, 1.5232716476467965e-3),
      // 2³¹ trials each; the second differs by one success (rates 0.5 and 0.5 + 2⁻³¹).
      (1 << 30, 1 << 31, (1 << 30) + 50_000, 1 << 31, 1.5258789066635903, 1.2704002473981254e-1),
      (1 << 30, 1 << 31, (1 << 30) + 1, 1 << 31, 3.0517578125e-5, 9.9997565049558475e-1),
      // Tiny p-values.
      (0, 1_000_000, 900, 1_000_000, 3.0006752278979633e+1, 8.0119639445969502e-198),
      (100, 10_000_000, 1100, 10_000_000, 2.8868379523858164e+1, 2.979243135717151e-183),
      (0, 1_000_000, 1000, 1_000_000, 3.1630685261705326e+1, 1.3980721246378472e-219),
    ]
    for (sA, nA, sB, nB, z, p) in cases {
      let r = try run(sA, nA, sB, nB).get()
      #expect(r.outcome == .tested)
      expectClose(r.z, z, "z \(sA)/\(nA) vs \(sB)/\(nB)")
      expectClose(r.pValue, p, "p \(sA)/\(nA) vs \(sB)/\(nB)")
    }
    // p = 3.3e-437: below every double, so exactly 0 (not NaN, not negative).
    let r = try run(0, 1_000_000, 2000, 1_000_000).get()
    expectClose(r.z, 4.4743737014268287e+1)
    #expect(r.pValue == 0)
  }

  @Test func signFollowsTheTreatment() throws {
    let up = try run(10, 100, 20, 100).get()
    let down = try run(20, 100, 10, 100).get()
    #expect(up.z > 0)
    #expect(down.z == -up.z)
    #expect(down.pValue == up.pValue)
    expectClose(up.difference, 0.1, tolerance: 1e-15)
    // SE = √(0.15·0.85·(2/100)).
    expectClose(up.standardError, (0.15 * 0.85 * 0.02).squareRoot(), tolerance: 1e-15)
  }

  @Test func noVariationIsNotATest() throws {
    for (sA, nA, sB, nB) in [(0, 100, 0, 200), (100, 100, 200, 200), (0, 1, 0, 1), (Int64.max, Int64.max, 1, 1)] as [(Int64, Int64, Int64, Int64)] {
      let r = try run(sA, nA, sB, nB).get()
      #expect(r.outcome == .noVariation)
      #expect(r.z == 0)
      #expect(r.pValue == 1)
      #expect(r.standardError == 0)
      #expect(!r.difference.isNaN)
    }
  }

  @Test func invalidCountsAreTypedErrors() {
    #expect(run(-1, 10, 1, 10) == .failure(.negativeCount(variant: 0)))
    #expect(run(1, 10, 1, -10) == .failure(.negativeCount(variant: 1)))
    #expect(run(11, 10, 1, 10) == .failure(.successesExceedTrials(variant: 0)))
    #expect(run(1, 10, 2, 1) == .failure(.successesExceedTrials(variant: 1)))
    #expect(run(0, 0, 0, 0) == .failure(.noTrials))
    #expect(run(0, 0, 3, 10) == .failure(.variantWithoutTrials(variant: 0)))
    #expect(run(3, 10, 0, 0) == .failure(.variantWithoutTrials(variant: 1)))
    #expect(run(Int64.min, Int64.min, 0, 1) == .failure(.negativeCount(variant: 0)))
  }

  @Test func hugeCountsStayFinite() throws {
    let m = Int64.max
    for (sA, nA, sB, nB) in [(m / 2, m, m / 3, m), (1, m, 0, m), (m - 1, m, m, m), (1, 1, m - 1, m)] as [(Int64, Int64, Int64, Int64)] {
      let r = try run(sA, nA, sB, nB).get()
      #expect(r.z.isFinite && r.pValue >= 0 && r.pValue <= 1 && r.standardError.isFinite, "\(r)")
    }
    // Beyond 2⁵³ the counts round to doubles; equal counts still give exactly z = 0.
    #expect(try run(1 << 61, 1 << 62, 1 << 61, 1 << 62).get().z == 0)
  }

  @Test func zSquaredIsTheTwoByTwoChiSquare() throws {
    for (sA, nA, sB, nB) in [(200, 1000, 250, 1000), (0, 7, 5, 9), (1 << 30, 1 << 31, (1 << 30) + 12345, 1 << 31)] as [(Int64, Int64, Int64, Int64)] {
      let z = try run(sA, nA, sB, nB).get()
      let c = try ChiSquareIndependenceTest.test([VariantCounts(successes: sA, trials: nA),
                                                  VariantCounts(successes: sB, trials: nB)]).get()
      expectClose(c.statistic, z.z * z.z, tolerance: 1e-13)
      expectClose(c.pValue, z.pValue, tolerance: 1e-12)
    }
  }
}
