/// A compiled JSON Schema (draft-07): the document is checked and turned into nodes once, so
/// validating many instances (a CHECK runs per row) costs only the walk over each instance.
///
/// Supported: boolean schemas, `type` (a name or an array of names), `enum`, `const`, the
/// numeric keywords (exclusive forms as draft-07 numbers), string lengths in code points and
/// `pattern`, `items` (schema and array forms), `additionalItems`, `contains`, item counts,
/// `uniqueItems`, `required`, `properties`, `patternProperties`, `additionalProperties`,
/// property counts, `propertyNames`, `dependencies`, `allOf/anyOf/oneOf/not`,
/// `if/then/else`, and `$ref` to JSON pointers within the document ("#", "#/definitions/x").
/// As in draft-07, a `$ref` replaces its siblings and unknown keywords are ignored, as are
/// annotations (`title`, `default`, `format`, ...).
public struct JSONSchema {
  /// The deepest nesting of schema applications (instance depth plus `$ref`/combinator steps)
  /// before validation stops with `JSONSchemaError.tooDeep`.
  public static let depthLimit = 512

  let nodes: [SchemaNode]

  /// - Parameters:
  ///   - document: the schema.
  ///   - patterns: compiles a `pattern` or `patternProperties` key; its error is reported as
  ///     an invalid schema.
  /// - Throws: `JSONSchemaError.invalidSchema` naming where the schema is wrong.
  public init(_ document: JSONValue, patterns: @escaping (String) throws -> any SchemaPattern) throws {
    var compiler = SchemaCompiler(root: document, patterns: patterns)
    _ = try compiler.compile(at: [])
    nodes = compiler.nodes.map { $0 ?? SchemaNode(location: "") }
  }
}

/// A compiled regular expression of a schema (ECMA-262 syntax in the standard; the server
/// uses PostgreSQL's engine, which agrees on the common syntax and can be cancelled).
public protocol SchemaPattern {
  /// Whether the expression matches anywhere in `string` (JSON Schema patterns are not anchored).
  func matches(_ string: String) throws -> Bool
}

public enum JSONSchemaError: Error, Equatable, Sendable {
  /// The schema itself is not a valid draft-07 schema (`at` is a JSON pointer into it).
  case invalidSchema(at: String, reason: String)
  /// The instance or the schema's references nest deeper than `JSONSchema.depthLimit`.
  case tooDeep(limit: Int)
}

/// One reason an instance fails its schema.
public struct JSONSchemaViolation: Equatable, Sendable {
  /// Where in the instance, as an SQL/JSON path (`$.characters[0].entityId`), usable with
  /// `jsonb_path_query`.
  public var path: String
  /// The keyword that failed (`required`, `pattern`, ...).
  public var keyword: String
  public var message: String
  /// Where in the schema, as a JSON pointer (`/properties/characters/items/required`).
  public var schemaPath: String
}

/// Called once per schema application, so the server can check its stack and interrupts.
public protocol ValidationCheckpoint {
  func check() throws
}

public struct NoCheckpoint: ValidationCheckpoint {
  public init() {}
  public func check() {}
}
