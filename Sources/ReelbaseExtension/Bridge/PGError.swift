import CPostgres

/// An error on its way to the SQL caller as a Postgres ERROR.
///
/// Errors Postgres raised during a server call (`fromServer`) are already pending in the shim
/// with their full `ErrorData`; the entry point re-raises that original error. Errors Swift
/// creates are handed to the shim by `Boundary` after the Swift frames have returned.
struct PGError: Error, CustomStringConvertible {
  var sqlstate: String
  var message: String
  var detail: String?
  var hint: String?
  var fromServer: Bool

  init(sqlstate: String, message: String, detail: String? = nil, hint: String? = nil) {
    self.sqlstate = sqlstate
    self.message = message
    self.detail = detail
    self.hint = hint
    self.fromServer = false
  }

  /// The error the shim holds after a guarded call returned false.
  static func pending() -> PGError {
    var e = PGError(
      sqlstate: string(rb_pending_sqlstate()) ?? "XX000",
      message: string(rb_pending_message()) ?? "reelbase: server call failed",
      detail: string(rb_pending_detail()),
      hint: string(rb_pending_hint()))
    e.fromServer = rb_error_pending_from_server()
    return e
  }

  /// 22023: an argument has a value the function cannot accept.
  static func invalidParameter(_ message: String, detail: String? = nil, hint: String? = nil)
    -> PGError
  {
    PGError(sqlstate: "22023", message: message, detail: detail, hint: hint)
  }

  /// 22004: a required argument is NULL.
  static func nullArgument(_ name: String) -> PGError {
    PGError(sqlstate: "22004", message: "\(name) must not be NULL")
  }

  /// 23503: a referenced row does not exist (or is not visible to the caller).
  static func missingReference(_ message: String, detail: String? = nil) -> PGError {
    PGError(sqlstate: "23503", message: message, detail: detail)
  }

  /// XX000: a bug in reelbase; the message says what was expected.
  static func internalError(_ message: String) -> PGError {
    PGError(sqlstate: "XX000", message: "reelbase: \(message)")
  }

  var description: String { "\(sqlstate): \(message)" }

  /// Hands a Swift-made error to the shim; a pending server error takes precedence.
  func record() {
    rb_set_error(sqlstate, message, detail, hint)
  }

  private static func string(_ p: UnsafePointer<CChar>?) -> String? {
    guard let p else { return nil }
    return String(cString: p)
  }
}

/// Turns a guarded shim call's `false` into a thrown `PGError`.
@inline(__always)
func guarded(_ ok: Bool) throws {
  if !ok { throw PGError.pending() }
}
