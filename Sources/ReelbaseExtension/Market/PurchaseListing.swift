import CPostgres
import ReelbaseCore

/// `market.purchase_listing`: the current end user buys one unit of a listing; returns the
/// transaction id. SECURITY DEFINER: buyers cannot write listings, transactions or arbitrage
/// figures themselves.
///
/// Serialisation: every purchase of a concept first locks the concept row (FOR NO KEY UPDATE,
/// which does not block the foreign-key checks of inserts), then the listing row. All sales of
/// one concept therefore run one at a time, which is what makes the global cap exact, while
/// sales of different concepts never wait for each other. The concept's sales are counted by a
/// statement that starts after the concept lock is granted, so in READ COMMITTED its snapshot
/// includes every sale committed before. Happy path: three saved plans (lock concept, lock and
/// read listing, record), a fourth only when the sale closes other listings at the global cap.
enum PurchaseListing {
  private static let uuid = RbOid(RB_UUIDOID)

  static let lockConcept = PreparedStatement(
    """
    SELECT c.id, c.origin_market_id, c.archived FROM market.concepts c
    WHERE c.id = (SELECT l.concept_id FROM market.listing_windows l WHERE l.id = $1)
    FOR NO KEY UPDATE OF c
    """, [uuid])

  static let lockListing = PreparedStatement(
    """
    SELECT l.concept_id, l.market_context_id, l.status, l.window_start, l.window_end,
           l.per_market_cap, l.global_cap, l.sold_count, l.listed_price,
           (l.listed_price * 100)::bigint AS listed_price_cents,
           (SELECT count(*) FROM market.transactions t WHERE t.concept_id = l.concept_id) AS concept_sales,
           (SELECT min(o.global_cap) FROM market.listing_windows o
            WHERE o.concept_id = l.concept_id AND o.status = 'active' AND o.id <> l.id)
             AS other_active_min_global_cap
    FROM market.listing_windows l WHERE l.id = $1
    FOR NO KEY UPDATE OF l
    """, [uuid])

  private static let recordTypes: [RbOid] = [
    uuid, uuid, uuid, uuid, RbOid(RB_NUMERICOID), RbOid(RB_INT8OID), RbOid(RB_BOOLOID), uuid,
    RbOid(RB_TIMESTAMPTZOID),
  ]

  /// $1 buyer, $2 concept, $3 listing, $4 market, $5 price, $6 cashback cents, $7 sold out,
  /// $8 origin market, $9 window_start. One statement: the sale, the listing's count and, when
  /// the concept has an origin market, its route's figures. Purchases of a concept are
  /// serialised, so the upsert never races another purchase of the same route.
  static func recordSQL(withRoute: Bool) -> String {
    var sql = """
      WITH sale AS (
        INSERT INTO market.transactions
          (buyer_id, concept_id, listing_window_id, market_context_id, price_paid, currency_code,
           cashback_eligible, cashback_amount, cashback_status, purchased_at)
        VALUES ($1, $2, $3, $4, $5, 'USD', true, $6 / 100.0, 'pending', now())
        RETURNING id
      ), listing AS (
        UPDATE market.listing_windows
        SET sold_count = sold_count + 1, status = CASE WHEN $7 THEN 'sold_out' ELSE status END
        WHERE id = $3
      )
      """
    if withRoute {
      sql += """
        , route AS (
          INSERT INTO market.arbitrage_metrics AS a
            (concept_id, origin_market_id, target_market_id, time_to_first_sale, total_sales, recorded_at)
          VALUES ($2, $8, $4, now() - $9, 1, now())
          ON CONFLICT (concept_id, origin_market_id, target_market_id)
          DO UPDATE SET total_sales = a.total_sales + 1,
                        time_to_first_sale = COALESCE(a.time_to_first_sale, EXCLUDED.time_to_first_sale),
                        recorded_at = EXCLUDED.recorded_at
        )
        """
    }
    // Both shapes take the same parameters (their types are declared, so $8 and $9 may go unused).
    return sql + "SELECT id FROM sale"
  }

  static let record = PreparedStatement(recordSQL(withRoute: false), recordTypes)
  static let recordWithRoute = PreparedStatement(recordSQL(withRoute: true), recordTypes)

  /// Closes the concept's other active listings whose global cap the sale reached.
  static let closeAtGlobalCap = PreparedStatement(
    """
    UPDATE market.listing_windows SET status = 'sold_out'
    WHERE concept_id = $1 AND status = 'active' AND global_cap <= $2 AND id <> $3
    """, [uuid, RbOid(RB_INT8OID), uuid])

