import Foundation
import PostgresNIO

/// Listings and purchases of the market (release 0.4.0): `market.list_concept`,
/// `market.purchase_listing`, and plain reads of listings, transactions, the buyer's
/// purchased concepts and the arbitrage figures.
///
/// Money is `Decimal` (the columns are `numeric(12,2)`, US dollars). A `Decimal` argument is
/// sent as its decimal text and converted by the server, so no binary floating point is
/// involved anywhere.
extension ReelbaseQueryable {
  /// Lists a concept in a market for a 72-hour window (`market.list_concept`;
  /// administrators). The listed price is `basePriceUSD` x the market's purchasing-power
  /// index, rounded half away from zero to cents.
  /// - Parameters:
  ///   - conceptID: The concept (`p_concept_id`).
  ///   - marketContextID: The market (`p_market_context_id`).
  ///   - basePriceUSD: The price in US dollars before the adjustment (`p_base_price_usd`).
  ///   - windowStart: When the window opens (`p_window_start`); nil lets the server use its
  ///     default, the transaction's `now()`.
  ///   - perMarketCap: The most sales this listing may make (`p_per_market_cap`, default 5).
  ///   - globalCap: The most sales of the concept across all its listings (`p_global_cap`,
  ///     default 15).
  /// - Returns: The new listing's id.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` for a price that is not
  ///   positive or rounds to 0.00, caps not positive, an infinite start (22023) or a NULL
  ///   argument (22004); ``ReelbaseError/Code/outOfRange`` for a price beyond `numeric(12,2)`
  ///   (22003); ``ReelbaseError/Code/notFound`` for an unknown concept or market (23503);
  ///   ``ReelbaseError/Code/invalidState`` for an archived or not evergreen-eligible concept
  ///   (55000); ``ReelbaseError/Code/duplicate`` when the concept is already listed in the
  ///   market at that start (23505); ``ReelbaseError/Code/permissionDenied`` for a caller who
  ///   is not an administrator (42501).
  @discardableResult
  public func listConcept(
    conceptID: UUID, marketContextID: UUID, basePriceUSD: Decimal, windowStart: Date? = nil,
    perMarketCap: Int = 5, globalCap: Int = 15
  ) async throws -> UUID {
    let price = basePriceUSD.description
    let query: PostgresQuery
    if let windowStart {
      query = """
        SELECT market.list_concept(
          p_concept_id => \(conceptID), p_market_context_id => \(marketContextID),
          p_base_price_usd => \(price)::numeric, p_window_start => \(windowStart),
          p_per_market_cap => \(perMarketCap)::integer, p_global_cap => \(globalCap)::integer)
        """
    } else {
      query = """
        SELECT market.list_concept(
          p_concept_id => \(conceptID), p_market_context_id => \(marketContextID),
          p_base_price_usd => \(price)::numeric,
          p_per_market_cap => \(perMarketCap)::integer, p_global_cap => \(globalCap)::integer)
        """
    }
    return try await requiredScalar(query, .write, as: UUID.self, "market.list_concept")
  }

  /// Buys one unit of a listing for the current identity (`market.purchase_listing`): run it
  /// inside ``ReelbaseClient/withIdentity(_:on:level:_:)``. The server records the
  /// transaction (price = the listed price, 12% cashback pending), counts the sale, marks
  /// listings sold out when a cap is reached, and updates the arbitrage figures.
  /// - Parameter listingWindowID: The listing (`p_listing_window_id`).
  /// - Returns: The new transaction's id.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/listingNotActive`` when the listing is
  ///   expired or archived or the time is outside its window (RB001);
  ///   ``ReelbaseError/Code/marketCapReached`` when the listing sold its per-market cap
  ///   (RB002); ``ReelbaseError/Code/globalCapReached`` when the concept sold its global cap
  ///   (RB003); ``ReelbaseError/Code/notFound`` for an unknown listing (23503);
  ///   ``ReelbaseError/Code/permissionDenied`` without an identity (42501);
  ///   ``ReelbaseError/Code/serverError`` with SQLSTATE 0A000 inside a REPEATABLE READ
  ///   transaction (its snapshot could count sales past the global cap; use READ COMMITTED,
  ///   the default, or SERIALIZABLE, where a clash is ``ReelbaseError/Code/conflict``).
  @discardableResult
  public func purchaseListing(listingWindowID: UUID) async throws -> UUID {
    try await requiredScalar(
      "SELECT market.purchase_listing(p_listing_window_id => \(listingWindowID))",
      .write, as: UUID.self, "market.purchase_listing")
  }

  /// Reads one listing.
  /// - Parameters:
  ///   - id: The listing.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The listing, or nil.
  /// - Throws: ``ReelbaseError``.
  public func getListing(id: UUID, readFrom: ReadPreference = .replica) async throws -> ListingWindow? {
    try await all(
      "SELECT \(unescaped: ListingWindow.columns) FROM market.listing_windows WHERE id = \(id)",
      .read(readFrom), ListingWindow.init(row:)
    ).first
  }

