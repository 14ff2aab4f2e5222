import PostgresNIO

/// What a rollup run did to one rollup table (`learning.rollup_analytics`,
/// `learning.refresh_analytics`): one result for `learning.video_analytics` and one for
/// `learning.usage_metrics`.
public struct AnalyticsRollupResult: Sendable, Hashable {
  /// The rollup table, `learning.video_analytics` or `learning.usage_metrics`.
  public var rollupTable: String
  /// The (video, day) or (creator, day) pairs recomputed.
  public var pairsRecomputed: Int
  /// Rows inserted.
  public var rowsInserted: Int
  /// Rows whose figures changed.
  public var rowsUpdated: Int
  /// Rows deleted because all their figures are now zero.
  public var rowsDeleted: Int

  init(row: PostgresRow) throws {
    let r = RowReader(row, "learning.rollup_analytics")
    rollupTable = try r("rollup_table")
    pairsRecomputed = try r("pairs_recomputed")
    rowsInserted = try r("rows_inserted")
    rowsUpdated = try r("rows_updated")
    rowsDeleted = try r("rows_deleted")
  }
}
