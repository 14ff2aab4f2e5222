import Foundation
import PostgresNIO

/// A rating of an analysed video by its owner or an agent (`market.video_ratings`): the
/// ground truth the preference model trains on. One rating per rater per video.
/// Administrators only.
public struct VideoRating: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The rated video (`market.analyzed_videos.id`).
  public var videoID: UUID
  /// The overall score, 0 to 1 (the primary target variable).
  public var overallScore: Double
  /// The per-dimension scores, as stored (see ``dimensionScores``).
  public var dimensions: JSONValue
  /// Free-text notes.
  public var notes: String?
  /// Tags.
  public var tags: [String]?
  /// The model's guess before the rating, with the `user_disagreement` member the server
  /// computes from the rating.
  public var aiPrediction: JSONValue?
  /// When it was rated.
  public var ratedAt: Date?
  /// Who rated (the identity of the rating transaction unless given).
  public var raterID: UUID
  /// Owner or agent.
  public var raterType: RaterType

  /// The five known dimensions of ``dimensions``.
  public var dimensionScores: RatingDimensions { RatingDimensions(json: dimensions) }

  /// The server-computed `ai_prediction.user_disagreement`, if any.
  public var userDisagreement: JSONValue? { aiPrediction?["user_disagreement"] }

  static let columns = """
    id, video_id, overall_score, dimensions, notes, tags, ai_prediction, rated_at, rater_id,
    rater_type
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "market.video_ratings")
    id = try r("id")
    videoID = try r("video_id")
    overallScore = try r("overall_score")
    dimensions = try r("dimensions")
    notes = try r.optional("notes")
    tags = try r.optional("tags")
    aiPrediction = try r.optional("ai_prediction")
    ratedAt = try r.optional("rated_at")
    raterID = try r("rater_id")
    raterType = try r("rater_type")
  }
}
