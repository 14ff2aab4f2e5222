import Testing
@testable import ReelbaseCore

@Suite struct ABTestDecisionTests {
  func decide(_ pairs: [(Int64, Int64)], _ c: Double = 0.95) -> Result<ABTestDecision, ABTestError> {
    ABTestDecision.decide(pairs.map { VariantCounts(successes: $0.0, trials: $0.1) }, confidence: c)
  }

  @Test func twoVariantsUseTheZTest() throws {
    let d = try decide([(200, 1000), (250, 1000)]).get()
    #expect(d.test == .twoProportionZ)
    #expect(d.degreesOfFreedom == 1)
    expectClose(d.statistic, 2.6773977630083295)  // mpmath, as in TwoProportionZTestTests
    expectClose(d.pValue, 7.4196492610256749e-3)
    #expect(d.significant)
    #expect(d.winner == 1)
    #expect(d.outcome == .tested)
    #expect(d.confidence == 0.95)
    #expect(d.variants.map(\.rate) == [0.2, 0.25])
    expectClose(d.variants[0].interval.lower, try WilsonInterval.of(VariantCounts(successes: 200, trials: 1000)).get().lower,
                tolerance: 0)
    // Not significant at 99.5% (p = 0.0074 > 0.005): no winner.
    let strict = try decide([(200, 1000), (250, 1000)], 0.995).get()
    #expect(!strict.significant)
    #expect(strict.winner == nil)
    #expect(strict.variants[0].interval.confidence == 0.995)
  }

  @Test func controlCanWin() throws {
    let d = try decide([(300, 1000), (250, 1000)]).get()
    #expect(d.statistic < 0)
    #expect(d.winner == 0)
  }

  @Test func moreVariantsUseChiSquare() throws {
    let d = try decide([(120, 1000), (130, 1000), (125, 1000), (160, 1000)]).get()
    #expect(d.test == .chiSquare)
    #expect(d.degreesOfFreedom == 3)
    expectClose(d.statistic, 8.3613167725317258)
    expectClose(d.pValue, 3.9105775628795721e-2)
    #expect(d.significant)
    #expect(d.winner == 3)
    #expect(try !decide([(120, 1000), (130, 1000), (125, 1000), (160, 1000)], 0.99).get().significant)
  }

  @Test func tiesGoToTheLowestIndex() throws {
    // Variants 1 and 2 share the top rate (1/3 = 2/6); 1 wins.
    let d = try decide([(0, 300), (100, 300), (200, 600)]).get()
    #expect(d.significant)
    #expect(d.winner == 1)
  }

  @Test func ratesAreComparedExactly() throws {
    // (2⁶¹ + 1)/2⁶² and 2⁶¹/(2⁶² − 1) are both 0.5 as doubles, but the first is larger.
    let a = VariantCounts(successes: (1 << 61) + 1, trials: 1 << 62)
    let b = VariantCounts(successes: 1 << 61, trials: (1 << 62) - 1)
    #expect(a.rate == b.rate)
    #expect(a.hasHigherRate(than: b))
    #expect(!b.hasHigherRate(than: a))
    #expect(!a.hasHigherRate(than: a))
    let d = try ABTestDecision.decide([VariantCounts(successes: 0, trials: 1 << 62), b, a]).get()
    #expect(d.significant)
    #expect(d.winner == 2)
  }

  @Test func noVariationIsNeverSignificant() throws {
    for pairs in [[(0, 100), (0, 100)], [(50, 50), (70, 70), (1, 1)]] as [[(Int64, Int64)]] {
      let d = try decide(pairs).get()
      #expect(d.outcome == .noVariation)
      #expect(d.statistic == 0 && d.pValue == 1)
      #expect(!d.significant && d.winner == nil)
    }
  }

  @Test func extremeRatesHaveIntervals() throws {
    let d = try decide([(0, 1000), (1000, 1000)]).get()
    #expect(d.variants[0].interval.lower == 0)
    #expect(d.variants[1].interval.upper == 1)
    #expect(d.winner == 1)
  }

  @Test func refusals() {
    #expect(decide([(1, 10)]) == .failure(.tooFewVariants(count: 1)))
    #expect(decide([]) == .failure(.tooFewVariants(count: 0)))
    #expect(decide([(1, 10), (0, 0)]) == .failure(.variantWithoutTrials(variant: 1)))
    #expect(decide([(0, 0), (0, 0)]) == .failure(.noTrials))
    #expect(decide([(1, 10), (11, 10)]) == .failure(.successesExceedTrials(variant: 1)))
    #expect(decide([(1, 10), (1, 10)], 1) == .failure(.invalidConfidence(1)))
    #expect(decide([(1, 10), (1, 10)], 0) == .failure(.invalidConfidence(0)))
    let e = ABTestError.variantWithoutTrials(variant: 3)
    #expect(e.sqlstate == "22023")
    #expect(e.message.contains("3"))
  }

  /// Whatever the counts, a decision or a typed error: never a trap, never NaN.
  @Test func neverTrapsOrAnswersNaN() {
    let values: [Int64] = [Int64.min, -1, 0, 1, 2, 3, 1000, 1 << 31, 1 << 53, (1 << 53) + 1, Int64.max - 1, Int64.max]
    var rng = SeededGenerator(seed: 15)
    for _ in 0..<3000 {
      let k = Int(rng.next() % 4) + 1
      let pairs: [(Int64, Int64)] = (0..<k).map { _ in
        (values[Int(rng.next() % UInt64(values.count))], values[Int(rng.next() % UInt64(values.count))])
      }
      let c = [0.5, 0.9, 0.95, 0.999_999][Int(rng.next() % 4)]
      switch decide(pairs, c) {
      case .failure:
        continue
      case .success(let d):
        #expect(d.statistic.isFinite && d.pValue >= 0 && d.pValue <= 1, "\(pairs)")
        for v in d.variants {
          #expect(v.rate >= 0 && v.rate <= 1 && v.interval.lower >= 0 && v.interval.lower <= v.interval.upper
                  && v.interval.upper <= 1, "\(pairs)")
        }
        if let w = d.winner { #expect(d.variants.allSatisfy { $0.rate <= d.variants[w].rate }) }
      }
    }
  }
}
