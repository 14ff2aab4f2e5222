import CPostgres

/// The columns of publishing.videos, assets and tags in table order: the functions that
/// return those row types list them in RETURNING and hand them on in this order.
enum PublishingRows {
  static let videos = ["id", "persona_id", "title", "description", "video_url", "thumbnail_url", "duration_seconds",
                       "status", "confidence", "state_version", "created_at", "updated_at"]
  static let assets = ["id", "video_id", "type", "url", "checksum", "created_at"]
  static let tags = ["id", "name"]
  static let receipts = ["id", "video_id", "channel", "external_id", "status", "details", "created_at"]

  static func list(_ columns: [String]) -> String { columns.joined(separator: ", ") }

  static func append(_ row: SPIRow, _ columns: [String], to sink: TupleSink) throws {
    try sink.append(try columns.map { try row.datum($0) })
  }
}
