import Foundation
import PostgresNIO

/// One compared dimension of a rating against the AI's prediction
/// (`market.rating_disagreements`).
public struct RatingDisagreement: Sendable, Hashable {
  /// The rating.
  public var ratingID: UUID
  /// The rated video.
  public var videoID: UUID
  /// Who rated.
  public var raterID: UUID
  /// Owner or agent.
  public var raterType: RaterType
  /// When it was rated.
  public var ratedAt: Date?
  /// `overall`, or a dimension (`hook`, `pacing`, ...).
  public var dimension: String
  /// The rater's value.
  public var rated: Double?
  /// The AI's prediction.
  public var predicted: Double?
  /// `rated - predicted`, rounded to 4 decimals; negative when the rater liked it less.
  public var delta: Double?

  static let columns = "rating_id, video_id, rater_id, rater_type, rated_at, dimension, rated, predicted, delta"

  init(row: PostgresRow) throws {
    let r = RowReader(row, "market.rating_disagreements")
    ratingID = try r("rating_id")
    videoID = try r("video_id")
    raterID = try r("rater_id")
    raterType = try r("rater_type")
    ratedAt = try r.optional("rated_at")
    dimension = try r("dimension")
    rated = try r.optional("rated")
    predicted = try r.optional("predicted")
    delta = try r.optional("delta")
  }
}
