import Foundation
import PostgresNIO

/// Which features predicted high and low ratings at a point in a model's training
/// (`market.feature_importance_snapshots`). Administrators only.
public struct FeatureImportanceSnapshot: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The model.
  public var modelVersionID: UUID
  /// When it was taken.
  public var snapshotAt: Date?
  /// How many ratings the model had then.
  public var trainingCount: Int
  /// Features that predict high ratings, as stored (a JSON array; see ``positiveFeatures``).
  public var topPositiveFeatures: JSONValue
  /// Features that predict low ratings, as stored (see ``negativeFeatures``).
  public var topNegativeFeatures: JSONValue
  /// Features removed from the model.
  public var prunedFeatures: [String]?
  /// Notes.
  public var notes: String?

  /// The entries of ``topPositiveFeatures`` that have the seed's shape, in stored order.
  public var positiveFeatures: [FeatureImportance] { Self.entries(topPositiveFeatures) }
  /// The entries of ``topNegativeFeatures`` that have the seed's shape, in stored order.
  public var negativeFeatures: [FeatureImportance] { Self.entries(topNegativeFeatures) }

  private static func entries(_ json: JSONValue) -> [FeatureImportance] {
    guard case .array(let elements) = json else { return [] }
    return elements.compactMap(FeatureImportance.init(json:))
  }

  static let columns = """
    id, model_version_id, snapshot_at, training_count, top_positive_features,
    top_negative_features, pruned_features, notes
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "market.feature_importance_snapshots")
    id = try r("id")
    modelVersionID = try r("model_version_id")
    snapshotAt = try r.optional("snapshot_at")
    trainingCount = try r("training_count")
    topPositiveFeatures = try r("top_positive_features")
    topNegativeFeatures = try r("top_negative_features")
    prunedFeatures = try r.optional("pruned_features")
    notes = try r.optional("notes")
  }
}
