/// Why a price could not be made.
public enum MarketPriceProblem: Error, Equatable, Sendable {
  /// NaN or an infinity.
  case notFinite
  /// Zero or negative after rounding to cents (listed_price > 0 and base_price_usd > 0 are required).
  case notPositive
  /// Beyond numeric(12,2) (9,999,999,999.99).
  case overflow
}

/// The marketplace's money rules (seed 000 section 2.1 and 3.2), on exact decimals and cents.
public enum MarketPricing {
  /// The base price as stored: any numeric, rounded half away from zero to cents.
  /// - Parameter text: numeric_out's text of the argument.
  public static func basePrice(numericText text: String) -> Result<Cents, MarketPriceProblem> {
    guard let decimal = DecimalNumber(text: text) else { return .failure(.notFinite) }
    guard let cents = Cents(rounding: decimal) else { return .failure(.overflow) }
    return cents.value > 0 ? .success(cents) : .failure(.notPositive)
  }

  /// listed price = base x purchasing-power index, rounded half away from zero to cents.
  ///
  /// The index (a double) counts as its shortest decimal text, the value Postgres prints and
  /// an administrator typed: 41.00 x 0.28 = 11.48, 50.00 x 0.25 = 12.50, 1.00 x 0.285 = 0.29
  /// (the double nearest 0.285 is a little below it; counting in binary would give 0.28).
  public static func listedPrice(base: Cents, purchasingPowerIndex index: Double)
    -> Result<Cents, MarketPriceProblem>
  {
    guard let factor = DecimalNumber(shortest: index) else { return .failure(.notFinite) }
    let product = DecimalNumber(digits: digits(of: base.value.magnitude), exponent: 0,
                                isNegative: base.value < 0) * factor
    guard let cents = product.rounded(shift: 0, limit: Cents.numericMax.value) else {
      return .failure(.overflow)
    }
    return cents > 0 ? .success(Cents(cents)) : .failure(.notPositive)
  }

  /// The cashback share of a purchase (seed 000: price_paid x 0.12).
  public static let cashbackPercent: Int64 = 12

  /// price x 12%, rounded half away from zero to cents: (|price| x 12 + 50) / 100.
  /// - Returns: nil if the product overflows (never for numeric(12,2) prices).
  public static func cashback(for price: Cents) -> Cents? {
    let (scaled, overflow) = price.value.magnitude.multipliedReportingOverflow(by: UInt64(cashbackPercent))
    guard !overflow else { return nil }
    let (rounded, overflow2) = scaled.addingReportingOverflow(50)
    guard !overflow2, let magnitude = Int64(exactly: rounded / 100) else { return nil }
    return Cents(price.value < 0 ? -magnitude : magnitude)
  }

  private static func digits(of value: UInt64) -> [UInt8] {
    if value == 0 { return [] }
    var out: [UInt8] = []
    var v = value
    while v > 0 {
      out.append(UInt8(v % 10))
      v /= 10
    }
    return out.reversed()
  }
}
