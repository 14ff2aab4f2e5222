import Foundation
import PostgresNIO

/// A purchase (`market.transactions`), recorded by
/// ``ReelbaseQueryable/purchaseListing(listingWindowID:)``. A buyer reads only their own;
/// nobody deletes one.
public struct MarketTransaction: Sendable, Hashable, Identifiable {
  /// Primary key.
  public var id: UUID
  /// The buyer: the identity of the purchase (`reelbase.current_user_id()`).
  public var buyerID: UUID
  /// The concept bought.
  public var conceptID: UUID
  /// The listing it was bought from.
  public var listingWindowID: UUID
  /// The listing's market.
  public var marketContextID: UUID
  /// The listing's price at the time of purchase, in US dollars.
  public var pricePaid: Decimal
  /// The currency of payment (`USD`: prices are US-dollar equivalents).
  public var currencyCode: String
  /// Whether the purchase can earn cashback.
  public var cashbackEligible: Bool
  /// 12% of the price, rounded half away from zero to cents.
  public var cashbackAmount: Decimal?
  /// Pending, claimed or expired.
  public var cashbackStatus: CashbackStatus
  /// When it was bought.
  public var purchasedAt: Date

  static let columns = """
    id, buyer_id, concept_id, listing_window_id, market_context_id, price_paid, currency_code,
    cashback_eligible, cashback_amount, cashback_status, purchased_at
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "market.transactions")
    id = try r("id")
    buyerID = try r("buyer_id")
    conceptID = try r("concept_id")
    listingWindowID = try r("listing_window_id")
    marketContextID = try r("market_context_id")
    pricePaid = try r("price_paid")
    currencyCode = try r("currency_code")
    cashbackEligible = try r("cashback_eligible")
    cashbackAmount = try r.optional("cashback_amount")
    cashbackStatus = try r("cashback_status")
    purchasedAt = try r("purchased_at")
  }
}
