import Foundation
import PostgresNIO

/// One day of a creator's usage (`learning.usage_metrics`), for billing and limits; written by
/// the daily rollup, read by the creator.
public struct UsageMetricsDay: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The creator measured.
  public var creatorID: UUID
  /// The day aggregated, as midnight UTC of that calendar day.
  public var date: Date
  /// Total storage used, in bytes.
  public var storageUsedBytes: Int64
  /// Videos uploaded that day.
  public var videosUploaded: Int
  /// Total video duration in seconds.
  public var totalVideoDurationSeconds: Int
  /// AI API credits consumed.
  public var aiCreditsUsed: Int
  /// Transcription minutes processed.
  public var transcriptionMinutes: Int
  /// Chat messages sent.
  public var chatMessagesSent: Int
  /// Distinct active students.
  public var activeStudents: Int
  /// Additional metadata (shape not defined by the seed).
  public var metadata: JSONValue
  /// Record creation time.
  public var createdAt: Date
  /// Last update time (stamped by the server).
  public var updatedAt: Date

  static let columns = """
    id, creator_id, date, storage_used_bytes, videos_uploaded, total_video_duration_seconds,
    ai_credits_used, transcription_minutes, chat_messages_sent, active_students, metadata,
    created_at, updated_at
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "learning.usage_metrics")
    id = try r("id")
    creatorID = try r("creator_id")
    date = try r("date")
    storageUsedBytes = try r("storage_used_bytes")
    videosUploaded = try r("videos_uploaded")
    totalVideoDurationSeconds = try r("total_video_duration_seconds")
    aiCreditsUsed = try r("ai_credits_used")
    transcriptionMinutes = try r("transcription_minutes")
    chatMessagesSent = try r("chat_messages_sent")
    activeStudents = try r("active_students")
    metadata = try r("metadata")
    createdAt = try r("created_at")
    updatedAt = try r("updated_at")
  }
}
