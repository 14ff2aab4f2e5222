/// An exact decimal read from text: `significand x 10^exponent`, the significand as decimal
/// digits. Money is computed on these and on integer cents, never on binary doubles, so that
/// 41.00 x 0.28 is exactly 11.48 and a half cent always rounds the same way.
///
/// Reads what Postgres' numeric_out prints ("-12.345", "NaN", "Infinity") and what Swift's
/// `Double.description` prints (the shortest text that reads back as the same double:
/// "0.28", "1e-05", "2.5e+16", "inf", "nan").
public struct DecimalNumber: Equatable, Sendable {
  /// Most significant first, no leading zeros; empty for zero.
  public var digits: [UInt8]
  public var exponent: Int
  public var isNegative: Bool

  public init(digits: [UInt8], exponent: Int, isNegative: Bool = false) {
    let firstNonZero = digits.firstIndex { $0 != 0 } ?? digits.endIndex
    self.digits = Array(digits[firstNonZero...])
    self.exponent = exponent
    self.isNegative = isNegative && firstNonZero != digits.endIndex
  }

  public var isZero: Bool { digits.isEmpty }

  /// - Returns: nil for anything that is not a finite decimal number (NaN, infinities, junk).
  public init?(text: String) {
    var utf8 = Substring(text).utf8[...]
    var negative = false
    if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      utf8 = utf8.dropFirst()
    }
    var digits: [UInt8] = []
    var fractionDigits = 0
    var seenPoint = false
    var seenDigit = false
    while let c = utf8.first {
      if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
        digits.append(c - UInt8(ascii: "0"))
        if seenPoint { fractionDigits += 1 }
        seenDigit = true
      } else if c == UInt8(ascii: ".") && !seenPoint {
        seenPoint = true
      } else {
        break
      }
      utf8 = utf8.dropFirst()
    }
    guard seenDigit else { return nil }
    var exponent = 0
    if let e = utf8.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      utf8 = utf8.dropFirst()
      var expNegative = false
      if let s = utf8.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") {
        expNegative = s == UInt8(ascii: "-")
        utf8 = utf8.dropFirst()
      }
      var seenExpDigit = false
      while let c = utf8.first, c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
        // Far beyond any money value; the cap only keeps the arithmetic from overflowing.
        guard exponent < 1_000_000 else { return nil }
        exponent = exponent * 10 + Int(c - UInt8(ascii: "0"))
        seenExpDigit = true
        utf8 = utf8.dropFirst()
      }
      guard seenExpDigit else { return nil }
      if expNegative { exponent = -exponent }
    }
    guard utf8.isEmpty else { return nil }
    self.init(digits: digits, exponent: exponent - fractionDigits, isNegative: negative)
  }

  /// The shortest decimal that reads back as `value` (Swift's `description`), so a
  /// purchasing-power index stored as 0.28 counts as 0.28, not as the binary double
  /// 0.28000000000000002665. Postgres prints float8 the same shortest way (extra_float_digits 1).
  public init?(shortest value: Double) {
    guard value.isFinite else { return nil }
    self.init(text: value.description)
  }

  /// Exact product.
  public static func * (a: DecimalNumber, b: DecimalNumber) -> DecimalNumber {
    if a.isZero || b.isZero { return DecimalNumber(digits: [], exponent: 0) }
    // Schoolbook multiplication, least significant digit first.
    let x = Array(a.digits.reversed())
    let y = Array(b.digits.reversed())
    var product = [Int](repeating: 0, count: x.count + y.count)
    for i in 0..<x.count {
      var carry = 0
      for j in 0..<y.count {
        let t = product[i + j] + Int(x[i]) * Int(y[j]) + carry
        product[i + j] = t % 10
        carry = t / 10
      }
      var k = i + y.count
      while carry > 0 && k < product.count {
        let t = product[k] + carry
        product[k] = t % 10
        carry = t / 10
        k += 1
      }
    }
    return DecimalNumber(digits: product.reversed().map { UInt8($0) },
                         exponent: a.exponent + b.exponent,
                         isNegative: a.isNegative != b.isNegative)
  }

  /// `self x 10^shift` rounded half away from zero to an integer.
  /// - Returns: nil when the magnitude exceeds `limit`.
  public func rounded(shift: Int, limit: Int64) -> Int64? {
    if isZero { return 0 }
    let scale = exponent + shift
    var magnitude: Int64 = 0
    // Digits left of the decimal point after shifting; the rest are dropped (with rounding).
    let integerDigits = digits.count + scale
    let limitDigits = String(limit).count
    if integerDigits > limitDigits { return nil }
    for i in 0..<max(0, integerDigits) {
      let digit = i < digits.count ? Int64(digits[i]) : 0
      magnitude = magnitude * 10 + digit
    }
    if integerDigits >= 0 && integerDigits < digits.count && digits[integerDigits] >= 5 {
      magnitude += 1
    }
    guard magnitude <= limit else { return nil }
    return isNegative ? -magnitude : magnitude
  }
}
