import CPostgres
import ReelbaseCore

/// Compiled schemas of this backend, keyed by the schema's jsonb bytes, so a CHECK or trigger
/// that validates every row compiles its schema once per backend rather than per row or per
/// statement. Bounded: the least recently used of `capacity` schemas is dropped, and with it
/// the memory context of its patterns.
enum SchemaCache {
  static let capacity = 16

  /// The schema's bytes, hashed as one buffer: `[UInt8]`'s own hashing feeds the hasher a
  /// byte at a time, which cost more than validating a 3 KB instance.
  private struct Key: Hashable {
    var bytes: [UInt8]
    func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
  }

  private struct Entry {
    var schema: JSONSchema
    var arena: PatternArena
    var lastUse: UInt64
  }

  // One backend, one thread (GUIDE rule 5): no other code can see this.
  nonisolated(unsafe) private static var entries: [Key: Entry] = [:]
  nonisolated(unsafe) private static var clock: UInt64 = 0

  /// The compiled schema of a jsonb Datum.
  /// - Throws: 22023 when the schema is not a valid draft-07 schema.
  static func schema(_ datum: RbDatum) throws -> JSONSchema {
    let key = Key(bytes: try String.withBytes(of: datum) { Array($0) })
    clock &+= 1
    if let hit = entries.index(forKey: key) {
      entries.values[hit].lastUse = clock
      return entries.values[hit].schema
    }
    let arena = try PatternArena()
    let document = try JSONDatum.parse(datum)
    let schema: JSONSchema
    do {
      schema = try JSONSchema(document, patterns: { try arena.compile($0) })
    } catch JSONSchemaError.invalidSchema(let at, let reason) {
      throw PGError.invalidParameter("invalid JSON Schema: \(reason)", detail: "at \(at) in the schema")
    }
    if entries.count >= capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
      entries[oldest] = nil
    }
    entries[key] = Entry(schema: schema, arena: arena, lastUse: clock)
    return schema
  }
}

/// jsonb values as the validator reads them.
enum JSONDatum {
  static func parse(_ datum: RbDatum) throws -> JSONValue {
    do {
      return try JSONBReader.value(datum, depthLimit: JSONSchema.depthLimit)
    } catch JSONBReader.Failure.tooDeep(let limit) {
      throw PGError(sqlstate: "54001", message: "JSON value nested deeper than \(limit) levels")
    }
  }
}
