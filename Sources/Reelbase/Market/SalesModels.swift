import Foundation

/// A concept listed in one market for a 72-hour window (`market.listing_windows`), at a price
/// adjusted to the market's purchasing power, with a per-market and a global sales cap. Made
/// by ``ReelbaseQueryable/listConcept(conceptID:marketContextID:basePriceUSD:windowStart:perMarketCap:globalCap:)``,
/// sold by ``ReelbaseQueryable/purchaseListing(listingWindowID:)``. Readable by everyone.
///
/// Money is `Decimal` (the columns are `numeric(12,2)`, US dollars): exact cents.
public struct ListingWindow: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "market.listing_windows"
  public var id = UUID()
  public var conceptID = UUID()
  public var marketContextID = UUID()
  public var windowStart = Date()
  /// Always ``windowStart`` + 72 hours.
  public var windowEnd = Date()
  /// The price in US dollars before the purchasing-power adjustment.
  public var basePriceUSD: Decimal = 0
  /// The US-dollar price charged in this market: `basePriceUSD` x the market's index, rounded
  /// half away from zero to cents.
  public var listedPrice: Decimal = 0
  /// The most sales this listing may make.
  public var perMarketCap = 5
  /// The most sales the concept may make across all its listings.
  public var globalCap = 15
  /// Sales made by this listing.
  public var soldCount = 0
  public var status = ListingStatus.active
  public var createdAt: Date?
  public init() {}
}

/// A purchase (`market.transactions`), recorded by
/// ``ReelbaseQueryable/purchaseListing(listingWindowID:)``. A buyer reads only their own (the
/// current identity's: `where: "buyer_id = reelbase.current_user_id()"`); nobody deletes one.
public struct MarketTransaction: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "market.transactions"
  public var id = UUID()
  /// The buyer: the identity of the purchase (`reelbase.current_user_id()`).
  public var buyerID = UUID()
  public var conceptID = UUID()
  /// The listing it was bought from.
  public var listingWindowID = UUID()
  /// The listing's market.
  public var marketContextID = UUID()
  /// The listing's price at the time of purchase, in US dollars.
  public var pricePaid: Decimal = 0
  /// The currency of payment (`USD`: prices are US-dollar equivalents).
  public var currencyCode = "USD"
  public var cashbackEligible = true
  /// 12% of the price, rounded half away from zero to cents.
  public var cashbackAmount: Decimal?
  public var cashbackStatus = CashbackStatus.pending
  public var purchasedAt = Date()
  public init() {}
}

/// One of the current buyer's purchases with the full concept, template included (the view
/// `market.purchased_concepts`, one row per transaction of `reelbase.current_user_id()`).
public struct PurchasedConcept: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "market.purchased_concepts"
  public static var primaryKey: [String] { ["transaction_id"] }
  public var transactionID = UUID()
  public var purchasedAt = Date()
  /// The market it was bought in.
  public var marketContextID = UUID()
  public var conceptID = UUID()
  public var conceptCore = ""
  public var templateDescription: String?
  public var requiredElements: [String]?
  public var variableElements: [String]?
  /// The analysed video it was abstracted from.
  public var sourceVideoID = UUID()
  /// 0 to 10, from the model.
  public var viralityScore: Double?
  /// The purchase (``transactionID``).
  public var id: UUID { transactionID }
  public init() {}
}

/// A buyer's video made from a purchased concept (`market.produced_content`), one per
/// purchase. Verifying it (an administrator's ``ReelbaseQueryable/update(_:only:)`` with
/// `verified = true`) claims the purchase's cashback; `verified_at` follows `verified` (a
/// trigger). A buyer writes through
/// ``ReelbaseQueryable/submitProducedContent(transactionID:submittedURL:platform:performanceMetrics:)``
/// and ``ReelbaseQueryable/updateProducedContentMetrics(id:performanceMetrics:updatedAt:)``.
public struct ProducedContent: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "market.produced_content"
  public static var serverColumns: Set<String> { ["verified_at"] }
  public var id = UUID()
  /// The purchase it was made for (unique).
  public var transactionID = UUID()
  public var submittedURL = ""
  public var platform = VideoPlatform.tiktok
  /// Scraped figures.
  public var performanceMetrics: PerformanceMetrics?
  /// Whether an administrator verified that it follows the concept.
  public var verified = false
  public var verificationNotes: String?
  /// When it was submitted; a changed URL or platform is a resubmission, stamped now.
  public var submittedAt = Date()
  public var verifiedAt: Date?
  /// When the figures were last updated.
  public var metricsUpdatedAt: Date?
  public init() {}
}

/// Sales of a concept on one route, origin market to target market
/// (`market.arbitrage_metrics`), kept current by
/// ``ReelbaseQueryable/purchaseListing(listingWindowID:)``. Administrators only.
public struct ArbitrageMetric: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "market.arbitrage_metrics"
  public var id = UUID()
  public var conceptID = UUID()
  /// The concept's origin market.
  public var originMarketID = UUID()
  /// The market it sold in.
  public var targetMarketID = UUID()
  /// From the start of the first listing window in the target market that sold to its first
  /// sale.
  public var timeToFirstSale: SQLInterval?
  public var totalSales = 0
  /// Sales per view, if tracked.
  public var conversionRate: Double?
  /// When the route last changed.
  public var recordedAt: Date?
  public init() {}
}
