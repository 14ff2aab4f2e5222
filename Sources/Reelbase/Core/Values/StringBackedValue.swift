import PostgresNIO

/// A `text` column with a known set of values (a status, a tier, an event type), as an
/// extensible type: the known values are static constants, and a value the client does not
/// know yet (added by a newer server) still decodes. The server's CHECK constraints, not the
/// client, decide what is valid.
///
/// Binds as `text`, encodes to JSON as a string.
public protocol StringBackedValue: TextColumn, Hashable, Sendable, Codable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// Makes a value from its text.
  /// - Parameter rawValue: The text stored in the column.
  init(rawValue: String)
}

extension StringBackedValue {
  /// Makes a value from a string literal.
  /// - Parameter value: The text stored in the column.
  public init(stringLiteral value: String) { self.init(rawValue: value) }

  /// The text stored in the column.
  public var description: String { rawValue }

  /// Decodes the value from a JSON string.
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError` when the JSON value is not a string.
  public init(from decoder: any Decoder) throws {
    self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
  }

  /// Encodes the value as a JSON string.
  /// - Parameter encoder: The encoder.
  /// - Throws: `EncodingError` from the encoder.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

/// A value stored in a `text` column: binds as its text and decodes from it, a text its
/// `init(rawValue:)` refuses being a decoding failure. ``StringBackedValue`` refuses none; a
/// closed enum (``VideoEventType``) refuses what it does not list.
public protocol TextColumn: RawRepresentable, PostgresCodable where RawValue == String {}

extension TextColumn {
  /// `text`.
  public static var psqlType: PostgresDataType { .text }

  /// Binary (the text's UTF-8 bytes).
  public static var psqlFormat: PostgresFormat { .binary }

  /// Writes the text.
  /// - Parameters:
  ///   - byteBuffer: The buffer to write to.
  ///   - context: The encoding context.
  public func encode<JSONEncoder: PostgresJSONEncoder>(
    into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
  ) {
    byteBuffer.writeString(rawValue)
  }

  /// Reads the text of a `text`-like column.
  /// - Parameters:
  ///   - buffer: The column's bytes.
  ///   - type: The column's type.
  ///   - format: The wire format.
  ///   - context: The decoding context.
  /// - Throws: `PostgresDecodingError` when the column is not text or the value is refused.
  public init<JSONDecoder: PostgresJSONDecoder>(
    from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
    context: PostgresDecodingContext<JSONDecoder>
  ) throws {
    guard let value = Self(rawValue: try String(from: &buffer, type: type, format: format, context: context)) else {
      throw PostgresDecodingError.Code.failure
    }
    self = value
  }
}

/// The kind of a ``TextValue``: an empty enum per column, so each column's values are a type
/// of their own (a `VideoStatus` is not a `SubscriptionTier`).
public protocol TextValueKind: Sendable {}

/// A ``StringBackedValue`` of one kind; `public typealias VideoStatus = TextValue<...>`, with
/// the known values as static members of a constrained extension.
public struct TextValue<Kind: TextValueKind>: StringBackedValue {
  /// The text stored in the column.
  public let rawValue: String
  /// Makes a value from its text; values this client does not list are kept as they are.
  /// - Parameter rawValue: The text stored in the column.
  public init(rawValue: String) { self.rawValue = rawValue }
}
