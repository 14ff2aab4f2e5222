import Foundation
import PostgresNIO

/// A video scored by a model (``ReelbaseQueryable/scoreVideo(videoID:modelVersionID:)``).
public struct VideoScore: ReelbaseRow, Hashable {
  /// The weighted sum of the video's features.
  public var rawScore: Double
  /// The raw score mapped onto the seed's 0-10 scale.
  public var viralityScore: Double
  /// Weighted features the analysis had a usable value for.
  public var featuresUsed: Int
  /// Weighted features missing from the analysis (or not a number or boolean).
  public var featuresMissing: Int
}

/// An analysed video found by embedding similarity
/// (``ReelbaseQueryable/similarVideos(videoID:matchCount:readFrom:)``,
/// ``ReelbaseQueryable/searchVideos(queryEmbedding:matchCount:readFrom:)``).
public struct SimilarVideo: ReelbaseRow, Hashable, Identifiable {
  public var videoID: UUID
  /// Cosine similarity to the query, -1 to 1.
  public var similarity: Float
  public var id: UUID { videoID }
}

/// The market's preference models, ratings, scoring and embedding searches (release 0.4.0).
/// Administrators only: buyers get ``ReelbaseError/Code/permissionDenied`` (42501).
extension ReelbaseQueryable {
  /// Makes a model version the active one, deactivating the previous one in the same
  /// statement; nil (nothing changes) for an unknown id. A named write because two
  /// ``update(_:only:)`` calls would meet the single-active index or leave no active model.
  /// ``ReelbaseError/Code/conflict`` when another activation ran concurrently (retryable).
  @discardableResult
  public func activateModelVersion(id: UUID) async throws -> ModelVersion? {
    // The outer UPDATE's condition reads the CTE through a scalar subquery (an init plan, run
    // before any of its rows), so the old row is inactive before the unique index meets the
    // new one; the CTE changes nothing unless the target exists.
    try await rows(
      """
      WITH target AS (SELECT id FROM market.model_versions WHERE id = \(id)),
      deactivated AS (
        UPDATE market.model_versions SET is_active = false
        WHERE is_active AND id <> \(id) AND EXISTS (SELECT 1 FROM target)
        RETURNING id)
      UPDATE market.model_versions SET is_active = true
      WHERE id = \(id) AND (SELECT count(*) FROM deactivated) >= 0
      RETURNING \(unescaped: ModelVersion.columns.joined(separator: ", "))
      """, .write
    ).first.map { try ModelVersion(row: $0, context: ModelVersion.tableName) }
  }

  /// Rates an analysed video, or replaces the rater's earlier rating of it; the server computes
  /// `ai_prediction.user_disagreement`. `raterID` nil is the transaction's identity, `ratedAt`
  /// nil is `now()`. A named write because it is an upsert on (video, rater). Refusals: 22023
  /// ``ReelbaseError/Code/invalidInput`` (a missing or unknown dimension), 23514 (a score out of
  /// range), 23502 (no rater), 23503 ``ReelbaseError/Code/notFound`` (unknown video).
  @discardableResult
  public func rateVideo(
    videoID: UUID, overallScore: Double, dimensions: RatingDimensions, notes: String? = nil,
    tags: [String]? = nil, aiPrediction: JSONValue? = nil, raterID: UUID? = nil,
    raterType: RaterType = .owner, ratedAt: Date? = nil
  ) async throws -> VideoRating {
    try await oneRow(
      """
      INSERT INTO market.video_ratings
        (video_id, overall_score, dimensions, notes, tags, ai_prediction, rater_id, rater_type, rated_at)
      VALUES (\(videoID), \(overallScore), \(dimensions), \(notes), \(tags), \(aiPrediction),
        COALESCE(\(raterID), reelbase.current_user_id()), \(raterType), COALESCE(\(ratedAt), now()))
      ON CONFLICT ON CONSTRAINT video_ratings_unique_rater DO UPDATE
      SET overall_score = EXCLUDED.overall_score, dimensions = EXCLUDED.dimensions,
          notes = EXCLUDED.notes, tags = EXCLUDED.tags, ai_prediction = EXCLUDED.ai_prediction,
          rater_type = EXCLUDED.rater_type, rated_at = EXCLUDED.rated_at
      RETURNING \(unescaped: VideoRating.columns.joined(separator: ", "))
      """, VideoRating.self, "INSERT INTO")
  }

