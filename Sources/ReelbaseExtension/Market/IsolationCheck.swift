import CPostgres

/// Refusals of isolation levels under which a market function would be wrong rather than
/// merely slower. Both users need a statement to see rows committed after their transaction
/// began, which only READ COMMITTED gives (a new snapshot per statement):
///
/// - `market.purchase_listing` counts the concept's sales after taking the concept lock.
///   REPEATABLE READ would count them in a snapshot older than the lock and could sell past
///   the global cap. SERIALIZABLE is allowed there: every purchase is SERIALIZABLE-safe because
///   two overlapping purchases of a concept write the same rows, so the later one aborts (40001).
/// - `market.expire_cashback` (and `market.run_sweeps`, which runs it) locks the due
///   transactions and then re-checks for produced content in a second statement, to see
///   submissions that committed before the locks. Under REPEATABLE READ or SERIALIZABLE the
///   second statement reuses the transaction's snapshot and misses them, and SERIALIZABLE does
///   not help: the buyers' submissions run in READ COMMITTED, outside its conflict tracking.
enum IsolationCheck {
  /// The current transaction's isolation level as `transaction_isolation` shows it
  /// ("read committed", "repeatable read", "serializable", "read uncommitted").
  static func currentLevel() throws -> String {
    var value: UnsafePointer<CChar>? = nil
    try guarded(rb_get_config("transaction_isolation", &value))
    return value.map { String(cString: $0) } ?? ""
  }

  /// Throws 0A000 when the transaction runs at one of `refused` (levels as `currentLevel`).
  static func refuse(_ refused: [String], in function: String, hint: String) throws {
    let level = try currentLevel()
    guard refused.contains(level) else { return }
    throw PGError(sqlstate: "0A000",
                  message: "\(function) cannot run in a \(level.uppercased()) transaction",
                  hint: hint)
  }

  /// purchase_listing: REPEATABLE READ refused; READ COMMITTED and SERIALIZABLE sell.
  static func requireSafeForPurchase() throws {
    try refuse(["repeatable read"], in: "market.purchase_listing",
               hint: "Use READ COMMITTED (the default) or SERIALIZABLE; the caps are only exact there.")
  }

  /// expire_cashback and run_sweeps: READ COMMITTED only (READ UNCOMMITTED is the same in
  /// PostgreSQL).
  static func requireReadCommittedForSweep(_ function: String) throws {
    try refuse(["repeatable read", "serializable"], in: function,
               hint: "Run the sweep in a READ COMMITTED transaction (the default): it needs a new snapshot after locking the due rows, or content submitted in time could be missed.")
  }
}
