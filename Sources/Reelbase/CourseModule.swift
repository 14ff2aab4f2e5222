import Foundation
import PostgresNIO

/// A module of a course (`learning.course_modules`), grouping lessons.
public struct CourseModule: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The course the module belongs to.
  public var courseID: UUID
  /// Title.
  public var title: String
  /// Description.
  public var description: String?
  /// Deprecated by the seed: video ids of the module; use ``ModuleLesson`` instead.
  public var videoIDs: [String]?
  /// Sort order within the course.
  public var displayOrder: Int
  /// Additional metadata (shape not defined by the seed).
  public var metadata: JSONValue
  /// Record creation time.
  public var createdAt: Date
  /// Last update time (stamped by the server).
  public var updatedAt: Date

  static let columns = """
    id, course_id, title, description, video_ids, display_order, metadata, created_at, updated_at
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "learning.course_modules")
    id = try r("id")
    courseID = try r("course_id")
    title = try r("title")
    description = try r.optional("description")
    videoIDs = try r.optional("video_ids")
    displayOrder = try r("display_order")
    metadata = try r("metadata")
    createdAt = try r("created_at")
    updatedAt = try r("updated_at")
  }
}
