/// The per-dimension scores of a rating or a prediction, each 0 to 1 (seed 000 section 1.2:
/// `dimensions` of `market.video_ratings`, and of its `ai_prediction`). A dimension left nil
/// is not written; a rating needs all five (the server refuses a partial one with 22023), a
/// prediction may have any of them.
public struct RatingDimensions: Sendable, Hashable {
  /// How well the first seconds catch attention.
  public var hook: Double?
  /// How well the video is paced.
  public var pacing: Double?
  /// How well the ending pays off.
  public var payoff: Double?
  /// How original it is.
  public var originality: Double?
  /// How much it invites watching again.
  public var rewatchable: Double?

  /// Makes a set of scores.
  /// - Parameters:
  ///   - hook: `hook`, 0 to 1.
  ///   - pacing: `pacing`, 0 to 1.
  ///   - payoff: `payoff`, 0 to 1.
  ///   - originality: `originality`, 0 to 1.
  ///   - rewatchable: `rewatchable`, 0 to 1.
  public init(
    hook: Double? = nil, pacing: Double? = nil, payoff: Double? = nil, originality: Double? = nil,
    rewatchable: Double? = nil
  ) {
    self.hook = hook
    self.pacing = pacing
    self.payoff = payoff
    self.originality = originality
    self.rewatchable = rewatchable
  }

  /// Reads the five known members of a JSON object; other members and non-numbers are ignored.
  /// - Parameter json: A `dimensions` object.
  public init(json: JSONValue) {
    hook = json["hook"]?.numberValue
    pacing = json["pacing"]?.numberValue
    payoff = json["payoff"]?.numberValue
    originality = json["originality"]?.numberValue
    rewatchable = json["rewatchable"]?.numberValue
  }

  /// The scores as the JSON object stored in the column (nil scores left out).
  public var json: JSONValue {
    var members: [String: JSONValue] = [:]
    let pairs: [(String, Double?)] = [
      ("hook", hook), ("pacing", pacing), ("payoff", payoff), ("originality", originality),
      ("rewatchable", rewatchable),
    ]
    for (key, value) in pairs {
      if let value { members[key] = .number(value) }
    }
    return .object(members)
  }
}