  /// Lists listings, the soonest-closing first.
  /// - Parameters:
  ///   - status: Only listings in this status (e.g. ``ListingStatus/active``, the shop
  ///     window); any by default.
  ///   - marketID: Only this market's; any by default.
  ///   - conceptID: Only this concept's; any by default.
  ///   - limit: At most this many; 100 by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The listings.
  /// - Throws: ``ReelbaseError``.
  public func listListings(
    status: ListingStatus? = nil, marketID: UUID? = nil, conceptID: UUID? = nil, limit: Int = 100,
    readFrom: ReadPreference = .replica
  ) async throws -> [ListingWindow] {
    try await all(
      """
      SELECT \(unescaped: ListingWindow.columns) FROM market.listing_windows
      WHERE (\(status)::text IS NULL OR status = \(status))
        AND (\(marketID)::uuid IS NULL OR market_context_id = \(marketID))
        AND (\(conceptID)::uuid IS NULL OR concept_id = \(conceptID))
      ORDER BY window_end, id LIMIT \(limit)
      """,
      .read(readFrom), ListingWindow.init(row:))
  }

  /// Lists the current identity's purchases, newest first: run it inside
  /// ``ReelbaseClient/withIdentity(_:on:level:_:)``. Without an identity it returns nothing.
  /// - Parameters:
  ///   - limit: At most this many; 100 by default.
  ///   - readFrom: Where the read runs; a replica by default (ignored inside a transaction).
  /// - Returns: The buyer's transactions.
  /// - Throws: ``ReelbaseError``.
  public func listMyTransactions(limit: Int = 100, readFrom: ReadPreference = .replica)
    async throws -> [MarketTransaction]
  {
    try await all(
      """
      SELECT \(unescaped: MarketTransaction.columns) FROM market.transactions
      WHERE buyer_id = reelbase.current_user_id()
      ORDER BY purchased_at DESC, id LIMIT \(limit)
      """,
      .read(readFrom), MarketTransaction.init(row:))
  }

  /// Lists transactions, newest first. Administrators see every buyer's; a buyer only their
  /// own, whatever the filters.
  /// - Parameters:
  ///   - buyerID: Only this buyer's; any by default.
  ///   - conceptID: Only this concept's; any by default.
  ///   - listingWindowID: Only this listing's; any by default.
  ///   - cashbackStatus: Only those in this cashback status; any by default.
  ///   - limit: At most this many; 100 by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The transactions visible to the caller.
  /// - Throws: ``ReelbaseError``.
  public func listTransactions(
    buyerID: UUID? = nil, conceptID: UUID? = nil, listingWindowID: UUID? = nil,
    cashbackStatus: CashbackStatus? = nil, limit: Int = 100, readFrom: ReadPreference = .replica
  ) async throws -> [MarketTransaction] {
    try await all(
      """
      SELECT \(unescaped: MarketTransaction.columns) FROM market.transactions
      WHERE (\(buyerID)::uuid IS NULL OR buyer_id = \(buyerID))
        AND (\(conceptID)::uuid IS NULL OR concept_id = \(conceptID))
        AND (\(listingWindowID)::uuid IS NULL OR listing_window_id = \(listingWindowID))
        AND (\(cashbackStatus)::text IS NULL OR cashback_status = \(cashbackStatus))
      ORDER BY purchased_at DESC, id LIMIT \(limit)
      """,
      .read(readFrom), MarketTransaction.init(row:))
  }

  /// Reads one transaction (a buyer: only their own).
  /// - Parameters:
  ///   - id: The transaction.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The transaction, or nil when it does not exist or is hidden from the caller.
  /// - Throws: ``ReelbaseError``.
  public func getTransaction(id: UUID, readFrom: ReadPreference = .replica) async throws -> MarketTransaction? {
    try await all(
      "SELECT \(unescaped: MarketTransaction.columns) FROM market.transactions WHERE id = \(id)",
      .read(readFrom), MarketTransaction.init(row:)
    ).first
  }

  /// The current identity's purchases with the full concept, template included
  /// (`market.purchased_concepts`), newest first: run it inside
  /// ``ReelbaseClient/withIdentity(_:on:level:_:)``.
  /// - Parameter readFrom: Where the read runs; a replica by default.
  /// - Returns: One row per purchase.
  /// - Throws: ``ReelbaseError``.
  public func listPurchasedConcepts(readFrom: ReadPreference = .replica) async throws -> [PurchasedConcept] {
    try await all(
      """
      SELECT \(unescaped: PurchasedConcept.columns) FROM market.purchased_concepts
      ORDER BY purchased_at DESC, transaction_id
      """,
      .read(readFrom), PurchasedConcept.init(row:))
  }

  /// Lists the sales per route, origin market to target market (administrators), most sales
  /// first.
  /// - Parameters:
  ///   - conceptID: Only this concept's routes; any by default.
  ///   - originMarketID: Only routes from this market; any by default.
  ///   - targetMarketID: Only routes to this market; any by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The routes.
  /// - Throws: ``ReelbaseError``.
  public func listArbitrageMetrics(
    conceptID: UUID? = nil, originMarketID: UUID? = nil, targetMarketID: UUID? = nil,
    readFrom: ReadPreference = .replica
  ) async throws -> [ArbitrageMetric] {
    try await all(
      """
      SELECT \(unescaped: ArbitrageMetric.columns) FROM market.arbitrage_metrics
      WHERE (\(conceptID)::uuid IS NULL OR concept_id = \(conceptID))
        AND (\(originMarketID)::uuid IS NULL OR origin_market_id = \(originMarketID))
        AND (\(targetMarketID)::uuid IS NULL OR target_market_id = \(targetMarketID))
      ORDER BY total_sales DESC, id
      """,
      .read(readFrom), ArbitrageMetric.init(row:))
  }
}
