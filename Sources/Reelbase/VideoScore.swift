import PostgresNIO

/// A video scored by a model (``ReelbaseQueryable/scoreVideo(videoID:modelVersionID:)``).
public struct VideoScore: Sendable, Hashable {
  /// The weighted sum of the video's features.
  public var rawScore: Double
  /// The raw score mapped onto the seed's 0-10 scale.
  public var viralityScore: Double
  /// Weighted features the analysis had a usable value for.
  public var featuresUsed: Int
  /// Weighted features missing from the analysis (or not a number or boolean).
  public var featuresMissing: Int

  init(row: PostgresRow) throws {
    let r = RowReader(row, "market.score_video")
    rawScore = try r("raw_score")
    viralityScore = try r("virality_score")
    featuresUsed = try r("features_used")
    featuresMissing = try r("features_missing")
  }
}
