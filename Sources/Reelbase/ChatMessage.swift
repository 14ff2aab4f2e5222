import Foundation
import PostgresNIO

/// A message of a chat session (`learning.chat_messages`).
public struct ChatMessage: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The session the message belongs to.
  public var sessionID: UUID
  /// Who wrote it.
  public var role: ChatRole
  /// Message text.
  public var content: String
  /// Video chunks the message cites (shape not defined by the seed).
  public var videoReferences: JSONValue
  /// AI tokens used, when known.
  public var tokenCount: Int?
  /// AI model that produced the message.
  public var model: String?
  /// Additional metadata (shape not defined by the seed).
  public var metadata: JSONValue
  /// Creation time.
  public var createdAt: Date

  static let columns = """
    id, session_id, role, content, video_references, token_count, model, metadata, created_at
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "learning.chat_messages")
    id = try r("id")
    sessionID = try r("session_id")
    role = try r("role")
    content = try r("content")
    videoReferences = try r("video_references")
    tokenCount = try r.optional("token_count")
    model = try r.optional("model")
    metadata = try r("metadata")
    createdAt = try r("created_at")
  }
}
