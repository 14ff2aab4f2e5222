import Foundation
import PostgresNIO

/// Produced content, cashback and the market's sweeps (release 0.4.0).
///
/// A buyer submits the video they made from a purchased concept
/// (``submitProducedContent(transactionID:submittedURL:platform:performanceMetrics:)``); an
/// administrator verifies it (``verifyProducedContent(id:verified:notes:)``), which claims the
/// purchase's cashback on the server. The sweeps (`market.expire_listings`,
/// `market.archive_listings`, `market.expire_cashback`, `market.run_sweeps`) move listings
/// and cashback along in time; `reelbase.run_maintenance()` runs them on a schedule, and an
/// administrator may run them by hand, with a chosen clock.
extension ReelbaseQueryable {
  /// Submits produced content for one of the current identity's purchases: run it inside
  /// ``ReelbaseClient/withIdentity(_:on:level:_:)`` (administrators may submit for anyone).
  /// - Parameters:
  ///   - transactionID: The purchase; one submission per purchase.
  ///   - submittedURL: The video's URL.
  ///   - platform: Its platform.
  ///   - performanceMetrics: Scraped figures, if any.
  /// - Returns: The submission, unverified.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/duplicate`` when the purchase already
  ///   has a submission (23505); ``ReelbaseError/Code/permissionDenied`` for someone else's
  ///   purchase (42501); ``ReelbaseError/Code/notFound`` for an unknown transaction (23503);
  ///   ``ReelbaseError/Code/invalidInput`` for an empty URL or unknown platform (23514).
  public func submitProducedContent(
    transactionID: UUID, submittedURL: String, platform: VideoPlatform,
    performanceMetrics: PerformanceMetrics? = nil
  ) async throws -> ProducedContent {
    let metrics = performanceMetrics?.json
    let query: PostgresQuery = try """
      INSERT INTO market.produced_content (transaction_id, submitted_url, platform, performance_metrics)
      VALUES (\(transactionID), \(submittedURL), \(platform), \(metrics))
      RETURNING \(unescaped: ProducedContent.columns)
      """
    return try await insertedRow(query, ProducedContent.init(row:), "market.produced_content")
  }

  /// Updates a submission's scraped figures and stamps `metrics_updated_at` (the buyer until
  /// it is verified; administrators always).
  /// - Parameters:
  ///   - id: The submission.
  ///   - performanceMetrics: The new figures.
  ///   - updatedAt: When they were scraped; nil stamps the server's `now()`.
  /// - Returns: The updated submission, or nil when it does not exist or the caller may not
  ///   change it (hidden, or already verified for a buyer).
  /// - Throws: ``ReelbaseError``.
  @discardableResult
  public func updateProducedContentMetrics(
    id: UUID, performanceMetrics: PerformanceMetrics, updatedAt: Date? = nil
  ) async throws -> ProducedContent? {
    let metrics = performanceMetrics.json
    return try await all(
      try """
      UPDATE market.produced_content
      SET performance_metrics = \(metrics), metrics_updated_at = COALESCE(\(updatedAt), now())
      WHERE id = \(id)
      RETURNING \(unescaped: ProducedContent.columns)
      """,
      .write, ProducedContent.init(row:)
    ).first
  }

  /// Verifies (or un-verifies) a submission (administrators). Verifying claims the purchase's
  /// pending cashback at once when it is eligible and the content was submitted within 30
  /// days of the purchase; the server stamps `verified_at`.
  /// - Parameters:
  ///   - id: The submission.
  ///   - verified: The new flag; true by default.
  ///   - notes: Verification notes; nil keeps the current ones.
  /// - Returns: The updated submission, or nil when it does not exist.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidState`` when un-verifying
  ///   content whose cashback was claimed (55000); ``ReelbaseError/Code/permissionDenied``
  ///   for a caller who is not an administrator (42501).
  @discardableResult
  public func verifyProducedContent(id: UUID, verified: Bool = true, notes: String? = nil)
    async throws -> ProducedContent?
  {
    try await all(
      """
      UPDATE market.produced_content
      SET verified = \(verified), verification_notes = COALESCE(\(notes), verification_notes)
      WHERE id = \(id)
      RETURNING \(unescaped: ProducedContent.columns)
      """,
      .write, ProducedContent.init(row:)
    ).first
  }

