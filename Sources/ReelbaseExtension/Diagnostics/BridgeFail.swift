import CPostgres
import ReelbaseCore

/// `reelbase.bridge_fail(kind text)`: makes each kind of error the boundary must survive, so
/// the regression tests can show the error arrives intact and the backend lives on.
enum BridgeFail {
  static let divideByZero = PreparedStatement("SELECT 1 / 0", [])
  static let nested = PreparedStatement("SELECT reelbase.bridge_fail('swift')", [])
  static let one = PreparedStatement("SELECT 1", [])

  static func call(_ call: FunctionCall) throws -> RbDatum? {
    let kind: String = try call.required(0, "kind")
    switch kind {
    case "swift":
      throw PGError.invalidParameter(
        "bridge_fail: an error thrown in Swift", detail: "detail from Swift",
        hint: "hint from Swift")
    case "server":
      // Postgres raises 22012 inside SPI; Swift receives it as a thrown PGError.
      try SPI.connect { try SPI.execute(divideByZero, [], readOnly: true) }
    case "server_swallowed":
      // Swift ignores the server error and tries to go on: the shim refuses the next call and
      // the entry point still raises the original error.
      let afterwards: String = try SPI.connect {
        do { try SPI.execute(divideByZero, [], readOnly: true) } catch {}
        do { try SPI.execute(one, [], readOnly: true) } catch let e as PGError {
          return "second call refused: \(e.sqlstate)"
        }
        return "second call ran"
      }
      return try afterwards.makeDatum()
    case "server_then_swift":
      // A Swift error thrown after a server error does not mask the server's.
      do { try SPI.connect { try SPI.execute(divideByZero, [], readOnly: true) } } catch {
        throw PGError.invalidParameter("a Swift error after the server's")
      }
    case "type_input":
      _ = try typeInput(UUIDValue.typeOID, "not-a-uuid")
    case "palloc":
      // An allocation over 1 GB: palloc raises 54000 before anything is copied.
      var out: RbDatum = 0
      try guarded(rb_text_make("x", 0x7FFF_FFF0, &out))
    case "nested":
      // Swift -> SPI -> Swift: the inner call's error crosses the outer Swift call intact.
      try SPI.connect { try SPI.execute(nested, [], readOnly: true) }
    case "spin":
      // Runs until the statement is cancelled (statement_timeout), bounded in case it is not.
      for _ in 0..<2_000_000_000 {
        try guarded(rb_check_for_interrupts())
      }
      return try "not interrupted".makeDatum()
    default:
      throw PGError.invalidParameter(
        "unknown bridge_fail kind \"\(kind)\"",
        hint: "Kinds: swift, server, server_swallowed, server_then_swift, type_input, palloc, nested, spin.")
    }
    return try "no error".makeDatum()
  }
}

@_cdecl("rbx_reelbase_bridge_fail")
func rbx_reelbase_bridge_fail(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, BridgeFail.call)
}
