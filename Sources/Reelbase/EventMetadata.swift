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
    switch eventType {
    case .videoImported:
      if let typed = Self.decode(VideoImportedMetadata.self, from: json) {
        self = .videoImported(typed)
        return
      }
    case .videoTranscribed:
      if let typed = Self.decode(VideoTranscribedMetadata.self, from: json) {
        self = .videoTranscribed(typed)
        return
      }
    case .videoProgress:
      if let typed = Self.decode(VideoProgressMetadata.self, from: json) {
        self = .videoProgress(typed)
        return
      }
    default:
      break
    }
    self = .raw(json.objectValue ?? [:])
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
