/// A parsed JSON document, as the JSON Schema validator sees it. Numbers stay exact decimals
/// (jsonb's numeric), so 1.0 equals 1 and 0.1 + 0.2 questions never arise.
public enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case number(DecimalNumber)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  /// The JSON Schema type name of the value ("integer" is a kind of "number", see `isInteger`).
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .number(let n): n.isInteger ? "integer" : "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }

  /// JSON equality as JSON Schema defines it (`enum`, `const`, `uniqueItems`): numbers by
  /// value, objects by their members in any order, arrays element by element.
  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): true
    case (.bool(let x), .bool(let y)): x == y
    case (.number(let x), .number(let y)): x.compare(y) == 0
    case (.string(let x), .string(let y)): x.unicodeScalars.elementsEqual(y.unicodeScalars)
    case (.array(let x), .array(let y)): x == y
    case (.object(let x), .object(let y)): x == y
    default: false
    }
  }
}

/// A JSON object: members in document order (for stable error order) and looked up by key.
/// A repeated key keeps its last value, as jsonb does.
public struct JSONObject: Equatable, Sendable {
  /// Members in first-seen order. Most objects a schema sees have a handful of keys, where a
  /// scan beats hashing; a key index is kept only once an object grows past `indexedFrom`.
  public private(set) var members: [(key: String, value: JSONValue)] = []
  private var index: [String: Int]?
  private static let indexedFrom = 16

  public init() {}

  public init(_ members: [(String, JSONValue)]) {
    for (key, value) in members { self[key] = value }
  }

  public var count: Int { members.count }
  public var keys: [String] { members.map(\.key) }

  private func position(of key: String) -> Int? {
    if let index { return index[key] }
    return members.firstIndex { $0.key == key }
  }

  public subscript(key: String) -> JSONValue? {
    get { position(of: key).map { members[$0].value } }
    set {
      if let at = position(of: key) {
        if let newValue { members[at].value = newValue; return }
        members.remove(at: at)
        index = index.map { _ in Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1.key, $0) }) }
      } else if let newValue {
        members.append((key, newValue))
        if index != nil { index?[key] = members.count - 1 } else if members.count > Self.indexedFrom {
          index = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1.key, $0) })
        }
      }
    }
  }

  /// Equal members, in any order.
  public static func == (a: JSONObject, b: JSONObject) -> Bool {
    a.count == b.count && a.members.allSatisfy { b[$0.key] == $0.value }
  }
}
