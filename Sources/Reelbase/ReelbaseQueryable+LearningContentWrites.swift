import Foundation
import PostgresNIO

/// Plain writes of the `learning` content tables. Under row-level security a creator writes
/// their own videos, courses, modules and lessons; students write none of them.
extension ReelbaseQueryable {
  /// Adds a video. The server requires the identifier that matches `sourceType`
  /// (`youtubeVideoID` for YouTube, `muxPlaybackID` for Mux, `embedID` for Loom,
  /// `storagePath` for uploads).
  /// - Parameters:
  ///   - creatorID: The owning creator.
  ///   - title: The title.
  ///   - sourceType: Where the video comes from; `upload` by default, as in SQL.
  ///   - description: The description.
  ///   - url: The original URL.
  ///   - storagePath: Storage path of an uploaded file.
  ///   - youtubeVideoID: YouTube video id.
  ///   - muxPlaybackID: Mux playback id.
  ///   - embedType: Embedding platform.
  ///   - embedID: Platform-specific id.
  ///   - durationSeconds: Length in seconds.
  ///   - fileSizeBytes: File size (uploads).
  ///   - status: Processing status; `pending` by default, as in SQL.
  ///   - metadata: Additional metadata; `{}` by default.
  /// - Returns: The new video.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` when a CHECK fails
  ///   (e.g. the source's identifier is missing), ``ReelbaseError/Code/permissionDenied``
  ///   when the caller may not add videos for `creatorID`.
  public func createVideo(
    creatorID: UUID, title: String, sourceType: VideoSourceType = .upload,
    description: String? = nil, url: String? = nil, storagePath: String? = nil,
    youtubeVideoID: String? = nil, muxPlaybackID: String? = nil, embedType: EmbedType? = nil,
    embedID: String? = nil, durationSeconds: Int? = nil, fileSizeBytes: Int64? = nil,
    status: VideoStatus = .pending, metadata: JSONValue = [:]
  ) async throws -> Video {
    let query: PostgresQuery = try """
      INSERT INTO learning.videos
        (creator_id, title, source_type, description, url, storage_path, youtube_video_id,
         mux_playback_id, embed_type, embed_id, duration_seconds, file_size_bytes, status, metadata)
      VALUES (\(creatorID), \(title), \(sourceType), \(description), \(url), \(storagePath),
        \(youtubeVideoID), \(muxPlaybackID), \(embedType), \(embedID), \(durationSeconds),
        \(fileSizeBytes), \(status), \(metadata))
      RETURNING \(unescaped: Video.columns)
      """
    return try await insertedRow(query, Video.init(row:), "learning.videos")
  }

  /// Sets or clears a video's soft-delete flag. Students stop seeing a deleted video, and
  /// events can no longer be tracked for it.
  /// - Parameters:
  ///   - id: The video.
  ///   - isDeleted: The new flag.
  /// - Returns: True if a visible video was updated.
  /// - Throws: ``ReelbaseError``.
  @discardableResult
  public func setVideoDeleted(id: UUID, isDeleted: Bool = true) async throws -> Bool {
    try await !rows(
      "UPDATE learning.videos SET is_deleted = \(isDeleted) WHERE id = \(id) RETURNING id",
      .write
    ).isEmpty
  }

  /// Adds a course.
  /// - Parameters:
  ///   - creatorID: The owning creator.
  ///   - title: The title.
  ///   - description: The description.
  ///   - isPublished: Whether students can see it; false by default, as in SQL.
  ///   - publishedAt: The publication time to record, if any.
  ///   - displayOrder: Sort order; 0 by default.
  ///   - metadata: Additional metadata; `{}` by default.
  /// - Returns: The new course.
  /// - Throws: ``ReelbaseError``.
  public func createCourse(
    creatorID: UUID, title: String, description: String? = nil, isPublished: Bool = false,
    publishedAt: Date? = nil, displayOrder: Int = 0, metadata: JSONValue = [:]
  ) async throws -> Course {
    let query: PostgresQuery = try """
      INSERT INTO learning.courses
        (creator_id, title, description, is_published, published_at, display_order, metadata)
      VALUES (\(creatorID), \(title), \(description), \(isPublished), \(publishedAt),
        \(displayOrder), \(metadata))
      RETURNING \(unescaped: Course.columns)
      """
    return try await insertedRow(query, Course.init(row:), "learning.courses")
  }

  /// Adds a module to a course.
  /// - Parameters:
  ///   - courseID: The course.
  ///   - title: The title.
  ///   - description: The description.
  ///   - displayOrder: Sort order within the course; 0 by default.
  ///   - metadata: Additional metadata; `{}` by default.
  /// - Returns: The new module.
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/permissionDenied`` for another
  ///   creator's course.
  public func createCourseModule(
    courseID: UUID, title: String, description: String? = nil, displayOrder: Int = 0,
    metadata: JSONValue = [:]
  ) async throws -> CourseModule {
    let query: PostgresQuery = try """
      INSERT INTO learning.course_modules (course_id, title, description, display_order, metadata)
      VALUES (\(courseID), \(title), \(description), \(displayOrder), \(metadata))
      RETURNING \(unescaped: CourseModule.columns)
      """
    return try await insertedRow(query, CourseModule.init(row:), "learning.course_modules")
  }

  /// Adds a video to a module as a lesson.
  /// - Parameters:
  ///   - moduleID: The module.
  ///   - videoID: The video; a creator may only use their own.
  ///   - lessonOrder: Position within the module (1-based).
  ///   - title: The lesson title.
  ///   - description: Description or objectives.
  ///   - isRequired: Whether students must complete it; true by default, as in SQL.
  ///   - estimatedDurationMinutes: Estimated completion time.
  ///   - metadata: Additional metadata; `{}` by default.
  /// - Returns: The new lesson.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/duplicate`` when the video already is
  ///   a lesson of the module, ``ReelbaseError/Code/invalidInput`` for an order below 1.
  public func addModuleLesson(
    moduleID: UUID, videoID: UUID, lessonOrder: Int, title: String, description: String? = nil,
    isRequired: Bool = true, estimatedDurationMinutes: Int? = nil, metadata: JSONValue = [:]
  ) async throws -> ModuleLesson {
    let query: PostgresQuery = try """
      INSERT INTO learning.module_lessons
        (module_id, video_id, lesson_order, title, description, is_required,
         estimated_duration_minutes, metadata)
      VALUES (\(moduleID), \(videoID), \(lessonOrder), \(title), \(description), \(isRequired),
        \(estimatedDurationMinutes), \(metadata))
      RETURNING \(unescaped: ModuleLesson.columns)
      """
    return try await insertedRow(query, ModuleLesson.init(row:), "learning.module_lessons")
  }
}
