import PostgresNIO

/// Decodes a `Decodable` model from one row, each property from the column of its name.
struct RowDecoder: Decoder {
  let row: PostgresRandomAccessRow
  let context: String
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
    KeyedDecodingContainer(Columns<Key>(row: row, context: context))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw notARow() }
  func singleValueContainer() throws -> any SingleValueDecodingContainer { throw notARow() }

  private func notARow() -> ReelbaseError {
    ReelbaseError(.misuse, "a row of \(context) decodes into a struct of its columns")
  }

  struct Columns<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let row: PostgresRandomAccessRow
    let context: String
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { row.contains(columnName(key.stringValue)) }

    func decodeNil(forKey key: Key) throws -> Bool {
      !contains(key) || row[columnName(key.stringValue)].bytes == nil
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
      let column = columnName(key.stringValue)
      guard row.contains(column) else {
        throw ReelbaseError(.unexpectedResponse, "\(context) has no column \(column)")
      }
      let cell = row[column]
      guard let decodable = T.self as? any PostgresDecodable.Type else {
        throw ReelbaseError(.misuse, "\(context).\(column): \(T.self) is not a column type")
      }
      if cell.bytes == nil, !(T.self is any OptionalColumn.Type) {
        throw ReelbaseError(.unexpectedResponse, "\(context).\(column) is NULL")
      }
      do {
        return try decodeCell(cell, as: decodable) as! T
      } catch {
        throw ReelbaseError(
          .unexpectedResponse,
          "\(context).\(column) (\(cell.dataType)) does not decode as \(T.self): \(error)",
          underlying: error)
      }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key)
      throws -> KeyedDecodingContainer<NestedKey>
    { throw nested(key) }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
      throw nested(key)
    }
    func superDecoder() throws -> any Decoder { throw nested(nil) }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw nested(key) }

    private func nested(_ key: Key?) -> ReelbaseError {
      ReelbaseError(
        .misuse, "\(context).\(key.map { columnName($0.stringValue) } ?? "super"): a column is one value")
    }
  }
}

private func decodeCell<T: PostgresDecodable>(_ cell: PostgresCell, as type: T.Type) throws -> Any {
  try cell.decode(T.self)
}

/// `Optional`, so the decoder lets NULL through to PostgresNIO only for optional types.
protocol OptionalColumn {}
extension Optional: OptionalColumn {}
