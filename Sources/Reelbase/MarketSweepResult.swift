import PostgresNIO

/// What one sweep of ``ReelbaseQueryable/runSweeps(now:batchSize:)`` changed.
public struct MarketSweepResult: Sendable, Hashable {
  /// The sweep: `expire_listings`, `archive_listings` or `expire_cashback`.
  public var sweep: String
  /// The rows it changed in this batch.
  public var changed: Int

  /// Makes a result.
  /// - Parameters:
  ///   - sweep: The sweep's name.
  ///   - changed: The rows it changed.
  public init(sweep: String, changed: Int) {
    self.sweep = sweep
    self.changed = changed
  }

  init(row: PostgresRow) throws {
    let r = RowReader(row, "market.run_sweeps")
    sweep = try r("sweep")
    changed = try r("changed")
  }
}
