/// The metadata of a `video_imported` event, as seed 003 documents it:
/// `{"source_type": "youtube", "duration_seconds": 3600, "file_size_bytes": 104857600}`.
public struct VideoImportedMetadata: Sendable, Hashable, Codable {
  /// Where the video came from.
  public var sourceType: VideoSourceType
  /// The video's length in seconds, when known.
  public var durationSeconds: Int?
  /// The uploaded file's size in bytes (uploads only).
  public var fileSizeBytes: Int64?

  /// Makes the metadata.
  /// - Parameters:
  ///   - sourceType: Where the video came from.
  ///   - durationSeconds: The video's length in seconds.
  ///   - fileSizeBytes: The uploaded file's size in bytes.
  public init(sourceType: VideoSourceType, durationSeconds: Int? = nil, fileSizeBytes: Int64? = nil) {
    self.sourceType = sourceType
    self.durationSeconds = durationSeconds
    self.fileSizeBytes = fileSizeBytes
  }

  private enum CodingKeys: String, CodingKey {
    case sourceType = "source_type"
    case durationSeconds = "duration_seconds"
    case fileSizeBytes = "file_size_bytes"
  }
}
