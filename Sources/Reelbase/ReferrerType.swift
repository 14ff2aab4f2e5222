/// How a student reached a video (`learning.video_watch_sessions.referrer_type`).
public struct ReferrerType: StringBackedValue {
  /// The text stored in the column.
  public let rawValue: String

  /// Makes a value from its text; values this client does not list are kept as they are.
  /// - Parameter rawValue: The text stored in the column.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// `course_page`: From a course page.
  public static let coursePage: ReferrerType = "course_page"
  /// `direct_link`: From a direct link.
  public static let directLink: ReferrerType = "direct_link"
  /// `search`: From search.
  public static let search: ReferrerType = "search"
  /// `chat_reference`: From a citation in an AI chat answer.
  public static let chatReference: ReferrerType = "chat_reference"
}
