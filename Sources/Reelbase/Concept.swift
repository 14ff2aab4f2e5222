import Foundation
import PostgresNIO

/// A replicable concept abstracted from a source video (`market.concepts`): what the
/// marketplace sells.
///
/// Buyers (`reelbase_app`) may read every column but the replication template
/// (`template_description`, `required_elements`, `variable_elements`): that is what they pay
/// for, and selecting it is a privilege error. Reads therefore leave it out unless asked for
/// (`includeTemplate: true`, administrators), and the three template fields are nil then. A
/// buyer reads the template of a concept they bought through
/// ``ReelbaseQueryable/listPurchasedConcepts(readFrom:)``.
public struct Concept: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The analysed video it was abstracted from.
  public var sourceVideoID: UUID
  /// The one-line concept, visible to buyers before purchase.
  public var conceptCore: String
  /// How to replicate it; nil when not read (buyers) or not written.
  public var templateDescription: String?
  /// Elements a replication must keep; nil when not read or not written.
  public var requiredElements: [String]?
  /// Elements a replication may change; nil when not read or not written.
  public var variableElements: [String]?
  /// The market it comes from (arbitrage routes start there).
  public var originMarketID: UUID?
  /// 0 to 10, from the model (``ReelbaseQueryable/scoreConcept(conceptID:modelVersionID:)``).
  public var viralityScore: Double?
  /// The model that scored it.
  public var modelVersionID: UUID?
  /// Whether it may be listed (NULL reads as true, the column's default).
  public var evergreenEligible: Bool
  /// Permanently unavailable: cannot be listed, hidden from buyers.
  public var archived: Bool
  /// Record creation time.
  public var createdAt: Date?
  /// Whether the template columns were read (false for buyer reads).
  public var includesTemplate: Bool

  /// The columns a buyer may read.
  static let columns = """
    id, source_video_id, concept_core, origin_market_id, virality_score, model_version_id,
    evergreen_eligible, archived, created_at
    """

  /// Every column (administrators).
  static let columnsWithTemplate =
    columns + ", template_description, required_elements, variable_elements"

  init(row: PostgresRow) throws {
    let r = RowReader(row, "market.concepts")
    id = try r("id")
    sourceVideoID = try r("source_video_id")
    conceptCore = try r("concept_core")
    includesTemplate = r.has("template_description")
    templateDescription = includesTemplate ? try r.optional("template_description") : nil
    requiredElements = includesTemplate ? try r.optional("required_elements") : nil
    variableElements = includesTemplate ? try r.optional("variable_elements") : nil
    originMarketID = try r.optional("origin_market_id")
    viralityScore = try r.optional("virality_score")
    modelVersionID = try r.optional("model_version_id")
    evergreenEligible = try r.optional("evergreen_eligible", as: Bool.self) ?? true
    archived = try r.optional("archived", as: Bool.self) ?? false
    createdAt = try r.optional("created_at")
  }
}
