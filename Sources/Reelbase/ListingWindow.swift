import Foundation
import PostgresNIO

/// A concept listed in one market for a 72-hour window (`market.listing_windows`), at a
/// price adjusted to the market's purchasing power, with a per-market and a global sales cap.
/// Made by ``ReelbaseQueryable/listConcept(conceptID:marketContextID:basePriceUSD:windowStart:perMarketCap:globalCap:)``,
/// sold by ``ReelbaseQueryable/purchaseListing(listingWindowID:)``. Readable by everyone.
///
/// Money is `Decimal` (the columns are `numeric(12,2)`, US dollars): exact cents, never a
/// binary floating-point value.
public struct ListingWindow: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The listed concept.
  public var conceptID: UUID
  /// The market it is listed in.
  public var marketContextID: UUID
  /// When the window opens.
  public var windowStart: Date
  /// When it closes: always `windowStart` + 72 hours.
  public var windowEnd: Date
  /// The price in US dollars before the purchasing-power adjustment.
  public var basePriceUSD: Decimal
  /// The US-dollar price charged in this market: `basePriceUSD` x the market's index, rounded
  /// half away from zero to cents.
  public var listedPrice: Decimal
  /// The most sales this listing may make.
  public var perMarketCap: Int
  /// The most sales the concept may make across all its listings.
  public var globalCap: Int
  /// Sales made by this listing.
  public var soldCount: Int
  /// Where it is in its life.
  public var status: ListingStatus
  /// Record creation time.
  public var createdAt: Date?

  static let columns = """
    id, concept_id, market_context_id, window_start, window_end, base_price_usd, listed_price,
    per_market_cap, global_cap, sold_count, status, created_at
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "market.listing_windows")
    id = try r("id")
    conceptID = try r("concept_id")
    marketContextID = try r("market_context_id")
    windowStart = try r("window_start")
    windowEnd = try r("window_end")
    basePriceUSD = try r("base_price_usd")
    listedPrice = try r("listed_price")
    perMarketCap = try r("per_market_cap")
    globalCap = try r("global_cap")
    soldCount = try r("sold_count")
    status = try r("status")
    createdAt = try r.optional("created_at")
  }
}
