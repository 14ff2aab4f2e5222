import CPostgres
import ReelbaseCore

/// `market.list_concept`: lists a concept in one market for a 72-hour window at its
/// purchasing-power price, returning the listing id.
///
/// Runs with the caller's rights (EXECUTE is granted to reelbase_admin only, and RLS admits
/// administrators). The price is computed in ReelbaseCore on exact decimals (MarketPricing).
enum ListConcept {
  private enum Arg {
    static let concept: Int32 = 0, market: Int32 = 1, basePrice: Int32 = 2, windowStart: Int32 = 3
    static let perMarketCap: Int32 = 4, globalCap: Int32 = 5
  }

  private static let uuid = RbOid(RB_UUIDOID)

  /// One row whatever exists, so a missing concept and a missing market are told apart.
  /// concept_sales counts the concept's sales in every market (what the global cap is tested on).
  static let facts = PreparedStatement(
    """
    SELECT c.id IS NOT NULL AS concept_exists, c.archived IS TRUE AS archived,
           c.evergreen_eligible IS TRUE AS evergreen_eligible,
           m.id IS NOT NULL AS market_exists, m.purchasing_power_index,
           (SELECT count(*) FROM market.transactions t WHERE t.concept_id = $1) AS concept_sales
    FROM (SELECT 1) AS one
    LEFT JOIN market.concepts c ON c.id = $1
    LEFT JOIN market.market_contexts m ON m.id = $2
    """, [uuid, uuid])

  /// A duplicate window inserts nothing (and returns no id) instead of raising the bare unique
  /// violation, so the refusal can name the values.
  static let insert = PreparedStatement(
    """
    INSERT INTO market.listing_windows
      (concept_id, market_context_id, window_start, window_end, base_price_usd, listed_price,
       per_market_cap, global_cap)
    VALUES ($1, $2, $3, $3 + interval '72 hours', $4, $5, $6, $7)
    ON CONFLICT (concept_id, market_context_id, window_start) DO NOTHING
    RETURNING id
    """,
    [uuid, uuid, RbOid(RB_TIMESTAMPTZOID), RbOid(RB_NUMERICOID), RbOid(RB_NUMERICOID),
     RbOid(RB_INT4OID), RbOid(RB_INT4OID)])

