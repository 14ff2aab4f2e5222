import Foundation
import PostgresNIO

/// A transcript chunk of a video (`learning.video_chunks`), for retrieval-augmented chat.
///
/// The 1536-dimension embedding is not read into this model (``hasEmbedding`` says whether
/// there is one); the search issue adds the calls that use it.
public struct VideoChunk: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The video the chunk belongs to.
  public var videoID: UUID
  /// Position of the chunk in the transcript (0-based).
  public var chunkIndex: Int
  /// Transcript text of the chunk.
  public var chunkText: String
  /// Whether the chunk has been embedded yet.
  public var hasEmbedding: Bool
  /// Start offset in the video, in seconds.
  public var startTimeSeconds: Int?
  /// End offset in the video, in seconds.
  public var endTimeSeconds: Int?
  /// Number of words in the chunk.
  public var wordCount: Int?
  /// Additional metadata (shape not defined by the seed).
  public var metadata: JSONValue
  /// Record creation time.
  public var createdAt: Date

  static let columns = """
    id, video_id, chunk_index, chunk_text, embedding IS NOT NULL AS has_embedding,
    start_time_seconds, end_time_seconds, word_count, metadata, created_at
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "learning.video_chunks")
    id = try r("id")
    videoID = try r("video_id")
    chunkIndex = try r("chunk_index")
    chunkText = try r("chunk_text")
    hasEmbedding = try r("has_embedding")
    startTimeSeconds = try r.optional("start_time_seconds")
    endTimeSeconds = try r.optional("end_time_seconds")
    wordCount = try r.optional("word_count")
    metadata = try r("metadata")
    createdAt = try r("created_at")
  }
}
