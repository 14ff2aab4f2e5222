import Foundation

/// One viewing session of a student on a video (`learning.video_watch_sessions`). A student
/// writes their own; their creator reads them. Watch history is permanent: nobody may delete
/// it (42501). Progress goes through ``ReelbaseQueryable/recordWatchProgress(sessionID:watchTimeSeconds:percentComplete:sessionEnd:)``.
public struct WatchSession: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "learning.video_watch_sessions"
  /// `session_start` is the server's clock at insert; `completed` is the server's 90% rule.
  public static var serverColumns: Set<String> { ["created_at", "updated_at", "session_start", "completed"] }
  public var id = UUID()
  public var videoID = UUID()
  public var studentID = UUID()
  public var sessionStart = Date()
  /// When the student stopped; nil while the session is open.
  public var sessionEnd: Date?
  /// Time watched, without pauses.
  public var watchTimeSeconds = 0
  /// 0 to 100 (23514 otherwise).
  public var percentComplete = 0
  /// True once 90% was reached, never cleared (set by the server).
  public var completed = false
  public var deviceType: DeviceType?
  public var referrerType: ReferrerType?
  /// Playback speed, quality, ... (shape not defined by the seed).
  public var metadata: JSONValue = [:]
  public var createdAt = Date()
  public var updatedAt = Date()
  public init() {}
}

/// A video analytics event (`learning.video_analytics_events`), as recorded by
/// ``ReelbaseQueryable/trackVideoEvent(eventType:videoID:creatorID:studentID:courseID:moduleID:metadata:timestamp:)``.
/// Creators read their own videos' events; students record but do not read them.
public struct AnalyticsEvent: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "learning.video_analytics_events"
  public static var serverColumns: Set<String> { ["created_at"] }
  /// A time-ordered UUIDv7.
  public var id = UUID()
  public var eventType = VideoEventType.videoImported
  public var videoID = UUID()
  public var creatorID = UUID()
  /// The student who caused it; nil for lifecycle events.
  public var studentID: UUID?
  public var courseID: UUID?
  public var moduleID: UUID?
  /// The metadata exactly as stored.
  public var rawMetadata: JSONValue = [:]
  /// When the event happened.
  public var timestamp = Date()
  public var createdAt = Date()

  /// The metadata, typed when the event type has a documented shape and the JSON has it.
  public var metadata: EventMetadata { EventMetadata(eventType: eventType, json: rawMetadata) }

  enum CodingKeys: String, CodingKey {
    case id, eventType, videoID, creatorID, studentID, courseID, moduleID
    case rawMetadata = "metadata", timestamp, createdAt
  }

  public init() {}
}

/// One day of a video's figures (`learning.video_analytics`), written by the rollups
/// (``ReelbaseQueryable/rollupAnalytics()``). Its creator reads it; students read none.
public struct VideoAnalyticsDay: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "learning.video_analytics"
  public var id = UUID()
  public var videoID = UUID()
  /// The UTC calendar day, read as its midnight UTC.
  public var date = Date()
  public var views = 0
  public var uniqueViewers = 0
  public var totalWatchTimeSeconds = 0
  /// Per view.
  public var averageWatchTimeSeconds = 0
  /// The share of viewers who completed, 0 to 100 with two decimals.
  public var completionRate: Decimal = 0
  /// Chat messages about the video.
  public var aiInteractions = 0
  public var metadata: JSONValue = [:]
  public var createdAt = Date()
  public var updatedAt = Date()
  public init() {}
}

/// One day of a creator's usage (`learning.usage_metrics`), for billing and limits; written by
/// the rollups, read by the creator.
public struct UsageMetricsDay: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "learning.usage_metrics"
  public var id = UUID()
  public var creatorID = UUID()
  /// The UTC calendar day, read as its midnight UTC.
  public var date = Date()
  public var storageUsedBytes: Int64 = 0
  public var videosUploaded = 0
  public var totalVideoDurationSeconds = 0
  /// AI API credits consumed.
  public var aiCreditsUsed = 0
  public var transcriptionMinutes = 0
  public var chatMessagesSent = 0
  /// Distinct students active that day.
  public var activeStudents = 0
  public var metadata: JSONValue = [:]
  public var createdAt = Date()
  public var updatedAt = Date()
  public init() {}
}