  static func call(_ call: FunctionCall) throws -> RbDatum? {
    if call.isNull(0) { throw PGError.nullArgument("p_listing_window_id") }
    let buyer = try currentBuyer()
    try IsolationCheck.requireSafeForPurchase()
    let listing = call.datum(0)

    let id = try SPI.connect { () throws -> UUIDValue in
      let locked = try SPI.execute(lockConcept, [listing], readOnly: false, maxRows: 1)
      let concept = locked.row(0)
      guard locked.rowCount == 1, let conceptID = try concept.datum("id") else {
        throw PGError.missingReference("listing \(UUIDValue(datum: listing)) does not exist")
      }
      let origin = try concept.datum("origin_market_id")
      // list_concept refuses archived concepts, but a concept archived after it was listed
      // still has active listings. The concept row is locked, so archiving it cannot race this.
      if try concept.value("archived", as: Bool.self) == true {
        throw PGError(sqlstate: "RB001",
                      message: "listing \(UUIDValue(datum: listing)) is not active: its concept \(UUIDValue(datum: conceptID)) is archived",
                      hint: "Archived concepts are permanently unavailable.")
      }

      let lockedListing = try SPI.execute(lockListing, [listing], readOnly: false, maxRows: 1)
      let l = lockedListing.row(0)
      guard lockedListing.rowCount == 1, let lockedConcept = try l.value("concept_id", as: UUIDValue.self),
            lockedConcept == UUIDValue(datum: conceptID)
      else {
        // Only an administrator moving the listing to another concept in between gets here.
        throw PGError(sqlstate: "40001",
                      message: "listing \(UUIDValue(datum: listing)) changed while it was being bought",
                      hint: "Retry the purchase.")
      }
      let state = ListingSaleState(
        status: try l.value("status") ?? "",
        windowStart: try l.value("window_start", as: PGTimestampTZ.self)?.microseconds ?? 0,
        windowEnd: try l.value("window_end", as: PGTimestampTZ.self)?.microseconds ?? 0,
        now: rb_transaction_timestamp(),
        perMarketCap: Int64(try l.value("per_market_cap", as: Int32.self) ?? 0),
        globalCap: Int64(try l.value("global_cap", as: Int32.self) ?? 0),
        soldCount: Int64(try l.value("sold_count", as: Int32.self) ?? 0),
        conceptSales: try l.value("concept_sales", as: Int64.self) ?? 0,
        otherActiveMinGlobalCap: (try l.value("other_active_min_global_cap", as: Int32.self)).map(Int64.init))

      let effects: PurchaseEffects
      switch PurchaseRules.decide(state) {
      case .success(let e): effects = e
      case .failure(let refusal):
        throw PGError(
          sqlstate: refusal.sqlstate,
          message: refusal.message(
            listing: UUIDValue(datum: listing).description,
            windowStart: try typeOutput(PGTimestampTZ.typeOID, try l.datum("window_start") ?? 0),
            windowEnd: try typeOutput(PGTimestampTZ.typeOID, try l.datum("window_end") ?? 0)),
          hint: refusal.hint)
      }

      guard let priceCents = try l.value("listed_price_cents", as: Int64.self),
            let cashback = MarketPricing.cashback(for: Cents(priceCents))
      else { throw PGError.internalError("listing has no listed price") }
      let sale = try SPI.execute(
        origin == nil ? record : recordWithRoute,
        [buyer, conceptID, listing, try l.datum("market_context_id"), try l.datum("listed_price"),
         cashback.value.makeDatum(), effects.listingSoldOut.makeDatum(), origin,
         try l.datum("window_start")],
        readOnly: false, maxRows: 1)
      guard sale.rowCount == 1, let transaction = try sale.row(0).value("id", as: UUIDValue.self) else {
        throw PGError.internalError("the purchase recorded no transaction")
      }
      if effects.sweepOtherListings {
        try SPI.execute(closeAtGlobalCap, [conceptID, effects.newConceptSales.makeDatum(), listing],
                        readOnly: false)
      }
      return transaction
    }
    // Made after SPI_finish: memory allocated while SPI is connected is freed by it.
    return try id.makeDatum()
  }

  /// The buyer is reelbase.current_user_id(), read without a query.
  private static func currentBuyer() throws -> RbDatum {
    guard let buyer = try CurrentUser.get() else {
      throw PGError(sqlstate: "42501", message: "market.purchase_listing needs a buyer: no end user is set",
                    hint: "Call reelbase.set_user_id(<buyer id>) in the same transaction first.")
    }
    return try buyer.makeDatum()
  }
}

@_cdecl("rbx_market_purchase_listing")
func rbx_market_purchase_listing(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, PurchaseListing.call)
}
