import Foundation
import PostgresNIO

/// One viewing session of a student on a video (`learning.video_watch_sessions`). Watch
/// history is permanent: there is no delete.
public struct WatchSession: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The video watched.
  public var videoID: UUID
  /// The student watching.
  public var studentID: UUID
  /// When the student started watching.
  public var sessionStart: Date
  /// When the student stopped; nil while the session is active.
  public var sessionEnd: Date?
  /// Time actually watched in seconds, excluding pauses.
  public var watchTimeSeconds: Int
  /// Share of the video watched (0-100).
  public var percentComplete: Int
  /// True once 90% or more was watched (set by the server, never cleared).
  public var completed: Bool
  /// The device used.
  public var deviceType: DeviceType?
  /// How the student reached the video.
  public var referrerType: ReferrerType?
  /// Playback speed, quality, etc. (shape not defined by the seed).
  public var metadata: JSONValue
  /// Record creation time.
  public var createdAt: Date
  /// Last update time (stamped by the server).
  public var updatedAt: Date

  static let columns = """
    id, video_id, student_id, session_start, session_end, watch_time_seconds, percent_complete,
    completed, device_type, referrer_type, metadata, created_at, updated_at
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "learning.video_watch_sessions")
    id = try r("id")
    videoID = try r("video_id")
    studentID = try r("student_id")
    sessionStart = try r("session_start")
    sessionEnd = try r.optional("session_end")
    watchTimeSeconds = try r("watch_time_seconds")
    percentComplete = try r("percent_complete")
    completed = try r("completed")
    deviceType = try r.optional("device_type")
    referrerType = try r.optional("referrer_type")
    metadata = try r("metadata")
    createdAt = try r("created_at")
    updatedAt = try r("updated_at")
  }
}
