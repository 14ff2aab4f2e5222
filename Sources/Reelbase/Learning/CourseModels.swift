import Foundation

/// A course (`learning.courses`): a creator's modules and lessons. Students see their
/// creator's published, non-deleted courses; a creator writes their own.
public struct Course: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "learning.courses"
  public var id = UUID()
  public var creatorID = UUID()
  public var title = ""
  public var description: String?
  public var thumbnailURL: String?
  /// Whether students see it.
  public var isPublished = false
  /// Its place in the creator's course list.
  public var displayOrder = 0
  /// Shape not defined by the seed.
  public var metadata: JSONValue = [:]
  public var createdAt = Date()
  public var updatedAt = Date()
  public var publishedAt: Date?
  public var isDeleted = false
  public init() {}
}

/// A module of a course (`learning.course_modules`), grouping lessons.
public struct CourseModule: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "learning.course_modules"
  public var id = UUID()
  public var courseID = UUID()
  public var title = ""
  public var description: String?
  /// Deprecated by the seed (use ``ModuleLesson``): ids of the creator's own videos (23503
  /// otherwise; 22023 for text that is not a UUID).
  public var videoIDs: [String]? = []
  /// Its place in the course.
  public var displayOrder = 0
  public var metadata: JSONValue = [:]
  public var createdAt = Date()
  public var updatedAt = Date()
  public init() {}
}

/// A lesson (`learning.module_lessons`): one video at a position in a module. A video is a
/// lesson of a module at most once (23505).
public struct ModuleLesson: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "learning.module_lessons"
  public var id = UUID()
  public var moduleID = UUID()
  /// A video of the module's creator.
  public var videoID = UUID()
  /// Its position in the module, from 1 (23514 below).
  public var lessonOrder = 1
  /// The lesson's title (may differ from the video's).
  public var title = ""
  /// Description or objectives.
  public var description: String?
  /// Whether students must complete it.
  public var isRequired = true
  public var estimatedDurationMinutes: Int?
  public var metadata: JSONValue = [:]
  public var createdAt = Date()
  public var updatedAt = Date()
  public init() {}
}
