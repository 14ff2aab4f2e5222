import Foundation
import PostgresNIO

/// Semantic search over transcript chunks and the vector engine (release 0.2.0), one method
/// per SQL function. Embeddings are `[Float]` (`real[]`); a pgvector value converts with
/// `v::real[]` in SQL.
extension ReelbaseQueryable {
  /// The transcript chunks most similar to `queryEmbedding`, best first
  /// (`learning.search_video_chunks`). Runs with the caller's rights: a student searches their
  /// creator's videos, never soft-deleted ones.
  /// - Parameters:
  ///   - queryEmbedding: The query's embedding: 1,536 finite values, not all zero
  ///     (`query_embedding`).
  ///   - matchCount: At most this many results, 1...1000 (`match_count`, default 5).
  ///   - similarityThreshold: Only results at least this similar (`similarity_threshold`,
  ///     default 0.7).
  ///   - filterVideoIDs: Only chunks of these videos (`filter_video_ids`, default all).
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The matching chunks with their similarity.
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/invalidInput`` for an embedding of
  ///   the wrong dimension, with non-finite values or all zeros, or a count out of range (22023).
  public func searchVideoChunks(
    queryEmbedding: [Float], matchCount: Int = 5, similarityThreshold: Double = 0.7,
    filterVideoIDs: [UUID]? = nil, readFrom: ReadPreference = .replica
  ) async throws -> [ChunkSearchResult] {
    // The SQL parameter is text[]; ids are passed in PostgreSQL's lowercase form.
    let filter = filterVideoIDs?.map { $0.uuidString.lowercased() }
    return try await all(
      """
      SELECT id, video_id, chunk_index, chunk_text, start_time_seconds, end_time_seconds, similarity
      FROM learning.search_video_chunks(
        query_embedding => \(queryEmbedding), match_count => \(matchCount)::integer,
        similarity_threshold => \(similarityThreshold), filter_video_ids => \(filter))
      """,
      .read(readFrom), ChunkSearchResult.init(row:))
  }

  /// Builds or rebuilds the IVF index of the chunk embeddings (`learning.build_chunk_index`;
  /// administrators only). Blocks writes to `learning.video_chunks` while it runs.
  /// - Parameters:
  ///   - lists: The number of lists; nil lets the server choose (`lists`).
  ///   - sampleRows: The rows to train on; nil lets the server choose (`sample_rows`).
  /// - Returns: What the build did.
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/permissionDenied`` for a caller that
  ///   is not an administrator.
  public func buildChunkIndex(lists: Int? = nil, sampleRows: Int? = nil) async throws -> VectorIndexBuild {
    try await builtIndex(
      "SELECT * FROM learning.build_chunk_index(\(lists)::integer, \(sampleRows)::integer)",
      "learning.build_chunk_index")
  }

  /// Builds or rebuilds a registered IVF index (`reelbase.build_vector_index`;
  /// administrators only). Blocks writes to the indexed table while it runs.
  /// - Parameters:
  ///   - indexName: The index, as registered in `reelbase.vector_indexes` (`index_name`).
  ///   - lists: The number of lists; nil lets the server choose (`lists`).
  ///   - sampleRows: The rows to train on; nil lets the server choose (`sample_rows`).
  ///   - iterations: k-means iterations (`iterations`, default 10).
  /// - Returns: What the build did.
  /// - Throws: ``ReelbaseError``.
  public func buildVectorIndex(
    indexName: String, lists: Int? = nil, sampleRows: Int? = nil, iterations: Int = 10
  ) async throws -> VectorIndexBuild {
    try await builtIndex(
      """
      SELECT * FROM reelbase.build_vector_index(
        \(indexName), \(lists)::integer, \(sampleRows)::integer, \(iterations)::integer)
      """,
      "reelbase.build_vector_index")
  }

  /// Lists the registered vector indexes (`reelbase.vector_indexes`).
  /// - Parameter readFrom: Where the read runs; a replica by default.
  /// - Returns: The indexes, by name.
  /// - Throws: ``ReelbaseError``.
  public func listVectorIndexes(readFrom: ReadPreference = .replica) async throws -> [VectorIndex] {
    try await all(
      "SELECT \(unescaped: VectorIndex.columns) FROM reelbase.vector_indexes ORDER BY name",
      .read(readFrom), VectorIndex.init(row:))
  }

  /// Cosine similarity of two vectors of the same length, computed by the server
  /// (`reelbase.cosine_similarity`).
  /// - Parameters:
  ///   - a: The first vector (`a`).
  ///   - b: The second vector (`b`).
  ///   - readFrom: Where the call runs; a replica by default.
  /// - Returns: The similarity, or nil when a vector is all zeros, has non-finite values, or
  ///   the lengths differ.
  /// - Throws: ``ReelbaseError``.
  public func cosineSimilarity(_ a: [Float], _ b: [Float], readFrom: ReadPreference = .replica)
    async throws -> Float?
  {
    try await scalar(
      "SELECT reelbase.cosine_similarity(\(a), \(b))", .read(readFrom), as: Float.self,
      "reelbase.cosine_similarity")
  }

  /// Cosine similarity of an embedding to a query already scaled to length 1
  /// (`reelbase.unit_cosine`, the scan kernel of vector search).
  /// - Parameters:
  ///   - embedding: The embedding (`embedding`).
  ///   - unitQuery: The query, of length 1 (`unit_query`).
  ///   - readFrom: Where the call runs; a replica by default.
  /// - Returns: The similarity, or nil for an unusable embedding.
  /// - Throws: ``ReelbaseError``.
  public func unitCosine(embedding: [Float], unitQuery: [Float], readFrom: ReadPreference = .replica)
    async throws -> Float?
  {
    try await scalar(
      "SELECT reelbase.unit_cosine(\(embedding), \(unitQuery))", .read(readFrom), as: Float.self,
      "reelbase.unit_cosine")
  }

  /// The IVF list a vector falls in (`reelbase.vector_list_for`).
  /// - Parameters:
  ///   - indexName: The index (`index_name`).
  ///   - vector: The vector (`vector`).
  ///   - readFrom: Where the call runs; a replica by default.
  /// - Returns: The list number, or nil when the index is not built or the vector is unusable.
  /// - Throws: ``ReelbaseError``.
  public func vectorListFor(indexName: String, vector: [Float], readFrom: ReadPreference = .replica)
    async throws -> Int?
  {
    try await scalar(
      "SELECT reelbase.vector_list_for(\(indexName), \(vector))", .read(readFrom), as: Int.self,
      "reelbase.vector_list_for")
  }

  private func builtIndex(_ query: PostgresQuery, _ context: String) async throws -> VectorIndexBuild {
    guard let build = try await all(query, .write, VectorIndexBuild.init(row:)).first else {
      throw ReelbaseError(.unexpectedResponse, "\(context) returned no row")
    }
    return build
  }
}
