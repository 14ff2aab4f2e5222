import Testing
@testable import ReelbaseCore

@Suite struct NormalDistributionTests {
  typealias N = NormalDistribution

  @Test func textbookValues() {
    // Φ(1.96) = 0.9750021048517795 (standard normal tables, 16 digits).
    expectClose(N.cdf(1.96), 0.9750021048517795, tolerance: 1e-15)
    #expect(N.cdf(0) == 0.5)
    #expect(N.upperTail(0) == 0.5)
    // z for a 95% two-sided interval.
    expectClose(N.twoSidedCriticalValue(confidence: 0.95), 1.959963984540054, tolerance: 1e-15)
    expectClose(N.quantile(0.975), 1.959963984540054, tolerance: 1e-15)
  }

  /// Φ(x) = erfc(−x/√2)/2 by mpmath 50 digits.
  @Test func cdfMatchesMpmath() {
    let cases: [(Double, Double)] = [
      (-37.5, 4.6053530095819548e-308), (-20.0, 2.7536241186062337e-89), (-8.0, 6.2209605742717841e-16),
      (-5.0, 2.8665157187919391e-7), (-3.0, 1.3498980316300945e-3), (-1.5, 6.6807201268858066e-2),
      (-0.5, 3.085375387259869e-1), (0.1, 5.3982783727702898e-1), (1.0, 8.4134474606854295e-1),
      (1.96, 9.7500210485177956e-1), (2.5, 9.9379033467422386e-1), (5.0, 9.9999971334842812e-1),
      (8.3, 9.9999999999999995e-1),
    ]
    // Below 1e-300 the brief asks no accuracy; -37.5 is checked loosely (subnormal-free but close).
    for (x, want) in cases { expectClose(N.cdf(x), want, tolerance: x < -37 ? 1e-9 : 1e-12, "Φ(\(x))") }
  }

  /// 1 − Φ(x) = erfc(x/√2)/2 by mpmath 50 digits: the far tail keeps its relative accuracy.
  @Test func upperTailMatchesMpmath() {
    let cases: [(Double, Double)] = [
      (0.5, 3.085375387259869e-1), (1.96, 2.4997895148220436e-2), (3.0, 1.3498980316300945e-3),
      (6.0, 9.8658764503769814e-10), (10.0, 7.6198530241605261e-24), (20.0, 2.7536241186062337e-89),
      (30.0, 4.9067139271481871e-198), (37.0, 5.7255712225245768e-300),
    ]
    for (x, want) in cases {
      expectClose(N.upperTail(x), want, "Q(\(x))")
      expectClose(N.cdf(-x), want, "Φ(-\(x))")
    }
    // Beyond the smallest subnormal: exactly 0, never negative.
    #expect(N.upperTail(40) == 0)
    #expect(N.upperTail(1e300) == 0)
    #expect(N.cdf(1e300) == 1)
  }

  /// Φ⁻¹(p) = √2·erfinv(2p − 1) by mpmath at 700 digits (so 1 − 2p keeps tiny p).
  @Test func quantileMatchesMpmath() {
    let cases: [(Double, Double)] = [
      (1e-300, -3.7047096299361199e+1), (1e-100, -2.1273453560965324e+1), (1e-20, -9.2623400897984076),
      (1e-10, -6.3613409024040562), (0.001, -3.0902323061678135), (0.02425, -1.9729610513118848),
      (0.025, -1.9599639845400542), (0.1, -1.2815515655446004), (0.3, -5.2440051270804082e-1),
      (0.499999999999, -2.5065728237018605e-12), (0.6, 2.5334710313579974e-1), (0.9, 1.2815515655446006),
      (0.975, 1.9599639845400539), (0.995, 2.5758293035489005), (0.9999999999, 6.3613408896974219),
    ]
    for (p, want) in cases { expectClose(N.quantile(p), want, "Φ⁻¹(\(p))") }
    #expect(N.quantile(0.5) == 0)
  }

  /// z_{(1+c)/2} by mpmath 700 digits.
  @Test func criticalValuesMatchMpmath() {
    let cases: [(Double, Double)] = [
      (0.5, 6.7448975019608174e-1), (0.8, 1.2815515655446006), (0.9, 1.6448536269514728),
      (0.95, 1.9599639845400539), (0.99, 2.5758293035489005), (0.999, 3.2905267314918945),
    ]
    for (c, want) in cases { expectClose(N.twoSidedCriticalValue(confidence: c), want, "z(\(c))") }
    for c in [0.0, 1.0, -0.5, 1.5, .nan, .infinity] {
      #expect(N.twoSidedCriticalValue(confidence: c) == nil, "\(c)")
    }
  }

  @Test func quantileInvertsCdf() {
    for i in -350...350 {
      let x = Double(i) / 10
      let p = N.cdf(x)
      guard p > 0, p < 1 else { continue }
      let back = N.quantile(p) ?? .nan
      // Above the median p = Φ(x) has rounded away x's last digits (absolute 1e-16 on a
      // flat Φ); on the lower tail it keeps them.
      if x <= 0.5 { #expect((back - x).magnitude <= 1e-12 * max(1, x.magnitude), "x = \(x) -> \(back)") }
    }
  }

  @Test func edgesGiveLimitsOrNil() {
    #expect(N.quantile(0) == -.infinity)
    #expect(N.quantile(1) == .infinity)
    for p in [-1e-300, -1, 1.0000000000000002, 2, .nan, .infinity, -.infinity] {
      #expect(N.quantile(p) == nil, "\(p)")
    }
    // The smallest subnormal: finite and in the right place, no trap.
    let q = N.quantile(.leastNonzeroMagnitude) ?? 0
    #expect(q < -38 && q > -39)
    #expect(N.cdf(-.infinity) == 0)
    #expect(N.cdf(.infinity) == 1)
    #expect(N.cdf(.nan).isNaN)
    #expect(N.upperTail(.nan).isNaN)
    #expect(N.density(.infinity) == 0)
    expectClose(N.density(0), 0.3989422804014327)
    expectClose(N.density(1), 0.24197072451914337)  // mpmath npdf(1)
  }

  @Test func twoSidedPValue() {
    #expect(N.twoSidedPValue(0) == 1)
    expectClose(N.twoSidedPValue(1.959963984540054), 0.05, tolerance: 1e-14)
    expectClose(N.twoSidedPValue(-1.959963984540054), 0.05, tolerance: 1e-14)
    #expect(N.twoSidedPValue(.infinity) == 0)
    #expect(N.twoSidedPValue(.nan).isNaN)
  }

  @Test func symmetricAndMonotone() {
    var last = 0.0
    for i in -400...400 {
      let x = Double(i) / 50
      let c = N.cdf(x)
      #expect(c >= last)
      last = c
      #expect((c + N.cdf(-x) - 1).magnitude < 1e-15)
      #expect(N.upperTail(x) == N.cdf(-x))
    }
  }
}
