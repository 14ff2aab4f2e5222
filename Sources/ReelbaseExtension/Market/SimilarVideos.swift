import CPostgres
import ReelbaseCore

/// `market.search_videos(query_embedding, match_count)` and `market.similar_videos(p_video_id,
/// p_match_count)`: analysed videos ranked by the cosine similarity of their content_embedding,
/// best first, ties by id, on the vector engine (index 'market.analyzed_videos': exact scan, or
/// IVF lists in market.analyzed_video_lists once built). similar_videos uses the video's own
/// embedding as the query and leaves the video out. Caller's rights (RLS).
enum SimilarVideos {
  static let dimension = 1536
  static let maxMatchCount: Int32 = 1000
  static let indexName = "market.analyzed_videos"
  private static let uuid = RbOid(RB_UUIDOID)

  private static func scan(_ listCondition: String) -> String {
    """
    SELECT id, similarity
    FROM (
      SELECT v.id, reelbase.unit_cosine(v.content_embedding, $1) AS similarity
      FROM market.analyzed_videos v
      WHERE v.content_embedding IS NOT NULL AND v.id IS DISTINCT FROM $2
        \(listCondition)
      OFFSET 0
    ) s
    WHERE similarity IS NOT NULL
    ORDER BY similarity DESC, id
    LIMIT $3
    """
  }
  private static let argumentTypes = [RbOid(RB_FLOAT4ARRAYOID), uuid, RbOid(RB_INT4OID)]
  static let exact = PreparedStatement(scan(""), argumentTypes)
  static let probe = PreparedStatement(
    scan("AND v.id = ANY ($4)"), argumentTypes + [RbOid(RB_UUIDARRAYOID)])
  static let embedding = PreparedStatement(
    "SELECT content_embedding FROM market.analyzed_videos WHERE id = $1", [uuid])

  static func matchCount(_ call: FunctionCall, _ name: String) throws -> Int32 {
    let count: Int32 = try call.required(1, name)
    guard (1...maxMatchCount).contains(count) else {
      throw PGError.invalidParameter("\(name) must be between 1 and \(maxMatchCount), got \(count)")
    }
    return count
  }

  static func search(_ call: FunctionCall) throws -> RbDatum? {
    if call.isNull(0) { throw PGError.nullArgument("query_embedding") }
    let query = try QueryVector(datum: call.datum(0), dimension: dimension, argument: "query_embedding")
    let count = try matchCount(call, "match_count")
    let sink = try TupleSink(call)
    try SPI.connect { try run(query, excluding: nil, count: count, into: sink) }
    return nil
  }

  static func similar(_ call: FunctionCall) throws -> RbDatum? {
    let videoID: UUIDValue = try call.required(0, "p_video_id")
    let count = try matchCount(call, "p_match_count")
    let sink = try TupleSink(call)
    try SPI.connect {
      let videoDatum = try videoID.makeDatum()
      let r = try SPI.execute(embedding, [videoDatum], readOnly: true)
      guard r.rowCount == 1 else { throw PGError.missingReference("analysed video \(videoID) does not exist") }
      guard let stored = try r.row(0).datum("content_embedding") else {
        throw PGError(sqlstate: "55000", message: "analysed video \(videoID) has no content_embedding",
                      hint: "Store its embedding in market.analyzed_videos.content_embedding first.")
      }
      let query = try QueryVector(datum: stored, dimension: dimension,
                                  argument: "the content_embedding of video \(videoID)")
      try run(query, excluding: videoDatum, count: count, into: sink)
    }
    return nil
  }

  private static func run(_ query: QueryVector, excluding: RbDatum?, count: Int32, into sink: TupleSink) throws {
    let arguments: [RbDatum?] = [try query.makeDatum(), excluding, count.makeDatum()]
    let result = try VectorSearch.run(index: indexName, query: query, exact: exact, probe: probe,
                                      arguments: arguments, wanted: Int(count))
    let id = try result.column("id"), similarity = try result.column("similarity")
    for row in result.rows {
      try sink.append([try row.datum(id), try row.datum(similarity)])
    }
  }
}

@_cdecl("rbx_market_search_videos")
func rbx_market_search_videos(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, SimilarVideos.search)
}

@_cdecl("rbx_market_similar_videos")
func rbx_market_similar_videos(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, SimilarVideos.similar)
}
