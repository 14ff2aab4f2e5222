import Foundation
import PostgresNIO

/// How the raters of one video agree (`market.video_rating_summary`).
public struct VideoRatingSummary: Sendable, Hashable, Identifiable {
  /// The analysed video.
  public var videoID: UUID
  /// Ratings in all.
  public var raterCount: Int
  /// Ratings by the owner.
  public var ownerCount: Int
  /// Ratings by agents.
  public var agentCount: Int
  /// Mean overall score.
  public var meanOverall: Double
  /// Population standard deviation of the overall scores.
  public var overallStddev: Double?
  /// Highest minus lowest overall score.
  public var overallRange: Double
  /// The owner's overall score (their mean, if several owner ratings).
  public var ownerOverall: Double?
  /// The agents' mean overall score.
  public var agentMeanOverall: Double?
  /// Agents' mean minus the owner's score; nil unless both rated.
  public var agentOwnerSpread: Double?
  /// Mean disagreement with the AI's overall prediction.
  public var meanAIOverallDelta: Double?
  /// The latest rating's time.
  public var lastRatedAt: Date?

  /// The video (``videoID``).
  public var id: UUID { videoID }

  static let columns = """
    video_id, rater_count, owner_count, agent_count, mean_overall, overall_stddev, overall_range,
    owner_overall, agent_mean_overall, agent_owner_spread, mean_ai_overall_delta, last_rated_at
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "market.video_rating_summary")
    videoID = try r("video_id")
    raterCount = try r("rater_count")
    ownerCount = try r("owner_count")
    agentCount = try r("agent_count")
    meanOverall = try r("mean_overall")
    overallStddev = try r.optional("overall_stddev")
    overallRange = try r("overall_range")
    ownerOverall = try r.optional("owner_overall")
    agentMeanOverall = try r.optional("agent_mean_overall")
    agentOwnerSpread = try r.optional("agent_owner_spread")
    meanAIOverallDelta = try r.optional("mean_ai_overall_delta")
    lastRatedAt = try r.optional("last_rated_at")
  }
}
