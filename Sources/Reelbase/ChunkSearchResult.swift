import Foundation
import PostgresNIO

/// One row of `learning.search_video_chunks`: a transcript chunk and its cosine similarity to
/// the query embedding.
public struct ChunkSearchResult: Sendable, Hashable, Identifiable {
  /// The chunk's id (`learning.video_chunks.id`).
  public var id: UUID
  /// The video the chunk belongs to.
  public var videoID: UUID
  /// Position of the chunk in the transcript (0-based).
  public var chunkIndex: Int
  /// Transcript text of the chunk.
  public var chunkText: String
  /// Start offset in the video, in seconds.
  public var startTimeSeconds: Int?
  /// End offset in the video, in seconds.
  public var endTimeSeconds: Int?
  /// Cosine similarity to the query (-1...1, higher is closer).
  public var similarity: Double

  init(row: PostgresRow) throws {
    let r = RowReader(row, "learning.search_video_chunks")
    id = try r("id")
    videoID = try r("video_id")
    chunkIndex = try r("chunk_index")
    chunkText = try r("chunk_text")
    startTimeSeconds = try r.optional("start_time_seconds")
    endTimeSeconds = try r.optional("end_time_seconds")
    similarity = try r("similarity")
  }
}
