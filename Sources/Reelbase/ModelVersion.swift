import Foundation
import PostgresNIO

/// A trained preference model (`market.model_versions`). At most one is active; its weights
/// score videos (``ReelbaseQueryable/scoreVideo(videoID:modelVersionID:)``). Administrators
/// only.
public struct ModelVersion: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The version's name (`v1.0`); unique.
  public var versionTag: String
  /// When it was trained.
  public var trainedAt: Date
  /// How many rated videos it was trained on.
  public var trainingVideoCount: Int
  /// Weight per feature, keyed by dotted path into `visual_analysis`, as stored (see
  /// ``weights``).
  public var featureWeights: JSONValue
  /// Evaluation figures, e.g. `{"mae": 0.12, "rmse": 0.15, "r2": 0.68}`.
  public var accuracyMetrics: JSONValue
  /// Notes.
  public var notes: String?
  /// Whether this is the active model (NULL in the column reads as false).
  public var isActive: Bool

  /// The numeric members of ``featureWeights``.
  public var weights: [String: Double] {
    (featureWeights.objectValue ?? [:]).compactMapValues(\.numberValue)
  }

  static let columns = """
    id, version_tag, trained_at, training_video_count, feature_weights, accuracy_metrics, notes,
    is_active
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "market.model_versions")
    id = try r("id")
    versionTag = try r("version_tag")
    trainedAt = try r("trained_at")
    trainingVideoCount = try r("training_video_count")
    featureWeights = try r("feature_weights")
    accuracyMetrics = try r("accuracy_metrics")
    notes = try r.optional("notes")
    isActive = try r.optional("is_active", as: Bool.self) ?? false
  }
}
