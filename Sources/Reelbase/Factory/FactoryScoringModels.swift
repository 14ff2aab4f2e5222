import Foundation
import PostgresNIO

/// One day of a published content's figures (`factory.cf_performance_metrics`, partitioned by
/// month on `date`), one row per (content, date) (23505 otherwise). Counts and spend are not
/// negative (23514). `id` is a server column (`reelbase_app` may not insert it), and so are the
/// generated ratios; the key is (`id`, `date`).
public struct PerformanceMetricsDay: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "factory.cf_performance_metrics"
  public static var primaryKey: [String] { ["id", "date"] }
  public static var serverColumns: Set<String> { ["id", "created_at", "engagement_rate", "ctr"] }
  public var id = UUID()
  public var publishedContentID = UUID()
  /// The calendar day, read as its midnight UTC; never changes after the insert.
  public var date = Date()
  public var views = 0
  public var likes = 0
  public var comments = 0
  public var shares = 0
  public var saves = 0
  public var clicks = 0
  public var conversions = 0
  /// USD.
  public var spend: Decimal = 0
  /// Generated: (likes + comments + shares + saves) / views, 0 without views; may exceed 1.
  public var engagementRate: Decimal = 0
  /// Generated: clicks / views, 0 without views.
  public var ctr: Decimal = 0
  public var createdAt: Date?
  public init() {}
}

/// Weights for picking winners (`factory.cf_scoring_config`), shared by every identity and
/// written by administrators. At most one is active (23505): deactivate the old one first in
/// the same transaction. The weights pass ``ReelbaseQueryable/checkScoringWeights(_:)`` (22023).
public struct ScoringConfig: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "factory.cf_scoring_config"
  public var id = UUID()
  public var name = ""
  /// E.g. `["engagement": 0.4, "ctr": 0.3, "conversions": 0.3]`.
  public var weights: JSONValue = [:]
  /// Minimum total views for content to be scored; 1000 by default, not negative.
  public var minViewsThreshold: Int?
  public var active = true
  public var createdAt: Date?
  public init() {}
}

/// One variant of an A/B test, an element of ``ABTest/variants`` (`jsonb`).
public struct ABTestVariant: Codable, Hashable, Sendable, PostgresCodable, PostgresArrayEncodable,
  PostgresArrayDecodable
{
  public static var psqlArrayType: PostgresDataType { .jsonbArray }
  public var label: String?
  public var assembledContentID: UUID?
  /// A published content of the test's dossier; what the evaluation counts.
  public var publishedContentID: UUID?
  public var budget: Decimal?

  public init(label: String?, publishedContentID: UUID?, assembledContentID: UUID? = nil, budget: Decimal? = nil) {
    self.label = label
    self.publishedContentID = publishedContentID
    self.assembledContentID = assembledContentID
    self.budget = budget
  }

  enum CodingKeys: String, CodingKey {
    case label, budget
    case assembledContentID = "assembled_content_id"
    case publishedContentID = "published_content_id"
  }

  /// Ids as lower-case text: `evaluate_ab_test` matches `published_content_id` as text against
  /// `uuid::text`, so Foundation's upper-case form would name no content (22023).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(label, forKey: .label)
    try c.encodeIfPresent(assembledContentID?.uuidString.lowercased(), forKey: .assembledContentID)
    try c.encodeIfPresent(publishedContentID?.uuidString.lowercased(), forKey: .publishedContentID)
    try c.encodeIfPresent(budget, forKey: .budget)
  }
}

/// An A/B test between published content variants of one dossier (`factory.cf_ab_tests`),
/// decided by ``ReelbaseQueryable/evaluateABTest(testID:metric:confidence:)``. `reelbase_app`
/// inserts it without `status` (nil: draft); `dossierID` never changes. Every change is audited.
public struct ABTest: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "factory.cf_ab_tests"
  public var id = UUID()
  /// Its owner owns the test.
  public var dossierID = UUID()
  public var name = ""
  public var variants: [ABTestVariant] = []
  public var status: ABTestStatus?
  /// The winning published content, once decided.
  public var winnerID: UUID?
  /// The confidence level of the decision, 0 to 1 with two decimals.
  public var confidence: Decimal?
  public var createdAt: Date?
  public var startedAt: Date?
  public var completedAt: Date?
  public init() {}
}

/// One change of a dossier, scoring config or A/B test (`factory.cf_audit_log`), appended by
/// the server's triggers in the change's transaction; read-only for every role. An owner reads
/// the trail of its dossiers and tests, deleted ones included, and every change it made.
public struct FactoryAuditEntry: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "factory.cf_audit_log"
  public var id = UUID()
  /// `cf_product_dossiers`, `cf_scoring_config` or `cf_ab_tests`.
  public var tableName = ""
  public var recordID = UUID()
  /// `INSERT`, `UPDATE` or `DELETE`.
  public var action = ""
  /// Nil for an insert.
  public var oldData: JSONValue?
  /// Nil for a delete.
  public var newData: JSONValue?
  /// The identity that made the change, nil without one.
  public var userID: UUID?
  /// The changing statement's start.
  public var createdAt = Date()
  /// The dossier's owner when it changed; nil for scoring configs.
  public var ownerID: UUID?
  public init() {}
}
