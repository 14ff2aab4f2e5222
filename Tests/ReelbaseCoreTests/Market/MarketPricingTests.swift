import Testing
@testable import ReelbaseCore

@Suite struct MarketPricingTests {
  private func listed(_ base: Int64, _ index: Double) -> Result<Cents, MarketPriceProblem> {
    MarketPricing.listedPrice(base: Cents(base), purchasingPowerIndex: index)
  }

  @Test func seedExamples() {
    // Seed 000: listing-abc 41.00 in a 0.28 market lists at 11.48; $50 in Indonesia (0.25) at 12.50.
    #expect(listed(4100, 0.28) == .success(Cents(1148)))
    #expect(listed(5000, 0.25) == .success(Cents(1250)))
    #expect(listed(5000, 1.0) == .success(Cents(5000)))
  }

  @Test func roundsHalfAwayFromZeroOnTheDecimalIndex() {
    // 1.00 x 0.285 = 0.285 -> 0.29, although the double nearest 0.285 is below it (binary
    // arithmetic would give 0.28).
    #expect(listed(100, 0.285) == .success(Cents(29)))
    #expect(listed(100, 0.284999) == .success(Cents(28)))
    #expect(listed(1, 0.5) == .success(Cents(1)))
    #expect(listed(3, 0.5) == .success(Cents(2)))
    #expect(listed(999, 0.1) == .success(Cents(100)))
    #expect(listed(4100, 1e-3) == .success(Cents(4)))
  }

  @Test func tinyResultsAreRefused() {
    #expect(listed(1, 0.49) == .failure(.notPositive))
    #expect(listed(100, 0.004) == .failure(.notPositive))
    #expect(listed(100, 5e-324) == .failure(.notPositive))
    #expect(listed(1, 0.5) == .success(Cents(1)))
  }

  @Test func overflowBeyondNumeric12_2() {
    #expect(listed(Cents.numericMax.value, 1.0) == .success(Cents.numericMax))
    #expect(listed(Cents.numericMax.value, 1.0000001) == .failure(.overflow))
    #expect(listed(100_000_000_000, 100) == .failure(.overflow))
    #expect(listed(1, .infinity) == .failure(.notFinite))
    #expect(listed(1, .nan) == .failure(.notFinite))
  }

  @Test func basePriceRoundsToCents() {
    #expect(MarketPricing.basePrice(numericText: "41.00") == .success(Cents(4100)))
    #expect(MarketPricing.basePrice(numericText: "41") == .success(Cents(4100)))
    #expect(MarketPricing.basePrice(numericText: "0.005") == .success(Cents(1)))
    #expect(MarketPricing.basePrice(numericText: "0.0049999999") == .failure(.notPositive))
    #expect(MarketPricing.basePrice(numericText: "12.345") == .success(Cents(1235)))
    #expect(MarketPricing.basePrice(numericText: "12.3449") == .success(Cents(1234)))
    #expect(MarketPricing.basePrice(numericText: "0") == .failure(.notPositive))
    #expect(MarketPricing.basePrice(numericText: "-5.00") == .failure(.notPositive))
    #expect(MarketPricing.basePrice(numericText: "-0.001") == .failure(.notPositive))
    #expect(MarketPricing.basePrice(numericText: "NaN") == .failure(.notFinite))
    #expect(MarketPricing.basePrice(numericText: "Infinity") == .failure(.notFinite))
    #expect(MarketPricing.basePrice(numericText: "-Infinity") == .failure(.notFinite))
    #expect(MarketPricing.basePrice(numericText: "9999999999.99") == .success(Cents.numericMax))
    #expect(MarketPricing.basePrice(numericText: "9999999999.995") == .failure(.overflow))
    #expect(MarketPricing.basePrice(numericText: "9999999999.994") == .success(Cents.numericMax))
    #expect(MarketPricing.basePrice(numericText: String(repeating: "9", count: 5000)) == .failure(.overflow))
    #expect(MarketPricing.basePrice(numericText: "0." + String(repeating: "0", count: 5000) + "1")
            == .failure(.notPositive))
  }

  @Test func cashbackIsTwelvePercentHalfAwayFromZero() {
    #expect(MarketPricing.cashback(for: Cents(1148)) == Cents(138))   // 1.3776
    #expect(MarketPricing.cashback(for: Cents(1250)) == Cents(150))
    #expect(MarketPricing.cashback(for: Cents(125)) == Cents(15))     // 0.15 exactly
    #expect(MarketPricing.cashback(for: Cents(4)) == Cents(0))        // 0.0048
    #expect(MarketPricing.cashback(for: Cents(5)) == Cents(1))        // 0.006
    #expect(MarketPricing.cashback(for: Cents(2)) == Cents(0))        // 0.0024
    #expect(MarketPricing.cashback(for: Cents(0)) == Cents(0))
    // 13 cents x 12% = 1.56 cents -> 2 cents.
    #expect(MarketPricing.cashback(for: Cents(13)) == Cents(2))
    #expect(MarketPricing.cashback(for: Cents.numericMax) == Cents(120_000_000_000))
    #expect(MarketPricing.cashback(for: Cents(Int64.max)) == nil)
  }

  @Test func centsPrint() {
    #expect(Cents(1148).description == "11.48")
    #expect(Cents(5).description == "0.05")
    #expect(Cents(-5).description == "-0.05")
    #expect(Cents(100).description == "1.00")
  }
}
