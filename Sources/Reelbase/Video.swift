import Foundation
import PostgresNIO

/// A video (`learning.videos`) from YouTube, Mux, Loom or a direct upload.
///
/// Listing calls leave out the transcript (it can be large); ``ReelbaseQueryable/getVideo(id:includeTranscript:from:)``
/// reads it on request.
public struct Video: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// Owning creator.
  public var creatorID: UUID
  /// Title.
  public var title: String
  /// Description.
  public var description: String?
  /// Original URL.
  public var url: String?
  /// Storage path of an uploaded file.
  public var storagePath: String?
  /// Thumbnail image URL.
  public var thumbnailURL: String?
  /// Length in seconds.
  public var durationSeconds: Int?
  /// Full transcript; nil when not read (listing calls) or not transcribed yet.
  public var transcript: String?
  /// Transcript language code.
  public var transcriptLanguage: String
  /// Processing status.
  public var status: VideoStatus
  /// Error details when processing failed.
  public var errorMessage: String?
  /// When processing started.
  public var processingStartedAt: Date?
  /// When processing completed.
  public var processingCompletedAt: Date?
  /// File size in bytes (uploads only).
  public var fileSizeBytes: Int64?
  /// Additional metadata (shape not defined by the seed).
  public var metadata: JSONValue
  /// Record creation time.
  public var createdAt: Date
  /// Last update time (stamped by the server).
  public var updatedAt: Date
  /// Soft-delete flag; students never see deleted videos.
  public var isDeleted: Bool
  /// Where the video comes from.
  public var sourceType: VideoSourceType
  /// YouTube video id.
  public var youtubeVideoID: String?
  /// YouTube channel id.
  public var youtubeChannelID: String?
  /// Whop lesson id, for syncing.
  public var whopLessonID: String?
  /// Mux asset id.
  public var muxAssetID: String?
  /// Mux playback id.
  public var muxPlaybackID: String?
  /// Embedding platform.
  public var embedType: EmbedType?
  /// Platform-specific id for embeds.
  public var embedID: String?

  /// Every column but `transcript`.
  static let columns = """
    id, creator_id, title, description, url, storage_path, thumbnail_url, duration_seconds,
    transcript_language, status, error_message, processing_started_at, processing_completed_at,
    file_size_bytes, metadata, created_at, updated_at, is_deleted, source_type, youtube_video_id,
    youtube_channel_id, whop_lesson_id, mux_asset_id, mux_playback_id, embed_type, embed_id
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "learning.videos")
    id = try r("id")
    creatorID = try r("creator_id")
    title = try r("title")
    description = try r.optional("description")
    url = try r.optional("url")
    storagePath = try r.optional("storage_path")
    thumbnailURL = try r.optional("thumbnail_url")
    durationSeconds = try r.optional("duration_seconds")
    transcript = r.has("transcript") ? try r.optional("transcript") : nil
    transcriptLanguage = try r("transcript_language")
    status = try r("status")
    errorMessage = try r.optional("error_message")
    processingStartedAt = try r.optional("processing_started_at")
    processingCompletedAt = try r.optional("processing_completed_at")
    fileSizeBytes = try r.optional("file_size_bytes")
    metadata = try r("metadata")
    createdAt = try r("created_at")
    updatedAt = try r("updated_at")
    isDeleted = try r("is_deleted")
    sourceType = try r("source_type")
    youtubeVideoID = try r.optional("youtube_video_id")
    youtubeChannelID = try r.optional("youtube_channel_id")
    whopLessonID = try r.optional("whop_lesson_id")
    muxAssetID = try r.optional("mux_asset_id")
    muxPlaybackID = try r.optional("mux_playback_id")
    embedType = try r.optional("embed_type")
    embedID = try r.optional("embed_id")
  }
}
