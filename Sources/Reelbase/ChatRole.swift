/// Who wrote a chat message (`learning.chat_messages.role`).
public struct ChatRole: StringBackedValue {
  /// The text stored in the column.
  public let rawValue: String

  /// Makes a value from its text; values this client does not list are kept as they are.
  /// - Parameter rawValue: The text stored in the column.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// `user`: The student.
  public static let user: ChatRole = "user"
  /// `assistant`: The AI assistant.
  public static let assistant: ChatRole = "assistant"
  /// `system`: A system prompt.
  public static let system: ChatRole = "system"
}
