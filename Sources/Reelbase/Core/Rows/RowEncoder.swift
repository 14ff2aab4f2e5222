import PostgresNIO

/// Binds a model's properties, each as the column its name stands for.
final class RowEncoder: Encoder {
  private(set) var values: [(column: String, value: (any PostgresThrowingDynamicTypeEncodable)?)] = []
  private let context: String
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  init(context: String) { self.context = context }

  /// The columns of `row` with their values, in property order; a nil optional is a NULL.
  static func columns<T: Encodable>(of row: T, context: String) throws
    -> [(column: String, value: (any PostgresThrowingDynamicTypeEncodable)?)]
  {
    let encoder = RowEncoder(context: context)
    try row.encode(to: encoder)
    // Synthesized encoders skip nil optionals: their columns are NULL.
    let named = Dictionary(encoder.values.map { ($0.column, $0.value) }, uniquingKeysWith: { a, _ in a })
    guard let decodable = T.self as? any Decodable.Type else { return encoder.values }
    return columnsOf(decodable).map { ($0, named[$0] ?? nil) }
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(Columns<Key>(encoder: self))
  }
  func unkeyedContainer() -> any UnkeyedEncodingContainer { fatalError(misuse()) }
  func singleValueContainer() -> any SingleValueEncodingContainer { fatalError(misuse()) }

  fileprivate func misuse() -> String { "a row of \(context) encodes as a struct of its columns" }

  struct Columns<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: RowEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) {
      encoder.values.append((columnName(key.stringValue), nil))
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
      guard let bindable = value as? any PostgresThrowingDynamicTypeEncodable else {
        throw ReelbaseError(
          .misuse, "\(encoder.context).\(columnName(key.stringValue)): \(T.self) is not a column type")
      }
      encoder.values.append((columnName(key.stringValue), bindable))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
      -> KeyedEncodingContainer<NestedKey>
    { fatalError(encoder.misuse()) }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
      fatalError(encoder.misuse())
    }
    mutating func superEncoder() -> any Encoder { fatalError(encoder.misuse()) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { fatalError(encoder.misuse()) }
  }
}

private func columnsOf<T: Decodable>(_ type: T.Type) -> [String] { ColumnRecorder.columns(of: T.self) }

extension PostgresBindings {
  /// Binds a column value, NULL for nil.
  mutating func append(column value: (any PostgresThrowingDynamicTypeEncodable)?) throws {
    if let value { try append(value) } else { appendNull() }
  }
}
