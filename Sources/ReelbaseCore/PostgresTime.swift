/// Postgres' internal time representations: `date` counts days and `timestamptz` counts
/// microseconds, both from 2000-01-01 (UTC for timestamps).
public enum PostgresTime {
  /// Days from 1970-01-01 to 2000-01-01.
  public static let epochOffsetDays: Int64 = 10_957
  /// Microseconds from 1970-01-01 to 2000-01-01.
  public static let epochOffsetMicroseconds: Int64 = 946_684_800_000_000
  /// `timestamptz` 'infinity' and '-infinity'.
  public static let timestampInfinity = Int64.max
  public static let timestampMinusInfinity = Int64.min
  /// `date` 'infinity' and '-infinity'.
  public static let dateInfinity = Int32.max
  public static let dateMinusInfinity = Int32.min

  /// Unix milliseconds for a Postgres timestamp (floor division, so pre-1970 times round down).
  public static func unixMilliseconds(fromTimestamp t: Int64) -> Int64 {
    let (unixMicros, overflow) = t.addingReportingOverflow(epochOffsetMicroseconds)
    if overflow { return t < 0 ? Int64.min / 1000 : Int64.max / 1000 }
    return unixMicros >= 0 ? unixMicros / 1000 : (unixMicros - 999) / 1000
  }

  public static func isFinite(timestamp t: Int64) -> Bool {
    t != timestampInfinity && t != timestampMinusInfinity
  }
}

/// A proleptic Gregorian calendar date, convertible to and from Postgres' day count.
public struct CivilDate: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// From days since 2000-01-01 (Postgres `date`), using Howard Hinnant's civil algorithm.
  public init(postgresDays: Int32) {
    let z = Int64(postgresDays) + PostgresTime.epochOffsetDays + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.init(year: Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), month: Int(m), day: Int(d))
  }

  /// Days since 2000-01-01, or nil when out of `date`'s range.
  public var postgresDays: Int32? {
    let y = Int64(year) - (month <= 2 ? 1 : 0)
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let m = Int64(month)
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146_097 + doe - 719_468 - PostgresTime.epochOffsetDays
    return Int32(exactly: days)
  }

  public static func < (a: CivilDate, b: CivilDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// ISO 8601 (YYYY-MM-DD) for years 0...9999.
  public var description: String {
    func pad(_ v: Int, _ width: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}
