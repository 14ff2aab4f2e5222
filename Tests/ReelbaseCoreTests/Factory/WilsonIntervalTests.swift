import Testing
@testable import ReelbaseCore

@Suite struct WilsonIntervalTests {
  func interval(_ s: Int64, _ n: Int64, _ c: Double = 0.95) throws -> WilsonInterval {
    try WilsonInterval.of(VariantCounts(successes: s, trials: n), confidence: c).get()
  }

  /// (p + z²/2n ∓ z√(p(1−p)/n + z²/4n²)) / (1 + z²/n) in mpmath (60 digits, z from the exact
  /// confidence).
  @Test func matchesMpmath() throws {
    let cases: [(Int64, Int64, Double, Double, Double)] = [
      (0, 10, 0.95, 0, 2.7753279986288917e-1),
      (10, 10, 0.95, 7.2246720013711083e-1, 1),
      (5, 10, 0.95, 2.3659309051256401e-1, 7.6340690948743599e-1),
      (1, 1, 0.95, 2.0654931437723745e-1, 1),
      (81, 263, 0.95, 2.5528851987827424e-1, 3.6620957698280006e-1),
      (1, 1 << 31, 0.95, 8.2200651497258404e-11, 2.6379405778364766e-9),
      (1 << 31, 1 << 31, 0.95, 9.9999999821118134e-1, 1),
      (1 << 30, 1 << 31, 0.95, 4.9997885278590225e-1, 5.0002114721409775e-1),
      (3, 50, 0.99, 1.5294840009215737e-2, 2.0779900070229687e-1),
      (3, 50, 0.9, 2.4231257031218394e-2, 1.4094194646069935e-1),
      (7, 1000, 0.999, 2.1643298968612338e-3, 2.239729366937912e-2),
      // Both bounds tiny: the upper must not be 1 − (1 − tiny).
      (3, 1_000_000_000_000_000, 0.95, 1.020270728364321e-15, 8.8211880923297656e-15),
      (1, Int64.max, 0.95, 1.9138830595772962e-20, 6.1419340379234528e-19),
    ]
    for (s, n, c, lo, hi) in cases {
      let w = try interval(s, n, c)
      expectClose(w.lower, lo, "lower \(s)/\(n) at \(c)")
      expectClose(w.upper, hi, "upper \(s)/\(n) at \(c)")
      #expect(w.confidence == c)
    }
  }

  @Test func textbookZeroOfTen() throws {
    // With no successes the upper bound is z²/(n + z²).
    let z = 1.959963984540054
    expectClose(try interval(0, 10).upper, z * z / (10 + z * z), tolerance: 1e-15)
  }

  @Test func exactAtTheEnds() throws {
    for n: Int64 in [1, 2, 10, 1_000_003, 1 << 31, Int64.max] {
      #expect(try interval(0, n).lower == 0)
      #expect(try interval(n, n).upper == 1)
      #expect(try interval(0, n).upper > 0)
      // At Int64.max the true bound, 1 − 4e-19, rounds to 1.
      if n <= 1 << 31 { #expect(try interval(n, n).lower < 1) }
    }
  }

  @Test func mirrorsAndContainsTheRate() throws {
    for (s, n) in [(0, 7), (1, 7), (3, 7), (100, 1000), (999, 1000), (12345, 1 << 31)] as [(Int64, Int64)] {
      let w = try interval(s, n)
      let m = try interval(n - s, n)
      #expect((w.lower - (1 - m.upper)).magnitude < 1e-15)
      #expect((w.upper - (1 - m.lower)).magnitude < 1e-15)
      let p = Double(s) / Double(n)
      #expect(w.lower <= p && p <= w.upper)
      #expect(0 <= w.lower && w.upper <= 1)
    }
    // Wider at higher confidence.
    #expect(try interval(30, 100, 0.99).lower < interval(30, 100, 0.95).lower)
  }

  @Test func refusals() throws {
    func of(_ s: Int64, _ n: Int64, _ c: Double = 0.95) -> Result<WilsonInterval, ABTestError> {
      WilsonInterval.of(VariantCounts(successes: s, trials: n), confidence: c)
    }
    #expect(of(0, 0) == .failure(.noTrials))
    #expect(of(-1, 5) == .failure(.negativeCount(variant: 0)))
    #expect(of(6, 5) == .failure(.successesExceedTrials(variant: 0)))
    for c in [0.0, 1.0, 1.5, -0.1, .infinity] {
      #expect(of(1, 5, c) == .failure(.invalidConfidence(c)))
    }
    // NaN is refused too (NaN != NaN, so match the case).
    if case .failure(.invalidConfidence(let c)) = of(1, 5, .nan) { #expect(c.isNaN) } else { Issue.record("NaN confidence accepted") }
    #expect(try interval(1, 5) == WilsonInterval.of(VariantCounts(successes: 1, trials: 5)).get())
  }
}
