import Testing
@testable import ReelbaseCore

@Suite struct ChiSquareIndependenceTestTests {
  func run(_ pairs: [(Int64, Int64)]) -> Result<ChiSquareIndependenceTest, ABTestError> {
    ChiSquareIndependenceTest.test(pairs.map { VariantCounts(successes: $0.0, trials: $0.1) })
  }

  /// Σ (O − E)²/E over the 2×k cells in mpmath (60 digits) on the exact counts, p-value
  /// gammainc((k−1)/2, χ²/2, inf, regularized=True).
  @Test func matchesMpmath() throws {
    let cases: [([(Int64, Int64)], Double, Double)] = [
      ([(200, 1000), (250, 1000)], 7.1684587813620072, 7.4196492610256749e-3),
      ([(10, 100), (20, 100), (30, 100)], 12.5, 1.9304541362277092e-3),
      // A 0% and a 100% variant next to a 50% one.
      ([(0, 50), (25, 50), (50, 50)], 100, 1.9287498479639178e-22),
      ([(120, 1000), (130, 1000), (125, 1000), (160, 1000)], 8.3613167725317258, 3.9105775628795721e-2),
      // 2³¹ trials per variant, rates within 2e-5 of each other.
      ([(1 << 30, 1 << 31), ((1 << 30) + 40_000, 1 << 31), ((1 << 30) - 40_000, 1 << 31)],
       5.9604644775390625, 5.0781039169306519e-2),
      // Two variants with no successes at all (zero cells, nonzero expected counts).
      ([(0, 1_000_000), (100, 1_000_000), (0, 1_000_000)], 2.000066668888963e+2, 3.7076959549319076e-44),
    ]
    for (pairs, statistic, p) in cases {
      let r = try run(pairs).get()
      #expect(r.outcome == .tested)
      #expect(r.degreesOfFreedom == pairs.count - 1)
      expectClose(r.statistic, statistic, "χ² \(pairs)")
      expectClose(r.pValue, p, "p \(pairs)")
    }
  }

  @Test func fiftyVariants() throws {
    // Variant i has 10 + i successes of 100, i = 0…49: 49 degrees of freedom (mpmath as above).
    let r = try run((0..<50).map { (Int64(10 + $0), 100) }).get()
    #expect(r.degreesOfFreedom == 49)
    expectClose(r.statistic, 4.6078105985175351e+2)
    expectClose(r.pValue, 2.5511308134604702e-68)
  }

  @Test func noVariation() throws {
    for pairs in [[(0, 10), (0, 20), (0, 5)], [(10, 10), (20, 20), (5, 5)]] as [[(Int64, Int64)]] {
      let r = try run(pairs).get()
      #expect(r == ChiSquareIndependenceTest(statistic: 0, degreesOfFreedom: 2, pValue: 1, outcome: .noVariation))
    }
  }

  @Test func equalRatesGiveZero() throws {
    let r = try run([(1, 3), (2, 6), (3, 9), (1 << 30, 3 << 30)]).get()
    #expect(r.statistic == 0)
    #expect(r.pValue == 1)
  }

  @Test func refusals() {
    #expect(run([]) == .failure(.tooFewVariants(count: 0)))
    #expect(run([(1, 2)]) == .failure(.tooFewVariants(count: 1)))
    #expect(run([(0, 0), (0, 0), (0, 0)]) == .failure(.noTrials))
    #expect(run([(1, 2), (3, 4), (0, 0)]) == .failure(.variantWithoutTrials(variant: 2)))
    #expect(run([(1, 2), (5, 4), (-1, 0)]) == .failure(.successesExceedTrials(variant: 1)))
    #expect(run([(1, 2), (3, 4), (-1, 0)]) == .failure(.negativeCount(variant: 2)))
  }

  @Test func hugeCountsStayFinite() throws {
    let m = Int64.max
    let r = try run([(m / 2, m), (m / 3, m), (1, m), (m, m)]).get()
    #expect(r.statistic.isFinite && r.statistic > 0)
    #expect(r.pValue == 0)
    let near = try run([(m / 2, m), (m / 2 - 1_000_000_000, m - 2_000_000_000)]).get()
    #expect(near.statistic.isFinite && near.pValue >= 0 && near.pValue <= 1)
  }
}
