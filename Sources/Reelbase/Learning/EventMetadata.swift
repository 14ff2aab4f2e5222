import Foundation
import PostgresNIO

/// The `metadata` of a video analytics event: typed for the event types whose shape seed 003
/// documents (`video_imported`, `video_transcribed`, `video_progress`), a raw JSON object for
/// the others.
///
/// Binds as `jsonb`. When read back, ``AnalyticsEvent/metadata`` is typed only if the stored
/// object has the documented shape; ``AnalyticsEvent/rawMetadata`` always has the exact JSON.
public enum EventMetadata: Sendable, Hashable, Encodable, PostgresEncodable {
  /// `video_imported` metadata.
  case videoImported(VideoImportedMetadata)
  /// `video_transcribed` metadata.
  case videoTranscribed(VideoTranscribedMetadata)
  /// `video_progress` metadata.
  case videoProgress(VideoProgressMetadata)
  /// Any other JSON object (the other event types, or a shape the seed does not document).
  case raw([String: JSONValue])

  /// An empty object, `{}`.
  public static let empty = EventMetadata.raw([:])

  /// Reads stored metadata: typed when `eventType` has a documented shape and `json` has it,
  /// else raw (a JSON value that is not an object reads as an empty object; see
  /// ``AnalyticsEvent/rawMetadata`` for the exact value).
  /// - Parameters:
  ///   - eventType: The event's type.
  ///   - json: The stored metadata.
  public init(eventType: VideoEventType, json: JSONValue) {
    let typed: EventMetadata? =
      switch eventType {
      case .videoImported: Self.decode(VideoImportedMetadata.self, from: json).map(Self.videoImported)
      case .videoTranscribed: Self.decode(VideoTranscribedMetadata.self, from: json).map(Self.videoTranscribed)
      case .videoProgress: Self.decode(VideoProgressMetadata.self, from: json).map(Self.videoProgress)
      default: nil
      }
    self = typed ?? .raw(json.objectValue ?? [:])
  }

  /// Encodes the metadata as the JSON object stored in the column.
  /// - Parameter encoder: The encoder.
  /// - Throws: `EncodingError` from the encoder.
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .videoImported(let value): try value.encode(to: encoder)
    case .videoTranscribed(let value): try value.encode(to: encoder)
    case .videoProgress(let value): try value.encode(to: encoder)
    case .raw(let value): try JSONValue.object(value).encode(to: encoder)
    }
  }

  private static func decode<T: Decodable>(_ type: T.Type, from json: JSONValue) -> T? {
    guard case .object = json, let data = try? JSONEncoder().encode(json) else { return nil }
    return try? JSONDecoder().decode(T.self, from: data)
  }
}

/// The metadata of a `video_imported` event, as seed 003 documents it:
/// `{"source_type": "youtube", "duration_seconds": 3600, "file_size_bytes": 104857600}`.
public struct VideoImportedMetadata: Sendable, Hashable, Codable {
  public var sourceType: VideoSourceType
  /// The video's length, when known.
  public var durationSeconds: Int?
  /// The uploaded file's size (uploads only).
  public var fileSizeBytes: Int64?

  public init(sourceType: VideoSourceType, durationSeconds: Int? = nil, fileSizeBytes: Int64? = nil) {
    (self.sourceType, self.durationSeconds, self.fileSizeBytes) = (sourceType, durationSeconds, fileSizeBytes)
  }

  private enum CodingKeys: String, CodingKey {
    case sourceType = "source_type", durationSeconds = "duration_seconds", fileSizeBytes = "file_size_bytes"
  }
}

/// The metadata of a `video_transcribed` event, as seed 003 documents it:
/// `{"transcript_method": "youtube_captions", "cost": 0, "duration_seconds": 3600, "word_count": 5400}`.
public struct VideoTranscribedMetadata: Sendable, Hashable, Codable {
  /// How the transcript was made (`youtube_captions`, ...).
  public var transcriptMethod: String
  /// What the transcription cost, when known.
  public var cost: Double?
  public var durationSeconds: Int?
  public var wordCount: Int?

  public init(transcriptMethod: String, cost: Double? = nil, durationSeconds: Int? = nil, wordCount: Int? = nil) {
    (self.transcriptMethod, self.cost) = (transcriptMethod, cost)
    (self.durationSeconds, self.wordCount) = (durationSeconds, wordCount)
  }

  private enum CodingKeys: String, CodingKey {
    case transcriptMethod = "transcript_method", cost, durationSeconds = "duration_seconds", wordCount = "word_count"
  }
}

/// The metadata of a `video_progress` event, as seed 003 documents it:
/// `{"percent_complete": 50, "watch_time_seconds": 1800, "session_id": "uuid"}`.
public struct VideoProgressMetadata: Sendable, Hashable, Codable {
  /// The milestone reached (10, 25, 50, 75 or 90 by the seed's convention).
  public var percentComplete: Int
  /// Seconds watched so far, when known.
  public var watchTimeSeconds: Int?
  /// The watch session (``WatchSession/id``) the progress belongs to.
  public var sessionID: UUID?

  public init(percentComplete: Int, watchTimeSeconds: Int? = nil, sessionID: UUID? = nil) {
    (self.percentComplete, self.watchTimeSeconds, self.sessionID) = (percentComplete, watchTimeSeconds, sessionID)
  }

  private enum CodingKeys: String, CodingKey {
    case percentComplete = "percent_complete", watchTimeSeconds = "watch_time_seconds", sessionID = "session_id"
  }

  /// Encodes the metadata, `session_id` in PostgreSQL's lowercase form so SQL can compare it
  /// with `id::text`.
  /// - Parameter encoder: The encoder.
  /// - Throws: `EncodingError` from the encoder.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(percentComplete, forKey: .percentComplete)
    try container.encodeIfPresent(watchTimeSeconds, forKey: .watchTimeSeconds)
    try container.encodeIfPresent(sessionID?.uuidString.lowercased(), forKey: .sessionID)
  }
}
