import Foundation
import PostgresNIO

/// What a rollup run did to one rollup table (`learning.video_analytics` or
/// `learning.usage_metrics`).
public struct AnalyticsRollupResult: ReelbaseRow, Hashable {
  public var rollupTable: String
  /// The (video, day) or (creator, day) pairs recomputed.
  public var pairsRecomputed: Int
  public var rowsInserted: Int
  /// Rows whose figures changed.
  public var rowsUpdated: Int
  /// Rows deleted because all their figures are now zero.
  public var rowsDeleted: Int
}

/// The daily analytics rollups, for administrators (`reelbase_admin`; others get
/// ``ReelbaseError/Code/permissionDenied``). Days are UTC calendar days; read the results
/// with ``VideoAnalyticsDay`` and ``UsageMetricsDay``.
extension ReelbaseQueryable {
  /// `learning.rollup_analytics()`: recomputes the pairs the rows written since the last run
  /// touch. Returns nothing when another rollup holds the lock.
  @discardableResult
  public func rollupAnalytics() async throws -> [AnalyticsRollupResult] {
    try await call("learning.rollup_analytics")
  }

  /// `learning.refresh_analytics(p_from, p_to)`: recomputes every pair of the UTC days of
  /// `from` to `to` (for corrections and deletes); `from` after `to` is
  /// ``ReelbaseError/Code/invalidInput``.
  @discardableResult
  public func refreshAnalytics(from: Date, to: Date) async throws -> [AnalyticsRollupResult] {
    // A Date binds as timestamptz; its UTC day is taken on the server.
    try await rows(
      """
      SELECT * FROM learning.refresh_analytics(
        p_from => (\(from) AT TIME ZONE 'UTC')::date, p_to => (\(to) AT TIME ZONE 'UTC')::date)
      """, .write
    ).map { try AnalyticsRollupResult(row: $0, context: "learning.refresh_analytics") }
  }
}
