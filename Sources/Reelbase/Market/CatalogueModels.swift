import Foundation

/// A market, one per country (`market.market_contexts`), with the purchasing-power index that
/// scales the prices listed in it. Readable by everyone, written by administrators.
public struct MarketContext: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "market.market_contexts"
  public var id = UUID()
  /// ISO 3166-1 alpha-2, upper case (`US`, `ID`); unique.
  public var countryCode = ""
  public var regionName = ""
  /// ISO 639-1, lower case (`en`, `id`).
  public var primaryLanguage = ""
  /// Greater than 0, at most 100; 1.0 is the US baseline: a listed price is the base price
  /// times this, rounded to cents.
  public var purchasingPowerIndex = 1.0
  /// 1 to 10; higher pre-generates subtitles.
  public var subtitlePriority: Int? = 5
  /// ISO 4217 (`USD`, `IDR`).
  public var currencyCode = ""
  public var notes: String?
  public var createdAt: Date?
  public init() {}
}

/// An imported platform video with its AI analysis (`market.analyzed_videos`), every column.
/// Administrators only. Read ``AnalyzedVideoSummary`` to leave out the 1,536-value embedding.
public struct AnalyzedVideo: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "market.analyzed_videos"
  public var id = UUID()
  /// The video's URL on its platform.
  public var videoURL = ""
  /// The platform's own video id (column `video_id`, e.g. a TikTok id).
  public var platformVideoID: String?
  public var platform: VideoPlatform? = .tiktok
  /// Platform metadata (a JSON object; shape not defined by the seed).
  public var metadata: JSONValue?
  /// Where the file is stored (`gs://...`).
  public var gcsURI: String?
  /// The AI analysis: 170+ features as nested JSON (seed 000 section 5). Model weights address
  /// them by dotted path (`script.replicability.score`).
  public var visualAnalysis: JSONValue?
  /// The content embedding: 1,536 values (the server refuses another dimension with 23514).
  public var contentEmbedding: [Float]?
  public var createdAt: Date?
  /// When the analysis was made.
  public var analyzedAt: Date?
  /// Legacy seed columns, held NULL by the server (ratings live in ``VideoRating``).
  public var userRatings: JSONValue?
  public var userTags: [String]?
  public var userNotes: String?

  /// Whether the video has a content embedding.
  public var hasEmbedding: Bool { contentEmbedding != nil }

  enum CodingKeys: String, CodingKey {
    case id, videoURL, platformVideoID = "video_id", platform, metadata, gcsURI, visualAnalysis
    case contentEmbedding, createdAt, analyzedAt, userRatings, userTags, userNotes
  }

  public init() {}
}

/// An analysed video without its embedding (`market.analyzed_videos`), for listings: the
/// embedding is 6 KB a row. Reads only.
public struct AnalyzedVideoSummary: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "market.analyzed_videos"
  // Whether there is an embedding, without carrying it.
  public static let columnExpressions = ["has_embedding": "content_embedding IS NOT NULL"]
  public var id = UUID()
  public var videoURL = ""
  /// The platform's own video id (column `video_id`).
  public var platformVideoID: String?
  public var platform: VideoPlatform?
  public var metadata: JSONValue?
  public var gcsURI: String?
  public var visualAnalysis: JSONValue?
  /// Whether the video has a content embedding.
  public var hasEmbedding = false
  public var createdAt: Date?
  public var analyzedAt: Date?

  enum CodingKeys: String, CodingKey {
    case id, videoURL, platformVideoID = "video_id", platform, metadata, gcsURI, visualAnalysis
    case hasEmbedding, createdAt, analyzedAt
  }

  public init() {}
}

/// The IVF list of an analysed video's embedding (`market.analyzed_video_lists`): written by
/// ``ReelbaseQueryable/buildVideoIndex(lists:sampleRows:)`` and a trigger. Administrators only.
public struct AnalyzedVideoList: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "market.analyzed_video_lists"
  public static var primaryKey: [String] { ["video_id"] }
  public var videoID = UUID()
  /// Its list (nearest centroid).
  public var ivfList = 0
  public var id: UUID { videoID }
  public init() {}
}

/// A replicable concept abstracted from a source video (`market.concepts`), every column:
/// administrators only. Buyers are not granted the replication template
/// (`template_description`, `required_elements`, `variable_elements`, what they pay for):
/// they read ``ConceptSummary``, and the template of what they bought as ``PurchasedConcept``.
public struct Concept: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "market.concepts"
  public var id = UUID()
  /// The analysed video it was abstracted from.
  public var sourceVideoID = UUID()
  /// The one-line concept, visible to buyers before purchase.
  public var conceptCore = ""
  /// How to replicate it.
  public var templateDescription: String?
  /// Elements a replication must keep.
  public var requiredElements: [String]?
  /// Elements a replication may change.
  public var variableElements: [String]?
  /// The market it comes from (arbitrage routes start there).
  public var originMarketID: UUID?
  /// 0 to 10, from the model (``ReelbaseQueryable/scoreConcept(conceptID:modelVersionID:)``).
  public var viralityScore: Double?
  /// The model that scored it.
  public var modelVersionID: UUID?
  /// Whether it may be listed.
  public var evergreenEligible = true
  /// Permanently unavailable: cannot be listed, hidden from buyers.
  public var archived = false
  public var createdAt: Date?
  public init() {}
}

/// A concept as buyers may read it (`market.concepts` without the template columns); RLS
/// hides archived concepts from them.
public struct ConceptSummary: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "market.concepts"
  public var id = UUID()
  public var sourceVideoID = UUID()
  public var conceptCore = ""
  public var originMarketID: UUID?
  public var viralityScore: Double?
  public var modelVersionID: UUID?
  public var evergreenEligible = true
  public var archived = false
  public var createdAt: Date?
  public init() {}
}

/// A subtitle, scene marker or timing cue shown over a concept's video in the concept viewer
/// (`market.viewer_overlays`). A buyer reads the overlays of concepts they bought.
public struct ViewerOverlay: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "market.viewer_overlays"
  public var id = UUID()
  public var conceptID = UUID()
  public var overlayType = OverlayType.subtitle
  /// ISO 639-1, lower case.
  public var languageCode = ""
  /// The text shown.
  public var content = ""
  /// Seconds from the video's start.
  public var timestampStart: Double?
  /// Seconds from the video's start, not before ``timestampStart``.
  public var timestampEnd: Double?
  public var createdAt: Date?
  public init() {}
}
