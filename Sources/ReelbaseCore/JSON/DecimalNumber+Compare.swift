/// Exact comparisons for JSON Schema's numeric keywords (`minimum`, `multipleOf`, integer
/// checks): on decimal digits, so 0.3 is a multiple of 0.1 and 1e400 is an integer.
extension DecimalNumber {
  /// The same value with trailing zeros of the significand moved into the exponent.
  var trimmed: DecimalNumber {
    var end = digits.endIndex
    while end > digits.startIndex && digits[end - 1] == 0 { end -= 1 }
    return DecimalNumber(digits: Array(digits[..<end]), exponent: exponent + (digits.endIndex - end),
                         isNegative: isNegative)
  }

  /// Draft-07: a number with a zero fractional part is an integer (1.0 is).
  public var isInteger: Bool { isZero || trimmed.exponent >= 0 }

  /// -1, 0 or 1 as self is less than, equal to or greater than other.
  public func compare(_ other: DecimalNumber) -> Int {
    let a = trimmed, b = other.trimmed
    if a.isZero && b.isZero { return 0 }
    let signA = a.isZero ? 0 : (a.isNegative ? -1 : 1)
    let signB = b.isZero ? 0 : (b.isNegative ? -1 : 1)
    if signA != signB { return signA < signB ? -1 : 1 }
    let magnitude = a.compareMagnitude(b)
    return signA < 0 ? -magnitude : magnitude
  }

  private func compareMagnitude(_ other: DecimalNumber) -> Int {
    // Position of the leading digit decides first; then the digits, most significant first.
    let topA = digits.count + exponent, topB = other.digits.count + other.exponent
    if topA != topB { return topA < topB ? -1 : 1 }
    for (x, y) in zip(digits, other.digits) where x != y { return x < y ? -1 : 1 }
    return digits.count == other.digits.count ? 0 : (digits.count < other.digits.count ? -1 : 1)
  }

  /// Whether self / divisor is an integer, exactly.
  /// - Returns: nil when the divisor has more than 18 significant digits (the schema compiler
  ///   refuses such a `multipleOf`), or is zero or negative.
  public func isMultiple(of divisor: DecimalNumber) -> Bool? {
    let a = trimmed, b = divisor.trimmed
    guard !b.isZero, !b.isNegative, b.digits.count <= 18 else { return nil }
    if a.isZero { return true }
    // A significand with no trailing zero is not divisible by 10, so a finer unit than the
    // divisor's cannot be a whole multiple of it.
    if a.exponent < b.exponent { return false }
    var modulus: UInt64 = 0
    for d in b.digits { modulus = modulus * 10 + UInt64(d) }
    var remainder: UInt64 = 0
    for d in a.digits { remainder = Self.mulMod(remainder, 10, modulus) &+ UInt64(d) % modulus; remainder %= modulus }
    let scale = Self.powMod(10, a.exponent - b.exponent, modulus)
    return Self.mulMod(remainder, scale, modulus) == 0
  }

  private static func mulMod(_ x: UInt64, _ y: UInt64, _ m: UInt64) -> UInt64 {
    let (high, low) = x.multipliedFullWidth(by: y)
    return m.dividingFullWidth((high % m, low)).remainder
  }

  private static func powMod(_ base: UInt64, _ exponent: Int, _ m: UInt64) -> UInt64 {
    var result: UInt64 = 1 % m, b = base % m, e = exponent
    while e > 0 {
      if e & 1 == 1 { result = mulMod(result, b, m) }
      b = mulMod(b, b, m)
      e >>= 1
    }
    return result
  }
}
