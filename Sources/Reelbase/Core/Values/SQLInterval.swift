import PostgresNIO

/// A value of PostgreSQL's `interval` type, with its three separate fields: months, days and
/// microseconds. (PostgresNIO has no `interval` type of its own.)
///
/// The fields are kept apart because the server keeps them apart: a month is not a fixed
/// number of days, nor a day a fixed number of seconds across a daylight-saving change. So
/// `.months(1)` and `.days(30)` are different values, and `.years(1) == .months(12)`, as in
/// PostgreSQL (`interval '1 year'` is stored as 12 months).
///
/// ```swift
/// try await admin.managePartitions(parent: "stories.segments", retention: .months(18))
/// try await admin.registerMaintenanceTask(name: "nightly", function: "ops.nightly()", runEvery: .hours(24))
/// ```
///
/// Binds and decodes in PostgreSQL's binary `interval` format. ``description`` is valid
/// `interval` input text as well, e.g. `18 months` or `1 days 3600 seconds`.
public struct SQLInterval: Sendable, Hashable, Codable, CustomStringConvertible, PostgresNonThrowingEncodable,
  PostgresDecodable
{
  /// Whole months (a year is 12).
  public var months: Int32
  /// Whole days.
  public var days: Int32
  /// Microseconds (the time part).
  public var microseconds: Int64

  /// Makes an interval from its fields.
  /// - Parameters:
  ///   - months: Whole months.
  ///   - days: Whole days.
  ///   - microseconds: The time part, in microseconds.
  public init(months: Int32 = 0, days: Int32 = 0, microseconds: Int64 = 0) {
    self.months = months
    self.days = days
    self.microseconds = microseconds
  }

  /// Makes an interval of a `Duration`, all in the time part (no days or months), truncated
  /// to microseconds and clamped to what `Int64` microseconds can hold.
  /// - Parameter duration: The duration.
  public init(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000)
    let fraction = attoseconds / 1_000_000_000_000
    if overflow {
      microseconds = seconds < 0 ? .min : .max
    } else {
      let (sum, carry) = whole.addingReportingOverflow(fraction)
      microseconds = carry ? (whole < 0 ? .min : .max) : sum
    }
    months = 0
    days = 0
  }

  /// `n` years, stored as 12·n months.
  /// - Parameter n: The number of years.
  /// - Returns: The interval.
  public static func years(_ n: Int32) -> SQLInterval { SQLInterval(months: n * 12) }
  /// `n` months.
  /// - Parameter n: The number of months.
  /// - Returns: The interval.
  public static func months(_ n: Int32) -> SQLInterval { SQLInterval(months: n) }
  /// `n` days.
  /// - Parameter n: The number of days.
  /// - Returns: The interval.
  public static func days(_ n: Int32) -> SQLInterval { SQLInterval(days: n) }
  /// `n` hours, in the time part.
  /// - Parameter n: The number of hours.
  /// - Returns: The interval.
  public static func hours(_ n: Int64) -> SQLInterval { SQLInterval(microseconds: n * 3_600_000_000) }
  /// `n` minutes, in the time part.
  /// - Parameter n: The number of minutes.
  /// - Returns: The interval.
  public static func minutes(_ n: Int64) -> SQLInterval { SQLInterval(microseconds: n * 60_000_000) }
  /// `n` seconds, in the time part.
  /// - Parameter n: The number of seconds.
  /// - Returns: The interval.
  public static func seconds(_ n: Int64) -> SQLInterval { SQLInterval(microseconds: n * 1_000_000) }

  /// The interval as PostgreSQL `interval` input text: the non-zero fields, e.g. `18 months`,
  /// `5 days`, `300 seconds`, `1 microseconds`; `0` for the empty interval.
  public var description: String {
    var parts: [String] = []
    if months != 0 { parts.append("\(months) months") }
    if days != 0 { parts.append("\(days) days") }
    if microseconds != 0 {
      parts.append(microseconds % 1_000_000 == 0
        ? "\(microseconds / 1_000_000) seconds" : "\(microseconds) microseconds")
    }
    return parts.isEmpty ? "0" : parts.joined(separator: " ")
  }

  /// `interval`.
  public static var psqlType: PostgresDataType { .interval }

  /// Binary.
  public static var psqlFormat: PostgresFormat { .binary }

  /// Writes the binary `interval`: microseconds (int8), days (int4), months (int4).
  /// - Parameters:
  ///   - byteBuffer: The buffer to write to.
  ///   - context: The encoding context.
  public func encode<JSONEncoder: PostgresJSONEncoder>(
    into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
  ) {
    byteBuffer.writeInteger(microseconds)
    byteBuffer.writeInteger(days)
    byteBuffer.writeInteger(months)
  }

  /// Reads a binary `interval`.
  /// - Parameters:
  ///   - buffer: The column's bytes.
  ///   - type: The column's type.
  ///   - format: The wire format.
  ///   - context: The decoding context.
  /// - Throws: `PostgresDecodingError` when the column is not a binary `interval`.
  public init<JSONDecoder: PostgresJSONDecoder>(
    from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
    context: PostgresDecodingContext<JSONDecoder>
  ) throws {
    guard type == .interval, format == .binary else {
      throw PostgresDecodingError.Code.typeMismatch
    }
    guard buffer.readableBytes == 16, let micro = buffer.readInteger(as: Int64.self),
      let days = buffer.readInteger(as: Int32.self), let months = buffer.readInteger(as: Int32.self)
    else {
      throw PostgresDecodingError.Code.failure
    }
    self.init(months: months, days: days, microseconds: micro)
  }
}
