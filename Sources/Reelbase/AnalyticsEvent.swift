import Foundation
import PostgresNIO

/// A video analytics event (`learning.video_analytics_events`), as recorded by
/// ``ReelbaseQueryable/trackVideoEvent(eventType:videoID:creatorID:studentID:courseID:moduleID:metadata:timestamp:)``.
/// Creators read their own videos' events; students may record but not read them.
public struct AnalyticsEvent: Sendable, Hashable, Identifiable {
  /// Primary key (a time-ordered UUIDv7).
  public var id: UUID
  /// The kind of event.
  public var eventType: VideoEventType
  /// The video concerned.
  public var videoID: UUID
  /// The video's creator.
  public var creatorID: UUID
  /// The student who caused the event; nil for lifecycle events.
  public var studentID: UUID?
  /// Course context, if any.
  public var courseID: UUID?
  /// Module context, if any.
  public var moduleID: UUID?
  /// The metadata, typed when the event type has a documented shape.
  public var metadata: EventMetadata
  /// The metadata exactly as stored.
  public var rawMetadata: JSONValue
  /// When the event occurred.
  public var timestamp: Date
  /// When the event was recorded.
  public var createdAt: Date

  static let columns = """
    id, event_type, video_id, creator_id, student_id, course_id, module_id, metadata,
    "timestamp", created_at
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "learning.video_analytics_events")
    id = try r("id")
    eventType = try r("event_type")
    videoID = try r("video_id")
    creatorID = try r("creator_id")
    studentID = try r.optional("student_id")
    courseID = try r.optional("course_id")
    moduleID = try r.optional("module_id")
    rawMetadata = try r("metadata")
    metadata = EventMetadata(eventType: eventType, json: rawMetadata)
    timestamp = try r("timestamp")
    createdAt = try r("created_at")
  }
}
