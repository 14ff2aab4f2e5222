import Foundation

/// A video (`learning.videos`) from YouTube, Mux, Loom or a direct upload, every column. The
/// server requires the identifier that matches ``sourceType`` (`youtubeVideoID`,
/// `muxPlaybackID`, `embedID`, `storagePath`; 23514 otherwise). Students see their creator's
/// non-deleted videos; a creator writes their own. Read ``VideoSummary`` to leave out the
/// transcript, which can be large.
public struct Video: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "learning.videos"
  public var id = UUID()
  public var creatorID = UUID()
  public var title = ""
  public var description: String?
  /// The original URL.
  public var url: String?
  /// Where an uploaded file is stored.
  public var storagePath: String?
  public var thumbnailURL: String?
  public var durationSeconds: Int?
  /// The full transcript; nil until transcribed.
  public var transcript: String?
  public var transcriptLanguage = "en"
  public var status = VideoStatus.pending
  /// What went wrong when processing failed.
  public var errorMessage: String?
  public var processingStartedAt: Date?
  public var processingCompletedAt: Date?
  /// Uploads only.
  public var fileSizeBytes: Int64?
  /// Shape not defined by the seed.
  public var metadata: JSONValue = [:]
  public var createdAt = Date()
  public var updatedAt = Date()
  /// Soft delete: students stop seeing the video, and no event can be tracked for it (55000).
  public var isDeleted = false
  public var sourceType = VideoSourceType.upload
  public var youtubeVideoID: String?
  public var youtubeChannelID: String?
  /// The Whop lesson it syncs with.
  public var whopLessonID: String?
  public var muxAssetID: String?
  public var muxPlaybackID: String?
  public var embedType: EmbedType?
  /// The platform's id of an embedded video.
  public var embedID: String?
  public init() {}
}

/// A video without its transcript (`learning.videos`), for listings: see ``Video``. An
/// ``ReelbaseQueryable/update(_:only:)`` of a summary leaves the transcript as it is.
public struct VideoSummary: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "learning.videos"
  public var id = UUID()
  public var creatorID = UUID()
  public var title = ""
  public var description: String?
  public var url: String?
  public var storagePath: String?
  public var thumbnailURL: String?
  public var durationSeconds: Int?
  public var transcriptLanguage = "en"
  public var status = VideoStatus.pending
  public var errorMessage: String?
  public var processingStartedAt: Date?
  public var processingCompletedAt: Date?
  public var fileSizeBytes: Int64?
  public var metadata: JSONValue = [:]
  public var createdAt = Date()
  public var updatedAt = Date()
  public var isDeleted = false
  public var sourceType = VideoSourceType.upload
  public var youtubeVideoID: String?
  public var youtubeChannelID: String?
  public var whopLessonID: String?
  public var muxAssetID: String?
  public var muxPlaybackID: String?
  public var embedType: EmbedType?
  public var embedID: String?
  public init() {}
}

/// A transcript chunk of a video (`learning.video_chunks`), for retrieval-augmented chat
/// (``ReelbaseQueryable/searchVideoChunks(queryEmbedding:matchCount:similarityThreshold:filterVideoIDs:readFrom:)``),
/// every column. Read ``VideoChunkSummary`` to leave out the 1,536-value embedding.
public struct VideoChunk: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "learning.video_chunks"
  public static var serverColumns: Set<String> { ["created_at"] }
  public var id = UUID()
  public var videoID = UUID()
  /// Its position in the transcript, from 0.
  public var chunkIndex = 0
  public var chunkText = ""
  /// 1,536 values (another dimension is 23514), or nil until embedded.
  public var embedding: [Float]?
  /// Offsets in the video, in seconds.
  public var startTimeSeconds: Int?
  public var endTimeSeconds: Int?
  public var wordCount: Int?
  public var metadata: JSONValue = [:]
  public var createdAt = Date()

  /// Whether the chunk has been embedded.
  public var hasEmbedding: Bool { embedding != nil }

  public init() {}
}

/// A transcript chunk without its embedding (`learning.video_chunks`): 6 KB less a row.
/// Reads only.
public struct VideoChunkSummary: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "learning.video_chunks"
  public static let columnExpressions = ["has_embedding": "embedding IS NOT NULL"]
  public var id = UUID()
  public var videoID = UUID()
  public var chunkIndex = 0
  public var chunkText = ""
  /// Whether the chunk has been embedded.
  public var hasEmbedding = false
  public var startTimeSeconds: Int?
  public var endTimeSeconds: Int?
  public var wordCount: Int?
  public var metadata: JSONValue = [:]
  public var createdAt = Date()
  public init() {}
}

/// The IVF list of a chunk's embedding (`learning.video_chunk_lists`): written by
/// ``ReelbaseQueryable/buildChunkIndex(lists:sampleRows:)`` and a trigger. Administrators only.
public struct VideoChunkList: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "learning.video_chunk_lists"
  public static var primaryKey: [String] { ["chunk_id"] }
  public var chunkID = UUID()
  /// Its list (nearest centroid).
  public var ivfList = 0
  public var id: UUID { chunkID }
  public init() {}
}
