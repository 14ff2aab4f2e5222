import CPostgres
import ReelbaseCore

/// `learning.search_video_chunks`: the transcript chunks most similar to a query embedding.
///
/// Scoring runs inside the executor (reelbase.unit_cosine on each row, read in place), so row-
/// level security, the soft-delete rule and the video filter are ordinary query conditions and
/// the planner may scan in parallel. Exact or IVF as `VectorSearch` decides.
enum SearchVideoChunks {
  static let dimension = 1536
  static let maxMatchCount: Int32 = 1000
  static let indexName = "learning.video_chunks"

  private static func scan(_ listCondition: String) -> String {
    """
    SELECT id, video_id, chunk_index, chunk_text, start_time_seconds, end_time_seconds,
           similarity::double precision AS similarity
    FROM (
      SELECT c.id, c.video_id, c.chunk_index, c.chunk_text, c.start_time_seconds,
             c.end_time_seconds, reelbase.unit_cosine(c.embedding, $1) AS similarity
      FROM learning.video_chunks c
      JOIN learning.videos v ON v.id = c.video_id
      WHERE NOT v.is_deleted AND c.embedding IS NOT NULL
        AND ($3::uuid[] IS NULL OR c.video_id = ANY ($3))
        \(listCondition)
      OFFSET 0
    ) s
    WHERE similarity >= $2
    ORDER BY similarity DESC, id
    LIMIT $4
    """
  }
  private static let argumentTypes = [
    RbOid(RB_FLOAT4ARRAYOID), RbOid(RB_FLOAT8OID), RbOid(RB_UUIDARRAYOID), RbOid(RB_INT4OID),
  ]
  static let exact = PreparedStatement(scan(""), argumentTypes)
  /// The function's result columns, in the order it declares them.
  private static let resultColumns = [
    "id", "video_id", "chunk_index", "chunk_text", "start_time_seconds", "end_time_seconds", "similarity",
  ]
  static let probe = PreparedStatement(
    // Unfiled chunks have no usable embedding (the trigger files every other one), so they
    // could not score anyway.
    scan("AND c.id = ANY ($5)"), argumentTypes + [RbOid(RB_UUIDARRAYOID)])

  static func call(_ call: FunctionCall) throws -> RbDatum? {
    if call.isNull(0) { throw PGError.nullArgument("query_embedding") }
    let query = try QueryVector(datum: call.datum(0), dimension: dimension, argument: "query_embedding")
    let matchCount: Int32 = try call.required(1, "match_count")
    guard (1...maxMatchCount).contains(matchCount) else {
      throw PGError.invalidParameter("match_count must be between 1 and \(maxMatchCount), got \(matchCount)")
    }
    let threshold: Double = try call.required(2, "similarity_threshold")
    guard threshold.isFinite else {
      throw PGError.invalidParameter("similarity_threshold must be a finite number, got \(threshold)")
    }
    let filter = try videoFilter(call)
    let sink = try TupleSink(call)
    let arguments: [RbDatum?] = [try query.makeDatum(), threshold.makeDatum(), filter,
                                 matchCount.makeDatum()]
    try SPI.connect {
      let result = try VectorSearch.run(index: indexName, query: query, exact: exact, probe: probe,
                                        arguments: arguments, wanted: Int(matchCount))
      let columns = try resultColumns.map { try result.column($0) }
      for row in result.rows {
        try sink.append(try columns.map { try row.datum($0) })
      }
    }
    return nil
  }

  /// filter_video_ids is text[] in the seed; each element must be a uuid.
  private static func videoFilter(_ call: FunctionCall) throws -> RbDatum? {
    guard let texts: PGArray<String> = try call.optional(3) else { return nil }
    var ids: [UUIDValue?] = []
    ids.reserveCapacity(texts.elements.count)
    for (i, text) in texts.elements.enumerated() {
      guard let text else {
        throw PGError.invalidParameter("filter_video_ids element \(i + 1) is NULL")
      }
      guard let id = UUIDValue(string: text) else {
        throw PGError.invalidParameter(
          "filter_video_ids element \(i + 1) is not a video id: \"\(String(text.prefix(100)))\"",
          hint: "Video ids are UUIDs such as 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'.")
      }
      ids.append(id)
    }
    return try PGArray<UUIDValue>(ids).makeDatum()
  }
}

@_cdecl("rbx_learning_search_video_chunks")
func rbx_learning_search_video_chunks(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, SearchVideoChunks.call)
}
