import Foundation
import PostgresNIO

/// A subtitle, scene marker or timing cue shown over a concept's video in the concept viewer
/// (`market.viewer_overlays`). A buyer reads the overlays of concepts they bought.
public struct ViewerOverlay: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The concept.
  public var conceptID: UUID
  /// Subtitle, scene marker or timing cue.
  public var overlayType: OverlayType
  /// ISO 639-1, lower case.
  public var languageCode: String
  /// The text shown.
  public var content: String
  /// Seconds from the video's start.
  public var timestampStart: Double?
  /// Seconds from the video's start, not before ``timestampStart``.
  public var timestampEnd: Double?
  /// Record creation time.
  public var createdAt: Date?

  static let columns = """
    id, concept_id, overlay_type, language_code, content, timestamp_start, timestamp_end, created_at
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "market.viewer_overlays")
    id = try r("id")
    conceptID = try r("concept_id")
    overlayType = try r("overlay_type")
    languageCode = try r("language_code")
    content = try r("content")
    timestampStart = try r.optional("timestamp_start")
    timestampEnd = try r.optional("timestamp_end")
    createdAt = try r.optional("created_at")
  }
}
