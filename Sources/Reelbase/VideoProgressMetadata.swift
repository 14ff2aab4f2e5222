import struct Foundation.UUID

/// The metadata of a `video_progress` event, as seed 003 documents it:
/// `{"percent_complete": 50, "watch_time_seconds": 1800, "session_id": "uuid"}`.
public struct VideoProgressMetadata: Sendable, Hashable, Codable {
  /// The milestone reached (10, 25, 50, 75 or 90 by the seed's convention).
  public var percentComplete: Int
  /// Seconds watched so far, when known.
  public var watchTimeSeconds: Int?
  /// The watch session (`learning.video_watch_sessions.id`) the progress belongs to.
  public var sessionID: UUID?

  /// Makes the metadata.
  /// - Parameters:
  ///   - percentComplete: The milestone reached.
  ///   - watchTimeSeconds: Seconds watched so far.
  ///   - sessionID: The watch session the progress belongs to.
  public init(percentComplete: Int, watchTimeSeconds: Int? = nil, sessionID: UUID? = nil) {
    self.percentComplete = percentComplete
    self.watchTimeSeconds = watchTimeSeconds
    self.sessionID = sessionID
  }

  private enum CodingKeys: String, CodingKey {
    case percentComplete = "percent_complete"
    case watchTimeSeconds = "watch_time_seconds"
    case sessionID = "session_id"
  }

  /// Encodes the metadata, with `session_id` in PostgreSQL's lowercase UUID form so SQL can
  /// compare it with `id::text`.
  /// - Parameter encoder: The encoder.
  /// - Throws: `EncodingError` from the encoder.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(percentComplete, forKey: .percentComplete)
    try container.encodeIfPresent(watchTimeSeconds, forKey: .watchTimeSeconds)
    try container.encodeIfPresent(sessionID?.uuidString.lowercased(), forKey: .sessionID)
  }
}
