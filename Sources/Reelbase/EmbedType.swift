/// The platform a video is embedded from (`learning.videos.embed_type`).
public struct EmbedType: StringBackedValue {
  /// The text stored in the column.
  public let rawValue: String

  /// Makes a value from its text; values this client does not list are kept as they are.
  /// - Parameter rawValue: The text stored in the column.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// `youtube`: YouTube.
  public static let youtube: EmbedType = "youtube"
  /// `loom`: Loom.
  public static let loom: EmbedType = "loom"
  /// `vimeo`: Vimeo.
  public static let vimeo: EmbedType = "vimeo"
  /// `wistia`: Wistia.
  public static let wistia: EmbedType = "wistia"
}
