/// The kind of a video analytics event (`learning.video_analytics_events.event_type`).
///
/// Lifecycle events (imported, transcribed, embedded, added to course) are recorded by the
/// creator's pipeline without a student; watching events (started, progress, completed,
/// rewatched) need a student. `learning.track_video_event` enforces both.
public struct VideoEventType: StringBackedValue {
  /// The text stored in the column.
  public let rawValue: String

  /// Makes a value from its text; values this client does not list are kept as they are.
  /// - Parameter rawValue: The text stored in the column.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// `video_imported`: The video was first added.
  public static let videoImported: VideoEventType = "video_imported"
  /// `video_transcribed`: Its transcript was extracted.
  public static let videoTranscribed: VideoEventType = "video_transcribed"
  /// `video_embedded`: Its embeddings were generated.
  public static let videoEmbedded: VideoEventType = "video_embedded"
  /// `video_added_to_course`: It was added to a course module.
  public static let videoAddedToCourse: VideoEventType = "video_added_to_course"
  /// `video_started`: A student began watching.
  public static let videoStarted: VideoEventType = "video_started"
  /// `video_progress`: A student reached a milestone (10, 25, 50, 75, 90%).
  public static let videoProgress: VideoEventType = "video_progress"
  /// `video_completed`: A student finished (90% or more watched).
  public static let videoCompleted: VideoEventType = "video_completed"
  /// `video_rewatched`: A student rewatched a completed video.
  public static let videoRewatched: VideoEventType = "video_rewatched"
}
