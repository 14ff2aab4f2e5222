import Foundation
import PostgresNIO

/// Plain reads and writes of the `learning` engagement tables: watch sessions, analytics
/// events, chat and the daily rollups. Under row-level security a student reads and writes
/// their own watch sessions and chats; a creator reads those of their videos and students,
/// plus their analytics.
extension ReelbaseQueryable {
  /// Lists a student's watch sessions, newest first.
  /// - Parameters:
  ///   - studentID: The student.
  ///   - videoID: Only sessions of this video; all videos by default.
  ///   - limit: At most this many; 100 by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The sessions visible to the caller.
  /// - Throws: ``ReelbaseError``.
  public func listWatchSessions(
    studentID: UUID, videoID: UUID? = nil, limit: Int = 100, readFrom: ReadPreference = .replica
  ) async throws -> [WatchSession] {
    try await all(
      """
      SELECT \(unescaped: WatchSession.columns) FROM learning.video_watch_sessions
      WHERE student_id = \(studentID) AND (\(videoID)::uuid IS NULL OR video_id = \(videoID))
      ORDER BY session_start DESC, id LIMIT \(limit)
      """,
      .read(readFrom), WatchSession.init(row:))
  }

  /// Starts a watch session (a student for themselves, under row-level security).
  /// - Parameters:
  ///   - videoID: The video.
  ///   - studentID: The student.
  ///   - deviceType: The device.
  ///   - referrerType: How the student got there.
  ///   - metadata: Playback details; `{}` by default.
  /// - Returns: The new session, started now.
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/permissionDenied`` for another
  ///   student or a video of another creator.
  public func startWatchSession(
    videoID: UUID, studentID: UUID, deviceType: DeviceType? = nil,
    referrerType: ReferrerType? = nil, metadata: JSONValue = [:]
  ) async throws -> WatchSession {
    let query: PostgresQuery = try """
      INSERT INTO learning.video_watch_sessions
        (video_id, student_id, device_type, referrer_type, metadata)
      VALUES (\(videoID), \(studentID), \(deviceType), \(referrerType), \(metadata))
      RETURNING \(unescaped: WatchSession.columns)
      """
    return try await insertedRow(query, WatchSession.init(row:), "learning.video_watch_sessions")
  }

  /// Records progress on a watch session. The server marks it completed at 90%.
  /// - Parameters:
  ///   - sessionID: The session.
  ///   - watchTimeSeconds: Time watched so far in the session, excluding pauses.
  ///   - percentComplete: Share of the video watched (0-100).
  ///   - sessionEnd: When the student stopped; nil leaves the session open.
  /// - Returns: The updated session, or nil when it does not exist or is hidden from the caller.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` for a percentage
  ///   outside 0-100 or a negative time, ``ReelbaseError/Code/outOfRange`` for a time beyond
  ///   the SQL `integer`.
  @discardableResult
  public func recordWatchProgress(
    sessionID: UUID, watchTimeSeconds: Int, percentComplete: Int, sessionEnd: Date? = nil
  ) async throws -> WatchSession? {
    try await all(
      """
      UPDATE learning.video_watch_sessions
      SET watch_time_seconds = \(watchTimeSeconds), percent_complete = \(percentComplete),
          session_end = COALESCE(\(sessionEnd), session_end)
      WHERE id = \(sessionID)
      RETURNING \(unescaped: WatchSession.columns)
      """,
      .write, WatchSession.init(row:)
    ).first
  }

  /// Lists analytics events, newest first. Give a video, a creator, or both.
  /// - Parameters:
  ///   - videoID: Only this video's events.
  ///   - creatorID: Only this creator's events.
  ///   - studentID: Only this student's events.
  ///   - eventType: Only events of this type.
  ///   - limit: At most this many; 100 by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The events visible to the caller (students see none).
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/misuse`` when neither a video nor a
  ///   creator is given.
  public func listAnalyticsEvents(
    videoID: UUID? = nil, creatorID: UUID? = nil, studentID: UUID? = nil,
    eventType: VideoEventType? = nil, limit: Int = 100, readFrom: ReadPreference = .replica
  ) async throws -> [AnalyticsEvent] {
    guard videoID != nil || creatorID != nil else {
      throw ReelbaseError(.misuse, "listAnalyticsEvents needs a videoID or a creatorID")
    }
    return try await all(
      """
      SELECT \(unescaped: AnalyticsEvent.columns) FROM learning.video_analytics_events
      WHERE (\(videoID)::uuid IS NULL OR video_id = \(videoID))
        AND (\(creatorID)::uuid IS NULL OR creator_id = \(creatorID))
        AND (\(studentID)::uuid IS NULL OR student_id = \(studentID))
        AND (\(eventType)::text IS NULL OR event_type = \(eventType))
      ORDER BY "timestamp" DESC, id DESC LIMIT \(limit)
      """,
      .read(readFrom), AnalyticsEvent.init(row:))
  }

  /// Lists a student's chat sessions, most recently active first.
  /// - Parameters:
  ///   - studentID: The student.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The sessions visible to the caller.
  /// - Throws: ``ReelbaseError``.
  public func listChatSessions(studentID: UUID, readFrom: ReadPreference = .replica)
    async throws -> [ChatSession]
  {
    try await all(
      """
      SELECT \(unescaped: ChatSession.columns) FROM learning.chat_sessions
      WHERE student_id = \(studentID)
      ORDER BY COALESCE(last_message_at, created_at) DESC, id
      """,
      .read(readFrom), ChatSession.init(row:))
  }

  /// Lists a chat session's messages, oldest first.
  /// - Parameters:
  ///   - sessionID: The chat session.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The messages visible to the caller.
  /// - Throws: ``ReelbaseError``.
  public func listChatMessages(sessionID: UUID, readFrom: ReadPreference = .replica)
    async throws -> [ChatMessage]
  {
    try await all(
      """
      SELECT \(unescaped: ChatMessage.columns) FROM learning.chat_messages
      WHERE session_id = \(sessionID) ORDER BY created_at, id
      """,
      .read(readFrom), ChatMessage.init(row:))
  }

  /// Lists a video's daily analytics, newest day first.
  /// - Parameters:
  ///   - videoID: The video.
  ///   - limit: At most this many days; 90 by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The days visible to the caller (its creator's, or an administrator's).
  /// - Throws: ``ReelbaseError``.
  public func listVideoAnalytics(videoID: UUID, limit: Int = 90, readFrom: ReadPreference = .replica)
    async throws -> [VideoAnalyticsDay]
  {
    try await all(
      """
      SELECT \(unescaped: VideoAnalyticsDay.columns) FROM learning.video_analytics
      WHERE video_id = \(videoID) ORDER BY date DESC LIMIT \(limit)
      """,
      .read(readFrom), VideoAnalyticsDay.init(row:))
  }

  /// Lists a creator's daily usage metrics, newest day first.
  /// - Parameters:
  ///   - creatorID: The creator.
  ///   - limit: At most this many days; 90 by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The days visible to the caller.
  /// - Throws: ``ReelbaseError``.
  public func listUsageMetrics(creatorID: UUID, limit: Int = 90, readFrom: ReadPreference = .replica)
    async throws -> [UsageMetricsDay]
  {
    try await all(
      """
      SELECT \(unescaped: UsageMetricsDay.columns) FROM learning.usage_metrics
      WHERE creator_id = \(creatorID) ORDER BY date DESC LIMIT \(limit)
      """,
      .read(readFrom), UsageMetricsDay.init(row:))
  }
}