  /// Lists submissions, newest first. A buyer sees those of their own purchases.
  /// - Parameters:
  ///   - transactionID: Only this purchase's; any by default.
  ///   - verified: Only verified (true) or unverified (false) ones; both by default.
  ///   - limit: At most this many; 100 by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The submissions visible to the caller.
  /// - Throws: ``ReelbaseError``.
  public func listProducedContent(
    transactionID: UUID? = nil, verified: Bool? = nil, limit: Int = 100,
    readFrom: ReadPreference = .replica
  ) async throws -> [ProducedContent] {
    try await all(
      """
      SELECT \(unescaped: ProducedContent.columns) FROM market.produced_content
      WHERE (\(transactionID)::uuid IS NULL OR transaction_id = \(transactionID))
        AND (\(verified)::boolean IS NULL OR verified = \(verified))
      ORDER BY submitted_at DESC, id LIMIT \(limit)
      """,
      .read(readFrom), ProducedContent.init(row:))
  }

  /// Expires one batch of active listings whose window has ended (`market.expire_listings`;
  /// administrators).
  /// - Parameters:
  ///   - now: The clock (`p_now`); nil lets the server use its default, `now()`.
  ///   - batchSize: At most this many rows, 1...1,000,000 (`p_batch_size`, default 1000).
  /// - Returns: The listings it expired; 0 when none is due.
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/invalidInput`` for a batch size out of
  ///   range or an infinite clock (22023).
  @discardableResult
  public func expireListings(now: Date? = nil, batchSize: Int = 1000) async throws -> Int {
    try await sweep("market.expire_listings", now: now, batchSize: batchSize)
  }

  /// Archives one batch of expired listings, and of sold-out listings whose window has ended
  /// (`market.archive_listings`; administrators).
  /// - Parameters:
  ///   - now: The clock (`p_now`); nil lets the server use its default, `now()`.
  ///   - batchSize: At most this many rows, 1...1,000,000 (`p_batch_size`, default 1000).
  /// - Returns: The listings it archived.
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/invalidInput`` for bad arguments.
  @discardableResult
  public func archiveListings(now: Date? = nil, batchSize: Int = 1000) async throws -> Int {
    try await sweep("market.archive_listings", now: now, batchSize: batchSize)
  }

  /// Expires one batch of pending cashback 30 days after the purchase when no content was
  /// submitted in time (`market.expire_cashback`; administrators). Content submitted in time
  /// but not yet verified keeps the cashback pending.
  /// - Parameters:
  ///   - now: The clock (`p_now`); nil lets the server use its default, `now()`.
  ///   - batchSize: At most this many rows, 1...1,000,000 (`p_batch_size`, default 10000).
  /// - Returns: The transactions whose cashback it expired.
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/invalidInput`` for bad arguments.
  @discardableResult
  public func expireCashback(now: Date? = nil, batchSize: Int = 10000) async throws -> Int {
    try await sweep("market.expire_cashback", now: now, batchSize: batchSize)
  }

  /// Runs one batch of each sweep, in order: expire listings, archive listings, expire
  /// cashback (`market.run_sweeps`; administrators).
  /// - Parameters:
  ///   - now: The clock (`p_now`); nil lets the server use its default, `now()`.
  ///   - batchSize: At most this many rows per sweep (`p_batch_size`, default 1000).
  /// - Returns: What each sweep changed, in the order they ran.
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/invalidInput`` for bad arguments.
  @discardableResult
  public func runSweeps(now: Date? = nil, batchSize: Int = 1000) async throws -> [MarketSweepResult] {
    let query: PostgresQuery
    if let now {
      query = """
        SELECT sweep, changed FROM market.run_sweeps(
          p_now => \(now), p_batch_size => \(batchSize)::integer)
        """
    } else {
      query = "SELECT sweep, changed FROM market.run_sweeps(p_batch_size => \(batchSize)::integer)"
    }
    return try await all(query, .write, MarketSweepResult.init(row:))
  }

  /// Calls one batch sweep; `function` is one of the fixed names above, never caller input.
  private func sweep(_ function: String, now: Date?, batchSize: Int) async throws -> Int {
    let query: PostgresQuery
    if let now {
      query = """
        SELECT \(unescaped: function)(p_now => \(now), p_batch_size => \(batchSize)::integer)
        """
    } else {
      query = "SELECT \(unescaped: function)(p_batch_size => \(batchSize)::integer)"
    }
    return try await requiredScalar(query, .write, as: Int.self, function)
  }
}
