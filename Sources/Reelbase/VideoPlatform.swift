/// The platform a video lives on (`market.analyzed_videos.platform`,
/// `market.produced_content.platform`).
public struct VideoPlatform: StringBackedValue {
  /// The text stored in the column.
  public let rawValue: String

  /// Makes a value from its text; values this client does not list are kept as they are.
  /// - Parameter rawValue: The text stored in the column.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// `tiktok`: TikTok.
  public static let tiktok: VideoPlatform = "tiktok"

  /// `instagram`: Instagram.
  public static let instagram: VideoPlatform = "instagram"

  /// `youtube`: YouTube.
  public static let youtube: VideoPlatform = "youtube"
}