  static func call(_ call: FunctionCall) throws -> RbDatum? {
    let concept: UUIDValue = try call.required(Arg.concept, "p_concept_id")
    let market: UUIDValue = try call.required(Arg.market, "p_market_context_id")
    let baseText = try call.required(Arg.basePrice, "p_base_price_usd", as: PGNumeric.self).text
    let windowStart: PGTimestampTZ = try call.required(Arg.windowStart, "p_window_start")
    let perMarketCap: Int32 = try call.required(Arg.perMarketCap, "p_per_market_cap")
    let globalCap: Int32 = try call.required(Arg.globalCap, "p_global_cap")

    let base: Cents
    switch MarketPricing.basePrice(numericText: baseText) {
    case .success(let cents): base = cents
    case .failure(let problem): throw priceError(problem, what: "p_base_price_usd", value: shortened(baseText))
    }
    guard perMarketCap > 0 else {
      throw PGError.invalidParameter("p_per_market_cap must be positive, got \(perMarketCap)")
    }
    guard globalCap > 0 else {
      throw PGError.invalidParameter("p_global_cap must be positive, got \(globalCap)")
    }
    guard windowStart.isFinite else {
      throw PGError.invalidParameter(
        "p_window_start must be a finite time, got \(windowStart.microseconds < 0 ? "-infinity" : "infinity")",
                                     hint: "A listing window is 72 hours from a real instant.")
    }

    let id = try SPI.connect { () throws -> UUIDValue in
      let result = try SPI.execute(facts, [call.datum(Arg.concept), call.datum(Arg.market)],
                                   readOnly: false, maxRows: 1)
      guard result.rowCount == 1 else { throw PGError.internalError("listing facts returned no row") }
      let r = result.row(0)
      guard try r.value("concept_exists", as: Bool.self) == true else {
        throw PGError.missingReference("concept \(concept) does not exist")
      }
      guard try r.value("market_exists", as: Bool.self) == true else {
        throw PGError.missingReference("market context \(market) does not exist")
      }
      if try r.value("archived", as: Bool.self) == true {
        throw PGError(sqlstate: "55000", message: "concept \(concept) is archived and cannot be listed",
                      hint: "Archived concepts are permanently unavailable.")
      }
      guard try r.value("evergreen_eligible", as: Bool.self) == true else {
        throw PGError(sqlstate: "55000", message: "concept \(concept) is not evergreen eligible and cannot be listed",
                      hint: "Set market.concepts.evergreen_eligible to true to allow listings.")
      }
      // A listing whose global cap the concept's sales already reach could never sell
      // (purchase_listing would refuse it with RB003), yet it would show as active. Not locked:
      // a purchase committing meanwhile can still pass the cap, and the listing then refuses.
      let sales = try r.value("concept_sales", as: Int64.self) ?? 0
      if sales >= Int64(globalCap) {
        throw PGError(sqlstate: "55000",
                      message: "concept \(concept) already has \(sales) \(sales == 1 ? "sale, which reaches" : "sales, which reach") p_global_cap \(globalCap): the listing could never sell",
                      hint: "The global cap counts every sale of the concept, in every market; use a p_global_cap above \(sales).")
      }
      guard let index: Double = try r.value("purchasing_power_index") else {
        throw PGError.internalError("market context \(market) has no purchasing_power_index")
      }
      let listed: Cents
      switch MarketPricing.listedPrice(base: base, purchasingPowerIndex: index) {
      case .success(let cents): listed = cents
      case .failure(let problem):
        throw priceError(problem, what: "listed price",
                         value: "\(shortened("\(base)")) x purchasing power index \(shortened("\(index)"))")
      }
      let inserted = try SPI.execute(
        insert,
        [call.datum(Arg.concept), call.datum(Arg.market), call.datum(Arg.windowStart),
         try PGNumeric(text: base.description).makeDatum(),
         try PGNumeric(text: listed.description).makeDatum(),
         perMarketCap.makeDatum(), globalCap.makeDatum()],
        readOnly: false, maxRows: 1)
      guard inserted.rowCount == 1, let id = try inserted.row(0).datum("id") else {
        let start = try typeOutput(PGTimestampTZ.typeOID, call.datum(Arg.windowStart))
        throw PGError(
          sqlstate: "23505",
          message: "concept \(concept) is already listed in market \(market) for the window starting \(start)",
          detail: "Key (concept_id, market_context_id, window_start)=(\(concept), \(market), \(start)) already exists.",
          hint: "Choose another p_window_start, or use the existing listing.")
      }
      return UUIDValue(datum: id)
    }
    // Made after SPI_finish: memory allocated while SPI is connected is freed by it.
    return try id.makeDatum()
  }

  /// One number for a message: numeric text can run to thousands of digits, so beyond 40
  /// characters it is cut, and says so and how long it was. Applied to each operand, never to a
  /// composed text, so an expression's words are never the part that is cut.
  private static func shortened(_ number: String) -> String {
    number.count > 40 ? "\(number.prefix(24))... (\(number.count) characters)" : number
  }

  /// `value` is already shortened (see `shortened`).
  private static func priceError(_ problem: MarketPriceProblem, what: String, value: String) -> PGError {
    switch problem {
    case .notFinite:
      return PGError.invalidParameter("\(what) must be a finite amount, got \(value)")
    case .notPositive:
      return PGError.invalidParameter(
        "\(what) must be at least 0.01 after rounding to cents, got \(value)",
        hint: "Prices are US dollars rounded half away from zero to cents, and must be positive.")
    case .overflow:
      return PGError(sqlstate: "22003", message: "\(what) is out of range for numeric(12,2): \(value)",
                     hint: "Prices are at most 9999999999.99.")
    }
  }
}

@_cdecl("rbx_market_list_concept")
func rbx_market_list_concept(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, ListConcept.call)
}
