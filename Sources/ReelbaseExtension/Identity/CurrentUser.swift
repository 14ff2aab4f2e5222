import CPostgres
import ReelbaseCore

/// The end user a transaction acts for (see TransactionIdentity for why the setting carries
/// the transaction it was set in).
enum CurrentUser {
  static let setting = "reelbase.user_id"

  /// - Throws: 22023 when the setting holds a value set_user_id does not write.
  static func get() throws -> UUIDValue? {
    var value: UnsafePointer<CChar>? = nil
    try guarded(rb_get_config(setting, &value))
    switch TransactionIdentity.decode(value.map { String(cString: $0) }, tag: rb_transaction_tag()) {
    case .user(let user): return user
    case .none, .ended: return nil
    case .malformed:
      throw PGError(sqlstate: "22023", message: "\(setting) holds a value reelbase.set_user_id() did not set",
                    hint: "Set the identity with reelbase.set_user_id(<id>) in each transaction; SET \(setting) is not a way to set it.")
    }
  }

  static func set(_ user: UUIDValue?) throws {
    try guarded(rb_set_config_local(setting, TransactionIdentity.encode(user, tag: rb_transaction_tag())))
  }
}

@_cdecl("rbx_reelbase_current_user_id")
func rbx_reelbase_current_user_id(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call) { _ in try CurrentUser.get()?.makeDatum() }
}

@_cdecl("rbx_reelbase_set_user_id")
func rbx_reelbase_set_user_id(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call) { call in
    let user: UUIDValue? = try call.optional(0)
    try CurrentUser.set(user)
    return try user?.makeDatum()
  }
}
