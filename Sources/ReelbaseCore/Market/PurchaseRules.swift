/// What `market.purchase_listing` read about a listing while holding its concept's lock and
/// the listing's row lock: enough to decide a purchase without another query.
public struct ListingSaleState: Sendable {
  public var status: String
  /// Microseconds since 2000-01-01 UTC (Postgres timestamptz).
  public var windowStart: Int64
  public var windowEnd: Int64
  public var now: Int64
  public var perMarketCap: Int64
  public var globalCap: Int64
  public var soldCount: Int64
  /// Sales of the concept over all its listings (every market, every window).
  public var conceptSales: Int64
  /// The smallest global_cap among the concept's other active listings, if any.
  public var otherActiveMinGlobalCap: Int64?

  public init(status: String, windowStart: Int64, windowEnd: Int64, now: Int64,
              perMarketCap: Int64, globalCap: Int64, soldCount: Int64, conceptSales: Int64,
              otherActiveMinGlobalCap: Int64? = nil)
  {
    self.status = status
    self.windowStart = windowStart
    self.windowEnd = windowEnd
    self.now = now
    self.perMarketCap = perMarketCap
    self.globalCap = globalCap
    self.soldCount = soldCount
    self.conceptSales = conceptSales
    self.otherActiveMinGlobalCap = otherActiveMinGlobalCap
  }
}

/// Why a purchase is refused, with the custom SQLSTATE the client maps.
public enum PurchaseRefusal: Error, Equatable, Sendable {
  /// RB001: status expired or archived.
  case notActive(status: String)
  /// RB001: now() is before window_start.
  case notStarted
  /// RB001: now() is at or after window_end.
  case ended
  /// RB002: sold_count >= per_market_cap.
  case perMarketCapReached(sold: Int64, cap: Int64)
  /// RB003: the concept's sales over all listings >= this listing's global_cap.
  case globalCapReached(sales: Int64, cap: Int64)

  public var sqlstate: String {
    switch self {
    case .notActive, .notStarted, .ended: return "RB001"
    case .perMarketCapReached: return "RB002"
    case .globalCapReached: return "RB003"
    }
  }

  /// - Parameters: the listing id and its window as the session prints them.
  public func message(listing: String, windowStart: String, windowEnd: String) -> String {
    switch self {
    case .notActive(let status):
      return "listing \(listing) is not active: its status is \(status)"
    case .notStarted:
      return "listing \(listing) is not active yet: its window is [\(windowStart), \(windowEnd))"
    case .ended:
      return "listing \(listing) is not active: its window [\(windowStart), \(windowEnd)) has ended"
    case .perMarketCapReached(let sold, let cap):
      return "listing \(listing) is sold out in its market: \(sold) of \(cap) sold"
    case .globalCapReached(let sales, let cap):
      return "listing \(listing) is sold out globally: the concept has sold \(sales) of its global cap of \(cap)"
    }
  }

  public var hint: String? {
    switch self {
    case .notActive, .ended: return "Look for an active listing of the concept (market.listing_windows, status active)."
    case .notStarted: return "Buy once the window has started."
    case .perMarketCapReached: return "The concept may still be listed in other markets."
    case .globalCapReached: return nil
    }
  }
}

/// What a sale changes, besides the transaction row.
public struct PurchaseEffects: Equatable, Sendable {
  /// The concept's sales including this one.
  public var newConceptSales: Int64
  /// This listing becomes sold_out (per-market cap reached, or the global cap).
  public var listingSoldOut: Bool
  /// Some other active listing of the concept has global_cap <= newConceptSales.
  public var sweepOtherListings: Bool
}

/// The caps rules of seed 000 section 3.1, decided on a locked snapshot of the listing.
public enum PurchaseRules {
  /// The refusal for this state, or the effects of the sale.
  ///
  /// Order: a stored status first (expired/archived -> RB001; sold_out -> RB002 or RB003 by
  /// whichever cap is reached), then the window, then the per-market cap, then the global cap.
  public static func decide(_ s: ListingSaleState) -> Result<PurchaseEffects, PurchaseRefusal> {
    switch s.status {
    case "active":
      break
    case "sold_out":
      if s.soldCount >= s.perMarketCap {
        return .failure(.perMarketCapReached(sold: s.soldCount, cap: s.perMarketCap))
      }
      return .failure(.globalCapReached(sales: s.conceptSales, cap: s.globalCap))
    default:
      return .failure(.notActive(status: s.status))
    }
    if s.now < s.windowStart { return .failure(.notStarted) }
    if s.now >= s.windowEnd { return .failure(.ended) }
    if s.soldCount >= s.perMarketCap {
      return .failure(.perMarketCapReached(sold: s.soldCount, cap: s.perMarketCap))
    }
    if s.conceptSales >= s.globalCap {
      return .failure(.globalCapReached(sales: s.conceptSales, cap: s.globalCap))
    }
    // Both below their caps, which are at most Int32.max: no overflow.
    let sales = s.conceptSales + 1
    let sold = s.soldCount + 1
    return .success(PurchaseEffects(
      newConceptSales: sales,
      listingSoldOut: sold >= s.perMarketCap || sales >= s.globalCap,
      sweepOtherListings: s.otherActiveMinGlobalCap.map { $0 <= sales } ?? false))
  }
}
