import Foundation
import PostgresNIO

/// An imported platform video with its AI analysis (`market.analyzed_videos`). Administrators
/// only: buyers never read analysed videos.
///
/// Reads leave out the 1,536-value embedding unless asked for (`includeEmbedding: true`), like
/// ``Video`` leaves out its transcript; ``hasEmbedding`` always says whether there is one. The
/// seed's legacy columns `user_ratings`, `user_tags` and `user_notes` are not in the model: the
/// server keeps them NULL (ratings live in ``VideoRating``).
public struct AnalyzedVideo: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The video's URL on its platform.
  public var videoURL: String
  /// The platform's own video id (column `video_id`, e.g. a TikTok id).
  public var platformVideoID: String?
  /// The platform; the server defaults it to `tiktok`.
  public var platform: VideoPlatform?
  /// Platform metadata (a JSON object; shape not defined by the seed).
  public var metadata: JSONValue?
  /// Where the file is stored (`gs://...`).
  public var gcsURI: String?
  /// The AI analysis: 170+ features as nested JSON (seed 000 section 5). Model weights address
  /// them by dotted path (`script.replicability.score`).
  public var visualAnalysis: JSONValue?
  /// Whether the video has a content embedding.
  public var hasEmbedding: Bool
  /// The content embedding; nil when not read (the default) or not computed.
  public var contentEmbedding: [Float]?
  /// Record creation time.
  public var createdAt: Date?
  /// When the analysis was made.
  public var analyzedAt: Date?

  /// Every column but the embedding and the legacy columns.
  static let columns = """
    id, video_url, video_id, platform, metadata, gcs_uri, visual_analysis,
    content_embedding IS NOT NULL AS has_embedding, created_at, analyzed_at
    """

  /// ``columns`` and the embedding.
  static let columnsWithEmbedding = columns + ", content_embedding"

  init(row: PostgresRow) throws {
    let r = RowReader(row, "market.analyzed_videos")
    id = try r("id")
    videoURL = try r("video_url")
    platformVideoID = try r.optional("video_id")
    platform = try r.optional("platform")
    metadata = try r.optional("metadata")
    gcsURI = try r.optional("gcs_uri")
    visualAnalysis = try r.optional("visual_analysis")
    hasEmbedding = try r("has_embedding")
    contentEmbedding = r.has("content_embedding") ? try r.optional("content_embedding") : nil
    createdAt = try r.optional("created_at")
    analyzedAt = try r.optional("analyzed_at")
  }
}
