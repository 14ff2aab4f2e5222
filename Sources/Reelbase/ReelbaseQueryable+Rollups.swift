import Foundation
import PostgresNIO

/// The daily analytics rollups (release 0.3.0): `learning.video_analytics` (per video and
/// day) and `learning.usage_metrics` (per creator and day), recomputed from the events, watch
/// sessions, chat messages and videos. Days are UTC calendar days.
///
/// Both calls are for administrators (`reelbase_admin`). They run with the owner's rights
/// (SECURITY DEFINER) and read every row whatever the caller's row-level security. Read the
/// results with ``listVideoAnalytics(videoID:limit:readFrom:)`` and
/// ``listUsageMetrics(creatorID:limit:readFrom:)``.
extension ReelbaseQueryable {
  /// Brings the rollup tables up to date with the source rows written since the last run
  /// (`learning.rollup_analytics()`, the periodic job). Only the (video, day) and
  /// (creator, day) pairs those rows touch are recomputed; the first run rebuilds everything.
  ///
  /// Idempotent and safe to run often. Deletes, and rows written with an explicit
  /// `created_at`/`updated_at` in the past, are not seen: refresh their days with
  /// ``refreshAnalytics(from:to:)``.
  /// - Returns: One result per rollup table; none at all when another rollup or refresh holds
  ///   the lock (the next run picks up from there).
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/permissionDenied`` for a caller that
  ///   is not an administrator (42501).
  @discardableResult
  public func rollupAnalytics() async throws -> [AnalyticsRollupResult] {
    try await all(
      """
      SELECT rollup_table, pairs_recomputed, rows_inserted, rows_updated, rows_deleted
      FROM learning.rollup_analytics()
      """,
      .write, AnalyticsRollupResult.init(row:))
  }

  /// Recomputes every pair of a range of days (`learning.refresh_analytics`): changed rows
  /// are updated, missing ones inserted, rows whose figures are now all zero deleted. For
  /// corrections and deletes, which ``rollupAnalytics()`` does not see. Waits for a running
  /// rollup; does not move its watermark.
  /// - Parameters:
  ///   - from: The first day (`p_from`): the UTC calendar day of this instant, whatever the
  ///     session's TimeZone. `Date.distantPast` covers every earlier day.
  ///   - to: The last day, included (`p_to`), likewise. `Date.distantFuture` covers every
  ///     later day.
  /// - Returns: One result per rollup table.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` when `from` is after
  ///   `to` (22023); ``ReelbaseError/Code/permissionDenied`` (42501).
  @discardableResult
  public func refreshAnalytics(from: Date, to: Date) async throws -> [AnalyticsRollupResult] {
    // A Date binds as timestamptz; its UTC day is taken on the server.
    try await all(
      """
      SELECT rollup_table, pairs_recomputed, rows_inserted, rows_updated, rows_deleted
      FROM learning.refresh_analytics(
        p_from => (\(from) AT TIME ZONE 'UTC')::date, p_to => (\(to) AT TIME ZONE 'UTC')::date)
      """,
      .write, AnalyticsRollupResult.init(row:))
  }
}
