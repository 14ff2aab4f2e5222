import Foundation
import PostgresNIO

/// What one sweep of ``ReelbaseQueryable/runSweeps(now:batchSize:)`` changed.
public struct MarketSweepResult: ReelbaseRow, Hashable {
  /// `expire_listings`, `archive_listings` or `expire_cashback`.
  public var sweep: String
  /// The rows it changed in this batch.
  public var changed: Int

  public init(sweep: String, changed: Int) {
    self.sweep = sweep
    self.changed = changed
  }
}

/// Listing, purchase, the buyer's writes of produced content and the sweeps (release 0.4.0).
/// Reads are ``ReelbaseQueryable/fetch(_:where:orderBy:limit:readFrom:)`` of the models.
extension ReelbaseQueryable {
  /// `market.list_concept`: lists a concept in a market for 72 hours from `windowStart` (nil:
  /// the server's `now()`) at `basePriceUSD` x the market's index; returns the listing's id.
  /// Refusals: 22023/22004 ``ReelbaseError/Code/invalidInput`` (price not positive after
  /// rounding, NaN, caps not positive), 22003 ``ReelbaseError/Code/outOfRange``, 23503
  /// ``ReelbaseError/Code/notFound``, 55000 ``ReelbaseError/Code/invalidState`` (archived or not
  /// evergreen), 23505 ``ReelbaseError/Code/duplicate``, 42501 for non-administrators.
  @discardableResult
  public func listConcept(
    conceptID: UUID, marketContextID: UUID, basePriceUSD: Decimal, windowStart: Date? = nil,
    perMarketCap: Int = 5, globalCap: Int = 15
  ) async throws -> UUID {
    // The price goes as decimal text: PostgresNIO's binary numeric has no NaN, which the server
    // must see to refuse it.
    try await requiredScalar(
      """
      SELECT market.list_concept(
        p_concept_id => \(conceptID), p_market_context_id => \(marketContextID),
        p_base_price_usd => \(basePriceUSD.description)::numeric,
        p_window_start => COALESCE(\(windowStart), now()),
        p_per_market_cap => \(perMarketCap)::integer, p_global_cap => \(globalCap)::integer)
      """, .write, as: UUID.self, "market.list_concept")
  }

  /// `market.purchase_listing`: the current identity (run it inside
  /// ``ReelbaseClient/withIdentity(_:on:level:_:)``) buys one unit at the listed price, with a
  /// pending 12% cashback; returns the transaction's id. Refusals: RB001
  /// ``ReelbaseError/Code/listingNotActive``, RB002 ``ReelbaseError/Code/marketCapReached``,
  /// RB003 ``ReelbaseError/Code/globalCapReached``, 23503 ``ReelbaseError/Code/notFound``, 42501
  /// without an identity, 0A000 ``ReelbaseError/Code/serverError`` under REPEATABLE READ.
  @discardableResult
  public func purchaseListing(listingWindowID: UUID) async throws -> UUID {
    try await required("market.purchase_listing", ["p_listing_window_id": listingWindowID])
  }

  /// Submits produced content for one of the current identity's purchases, unverified. A
  /// named write because buyers may insert only these columns.
  /// Refusals: 23505 ``ReelbaseError/Code/duplicate`` (one per purchase), 42501 for someone
  /// else's purchase, 23503 ``ReelbaseError/Code/notFound``, 23514 for an empty URL.
  public func submitProducedContent(
    transactionID: UUID, submittedURL: String, platform: VideoPlatform,
    performanceMetrics: PerformanceMetrics? = nil
  ) async throws -> ProducedContent {
    try await oneRow(
      """
      INSERT INTO market.produced_content (transaction_id, submitted_url, platform, performance_metrics)
      VALUES (\(transactionID), \(submittedURL), \(platform), \(performanceMetrics))
      RETURNING \(unescaped: ProducedContent.columns.joined(separator: ", "))
      """, ProducedContent.self, "INSERT INTO")
  }

  /// Replaces a submission's figures and stamps `metrics_updated_at` (nil: the server's
  /// `now()`); nil when the caller may not change it (a buyer: once verified). A named write
  /// because buyers may update only these columns, one of them to the server's clock.
  @discardableResult
  public func updateProducedContentMetrics(
    id: UUID, performanceMetrics: PerformanceMetrics, updatedAt: Date? = nil
  ) async throws -> ProducedContent? {
    try await rows(
      """
      UPDATE market.produced_content
      SET performance_metrics = \(performanceMetrics), metrics_updated_at = COALESCE(\(updatedAt), now())
      WHERE id = \(id) RETURNING \(unescaped: ProducedContent.columns.joined(separator: ", "))
      """, .write
    ).first.map { try ProducedContent(row: $0, context: ProducedContent.tableName) }
  }

  /// `market.expire_listings`: expires one batch (1...1,000,000) of active listings whose
  /// window ended by `now` (nil: the server's clock); returns how many. 22023
  /// ``ReelbaseError/Code/invalidInput`` for a batch size out of range or an infinite clock.
  @discardableResult
  public func expireListings(now: Date? = nil, batchSize: Int = 1000) async throws -> Int {
    try await required("market.expire_listings", ["p_now": now, "p_batch_size": try integerArgument(batchSize)])
  }

  /// `market.archive_listings`: archives one batch of expired listings, and of sold-out ones
  /// whose window ended; returns how many. Refusals as ``expireListings(now:batchSize:)``.
  @discardableResult
  public func archiveListings(now: Date? = nil, batchSize: Int = 1000) async throws -> Int {
    try await required("market.archive_listings", ["p_now": now, "p_batch_size": try integerArgument(batchSize)])
  }

  /// `market.expire_cashback`: expires one batch of cashback pending 30 days after purchase
  /// without content submitted in time; returns how many. Refusals as
  /// ``expireListings(now:batchSize:)``, and 0A000 outside READ COMMITTED.
  @discardableResult
  public func expireCashback(now: Date? = nil, batchSize: Int = 10000) async throws -> Int {
    try await required("market.expire_cashback", ["p_now": now, "p_batch_size": try integerArgument(batchSize)])
  }

  /// `market.run_sweeps`: one batch of each sweep, in order (expire listings, archive listings,
  /// expire cashback); what each changed. Refusals as ``expireCashback(now:batchSize:)``.
  @discardableResult
  public func runSweeps(now: Date? = nil, batchSize: Int = 1000) async throws -> [MarketSweepResult] {
    try await call("market.run_sweeps", ["p_now": now, "p_batch_size": try integerArgument(batchSize)])
  }
}

/// An `integer` argument; beyond it is what the server says of a bigint cast to integer.
func integerArgument(_ value: Int) throws -> Int32 {
  guard let value = Int32(exactly: value) else {
    throw ReelbaseError(.outOfRange, "\(value) is out of range for type integer", sqlState: "22003")
  }
  return value
}
