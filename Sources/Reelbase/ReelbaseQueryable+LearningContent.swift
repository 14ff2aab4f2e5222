import Foundation
import PostgresNIO

/// Plain reads of the `learning` content tables: videos, transcript chunks, courses, modules
/// and lessons. Row-level security decides what each caller sees (a creator their own rows,
/// a student their creator's non-deleted videos and published courses).
extension ReelbaseQueryable {
  /// Reads one video.
  /// - Parameters:
  ///   - id: The video's id.
  ///   - includeTranscript: Whether to read the transcript too; false by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The video, or nil when it does not exist or is hidden from the caller.
  /// - Throws: ``ReelbaseError``.
  public func getVideo(id: UUID, includeTranscript: Bool = false, readFrom: ReadPreference = .replica)
    async throws -> Video?
  {
    let transcript = includeTranscript ? ", transcript" : ""
    return try await all(
      """
      SELECT \(unescaped: Video.columns)\(unescaped: transcript) FROM learning.videos
      WHERE id = \(id)
      """,
      .read(readFrom), Video.init(row:)
    ).first
  }

  /// Lists a creator's videos, newest first, without transcripts.
  /// - Parameters:
  ///   - creatorID: The creator.
  ///   - includeDeleted: Whether soft-deleted videos are listed; false by default.
  ///   - status: Only videos in this processing status; any by default.
  ///   - limit: At most this many; 100 by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The videos visible to the caller.
  /// - Throws: ``ReelbaseError``.
  public func listVideos(
    creatorID: UUID, includeDeleted: Bool = false, status: VideoStatus? = nil, limit: Int = 100,
    readFrom: ReadPreference = .replica
  ) async throws -> [Video] {
    try await all(
      """
      SELECT \(unescaped: Video.columns) FROM learning.videos
      WHERE creator_id = \(creatorID) AND (\(includeDeleted) OR NOT is_deleted)
        AND (\(status)::text IS NULL OR status = \(status))
      ORDER BY created_at DESC, id LIMIT \(limit)
      """,
      .read(readFrom), Video.init(row:))
  }

  /// Lists a video's transcript chunks in transcript order.
  /// - Parameters:
  ///   - videoID: The video.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The chunks visible to the caller.
  /// - Throws: ``ReelbaseError``.
  public func listVideoChunks(videoID: UUID, readFrom: ReadPreference = .replica)
    async throws -> [VideoChunk]
  {
    try await all(
      """
      SELECT \(unescaped: VideoChunk.columns) FROM learning.video_chunks
      WHERE video_id = \(videoID) ORDER BY chunk_index
      """,
      .read(readFrom), VideoChunk.init(row:))
  }

  /// Reads one course.
  /// - Parameters:
  ///   - id: The course's id.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The course, or nil when it does not exist or is hidden from the caller.
  /// - Throws: ``ReelbaseError``.
  public func getCourse(id: UUID, readFrom: ReadPreference = .replica) async throws -> Course? {
    try await all(
      "SELECT \(unescaped: Course.columns) FROM learning.courses WHERE id = \(id)",
      .read(readFrom), Course.init(row:)
    ).first
  }

  /// Lists a creator's courses in display order.
  /// - Parameters:
  ///   - creatorID: The creator.
  ///   - includeDeleted: Whether soft-deleted courses are listed; false by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The courses visible to the caller (students see published ones only).
  /// - Throws: ``ReelbaseError``.
  public func listCourses(
    creatorID: UUID, includeDeleted: Bool = false, readFrom: ReadPreference = .replica
  ) async throws -> [Course] {
    try await all(
      """
      SELECT \(unescaped: Course.columns) FROM learning.courses
      WHERE creator_id = \(creatorID) AND (\(includeDeleted) OR NOT is_deleted)
      ORDER BY display_order, created_at, id
      """,
      .read(readFrom), Course.init(row:))
  }

  /// Lists a course's modules in display order.
  /// - Parameters:
  ///   - courseID: The course.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The modules visible to the caller.
  /// - Throws: ``ReelbaseError``.
  public func listCourseModules(courseID: UUID, readFrom: ReadPreference = .replica)
    async throws -> [CourseModule]
  {
    try await all(
      """
      SELECT \(unescaped: CourseModule.columns) FROM learning.course_modules
      WHERE course_id = \(courseID) ORDER BY display_order, created_at, id
      """,
      .read(readFrom), CourseModule.init(row:))
  }

  /// Lists a module's lessons in lesson order.
  /// - Parameters:
  ///   - moduleID: The module.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The lessons visible to the caller.
  /// - Throws: ``ReelbaseError``.
  public func listModuleLessons(moduleID: UUID, readFrom: ReadPreference = .replica)
    async throws -> [ModuleLesson]
  {
    try await all(
      """
      SELECT \(unescaped: ModuleLesson.columns) FROM learning.module_lessons
      WHERE module_id = \(moduleID) ORDER BY lesson_order, id
      """,
      .read(readFrom), ModuleLesson.init(row:))
  }
}
