import Testing
@testable import ReelbaseCore

@Suite struct ChiSquareDistributionTests {
  func tail(_ x: Double, _ k: Int) -> Double? { ChiSquareDistribution.upperTail(x, degreesOfFreedom: k) }

  @Test func textbookCriticalValues() {
    // The 5% and 1% critical values of chi-square tables (here to 16 digits): the tail there is
    // the level. The tolerance covers the rounding of x itself.
    expectClose(tail(3.841458820694124, 1), 0.05, tolerance: 1e-14)
    expectClose(tail(6.634896601021214, 1), 0.01, tolerance: 1e-14)
    expectClose(tail(5.991464547107979, 2), 0.05, tolerance: 1e-14)
    expectClose(tail(18.307038053275146, 10), 0.05, tolerance: 1e-14)
  }

  /// Q(k/2, x/2), mpmath.gammainc(k/2, x/2, inf, regularized=True) at 50 digits.
  @Test func gridMatchesMpmath() {
    let cases: [(Double, Int, Double)] = [
      (3.841458820694124, 1, 5.0000000000000057e-2), (5.991464547107979, 2, 5.0000000000000074e-2),
      (67.5048064219453, 50, 5.0000001078776268e-2),
      (0.001, 1, 9.7477287936996039e-1), (0.5, 1, 4.7950012218695346e-1), (1.0, 1, 3.173105078629141e-1),
      (2.0, 1, 1.5729920705028513e-1), (100.0, 1, 1.5239706048321052e-23), (1000.0, 1, 1.7958327848007262e-219),
      (0.001, 2, 9.9950012497916927e-1), (3.0, 2, 2.2313016014842983e-1), (1000.0, 2, 7.1245764067412855e-218),
      (0.001, 3, 9.9999159208094195e-1), (1.0, 3, 8.012519569012008e-1), (2.0, 3, 5.7240670447087983e-1),
      (3.0, 3, 3.9162517627108896e-1), (4.0, 3, 2.6146412994911062e-1), (6.0, 3, 1.1161022509471256e-1),
      (100.0, 3, 1.5541594313896049e-21), (1000.0, 3, 1.7994208765314477e-216),
      (0.001, 5, 9.9999999831851228e-1), (4.0, 5, 5.4941595135278023e-1), (5.0, 5, 4.1588018699550792e-1),
      (6.0, 5, 3.062189184132784e-1), (10.0, 5, 7.5235246146512179e-2), (1000.0, 5, 6.0100776879208043e-214),
      (0.5, 10, 9.9999338828943897e-1), (9.0, 10, 5.3210357637471548e-1), (10.0, 10, 4.4049328506521241e-1),
      (11.0, 10, 3.5751800242792553e-1), (20.0, 10, 2.9252688076961073e-2), (100.0, 10, 5.4497019829205293e-17),
      (1.0, 25, 9.9999999999993644e-1), (24.0, 25, 5.193735712784872e-1), (25.0, 25, 4.6237366292661368e-1),
      (26.0, 25, 4.075986914174467e-1), (50.0, 25, 2.1311519191031767e-3), (100.0, 25, 6.2742662013762573e-11),
      (1000.0, 25, 5.8180164715882271e-195),
      (48.0, 49, 5.1363622802620781e-1), (49.0, 49, 4.7312829565476522e-1), (50.0, 49, 4.3343669725576081e-1),
      (98.0, 49, 4.0632956377247034e-5), (1000.0, 49, 1.581532920739948e-177),
      (49.0, 50, 5.1349508364129068e-1), (50.0, 50, 4.7339846855634936e-1), (51.0, 50, 4.3409393498106368e-1),
      (100.0, 50, 3.4549313829848639e-5), (1000.0, 50, 7.188706215514835e-177),
      // Tails near the bottom of the double range.
      (1380.0, 1, 4.6611584556739129e-302), (1300.0, 10, 3.8256535383959194e-273),
      (1500.0, 50, 3.1769336718753438e-281),
    ]
    for (x, k, want) in cases { expectClose(tail(x, k), want, "P(χ²(\(k)) ≥ \(x))") }
  }

  @Test func closedFormsAgree() {
    // k = 2: e^(−x/2); k = 1: erfc(√(x/2)) = 2·(1 − Φ(√x)).
    for x in [0.25, 1, 3.5, 10, 77, 400] {
      expectClose(tail(x, 2), deterministicExp(-x / 2), tolerance: 1e-13, "k=2 x=\(x)")
      expectClose(tail(x, 1), 2 * NormalDistribution.upperTail(x.squareRoot()), tolerance: 1e-13, "k=1 x=\(x)")
    }
  }

  @Test func edges() {
    #expect(tail(0, 3) == 1)
    #expect(tail(-5, 3) == 1)
    #expect(tail(.infinity, 3) == 0)
    #expect(tail(1e4, 50) == 0)  // 3.3e-2107: below every double
    #expect(tail(1e300, 1) == 0)
    #expect(tail(.nan, 3) == nil)
    #expect(tail(1, 0) == nil)
    #expect(tail(1, -1) == nil)
    #expect(ChiSquareDistribution.cdf(3.841458820694124, degreesOfFreedom: 1).map { ($0 - 0.95).magnitude < 1e-15 } == true)
    // Huge degrees of freedom: an answer in [0, 1], no trap, no endless loop.
    for k in [1_000_000, Int.max] {
      let p = tail(Double(k), k) ?? -1
      #expect(p >= 0 && p <= 1, "k=\(k): \(p)")
    }
  }

  @Test func monotoneInXAndWithinUnitInterval() {
    for k in [1, 2, 7, 30, 50] {
      var last = 1.0
      for i in 0...2000 {
        let p = tail(Double(i) / 10, k) ?? .nan
        #expect(p >= 0 && p <= last, "k=\(k) x=\(Double(i) / 10): \(p) after \(last)")
        last = p
      }
    }
  }

  /// ln Γ against mpmath.loggamma (50 digits), absolute error, which is what reaches Q.
  @Test func logGammaMatchesMpmath() {
    let cases: [(Double, Double)] = [
      (0.5, 0.57236494292470008707), (1, 0), (2, 0), (2.5, 0.28468287047291915963),
      (7.5, 7.5343642367587329552), (14.5, 23.862765841689084906), (25, 54.78472939811231919),
      (100, 359.13420536957539878),
      (1e-10, 23.025850929882735),
    ]
    for (a, want) in cases {
      #expect((RegularizedGamma.logGamma(a) - want).magnitude < 1e-13, "lnΓ(\(a)) = \(RegularizedGamma.logGamma(a))")
    }
  }
}
