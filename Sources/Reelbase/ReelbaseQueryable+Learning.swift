import Foundation
import PostgresNIO

/// The SQL functions of the `learning` schema and `reelbase.current_user_id()`, one method
/// each, with the SQL argument names (`p_student_id` → `studentID`) and defaults.
///
/// They run with the caller's rights: on a ``ReelbaseClient`` as its login role, inside
/// ``ReelbaseClient/withIdentity(_:on:level:_:)`` as that end user under row-level security.
extension ReelbaseQueryable {
  /// Records a video analytics event (`learning.track_video_event`) and returns its id.
  ///
  /// The server checks the event type, that the video exists, is not deleted and belongs to
  /// `creatorID`, and that the student, course and module (when given) belong to the same
  /// creator and course. Watching events (started, progress, completed, rewatched) need
  /// `studentID`. Under row-level security a student records only their own watching events
  /// and a creator only events without a student.
  /// - Parameters:
  ///   - eventType: The kind of event (`p_event_type`).
  ///   - videoID: The video (`p_video_id`).
  ///   - creatorID: The video's creator (`p_creator_id`).
  ///   - studentID: The student, for watching events (`p_student_id`, default NULL).
  ///   - courseID: The course context (`p_course_id`, default NULL).
  ///   - moduleID: The module context (`p_module_id`, default NULL).
  ///   - metadata: Event details (`p_metadata`, default `{}`); typed for the documented shapes.
  ///   - timestamp: When the event happened (`p_timestamp`); nil lets the server use its
  ///     default, the transaction's `now()`.
  /// - Returns: The new event's id (a time-ordered UUIDv7).
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` for an unknown event
  ///   type, a watching event without a student or rows that do not belong together (22023);
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
    // Named arguments, so leaving out p_timestamp keeps the server's own default.
    let query: PostgresQuery
    if let timestamp {
      query = try """
        SELECT learning.track_video_event(
          p_event_type => \(eventType), p_video_id => \(videoID), p_creator_id => \(creatorID),
          p_student_id => \(studentID), p_course_id => \(courseID), p_module_id => \(moduleID),
          p_metadata => \(metadata), p_timestamp => \(timestamp))
        """
    } else {
      query = try """
        SELECT learning.track_video_event(
          p_event_type => \(eventType), p_video_id => \(videoID), p_creator_id => \(creatorID),
          p_student_id => \(studentID), p_course_id => \(courseID), p_module_id => \(moduleID),
          p_metadata => \(metadata))
        """
    }
    return try await requiredScalar(query, .write, as: UUID.self, "learning.track_video_event")
  }

  /// Total seconds the student watched the video across all watch sessions
  /// (`learning.get_student_total_watch_time`); 0 if none, or if row-level security hides
  /// the sessions from the caller.
  /// - Parameters:
  ///   - studentID: The student (`p_student_id`).
  ///   - videoID: The video (`p_video_id`).
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The total in seconds.
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/outOfRange`` when the total exceeds
  ///   the SQL `integer` the function returns (22003).
  public func getStudentTotalWatchTime(
    studentID: UUID, videoID: UUID, readFrom: ReadPreference = .replica
  ) async throws -> Int {
    try await requiredScalar(
      "SELECT learning.get_student_total_watch_time(\(studentID), \(videoID))",
      .read(readFrom), as: Int.self, "learning.get_student_total_watch_time")
  }

  /// The highest `percent_complete` (0-100) the student reached on the video in any session
  /// (`learning.get_student_highest_completion`); 0 if none.
  /// - Parameters:
  ///   - studentID: The student (`p_student_id`).
  ///   - videoID: The video (`p_video_id`).
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The highest completion percentage.
  /// - Throws: ``ReelbaseError``.
  public func getStudentHighestCompletion(
    studentID: UUID, videoID: UUID, readFrom: ReadPreference = .replica
  ) async throws -> Int {
    try await requiredScalar(
      "SELECT learning.get_student_highest_completion(\(studentID), \(videoID))",
      .read(readFrom), as: Int.self, "learning.get_student_highest_completion")
  }

  /// Whether any of the student's watch sessions of the video is completed (90% or more
  /// watched) (`learning.has_student_completed_video`).
  /// - Parameters:
  ///   - studentID: The student (`p_student_id`).
  ///   - videoID: The video (`p_video_id`).
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: True if completed in some session.
  /// - Throws: ``ReelbaseError``.
  public func hasStudentCompletedVideo(
    studentID: UUID, videoID: UUID, readFrom: ReadPreference = .replica
  ) async throws -> Bool {
    try await requiredScalar(
      "SELECT learning.has_student_completed_video(\(studentID), \(videoID))",
      .read(readFrom), as: Bool.self, "learning.has_student_completed_video")
  }

  /// The end user the current transaction acts for (`reelbase.current_user_id()`), or nil.
  /// Outside ``ReelbaseClient/withIdentity(_:on:level:_:)`` this is always nil: the identity is
  /// transaction-local.
  /// - Parameter readFrom: Where the read runs (outside a transaction); a replica by default.
  /// - Returns: The identity, or nil when none is set.
  /// - Throws: ``ReelbaseError``.
  public func currentUserID(readFrom: ReadPreference = .replica) async throws -> UUID? {
    try await scalar(
      "SELECT reelbase.current_user_id()", .read(readFrom), as: UUID.self,
      "reelbase.current_user_id")
  }
}
