/// An amount of US dollars in whole cents: the unit of every market price (numeric(12,2)).
public struct Cents: Comparable, Hashable, Sendable, CustomStringConvertible {
  public var value: Int64

  public init(_ value: Int64) { self.value = value }

  /// The largest amount numeric(12,2) holds: 9,999,999,999.99.
  public static let numericMax = Cents(999_999_999_999)

  public static func < (a: Cents, b: Cents) -> Bool { a.value < b.value }

  /// "11.48", "-0.05": the text numeric input reads back exactly.
  public var description: String {
    let magnitude = value.magnitude
    let fraction = magnitude % 100
    return "\(value < 0 ? "-" : "")\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  /// The decimal as cents, rounded half away from zero (as a cast to numeric(12,2) rounds).
  /// - Returns: nil beyond numeric(12,2)'s range.
  public init?(rounding decimal: DecimalNumber) {
    guard let cents = decimal.rounded(shift: 2, limit: Cents.numericMax.value) else { return nil }
    self.init(cents)
  }
}
