import Foundation
import PostgresNIO

/// One of the current buyer's purchases with the full concept, template included
/// (`market.purchased_concepts`, one row per transaction).
public struct PurchasedConcept: Sendable, Hashable, Identifiable {
  /// The purchase.
  public var transactionID: UUID
  /// When it was bought.
  public var purchasedAt: Date
  /// The market it was bought in.
  public var marketContextID: UUID
  /// The concept.
  public var conceptID: UUID
  /// The one-line concept.
  public var conceptCore: String
  /// How to replicate it.
  public var templateDescription: String?
  /// Elements a replication must keep.
  public var requiredElements: [String]?
  /// Elements a replication may change.
  public var variableElements: [String]?
  /// The analysed video it was abstracted from.
  public var sourceVideoID: UUID
  /// 0 to 10, from the model.
  public var viralityScore: Double?

  /// The purchase (``transactionID``).
  public var id: UUID { transactionID }

  static let columns = """
    transaction_id, purchased_at, market_context_id, concept_id, concept_core,
    template_description, required_elements, variable_elements, source_video_id, virality_score
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "market.purchased_concepts")
    transactionID = try r("transaction_id")
    purchasedAt = try r("purchased_at")
    marketContextID = try r("market_context_id")
    conceptID = try r("concept_id")
    conceptCore = try r("concept_core")
    templateDescription = try r.optional("template_description")
    requiredElements = try r.optional("required_elements")
    variableElements = try r.optional("variable_elements")
    sourceVideoID = try r("source_video_id")
    viralityScore = try r.optional("virality_score")
  }
}
