import PostgresNIO

/// The platform a video lives on (`market.analyzed_videos.platform`,
/// `market.produced_content.platform`).
public typealias VideoPlatform = TextValue<VideoPlatformKind>
/// The kind of ``VideoPlatform``.
public enum VideoPlatformKind: TextValueKind {}
extension TextValue where Kind == VideoPlatformKind {
  public static var tiktok: Self { "tiktok" }
  public static var instagram: Self { "instagram" }
  public static var youtube: Self { "youtube" }
}

/// Where a listing window is in its life (`market.listing_windows.status`): `active` ->
/// `sold_out` (a cap reached) or `expired` (past `window_end`), then `archived` (by the sweeps).
public typealias ListingStatus = TextValue<ListingStatusKind>
/// The kind of ``ListingStatus``.
public enum ListingStatusKind: TextValueKind {}
extension TextValue where Kind == ListingStatusKind {
  public static var active: Self { "active" }
  public static var soldOut: Self { "sold_out" }
  public static var expired: Self { "expired" }
  public static var archived: Self { "archived" }
}

/// The state of a purchase's 12% cashback (`market.transactions.cashback_status`): `pending`
/// -> `claimed` (produced content verified) or `expired` (30 days without content submitted
/// in time).
public typealias CashbackStatus = TextValue<CashbackStatusKind>
/// The kind of ``CashbackStatus``.
public enum CashbackStatusKind: TextValueKind {}
extension TextValue where Kind == CashbackStatusKind {
  public static var pending: Self { "pending" }
  public static var claimed: Self { "claimed" }
  public static var expired: Self { "expired" }
}

/// The kind of a viewer overlay (`market.viewer_overlays.overlay_type`).
public typealias OverlayType = TextValue<OverlayTypeKind>
/// The kind of ``OverlayType``.
public enum OverlayTypeKind: TextValueKind {}
extension TextValue where Kind == OverlayTypeKind {
  public static var subtitle: Self { "subtitle" }
  /// A named section of the video (HOOK, PAYOFF, ...).
  public static var sceneMarker: Self { "scene_marker" }
  public static var timingCue: Self { "timing_cue" }
}

/// Who rated a video (`market.video_ratings.rater_type`): the marketplace's owner (a human,
/// the default) or an AI agent.
public typealias RaterType = TextValue<RaterTypeKind>
/// The kind of ``RaterType``.
public enum RaterTypeKind: TextValueKind {}
extension TextValue where Kind == RaterTypeKind {
  public static var owner: Self { "owner" }
  public static var agent: Self { "agent" }
}

/// The per-dimension scores of a rating or a prediction, each 0 to 1 (seed 000 section 1.2:
/// `market.video_ratings.dimensions`), bound as `jsonb`. A nil dimension is left out; a rating
/// needs all five (the server refuses a partial one with 22023).
public struct RatingDimensions: Sendable, Hashable, Codable, PostgresCodable {
  public var hook: Double?
  public var pacing: Double?
  public var payoff: Double?
  public var originality: Double?
  public var rewatchable: Double?

  public init(
    hook: Double? = nil, pacing: Double? = nil, payoff: Double? = nil, originality: Double? = nil,
    rewatchable: Double? = nil
  ) {
    (self.hook, self.pacing, self.payoff) = (hook, pacing, payoff)
    (self.originality, self.rewatchable) = (originality, rewatchable)
  }
}

/// Scraped figures of produced content (seed 000 section 3.3:
/// `market.produced_content.performance_metrics`), bound as `jsonb`; a nil figure is left out.
public struct PerformanceMetrics: Sendable, Hashable, Codable, PostgresCodable {
  public var views: Int?
  public var likes: Int?
  public var shares: Int?
  public var comments: Int?
  /// When the figures were scraped, as ISO 8601 text (`2025-12-10T00:00:00Z`), as stored.
  public var scrapedAt: String?

  enum CodingKeys: String, CodingKey {
    case views, likes, shares, comments
    case scrapedAt = "scraped_at"
  }

  public init(
    views: Int? = nil, likes: Int? = nil, shares: Int? = nil, comments: Int? = nil,
    scrapedAt: String? = nil
  ) {
    (self.views, self.likes, self.shares) = (views, likes, shares)
    (self.comments, self.scrapedAt) = (comments, scrapedAt)
  }
}

/// One feature of a ``FeatureImportanceSnapshot``: `{feature, correlation, rank}` (seed 000
/// section 4.1).
public struct FeatureImportance: Sendable, Hashable {
  /// The feature's dotted path into `visual_analysis`.
  public var feature: String
  /// Its correlation with the ratings (-1 to 1).
  public var correlation: Double
  /// Its rank in the list (1 = strongest).
  public var rank: Int

  public init(feature: String, correlation: Double, rank: Int) {
    (self.feature, self.correlation, self.rank) = (feature, correlation, rank)
  }

  /// Reads an entry; nil when `feature`, `correlation` or a whole `rank` is missing.
  /// - Parameter json: One element of `top_positive_features` or `top_negative_features`.
  public init?(json: JSONValue) {
    guard let feature = json["feature"]?.stringValue,
      let correlation = json["correlation"]?.numberValue,
      let rank = json["rank"]?.numberValue.flatMap({ Int(exactly: $0) })
    else { return nil }
    self.init(feature: feature, correlation: correlation, rank: rank)
  }

  /// The entry as stored.
  public var json: JSONValue {
    ["feature": .string(feature), "correlation": .number(correlation), "rank": .number(Double(rank))]
  }
}
