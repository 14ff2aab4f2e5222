/// A calendar month, the unit of reelbase's partitions.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int

  /// - Returns: nil unless 1 <= month <= 12 and 1 <= year <= 9999 (the range a partition
  ///   name and a Postgres date literal can express).
  public init?(year: Int, month: Int) {
    guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
    self.year = year
    self.month = month
  }

  public init(_ date: CivilDate) {
    self.year = date.year
    self.month = date.month
  }

  /// Months since year 0, for arithmetic.
  var ordinal: Int { year * 12 + (month - 1) }

  /// The month `count` months later (earlier if negative), or nil outside years 1...9999.
  public func advanced(by count: Int) -> YearMonth? {
    let (o, overflow) = ordinal.addingReportingOverflow(count)
    guard !overflow, o >= 0 else { return nil }
    return YearMonth(year: o / 12, month: o % 12 + 1)
  }

  public func months(until other: YearMonth) -> Int { other.ordinal - ordinal }

  public var firstDay: CivilDate { CivilDate(year: year, month: month, day: 1) }

  /// "YYYY_MM", the suffix of a partition's name (seed 004).
  public var suffix: String {
    let y = String(year)
    let m = String(month)
    return String(repeating: "0", count: max(0, 4 - y.count)) + y + "_" + (month < 10 ? "0" : "") + m
  }

  /// "YYYY-MM-01", a date literal of the first day.
  public var firstDayLiteral: String { firstDay.description }

  public var description: String { suffix }

  public static func < (a: YearMonth, b: YearMonth) -> Bool { a.ordinal < b.ordinal }
}