  /// `market.score_video`: scores an analysed video with a model (nil: the active one).
  /// Refusals: 23503 ``ReelbaseError/Code/notFound`` (video or model), 55000
  /// ``ReelbaseError/Code/invalidState`` (no active model, no analysis), 22023 (a non-numeric
  /// weight).
  public func scoreVideo(videoID: UUID, modelVersionID: UUID? = nil) async throws -> VideoScore {
    let scores: [VideoScore] = try await call(
      "market.score_video", ["p_video_id": videoID, "p_model_version_id": modelVersionID])
    guard let score = scores.first else {
      throw ReelbaseError(.unexpectedResponse, "market.score_video returned no row")
    }
    return score
  }

  /// `market.score_concept`: scores the concept's source video and stores the score and the
  /// model on the concept; returns the score, 0 to 10. Refusals as
  /// ``scoreVideo(videoID:modelVersionID:)``, and 23503 for an unknown concept.
  @discardableResult
  public func scoreConcept(conceptID: UUID, modelVersionID: UUID? = nil) async throws -> Double {
    try await required("market.score_concept", ["p_concept_id": conceptID, "p_model_version_id": modelVersionID])
  }

  /// `market.virality_score`: the 0-10 score feature weights give a visual analysis, by the
  /// rules of ``scoreVideo(videoID:modelVersionID:)``, to try weights before storing a model.
  /// 22023 ``ReelbaseError/Code/invalidInput`` when the analysis is not a JSON object.
  public func viralityScore(
    visualAnalysis: JSONValue, featureWeights: [String: Double], readFrom: ReadPreference = .replica
  ) async throws -> Double {
    let weights = JSONValue.object(featureWeights.mapValues { .number($0) })
    return try await required(
      "market.virality_score", ["p_visual_analysis": visualAnalysis, "p_feature_weights": weights],
      .read(readFrom))
  }

  /// `market.similar_videos`: the analysed videos most similar to one, best first, itself
  /// excluded. Refusals: 23503 ``ReelbaseError/Code/notFound``, 55000
  /// ``ReelbaseError/Code/invalidState`` (no embedding), 22023 (a count outside 1...1000).
  public func similarVideos(videoID: UUID, matchCount: Int = 10, readFrom: ReadPreference = .replica)
    async throws -> [SimilarVideo]
  {
    try await call(
      "market.similar_videos", ["p_video_id": videoID, "p_match_count": try integerArgument(matchCount)],
      .read(readFrom))
  }

  /// `market.search_videos`: the analysed videos most similar to a query embedding (1,536
  /// finite values, not all zero), best first. 22023 ``ReelbaseError/Code/invalidInput`` for
  /// another embedding or a count outside 1...1000.
  public func searchVideos(queryEmbedding: [Float], matchCount: Int = 10, readFrom: ReadPreference = .replica)
    async throws -> [SimilarVideo]
  {
    try await call(
      "market.search_videos", ["query_embedding": queryEmbedding, "match_count": try integerArgument(matchCount)],
      .read(readFrom))
  }

  /// `market.build_video_index`: builds or rebuilds the IVF index of the analysed videos'
  /// embeddings (nil arguments: the server chooses); until then searches scan exactly.
  public func buildVideoIndex(lists: Int? = nil, sampleRows: Int? = nil) async throws -> VectorIndexBuild {
    try await oneCall(
      "market.build_video_index",
      ["lists": try lists.map(integerArgument), "sample_rows": try sampleRows.map(integerArgument)])
  }
}
