import Foundation

/// A transcript chunk found by ``ReelbaseQueryable/searchVideoChunks(queryEmbedding:matchCount:similarityThreshold:filterVideoIDs:readFrom:)``.
public struct ChunkSearchResult: ReelbaseRow, Hashable, Identifiable {
  public var id: UUID
  public var videoID: UUID
  public var chunkIndex: Int
  public var chunkText: String
  public var startTimeSeconds: Int?
  public var endTimeSeconds: Int?
  /// Cosine similarity to the query, -1...1.
  public var similarity: Double
}

extension ReelbaseQueryable {
  /// `learning.search_video_chunks`: the `matchCount` chunks most similar to the query, at
  /// least `similarityThreshold`, among the rows the caller may see (and `filterVideoIDs`).
  /// An empty, non-finite or wrong-length query is 22023 ``ReelbaseError/Code/invalidInput``.
  public func searchVideoChunks(
    queryEmbedding: [Float], matchCount: Int = 5, similarityThreshold: Double = 0.7,
    filterVideoIDs: [UUID]? = nil, readFrom: ReadPreference = .replica
  ) async throws -> [ChunkSearchResult] {
    // The SQL parameter is text[]; ids are passed in PostgreSQL's lowercase form.
    try await call(
      "learning.search_video_chunks",
      ["query_embedding": queryEmbedding, "match_count": Int32(clamping: matchCount),
       "similarity_threshold": similarityThreshold,
       "filter_video_ids": filterVideoIDs?.map { $0.uuidString.lowercased() }],
      .read(readFrom))
  }

  /// `learning.build_chunk_index`: builds the transcript chunks' IVF index (administrators).
  public func buildChunkIndex(lists: Int? = nil, sampleRows: Int? = nil) async throws -> VectorIndexBuild {
    try await oneCall(
      "learning.build_chunk_index",
      ["lists": lists.map(Int32.init(clamping:)), "sample_rows": sampleRows.map(Int32.init(clamping:))])
  }
}
