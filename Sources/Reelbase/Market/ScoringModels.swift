import Foundation

/// A trained preference model (`market.model_versions`). At most one is active (a unique
/// index: a second is ``ReelbaseError/Code/duplicate``); switch with
/// ``ReelbaseQueryable/activateModelVersion(id:)``. Its weights score videos
/// (``ReelbaseQueryable/scoreVideo(videoID:modelVersionID:)``). Administrators only.
public struct ModelVersion: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "market.model_versions"
  public var id = UUID()
  /// The version's name (`v1.0`); unique.
  public var versionTag = ""
  public var trainedAt = Date()
  /// How many rated videos it was trained on.
  public var trainingVideoCount = 0
  /// Weight per feature, keyed by dotted path into `visual_analysis`, as stored (see
  /// ``weights``).
  public var featureWeights: JSONValue = [:]
  /// Evaluation figures, e.g. `{"mae": 0.12, "rmse": 0.15, "r2": 0.68}`.
  public var accuracyMetrics: JSONValue = [:]
  public var notes: String?
  public var isActive = false

  /// The numeric members of ``featureWeights``; setting it replaces them.
  public var weights: [String: Double] {
    get { (featureWeights.objectValue ?? [:]).compactMapValues(\.numberValue) }
    set { featureWeights = .object(newValue.mapValues { .number($0) }) }
  }

  public init() {}
}

/// Which features predicted high and low ratings at a point in a model's training
/// (`market.feature_importance_snapshots`). Administrators only.
public struct FeatureImportanceSnapshot: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "market.feature_importance_snapshots"
  public var id = UUID()
  public var modelVersionID = UUID()
  /// When it was taken; nil on insert stamps the server's `now()`.
  public var snapshotAt: Date?
  /// How many ratings the model had then.
  public var trainingCount = 0
  /// Features that predict high ratings, as stored (a JSON array; see ``positiveFeatures``).
  public var topPositiveFeatures: JSONValue = []
  /// Features that predict low ratings, as stored (see ``negativeFeatures``).
  public var topNegativeFeatures: JSONValue = []
  /// Features removed from the model.
  public var prunedFeatures: [String]?
  public var notes: String?

  /// The entries of ``topPositiveFeatures`` that have the seed's shape, in stored order.
  public var positiveFeatures: [FeatureImportance] {
    get { Self.entries(topPositiveFeatures) }
    set { topPositiveFeatures = .array(newValue.map(\.json)) }
  }
  /// The entries of ``topNegativeFeatures`` that have the seed's shape, in stored order.
  public var negativeFeatures: [FeatureImportance] {
    get { Self.entries(topNegativeFeatures) }
    set { topNegativeFeatures = .array(newValue.map(\.json)) }
  }

  private static func entries(_ json: JSONValue) -> [FeatureImportance] {
    guard case .array(let elements) = json else { return [] }
    return elements.compactMap(FeatureImportance.init(json:))
  }

  public init() {}
}

/// A rating of an analysed video by its owner or an agent (`market.video_ratings`): the
/// ground truth the preference model trains on. One rating per rater per video; write it with
/// ``ReelbaseQueryable/rateVideo(videoID:overallScore:dimensions:notes:tags:aiPrediction:raterID:raterType:ratedAt:)``.
/// Administrators only.
public struct VideoRating: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "market.video_ratings"
  public var id = UUID()
  /// The rated video (`market.analyzed_videos.id`).
  public var videoID = UUID()
  /// 0 to 1 (the primary target variable).
  public var overallScore = 0.0
  public var dimensions = RatingDimensions()
  public var notes: String?
  public var tags: [String]?
  /// The model's guess before the rating, with the `user_disagreement` member the server
  /// computes from the rating.
  public var aiPrediction: JSONValue?
  public var ratedAt: Date?
  /// Who rated. ``ReelbaseQueryable/rateVideo(videoID:overallScore:dimensions:notes:tags:aiPrediction:raterID:raterType:ratedAt:)``
  /// defaults it to the transaction's identity, as the column does; this default is a new id.
  public var raterID = UUID()
  public var raterType = RaterType.owner

  /// The server-computed `ai_prediction.user_disagreement`, if any.
  public var userDisagreement: JSONValue? { aiPrediction?["user_disagreement"] }

  public init() {}
}

/// How the raters of one video agree (the view `market.video_rating_summary`).
public struct VideoRatingSummary: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "market.video_rating_summary"
  public static var primaryKey: [String] { ["video_id"] }
  public var videoID = UUID()
  public var raterCount = 0
  public var ownerCount = 0
  public var agentCount = 0
  public var meanOverall = 0.0
  /// Population standard deviation of the overall scores.
  public var overallStddev: Double?
  /// Highest minus lowest overall score.
  public var overallRange = 0.0
  /// The owner's overall score (their mean, if several owner ratings).
  public var ownerOverall: Double?
  public var agentMeanOverall: Double?
  /// Agents' mean minus the owner's score; nil unless both rated.
  public var agentOwnerSpread: Double?
  /// Mean disagreement with the AI's overall prediction.
  public var meanAIOverallDelta: Double?
  public var lastRatedAt: Date?
  /// The video (``videoID``).
  public var id: UUID { videoID }
  public init() {}
}

/// One compared dimension of a rating against the AI's prediction (the view
/// `market.rating_disagreements`).
public struct RatingDisagreement: ReelbaseTable, Hashable {
  public static let tableName = "market.rating_disagreements"
  public static var primaryKey: [String] { ["rating_id", "dimension"] }
  public var ratingID = UUID()
  public var videoID = UUID()
  public var raterID = UUID()
  public var raterType = RaterType.owner
  public var ratedAt: Date?
  /// `overall`, or a dimension (`hook`, `pacing`, ...).
  public var dimension = ""
  /// The rater's value.
  public var rated: Double?
  /// The AI's prediction.
  public var predicted: Double?
  /// `rated - predicted`, rounded to 4 decimals; negative when the rater liked it less.
  public var delta: Double?
  public init() {}
}
