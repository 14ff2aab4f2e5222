/// Who rated a video (`market.video_ratings.rater_type`).
public struct RaterType: StringBackedValue {
  /// The text stored in the column.
  public let rawValue: String

  /// Makes a value from its text; values this client does not list are kept as they are.
  /// - Parameter rawValue: The text stored in the column.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// `owner`: The marketplace's owner (a human rater; the default).
  public static let owner: RaterType = "owner"

  /// `agent`: An AI agent.
  public static let agent: RaterType = "agent"
}
