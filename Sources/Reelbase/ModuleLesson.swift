import Foundation
import PostgresNIO

/// A lesson (`learning.module_lessons`): one video at a position in a module. A video may be
/// a lesson of many modules, but only once per module.
public struct ModuleLesson: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The module the lesson belongs to.
  public var moduleID: UUID
  /// The video the lesson plays.
  public var videoID: UUID
  /// Position within the module (1-based).
  public var lessonOrder: Int
  /// Lesson title (may differ from the video's).
  public var title: String
  /// Description or objectives.
  public var description: String?
  /// Whether students must complete the lesson.
  public var isRequired: Bool
  /// Estimated completion time in minutes.
  public var estimatedDurationMinutes: Int?
  /// Additional metadata (shape not defined by the seed).
  public var metadata: JSONValue
  /// Record creation time.
  public var createdAt: Date
  /// Last update time (stamped by the server).
  public var updatedAt: Date

  static let columns = """
    id, module_id, video_id, lesson_order, title, description, is_required,
    estimated_duration_minutes, metadata, created_at, updated_at
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "learning.module_lessons")
    id = try r("id")
    moduleID = try r("module_id")
    videoID = try r("video_id")
    lessonOrder = try r("lesson_order")
    title = try r("title")
    description = try r.optional("description")
    isRequired = try r("is_required")
    estimatedDurationMinutes = try r.optional("estimated_duration_minutes")
    metadata = try r("metadata")
    createdAt = try r("created_at")
    updatedAt = try r("updated_at")
  }
}
