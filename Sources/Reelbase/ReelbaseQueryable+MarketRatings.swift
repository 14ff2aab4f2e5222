import Foundation
import PostgresNIO

/// Ratings of analysed videos (release 0.4.0): `market.video_ratings` and the administrators'
/// views of them, `market.rating_disagreements` and `market.video_rating_summary`.
///
/// The server checks `dimensions` (all five of hook, pacing, payoff, originality and
/// rewatchable, each 0 to 1) and computes `ai_prediction.user_disagreement` from the rating.
extension ReelbaseQueryable {
  /// Rates an analysed video, or replaces the rater's earlier rating of it (administrators).
  /// The server computes `ai_prediction.user_disagreement` from the rating.
  /// - Parameters:
  ///   - videoID: The analysed video.
  ///   - overallScore: 0 to 1.
  ///   - dimensions: The per-dimension scores, each 0 to 1.
  ///   - notes: Free-text notes.
  ///   - tags: Tags.
  ///   - aiPrediction: The model's guess before the rating (`overall`, `dimensions`, ...).
  ///   - raterID: Who rated; nil uses the transaction's identity (`reelbase.current_user_id()`).
  ///   - raterType: Owner or agent; owner by default, as in SQL.
  ///   - ratedAt: When; nil uses the server's `now()`.
  /// - Returns: The stored rating.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` for an unknown or missing
  ///   dimension or a prediction off the 0-1 scale (22023), a score out of range (23514), no
  ///   rater (23502); ``ReelbaseError/Code/notFound`` for
  ///   an unknown video (23503).
  @discardableResult
  public func rateVideo(
    videoID: UUID, overallScore: Double, dimensions: RatingDimensions, notes: String? = nil,
    tags: [String]? = nil, aiPrediction: JSONValue? = nil, raterID: UUID? = nil,
    raterType: RaterType = .owner, ratedAt: Date? = nil
  ) async throws -> VideoRating {
    let dimensionsJSON = dimensions.json
    let query: PostgresQuery = try """
      INSERT INTO market.video_ratings
        (video_id, overall_score, dimensions, notes, tags, ai_prediction, rater_id, rater_type,
         rated_at)
      VALUES (\(videoID), \(overallScore), \(dimensionsJSON), \(notes), \(tags), \(aiPrediction),
        COALESCE(\(raterID), reelbase.current_user_id()), \(raterType), COALESCE(\(ratedAt), now()))
      ON CONFLICT ON CONSTRAINT video_ratings_unique_rater DO UPDATE
      SET overall_score = EXCLUDED.overall_score, dimensions = EXCLUDED.dimensions,
          notes = EXCLUDED.notes, tags = EXCLUDED.tags, ai_prediction = EXCLUDED.ai_prediction,
          rater_type = EXCLUDED.rater_type, rated_at = EXCLUDED.rated_at
      RETURNING \(unescaped: VideoRating.columns)
      """
    return try await insertedRow(query, VideoRating.init(row:), "market.video_ratings")
  }

  /// Lists ratings, newest first.
  /// - Parameters:
  ///   - videoID: Only this video's; any by default.
  ///   - raterType: Only this kind of rater's; any by default.
  ///   - limit: At most this many; 100 by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The ratings.
  /// - Throws: ``ReelbaseError``.
  public func listVideoRatings(
    videoID: UUID? = nil, raterType: RaterType? = nil, limit: Int = 100,
    readFrom: ReadPreference = .replica
  ) async throws -> [VideoRating] {
    try await all(
      """
      SELECT \(unescaped: VideoRating.columns) FROM market.video_ratings
      WHERE (\(videoID)::uuid IS NULL OR video_id = \(videoID))
        AND (\(raterType)::text IS NULL OR rater_type = \(raterType))
      ORDER BY rated_at DESC NULLS LAST, id LIMIT \(limit)
      """,
      .read(readFrom), VideoRating.init(row:))
  }

  /// Where ratings disagree with the AI's prediction (`market.rating_disagreements`): one
  /// row per rating and compared dimension (`overall`, `hook`, ...).
  /// - Parameters:
  ///   - videoID: Only this video's ratings; any by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The disagreements, by rating and dimension.
  /// - Throws: ``ReelbaseError``.
  public func listRatingDisagreements(videoID: UUID? = nil, readFrom: ReadPreference = .replica)
    async throws -> [RatingDisagreement]
  {
    try await all(
      """
      SELECT \(unescaped: RatingDisagreement.columns) FROM market.rating_disagreements
      WHERE (\(videoID)::uuid IS NULL OR video_id = \(videoID))
      ORDER BY rated_at DESC NULLS LAST, rating_id, dimension
      """,
      .read(readFrom), RatingDisagreement.init(row:))
  }

  /// How raters agree on a video (`market.video_rating_summary`).
  /// - Parameters:
  ///   - videoID: The analysed video.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The summary, or nil when the video has no rating.
  /// - Throws: ``ReelbaseError``.
  public func getVideoRatingSummary(videoID: UUID, readFrom: ReadPreference = .replica)
    async throws -> VideoRatingSummary?
  {
    try await all(
      """
      SELECT \(unescaped: VideoRatingSummary.columns) FROM market.video_rating_summary
      WHERE video_id = \(videoID)
      """,
      .read(readFrom), VideoRatingSummary.init(row:)
    ).first
  }
}
