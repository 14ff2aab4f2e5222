import Foundation

/// One column assignment of ``ReelbaseQueryable/updateVideo(id:expectedVersion:changes:actor:)``,
/// sent as a key of its `changes` object. Only the columns update_video writes are cases, so an
/// unknown or read-only key cannot be sent; nil sets the column to NULL (the status cannot be
/// NULL). The values are still checked by the server: a status move outside the flow is 55000,
/// a negative or over-`integer` duration 22023.
public enum VideoChange: Sendable, Hashable {
  /// Moving a video to another persona: an owner only to one of its own (42501 otherwise).
  case personaID(UUID?)
  case title(String?)
  case description(String?)
  case videoURL(String?)
  case thumbnailURL(String?)
  case durationSeconds(Int?)
  case confidence(Double?)
  case status(PublishingVideoStatus)

  /// The `changes` object: one member per column, the last assignment of a column winning.
  static func object(_ changes: [VideoChange]) -> JSONValue {
    .object(Dictionary(changes.map(\.member), uniquingKeysWith: { _, last in last }))
  }

  private var member: (String, JSONValue) {
    switch self {
    case .personaID(let v): ("persona_id", v.map { .string($0.uuidString.lowercased()) } ?? .null)
    case .title(let v): ("title", v.map(JSONValue.string) ?? .null)
    case .description(let v): ("description", v.map(JSONValue.string) ?? .null)
    case .videoURL(let v): ("video_url", v.map(JSONValue.string) ?? .null)
    case .thumbnailURL(let v): ("thumbnail_url", v.map(JSONValue.string) ?? .null)
    case .durationSeconds(let v): ("duration_seconds", v.map { .number(Double($0)) } ?? .null)
    case .confidence(let v): ("confidence", v.map(JSONValue.number) ?? .null)
    case .status(let v): ("status", .string(v.rawValue))
    }
  }
}
