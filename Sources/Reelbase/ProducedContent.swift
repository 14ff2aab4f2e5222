import Foundation
import PostgresNIO

/// A buyer's video made from a purchased concept (`market.produced_content`), one per
/// purchase. Verifying it (administrators) claims the purchase's cashback. A buyer reads and
/// edits their own until it is verified.
public struct ProducedContent: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The purchase it was made for (unique).
  public var transactionID: UUID
  /// The video's URL.
  public var submittedURL: String
  /// Its platform.
  public var platform: VideoPlatform
  /// Scraped figures, as stored (see ``metrics``).
  public var performanceMetrics: JSONValue?
  /// Whether an administrator verified that it follows the concept.
  public var verified: Bool
  /// The administrator's notes.
  public var verificationNotes: String?
  /// When it was submitted.
  public var submittedAt: Date
  /// When it was verified (set by the server).
  public var verifiedAt: Date?
  /// When the figures were last updated.
  public var metricsUpdatedAt: Date?

  /// ``performanceMetrics`` typed, or nil when there are none.
  public var metrics: PerformanceMetrics? { performanceMetrics.map(PerformanceMetrics.init(json:)) }

  static let columns = """
    id, transaction_id, submitted_url, platform, performance_metrics, verified,
    verification_notes, submitted_at, verified_at, metrics_updated_at
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "market.produced_content")
    id = try r("id")
    transactionID = try r("transaction_id")
    submittedURL = try r("submitted_url")
    platform = try r("platform")
    performanceMetrics = try r.optional("performance_metrics")
    verified = try r("verified")
    verificationNotes = try r.optional("verification_notes")
    submittedAt = try r("submitted_at")
    verifiedAt = try r.optional("verified_at")
    metricsUpdatedAt = try r.optional("metrics_updated_at")
  }
}
