import Foundation
import PostgresNIO

/// An analysed video found by embedding similarity (``ReelbaseQueryable/similarVideos(videoID:matchCount:)``,
/// ``ReelbaseQueryable/searchVideos(queryEmbedding:matchCount:)``).
public struct SimilarVideo: Sendable, Hashable, Identifiable {
  /// The analysed video (`market.analyzed_videos.id`).
  public var videoID: UUID
  /// Cosine similarity to the query, -1 to 1.
  public var similarity: Float

  /// The video (``videoID``).
  public var id: UUID { videoID }

  init(row: PostgresRow) throws {
    let r = RowReader(row, "market video search")
    videoID = try r("video_id")
    similarity = try r("similarity")
  }
}
