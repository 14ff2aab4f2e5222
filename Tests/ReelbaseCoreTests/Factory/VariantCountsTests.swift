import Testing
@testable import ReelbaseCore

@Suite struct VariantCountsTests {
  @Test func failuresAndRate() {
    #expect(VariantCounts(successes: 3, trials: 10).failures == 7)
    #expect(VariantCounts(successes: 3, trials: 10).rate == 0.3)
    #expect(VariantCounts(successes: 0, trials: 0).rate == nil)
    #expect(VariantCounts(successes: Int64.max, trials: Int64.max).failures == 0)
    // Invalid counts have no failures instead of a wrapped or trapping subtraction.
    #expect(VariantCounts(successes: -1, trials: Int64.max).failures == nil)
    #expect(VariantCounts(successes: 5, trials: 4).failures == nil)
    #expect(VariantCounts(successes: Int64.min, trials: Int64.min).failures == nil)
  }

  @Test func validationOrder() {
    let ok = VariantCounts(successes: 1, trials: 2)
    #expect(VariantCounts.validate([ok, ok]) == nil)
    // Bad counts are named first, even with too few variants.
    #expect(VariantCounts.validate([VariantCounts(successes: 3, trials: 2)]) == .successesExceedTrials(variant: 0))
    #expect(VariantCounts.validate([ok, VariantCounts(successes: 0, trials: -2)]) == .negativeCount(variant: 1))
    #expect(VariantCounts.validate([ok]) == .tooFewVariants(count: 1))
  }

  @Test func exactRateComparison() {
    let third = VariantCounts(successes: 1, trials: 3)
    #expect(!third.hasHigherRate(than: VariantCounts(successes: 2, trials: 6)))
    #expect(VariantCounts(successes: 2, trials: 5).hasHigherRate(than: third))
    let m = Int64.max
    #expect(VariantCounts(successes: m, trials: m).hasHigherRate(than: VariantCounts(successes: m - 1, trials: m)))
    #expect(!VariantCounts(successes: 0, trials: m).hasHigherRate(than: VariantCounts(successes: 0, trials: 1)))
  }

  @Test func differenceOfProductsDoesNotCancel() {
    // (2²⁷ + 1)(2²⁷ − 1) − 2²⁷·2²⁷ = −1 exactly; the naive form rounds 2⁵⁴ − 1 to 2⁵⁴ and says 0.
    let a = 134_217_729.0, b = 134_217_727.0, c = 134_217_728.0
    #expect(a * b - c * c == 0)
    #expect(differenceOfProducts(a, b, c, c) == -1)
    #expect(differenceOfProducts(3, 5, 2, 7) == 1)
  }
}
