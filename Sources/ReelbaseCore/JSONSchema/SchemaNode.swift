/// The keywords of one compiled schema object; child schemas are indexes into
/// `JSONSchema.nodes`, so `$ref` cycles are plain index cycles. A class: the walk reads a node
/// per value, and a struct of this many references costs a retain of each on every read.
final class SchemaNode {
  enum Items {
    case all(Int)
    case tuple([Int])
  }

  enum Dependency {
    case properties([String])
    case schema(Int)
  }

  struct Pattern {
    var source: String
    var matcher: any SchemaPattern
  }

  /// JSON pointer of this schema in the document, for `schema_path`.
  var location: String
  /// `true` / `false` schemas.
  var constant: Bool?
  var ref: Int?

  var types: TypeSet?
  var enumValues: [JSONValue]?
  var constValue: JSONValue?

  var minimum: DecimalNumber?
  var maximum: DecimalNumber?
  var exclusiveMinimum: DecimalNumber?
  var exclusiveMaximum: DecimalNumber?
  var multipleOf: DecimalNumber?

  var minLength: Int?
  var maxLength: Int?
  var pattern: Pattern?

  var items: Items?
  var additionalItems: Int?
  var contains: Int?
  var minItems: Int?
  var maxItems: Int?
  var uniqueItems = false

  var required: [String] = []
  var properties: [(name: String, node: Int)] = []
  var propertyIndex: [String: Int] = [:]
  var patternProperties: [(pattern: Pattern, node: Int)] = []
  var additionalProperties: Int?
  var minProperties: Int?
  var maxProperties: Int?
  var propertyNames: Int?
  var dependencies: [(name: String, dependency: Dependency)] = []

  var allOf: [Int] = []
  var anyOf: [Int]?
  var oneOf: [Int]?
  var not: Int?
  var ifNode: Int?
  var thenNode: Int?
  var elseNode: Int?

  init(location: String) { self.location = location }
}

/// The JSON Schema type names as a bit set; "number" includes "integer".
struct TypeSet: OptionSet {
  let rawValue: UInt8
  static let null = TypeSet(rawValue: 1)
  static let boolean = TypeSet(rawValue: 2)
  static let integer = TypeSet(rawValue: 4)
  static let number = TypeSet(rawValue: 8)
  static let string = TypeSet(rawValue: 16)
  static let array = TypeSet(rawValue: 32)
  static let object = TypeSet(rawValue: 64)

  init(rawValue: UInt8) { self.rawValue = rawValue }

  init?(name: String) {
    switch name {
    case "null": self = .null
    case "boolean": self = .boolean
    case "integer": self = .integer
    case "number": self = .number
    case "string": self = .string
    case "array": self = .array
    case "object": self = .object
    default: return nil
    }
  }

  func admits(_ value: JSONValue) -> Bool {
    switch value {
    case .null: contains(.null)
    case .bool: contains(.boolean)
    case .number(let n): contains(.number) || (contains(.integer) && n.isInteger)
    case .string: contains(.string)
    case .array: contains(.array)
    case .object: contains(.object)
    }
  }

  var names: String {
    let all: [(TypeSet, String)] = [(.null, "null"), (.boolean, "boolean"), (.integer, "integer"),
                                   (.number, "number"), (.string, "string"), (.array, "array"), (.object, "object")]
    return all.filter { contains($0.0) }.map(\.1).joined(separator: " or ")
  }
}
