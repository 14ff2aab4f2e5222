import CPostgres
import ReelbaseCore

/// `reelbase.jsonb_matches_schema` and `reelbase.jsonschema_validation_errors`.
enum JSONSchemaFunctions {
  static func violations(_ call: FunctionCall, limit: Int) throws -> [JSONSchemaViolation] {
    guard !call.isNull(0), !call.isNull(1) else { throw PGError.nullArgument("schema") }
    let schema = try SchemaCache.schema(call.datum(0))
    let instance = try JSONDatum.parse(call.datum(1))
    do {
      return try schema.violations(of: instance, limit: limit, checkpoint: ServerCheckpoint())
    } catch JSONSchemaError.tooDeep(let depth) {
      throw PGError(sqlstate: "54001", message: "JSON Schema validation nested deeper than \(depth) levels",
                    hint: "Check the schema for a $ref cycle that never reaches the instance.")
    }
  }

  static func matches(_ call: FunctionCall) throws -> RbDatum? {
    try violations(call, limit: 1).isEmpty.makeDatum()
  }

  static func errors(_ call: FunctionCall) throws -> RbDatum? {
    let found = try violations(call, limit: .max)
    let sink = try TupleSink(call)
    for v in found {
      try sink.append([try v.path.makeDatum(), try v.keyword.makeDatum(), try v.message.makeDatum(),
                       try v.schemaPath.makeDatum()])
    }
    return nil
  }
}

@_cdecl("rbx_reelbase_jsonb_matches_schema")
func rbx_reelbase_jsonb_matches_schema(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, JSONSchemaFunctions.matches)
}

@_cdecl("rbx_reelbase_jsonschema_validation_errors")
func rbx_reelbase_jsonschema_validation_errors(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, JSONSchemaFunctions.errors)
}
