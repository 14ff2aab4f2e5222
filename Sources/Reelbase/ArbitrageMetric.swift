import Foundation
import PostgresNIO

/// Sales of a concept on one route, origin market to target market
/// (`market.arbitrage_metrics`), kept current by
/// ``ReelbaseQueryable/purchaseListing(listingWindowID:)``. Administrators only.
public struct ArbitrageMetric: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The concept.
  public var conceptID: UUID
  /// The concept's origin market.
  public var originMarketID: UUID
  /// The market it sold in.
  public var targetMarketID: UUID
  /// From the start of the first listing window in the target market that sold to its first
  /// sale.
  public var timeToFirstSale: SQLInterval?
  /// Sales on this route.
  public var totalSales: Int
  /// Sales per view, if tracked.
  public var conversionRate: Double?
  /// When the route last changed.
  public var recordedAt: Date?

  static let columns = """
    id, concept_id, origin_market_id, target_market_id, time_to_first_sale, total_sales,
    conversion_rate, recorded_at
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "market.arbitrage_metrics")
    id = try r("id")
    conceptID = try r("concept_id")
    originMarketID = try r("origin_market_id")
    targetMarketID = try r("target_market_id")
    timeToFirstSale = try r.optional("time_to_first_sale")
    totalSales = try r("total_sales")
    conversionRate = try r.optional("conversion_rate")
    recordedAt = try r.optional("recorded_at")
  }
}
