import Foundation
import PostgresNIO

/// A course (`learning.courses`): a creator's modules and lessons. Students see published,
/// non-deleted courses of their creator.
public struct Course: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// Owning creator.
  public var creatorID: UUID
  /// Title.
  public var title: String
  /// Description.
  public var description: String?
  /// Thumbnail image URL.
  public var thumbnailURL: String?
  /// Whether students can see the course.
  public var isPublished: Bool
  /// Sort order in the creator's course list.
  public var displayOrder: Int
  /// Additional metadata (shape not defined by the seed).
  public var metadata: JSONValue
  /// Record creation time.
  public var createdAt: Date
  /// Last update time (stamped by the server).
  public var updatedAt: Date
  /// Publication time.
  public var publishedAt: Date?
  /// Soft-delete flag.
  public var isDeleted: Bool

  static let columns = """
    id, creator_id, title, description, thumbnail_url, is_published, display_order, metadata,
    created_at, updated_at, published_at, is_deleted
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "learning.courses")
    id = try r("id")
    creatorID = try r("creator_id")
    title = try r("title")
    description = try r.optional("description")
    thumbnailURL = try r.optional("thumbnail_url")
    isPublished = try r("is_published")
    displayOrder = try r("display_order")
    metadata = try r("metadata")
    createdAt = try r("created_at")
    updatedAt = try r("updated_at")
    publishedAt = try r.optional("published_at")
    isDeleted = try r("is_deleted")
  }
}
