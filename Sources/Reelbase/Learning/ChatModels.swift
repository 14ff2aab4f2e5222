import Foundation

/// A student's conversation with the AI assistant (`learning.chat_sessions`). A student reads
/// and writes their own; their creator reads them.
public struct ChatSession: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "learning.chat_sessions"
  public var id = UUID()
  public var studentID = UUID()
  /// The student's creator, whose videos the assistant answers from.
  public var creatorID = UUID()
  /// Generated or custom.
  public var title: String?
  /// The videos in the chat's context: ids of the creator's own videos (23503 otherwise).
  public var contextVideoIDs: [String] = []
  /// Shape not defined by the seed.
  public var metadata: JSONValue = [:]
  public var createdAt = Date()
  public var updatedAt = Date()
  public var lastMessageAt: Date?
  public init() {}
}

/// A message of a chat session (`learning.chat_messages`).
public struct ChatMessage: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "learning.chat_messages"
  public var id = UUID()
  public var sessionID = UUID()
  public var role = ChatRole.user
  public var content = ""
  /// The video chunks the message cites: a JSON array naming videos of the session's creator.
  public var videoReferences: JSONValue = []
  /// AI tokens used, when known.
  public var tokenCount: Int?
  /// The AI model that wrote it.
  public var model: String?
  public var metadata: JSONValue = [:]
  public var createdAt = Date()
  public init() {}
}
