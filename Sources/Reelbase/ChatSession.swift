import Foundation
import PostgresNIO

/// A student's conversation with the AI assistant (`learning.chat_sessions`).
public struct ChatSession: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The student who owns the session.
  public var studentID: UUID
  /// The student's creator, whose videos the assistant answers from.
  public var creatorID: UUID
  /// Title (generated or custom).
  public var title: String?
  /// Ids of the videos in the chat context.
  public var contextVideoIDs: [String]
  /// Additional metadata (shape not defined by the seed).
  public var metadata: JSONValue
  /// Session creation time.
  public var createdAt: Date
  /// Last update time (stamped by the server).
  public var updatedAt: Date
  /// Time of the last message.
  public var lastMessageAt: Date?

  static let columns = """
    id, student_id, creator_id, title, context_video_ids, metadata, created_at, updated_at,
    last_message_at
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "learning.chat_sessions")
    id = try r("id")
    studentID = try r("student_id")
    creatorID = try r("creator_id")
    title = try r.optional("title")
    contextVideoIDs = try r("context_video_ids")
    metadata = try r("metadata")
    createdAt = try r("created_at")
    updatedAt = try r("updated_at")
    lastMessageAt = try r.optional("last_message_at")
  }
}
