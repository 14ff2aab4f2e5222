/// JSON Schema (draft-07) validation in the database (docs/json-schema.md): the same answer
/// the server's CHECKs and triggers give, so a client can show every problem before writing.
extension ReelbaseQueryable {
  /// `reelbase.jsonb_matches_schema(schema, instance)`.
  /// - Throws: `ReelbaseError` `.invalidInput` (22023) when the schema is invalid.
  public func jsonbMatchesSchema(schema: JSONValue, instance: JSONValue, readFrom: ReadPreference = .replica)
    async throws -> Bool
  {
    try await required("reelbase.jsonb_matches_schema", ["schema": schema, "instance": instance], .read(readFrom))
  }

  /// `reelbase.jsonschema_validation_errors(schema, instance)`: every violation; empty when
  /// the instance is valid.
  public func jsonschemaValidationErrors(schema: JSONValue, instance: JSONValue, readFrom: ReadPreference = .replica)
    async throws -> [JSONSchemaViolation]
  {
    try await call("reelbase.jsonschema_validation_errors", ["schema": schema, "instance": instance], .read(readFrom))
  }
}

/// One reason an instance fails its schema.
public struct JSONSchemaViolation: ReelbaseRow, Hashable {
  /// SQL/JSON path into the instance (`$.characters[1].entityId`).
  public var path: String
  /// The keyword that failed (`required`, `pattern`, ...).
  public var keyword: String
  public var message: String
  /// JSON pointer into the schema, ending in the keyword.
  public var schemaPath: String
}
