import Foundation

/// Finds the columns a model reads by decoding it once from placeholders and noting every
/// key its `init(from:)` asks for. Placeholders are zeros, empty strings and arrays, the
/// zero UUID and NULL for optionals, which every column type of the client decodes from.
enum ColumnRecorder {
  static func columns<T: Decodable>(of type: T.Type) -> [String] {
    let recorder = Recorder()
    do {
      _ = try T(from: recorder)
    } catch {
      preconditionFailure("\(T.self) does not decode from placeholders: \(error)")
    }
    return recorder.keys.value
  }

  final class Keys: @unchecked Sendable { var value: [String] = [] }

  /// The top level: records keys. Values below it come from ``Placeholder``.
  struct Recorder: Decoder {
    let keys = Keys()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
      KeyedDecodingContainer(Container<Key>(keys: keys))
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Placeholder.Empty() }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { Placeholder() }
  }

  struct Container<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let keys: Keys?
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }
    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool {
      keys?.value.append(columnName(key.stringValue))
      return true
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
      keys?.value.append(columnName(key.stringValue))
      // A closed enum (VideoEventType) has no value made from nothing: take its first case.
      if let cases = T.self as? any CaseIterable.Type, let first = firstCase(cases) as? T { return first }
      return try T(from: Placeholder())
    }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key)
      -> KeyedDecodingContainer<NestedKey>
    { KeyedDecodingContainer(Container<NestedKey>(keys: nil)) }
    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedDecodingContainer {
      Placeholder.Empty()
    }
    func superDecoder() -> any Decoder { Placeholder() }
    func superDecoder(forKey key: Key) -> any Decoder { Placeholder() }
  }

  /// A value with nothing in it.
  struct Placeholder: Decoder, SingleValueDecodingContainer {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
      KeyedDecodingContainer(Container<Key>(keys: nil))
    }
    func unkeyedContainer() -> any UnkeyedDecodingContainer { Empty() }
    func singleValueContainer() -> any SingleValueDecodingContainer { self }
    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) -> Bool { false }
    func decode(_ type: String.Type) -> String { "00000000-0000-0000-0000-000000000000" }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
      if let number = T.self as? any AdditiveArithmetic.Type { return zero(number) as! T }
      return try T(from: self)
    }

    struct Empty: UnkeyedDecodingContainer {
      var codingPath: [any CodingKey] { [] }
      var count: Int? { 0 }
      var isAtEnd: Bool { true }
      var currentIndex: Int { 0 }
      func decodeNil() -> Bool { true }
      func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: Placeholder()) }
      func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type)
        -> KeyedDecodingContainer<NestedKey>
      { KeyedDecodingContainer(Container<NestedKey>(keys: nil)) }
      func nestedUnkeyedContainer() -> any UnkeyedDecodingContainer { self }
      func superDecoder() -> any Decoder { Placeholder() }
    }
  }
}

private func zero<N: AdditiveArithmetic>(_ type: N.Type) -> Any { N.zero }
private func firstCase<C: CaseIterable>(_ type: C.Type) -> Any? { C.allCases.first }
