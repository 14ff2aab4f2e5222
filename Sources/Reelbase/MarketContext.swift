import Foundation
import PostgresNIO

/// A market, one per country (`market.market_contexts`), with the purchasing-power index that
/// scales the prices listed in it. Readable by everyone.
public struct MarketContext: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// ISO 3166-1 alpha-2, upper case (`US`, `ID`); unique.
  public var countryCode: String
  /// The region's name.
  public var regionName: String
  /// ISO 639-1, lower case (`en`, `id`).
  public var primaryLanguage: String
  /// 1.0 is the US baseline; a listed price is the base price times this, rounded to cents.
  public var purchasingPowerIndex: Double
  /// 1 to 10; higher pre-generates subtitles.
  public var subtitlePriority: Int?
  /// ISO 4217 (`USD`, `IDR`).
  public var currencyCode: String
  /// Notes.
  public var notes: String?
  /// Record creation time.
  public var createdAt: Date?

  static let columns = """
    id, country_code, region_name, primary_language, purchasing_power_index, subtitle_priority,
    currency_code, notes, created_at
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "market.market_contexts")
    id = try r("id")
    countryCode = try r("country_code")
    regionName = try r("region_name")
    primaryLanguage = try r("primary_language")
    purchasingPowerIndex = try r("purchasing_power_index")
    subtitlePriority = try r.optional("subtitle_priority")
    currencyCode = try r("currency_code")
    notes = try r.optional("notes")
    createdAt = try r.optional("created_at")
  }
}
