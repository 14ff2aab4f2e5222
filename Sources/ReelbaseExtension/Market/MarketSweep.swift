import CPostgres
import ReelbaseCore

/// The market sweeps: each call changes one bounded batch of due rows and returns how many.
///
/// They run with the caller's rights (administrators, or the owner through run_maintenance).
/// Every batch locks its rows with `FOR UPDATE SKIP LOCKED`: a row that a purchase or a
/// verification holds is left for the next batch instead of being waited on, so a sweep never
/// waits for a buyer. The rows it locked stay locked until its transaction ends, so a buyer
/// can wait for a sweep: a purchase closing the concept's other listings at the global cap, or
/// locking a listing whose window just ended, waits for expire_listings if it holds them.
/// Keep each batch its own short transaction. Rows are taken oldest first (the order of the
/// partial indexes of sql/reelbase_market/65_sweep_indexes.sql), so a backlog drains in the order it became due.
enum MarketSweep {
  private static let timestamptz = RbOid(RB_TIMESTAMPTZOID)
  private static let int4 = RbOid(RB_INT4OID)
  /// `tid[]` (pg_type.oid 1010, fixed in the catalog; the shim names no constant for it).
  private static let tidArray = RbOid(1010)

  /// One statement: the locking subquery is re-checked against the newest row version when a
  /// purchase changed the row meanwhile (EvalPlanQual), so a listing sold out concurrently is
  /// not expired from a stale picture.
  static let expireListings = PreparedStatement(
    """
    WITH due AS (
      SELECT l.id FROM market.listing_windows l
      WHERE l.status = 'active' AND l.window_end <= $1
      ORDER BY l.window_end
      LIMIT $2
      FOR UPDATE SKIP LOCKED)
    UPDATE market.listing_windows l SET status = 'expired'
    FROM due WHERE l.id = due.id
    """, [timestamptz, int4])

  static let archiveListings = PreparedStatement(
    """
    WITH due AS (
      SELECT l.id FROM market.listing_windows l
      WHERE l.status IN ('expired', 'sold_out')
        AND (l.status = 'expired' OR l.window_end <= $1)
      ORDER BY l.window_end
      LIMIT $2
      FOR UPDATE SKIP LOCKED)
    UPDATE market.listing_windows l SET status = 'archived'
    FROM due WHERE l.id = due.id
    """, [timestamptz, int4])

  /// Cashback takes two statements, deliberately. Produced content does not change the
  /// transaction row, so a submission that commits after a one-statement sweep took its
  /// snapshot, but before it reached the row, would be invisible to it and the cashback
  /// expired although the content came in time. Here the first statement locks the due rows
  /// (a submission in flight holds a KEY SHARE lock on its transaction: that row is skipped),
  /// and the second, under a new snapshot taken after the locks, sees every submission that
  /// committed before them; later ones wait for this transaction and find it expired. A new
  /// snapshot per statement is READ COMMITTED's: the callers refuse the other levels
  /// (IsolationCheck.requireReadCommittedForSweep).
  /// The rows travel between the two by ctid: a row this transaction has locked cannot be
  /// updated or moved by anyone else, so its ctid stays valid, and the update becomes a TID
  /// scan in heap order instead of one primary-key probe per row (finding 10,000 locked rows:
  /// 15 ms instead of 57 ms on bench/market's data). The locked version's ctid is what the
  /// subquery returns, also when it followed a concurrent update (EvalPlanQual).
  static let lockDueCashback = PreparedStatement(
    """
    SELECT pg_catalog.array_agg(d.ctid) AS ctids FROM (
      SELECT t.ctid FROM market.transactions t
      WHERE t.cashback_status = 'pending' AND t.purchased_at <= $1
        AND NOT EXISTS (SELECT 1 FROM market.produced_content c
                        WHERE c.transaction_id = t.id
                          AND c.submitted_at <= t.purchased_at + interval '720 hours')
      ORDER BY t.purchased_at
      LIMIT $2
      FOR UPDATE OF t SKIP LOCKED) d
    """, [timestamptz, int4])

  static let expireLockedCashback = PreparedStatement(
    """
    UPDATE market.transactions t SET cashback_status = 'expired'
    WHERE t.ctid = ANY ($1) AND t.cashback_status = 'pending' AND t.purchased_at <= $2
      AND NOT EXISTS (SELECT 1 FROM market.produced_content c
                      WHERE c.transaction_id = t.id
                        AND c.submitted_at <= t.purchased_at + interval '720 hours')
    """, [tidArray, timestamptz])

  /// The checked arguments shared by every sweep function: (p_now, p_batch_size).
  struct Arguments {
    let now: PGTimestampTZ
    let batchSize: Int32

    init(_ call: FunctionCall) throws {
      now = try call.required(0, "p_now")
      guard now.isFinite else {
        throw PGError.invalidParameter(
          "p_now must be a finite time, got \(now.microseconds > 0 ? "infinity" : "-infinity")")
      }
      batchSize = try call.required(1, "p_batch_size")
      if let problem = SweepRules.batchSizeProblem(batchSize) {
        throw PGError.invalidParameter(problem, hint: "A larger backlog drains by calling the sweep again until it returns 0.")
      }
    }
  }

  /// Runs one batch of `kind`. Must be called while SPI is connected.
  /// - Returns: the number of rows changed.
  static func run(_ kind: SweepKind, _ arguments: Arguments) throws -> Int32 {
    let now = arguments.now.makeDatum()
    let limit = arguments.batchSize.makeDatum()
    let changed: Int
    switch kind {
    case .expireListings:
      changed = try SPI.execute(expireListings, [now, limit], readOnly: false).rowCount
    case .archiveListings:
      changed = try SPI.execute(archiveListings, [now, limit], readOnly: false).rowCount
    case .expireCashback:
      guard let cutoff = SweepRules.cashbackCutoff(now: arguments.now.microseconds) else { return 0 }
      let cutoffDatum = PGTimestampTZ(microseconds: cutoff).makeDatum()
      let locked = try SPI.execute(lockDueCashback, [cutoffDatum, limit], readOnly: false)
      // The array stays in SPI's memory until SPI_finish, so it is passed on as it is.
      guard locked.rowCount == 1, let ids = try locked.row(0).datum("ctids") else { return 0 }
      changed = try SPI.execute(expireLockedCashback, [ids, cutoffDatum], readOnly: false).rowCount
    }
    return Int32(clamping: changed)
  }

  /// The body of the three single-sweep functions.
  static func call(_ kind: SweepKind, _ call: FunctionCall) throws -> RbDatum? {
    let arguments = try Arguments(call)
    // The listing sweeps are one statement each: under REPEATABLE READ a row changed since the
    // snapshot makes FOR UPDATE fail with 40001, which is safe. Cashback's two statements are not.
    if kind == .expireCashback {
      try IsolationCheck.requireReadCommittedForSweep("market.expire_cashback")
    }
    return try SPI.connect { try run(kind, arguments) }.makeDatum()
  }
}

@_cdecl("rbx_market_expire_listings")
func rbx_market_expire_listings(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call) { try MarketSweep.call(.expireListings, $0) }
}

@_cdecl("rbx_market_archive_listings")
func rbx_market_archive_listings(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call) { try MarketSweep.call(.archiveListings, $0) }
}

@_cdecl("rbx_market_expire_cashback")
func rbx_market_expire_cashback(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call) { try MarketSweep.call(.expireCashback, $0) }
}
