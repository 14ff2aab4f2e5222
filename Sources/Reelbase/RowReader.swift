import PostgresNIO

/// Reads the columns of one result row by name, so models do not depend on column order.
/// Every failure (a missing column, NULL in a non-optional field, a type mismatch) becomes a
/// ``ReelbaseError`` with code ``ReelbaseError/Code/unexpectedResponse`` naming the column.
struct RowReader {
  private let row: PostgresRandomAccessRow
  private let context: String

  /// - Parameters:
  ///   - row: The row to read.
  ///   - context: What the row is, for error messages (e.g. `learning.videos`).
  init(_ row: PostgresRow, _ context: String) {
    self.row = PostgresRandomAccessRow(row)
    self.context = context
  }

  /// The non-NULL value of `column`.
  func callAsFunction<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T
  where T._DecodableType == T {
    guard let value = try optional(column, as: T.self) else {
      throw ReelbaseError(.unexpectedResponse, "\(context).\(column) is NULL")
    }
    return value
  }

  /// The value of `column`, nil for NULL.
  func optional<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T?
  where T._DecodableType == T {
    guard row.contains(column) else {
      throw ReelbaseError(.unexpectedResponse, "\(context) has no column \(column)")
    }
    do {
      return try row[column].decode(T?.self)
    } catch {
      throw ReelbaseError(
        .unexpectedResponse, "\(context).\(column) does not decode as \(T.self): \(error)",
        underlying: error)
    }
  }

  /// Whether the row has `column` (for optional columns such as a video's transcript).
  func has(_ column: String) -> Bool { row.contains(column) }
}
