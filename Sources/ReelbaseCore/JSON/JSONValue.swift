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
  public private(set) var keys: [String] = []
  private var values: [String: JSONValue] = [:]

  public init() {}

  public init(_ members: [(String, JSONValue)]) {
    for (key, value) in members { self[key] = value }
  }

  public var count: Int { keys.count }

  public subscript(key: String) -> JSONValue? {
    get { values[key] }
    set {
      if let newValue {
        if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
      } else if values.removeValue(forKey: key) != nil {
        keys.removeAll { $0 == key }
      }
    }
  }

  public var members: [(key: String, value: JSONValue)] {
    keys.compactMap { key in values[key].map { (key, $0) } }
  }

  public static func == (a: JSONObject, b: JSONObject) -> Bool {
    a.values == b.values
  }
}
