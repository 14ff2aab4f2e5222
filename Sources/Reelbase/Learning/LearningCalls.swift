import Foundation
import PostgresNIO

/// The functions of `learning`, one method each, with the SQL argument names
/// (`p_student_id` → `studentID`) and defaults. They run with the caller's rights: on a
/// ``ReelbaseClient`` as its login role, inside ``ReelbaseClient/withIdentity(_:on:level:_:)``
/// as that end user under row-level security. Tables are read and written through their
/// models (``Video``, ``Course``, ``WatchSession``, ...) with
/// ``ReelbaseQueryable/fetch(_:where:orderBy:limit:readFrom:)`` and
/// ``ReelbaseQueryable/insert(_:only:)``.
extension ReelbaseQueryable {
  /// `learning.track_video_event`: records a video analytics event and returns its id (a
  /// time-ordered UUIDv7). The server checks that the video exists, is not deleted and belongs
  /// to `creatorID`, and that the student, course and module (when given) belong to the same
  /// creator and course; watching events need `studentID`. Under row-level security a student
  /// records only their own watching events, a creator only events without a student.
  /// - Parameters:
  ///   - metadata: `p_metadata`, `{}` by default; typed for the documented shapes.
  ///   - timestamp: `p_timestamp`; nil leaves it to the server's default, `now()`.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` for a watching event
  ///   without a student or rows that do not belong together (22023);
  ///   ``ReelbaseError/Code/notFound`` for a missing or hidden row (23503);
  ///   ``ReelbaseError/Code/invalidState`` for a deleted video (55000);
  ///   ``ReelbaseError/Code/permissionDenied`` when row-level security refuses the event
  ///   (42501); ``ReelbaseError/Code/conflict`` when a referenced row changed concurrently
  ///   (40001, retryable).
  @discardableResult
  public func trackVideoEvent(
    eventType: VideoEventType, videoID: UUID, creatorID: UUID, studentID: UUID? = nil,
    courseID: UUID? = nil, moduleID: UUID? = nil, metadata: EventMetadata = .empty,
    timestamp: Date? = nil
  ) async throws -> UUID {
    try await required(
      "learning.track_video_event",
      ["p_event_type": eventType, "p_video_id": videoID, "p_creator_id": creatorID,
       "p_student_id": studentID, "p_course_id": courseID, "p_module_id": moduleID,
       "p_metadata": metadata, "p_timestamp": timestamp])
  }

  /// `learning.get_student_total_watch_time`: the seconds the student watched the video over
  /// all watch sessions; 0 for none, or when row-level security hides them from the caller.
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/outOfRange`` beyond the SQL `integer`
  ///   (22003).
  public func getStudentTotalWatchTime(studentID: UUID, videoID: UUID, readFrom: ReadPreference = .replica)
    async throws -> Int
  {
    try await required(
      "learning.get_student_total_watch_time", ["p_student_id": studentID, "p_video_id": videoID],
      .read(readFrom))
  }

  /// `learning.get_student_highest_completion`: the highest `percent_complete` (0-100) the
  /// student reached on the video in any session; 0 for none.
  /// - Throws: ``ReelbaseError``.
  public func getStudentHighestCompletion(studentID: UUID, videoID: UUID, readFrom: ReadPreference = .replica)
    async throws -> Int
  {
    try await required(
      "learning.get_student_highest_completion", ["p_student_id": studentID, "p_video_id": videoID],
      .read(readFrom))
  }

  /// `learning.has_student_completed_video`: whether any of the student's sessions of the
  /// video reached 90%.
  /// - Throws: ``ReelbaseError``.
  public func hasStudentCompletedVideo(studentID: UUID, videoID: UUID, readFrom: ReadPreference = .replica)
    async throws -> Bool
  {
    try await required(
      "learning.has_student_completed_video", ["p_student_id": studentID, "p_video_id": videoID],
      .read(readFrom))
  }

  /// `learning.current_creator_id()`: the identity if it is an active creator, else nil (what
  /// the policies see). Nil outside ``ReelbaseClient/withIdentity(_:on:level:_:)``.
  /// - Throws: ``ReelbaseError``.
  public func currentCreatorID(readFrom: ReadPreference = .replica) async throws -> UUID? {
    try await value("learning.current_creator_id", [:], .read(readFrom))
  }

  /// `learning.current_student_id()`: the identity if it is an active student, else nil.
  /// - Throws: ``ReelbaseError``.
  public func currentStudentID(readFrom: ReadPreference = .replica) async throws -> UUID? {
    try await value("learning.current_student_id", [:], .read(readFrom))
  }

  /// `learning.current_student_creator_id()`: the creator of the identity when it is a
  /// student, else nil.
  /// - Throws: ``ReelbaseError``.
  public func currentStudentCreatorID(readFrom: ReadPreference = .replica) async throws -> UUID? {
    try await value("learning.current_student_creator_id", [:], .read(readFrom))
  }

  /// Records progress on a watch session: one UPDATE of its progress columns. A named write
  /// because it is the player's hot path, sent every few seconds per viewer: no read first,
  /// and no other column written (``update(_:only:)`` needs the whole row). The
  /// server marks the session completed at 90%.
  /// - Parameters:
  ///   - watchTimeSeconds: Time watched so far in the session, without pauses.
  ///   - percentComplete: 0 to 100.
  ///   - sessionEnd: When the student stopped; nil leaves the session as it is.
  /// - Returns: The session, or nil when there is none the caller may change.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` for a percentage outside
  ///   0-100 or a negative time (23514), ``ReelbaseError/Code/outOfRange`` beyond the SQL
  ///   `integer` (22003).
  @discardableResult
  public func recordWatchProgress(
    sessionID: UUID, watchTimeSeconds: Int, percentComplete: Int, sessionEnd: Date? = nil
  ) async throws -> WatchSession? {
    try await rows(
      """
      UPDATE learning.video_watch_sessions
      SET watch_time_seconds = \(watchTimeSeconds), percent_complete = \(percentComplete),
          session_end = COALESCE(\(sessionEnd), session_end)
      WHERE id = \(sessionID) RETURNING \(unescaped: WatchSession.selectList)
      """, .write
    ).first.map { try WatchSession(row: $0, context: WatchSession.tableName) }
  }
}
