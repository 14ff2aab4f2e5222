import PostgresNIO

/// A JSON value, for `jsonb` columns whose shape the seeds do not define (settings,
/// preferences, most `metadata` columns) and for event metadata of event types without a
/// documented shape.
///
/// Binds as `jsonb`. Numbers are `Double`, so integers above 2^53 lose precision.
public enum JSONValue: Sendable, Hashable, Codable, PostgresCodable,
  ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral, ExpressibleByStringLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByNilLiteral
{
  /// JSON `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number.
  case number(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object.
  case object([String: JSONValue])

  /// The members when this is an object, else nil.
  public var objectValue: [String: JSONValue]? {
    if case .object(let members) = self { return members }
    return nil
  }

  /// The string when this is a string, else nil.
  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The number when this is a number, else nil.
  public var numberValue: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The member `key` when this is an object that has it, else nil.
  /// - Parameter key: The member name.
  /// - Returns: The member's value.
  public subscript(key: String) -> JSONValue? {
    objectValue?[key]
  }

  /// Decodes a JSON value.
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError` when the input is not JSON.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// Encodes the value as JSON.
  /// - Parameter encoder: The encoder.
  /// - Throws: `EncodingError` for a number that is not finite.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }

  /// An object literal.
  /// - Parameter elements: The members; a repeated key keeps the last value.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }

  /// An array literal.
  /// - Parameter elements: The elements.
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

  /// A string literal.
  /// - Parameter value: The string.
  public init(stringLiteral value: String) { self = .string(value) }

  /// An integer literal.
  /// - Parameter value: The number.
  public init(integerLiteral value: Int) { self = .number(Double(value)) }

  /// A floating-point literal.
  /// - Parameter value: The number.
  public init(floatLiteral value: Double) { self = .number(value) }

  /// A boolean literal.
  /// - Parameter value: The boolean.
  public init(booleanLiteral value: Bool) { self = .bool(value) }

  /// The `nil` literal, JSON `null`.
  /// - Parameter nilLiteral: Nothing.
  public init(nilLiteral: ()) { self = .null }
}
