import Foundation
import PostgresNIO

/// One day of a video's performance (`learning.video_analytics`), written by the daily rollup.
/// Creators read their own videos' rows; students read none.
public struct VideoAnalyticsDay: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The video measured.
  public var videoID: UUID
  /// The day aggregated, as midnight UTC of that calendar day.
  public var date: Date
  /// Views on that day.
  public var views: Int
  /// Distinct students who viewed.
  public var uniqueViewers: Int
  /// Sum of watch time in seconds.
  public var totalWatchTimeSeconds: Int
  /// Average watch time per view in seconds.
  public var averageWatchTimeSeconds: Int
  /// Percentage of viewers who completed (0-100, two decimals).
  public var completionRate: Decimal
  /// Chat messages about the video.
  public var aiInteractions: Int
  /// Additional metadata (shape not defined by the seed).
  public var metadata: JSONValue
  /// Record creation time.
  public var createdAt: Date
  /// Last update time (stamped by the server).
  public var updatedAt: Date

  static let columns = """
    id, video_id, date, views, unique_viewers, total_watch_time_seconds,
    average_watch_time_seconds, completion_rate, ai_interactions, metadata, created_at, updated_at
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "learning.video_analytics")
    id = try r("id")
    videoID = try r("video_id")
    date = try r("date")
    views = try r("views")
    uniqueViewers = try r("unique_viewers")
    totalWatchTimeSeconds = try r("total_watch_time_seconds")
    averageWatchTimeSeconds = try r("average_watch_time_seconds")
    completionRate = try r("completion_rate")
    aiInteractions = try r("ai_interactions")
    metadata = try r("metadata")
    createdAt = try r("created_at")
    updatedAt = try r("updated_at")
  }
}
