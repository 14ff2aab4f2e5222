/// Where a video comes from (`learning.videos.source_type`).
public struct VideoSourceType: StringBackedValue {
  /// The text stored in the column.
  public let rawValue: String

  /// Makes a value from its text; values this client does not list are kept as they are.
  /// - Parameter rawValue: The text stored in the column.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// `youtube`: A YouTube video (needs `youtubeVideoID`).
  public static let youtube: VideoSourceType = "youtube"
  /// `mux`: A Mux asset (needs `muxPlaybackID`).
  public static let mux: VideoSourceType = "mux"
  /// `loom`: A Loom video (needs `embedID`).
  public static let loom: VideoSourceType = "loom"
  /// `upload`: A direct upload (needs `storagePath`).
  public static let upload: VideoSourceType = "upload"
}
