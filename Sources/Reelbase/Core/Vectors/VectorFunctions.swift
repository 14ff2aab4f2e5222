/// The shared vector engine. Embeddings are `[Float]` (`real[]`); a pgvector value cast to
/// `real[]` is accepted the same way.
extension ReelbaseQueryable {
  /// `reelbase.build_vector_index`: trains `lists` centroids (by default about √rows) on
  /// `sampleRows` rows and assigns every row a list. Administrators only (42501).
  public func buildVectorIndex(
    indexName: String, lists: Int? = nil, sampleRows: Int? = nil, iterations: Int = 10
  ) async throws -> VectorIndexBuild {
    try await oneCall(
      "reelbase.build_vector_index",
      ["index_name": indexName, "lists": lists.map(Int32.init(clamping:)),
       "sample_rows": sampleRows.map(Int32.init(clamping:)), "iterations": Int32(clamping: iterations)])
  }

  /// `reelbase.cosine_similarity(a, b)`, in double precision; nil for a zero vector, NULL or
  /// non-finite elements or different lengths; a 2-D array is 22023.
  public func cosineSimilarity(_ a: [Float], _ b: [Float], readFrom: ReadPreference = .replica)
    async throws -> Float?
  {
    try await value("reelbase.cosine_similarity", ["a": a, "b": b], .read(readFrom))
  }

  /// `reelbase.unit_cosine(embedding, unit_query)`: the scan kernel, for a query already of
  /// length 1; nil for unusable embeddings.
  public func unitCosine(embedding: [Float], unitQuery: [Float], readFrom: ReadPreference = .replica)
    async throws -> Float?
  {
    try await value("reelbase.unit_cosine", ["embedding": embedding, "unit_query": unitQuery], .read(readFrom))
  }

  /// `reelbase.vector_list_for(index_name, vector)`: the vector's IVF list; nil when the
  /// index is not built. Administrators only: it reveals centroids.
  public func vectorListFor(indexName: String, vector: [Float], readFrom: ReadPreference = .replica)
    async throws -> Int?
  {
    try await value("reelbase.vector_list_for", ["index_name": indexName, "vector": vector], .read(readFrom))
  }

  /// The one row a function always returns.
  func oneCall<R: ReelbaseRow>(_ function: String, _ arguments: SQLArguments) async throws -> R {
    guard let row = try await call(function, arguments, as: R.self).first else {
      throw ReelbaseError(.unexpectedResponse, "\(function) returned no row")
    }
    return row
  }
}
