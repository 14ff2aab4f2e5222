/// One feature of a ``FeatureImportanceSnapshot``: `{feature, correlation, rank}` (seed 000
/// section 4.1).
public struct FeatureImportance: Sendable, Hashable {
  /// The feature's dotted path into `visual_analysis`.
  public var feature: String
  /// Its correlation with the ratings (-1 to 1).
  public var correlation: Double
  /// Its rank in the list (1 = strongest).
  public var rank: Int

  /// Makes an entry.
  /// - Parameters:
  ///   - feature: The dotted path.
  ///   - correlation: The correlation.
  ///   - rank: The rank.
  public init(feature: String, correlation: Double, rank: Int) {
    self.feature = feature
    self.correlation = correlation
    self.rank = rank
  }

  /// Reads an entry; nil when `feature`, `correlation` or a whole `rank` is missing.
  /// - Parameter json: One element of `top_positive_features` or `top_negative_features`.
  public init?(json: JSONValue) {
    guard let feature = json["feature"]?.stringValue,
      let correlation = json["correlation"]?.numberValue,
      let rankNumber = json["rank"]?.numberValue, rankNumber.rounded() == rankNumber,
      let rank = Int(exactly: rankNumber)
    else { return nil }
    self.init(feature: feature, correlation: correlation, rank: rank)
  }

  /// The entry as stored.
  public var json: JSONValue {
    ["feature": .string(feature), "correlation": .number(correlation), "rank": .number(Double(rank))]
  }
}
