import CPostgres
import ReelbaseCore

/// `reelbase.bridge_echo(anyelement)` and `reelbase.bridge_describe(anyelement)`: every type
/// the bridge converts, taken into Swift and back (echo) or rendered by Swift (describe), so the
/// regression tests can compare both with Postgres' own view of the value.
enum BridgeEcho {
  static func echo(_ call: FunctionCall) throws -> RbDatum? {
    if call.isNull(0) { return nil }
    let d = call.datum(0)
    switch Int(call.type(0)) {
    case Int(RB_BOOLOID): return Bool(datum: d).makeDatum()
    case Int(RB_INT2OID): return Int16(datum: d).makeDatum()
    case Int(RB_INT4OID): return Int32(datum: d).makeDatum()
    case Int(RB_INT8OID): return Int64(datum: d).makeDatum()
    case Int(RB_FLOAT4OID): return Float(datum: d).makeDatum()
    case Int(RB_FLOAT8OID): return Double(datum: d).makeDatum()
    case Int(RB_TEXTOID): return try String(datum: d).makeDatum()
    case Int(RB_UUIDOID): return try UUIDValue(datum: d).makeDatum()
    case Int(RB_DATEOID): return PGDate(datum: d).makeDatum()
    case Int(RB_TIMESTAMPTZOID): return PGTimestampTZ(datum: d).makeDatum()
    case Int(RB_INTERVALOID): return try PGInterval(datum: d).makeDatum()
    case Int(RB_NUMERICOID): return try PGNumeric(datum: d).makeDatum()
    case Int(RB_JSONBOID): return try PGJSONB(datum: d).makeDatum()
    case Int(RB_TEXTARRAYOID): return try PGArray<String>(datum: d).makeDatum()
    case Int(RB_UUIDARRAYOID): return try PGArray<UUIDValue>(datum: d).makeDatum()
    case Int(RB_FLOAT4ARRAYOID): return try PGArray<Float>(datum: d).makeDatum()
    default: throw unsupported(call.type(0))
    }
  }

  static func describe(_ call: FunctionCall) throws -> RbDatum? {
    if call.isNull(0) { return nil }
    let d = call.datum(0)
    let text: String
    switch Int(call.type(0)) {
    case Int(RB_BOOLOID): text = "bool \(Bool(datum: d))"
    case Int(RB_INT2OID): text = "int2 \(Int16(datum: d))"
    case Int(RB_INT4OID): text = "int4 \(Int32(datum: d))"
    case Int(RB_INT8OID): text = "int8 \(Int64(datum: d))"
    case Int(RB_FLOAT4OID): text = "float4 \(Float(datum: d))"
    case Int(RB_FLOAT8OID): text = "float8 \(Double(datum: d))"
    case Int(RB_TEXTOID):
      let s = try String(datum: d)
      text = "text of \(s.unicodeScalars.count) characters, \(s.utf8.count) bytes: \(s)"
    case Int(RB_UUIDOID):
      let u = UUIDValue(datum: d)
      text = "uuid version \(u.version): \(u)"
    case Int(RB_DATEOID):
      let date = PGDate(datum: d)
      text = date.isFinite ? "date \(date.civil)" : "date infinite"
    case Int(RB_TIMESTAMPTZOID):
      let t = PGTimestampTZ(datum: d)
      text = t.isFinite
        ? "timestamptz \(PostgresTime.unixMilliseconds(fromTimestamp: t.microseconds)) ms since 1970"
        : "timestamptz infinite"
    case Int(RB_INTERVALOID):
      let i = PGInterval(datum: d)
      text = "interval \(i.months) months \(i.days) days \(i.microseconds) us"
    case Int(RB_NUMERICOID): text = "numeric \(try PGNumeric(datum: d).text)"
    case Int(RB_JSONBOID):
      text = "jsonb \(try PGJSONB.rootKind(d)) \(try PGJSONB(datum: d).text)"
    case Int(RB_TEXTARRAYOID):
      let elements = try PGArray<String>(datum: d).elements.map { $0.map { "'\($0)'" } ?? "NULL" }
      text = "text[] [\(elements.joined(separator: ", "))]"
    case Int(RB_UUIDARRAYOID):
      let elements = try PGArray<UUIDValue>(datum: d).elements.map { $0?.description ?? "NULL" }
      text = "uuid[] [\(elements.joined(separator: ", "))]"
    case Int(RB_FLOAT4ARRAYOID):
      text = try Float4ArrayView.read(d) { view in
        if view.hasNulls {
          let elements = try PGArray<Float>(datum: d).elements.map { $0.map { "\($0)" } ?? "NULL" }
          return "real[] with NULLs [\(elements.joined(separator: ", "))]"
        }
        return "real[] dims \(view.dimensions) sum \(view.buffer.reduce(0, +)) \(Array(view.buffer))"
      }
    default: throw unsupported(call.type(0))
    }
    return try text.makeDatum()
  }

  private static func unsupported(_ type: RbOid) -> PGError {
    PGError(sqlstate: "0A000", message: "the Swift bridge does not convert type oid \(type)")
  }
}

@_cdecl("rbx_reelbase_bridge_echo")
func rbx_reelbase_bridge_echo(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, BridgeEcho.echo)
}

@_cdecl("rbx_reelbase_bridge_describe")
func rbx_reelbase_bridge_describe(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, BridgeEcho.describe)
}
