import Testing
@testable import ReelbaseCore

@Suite struct PurchaseRulesTests {
  private let hour: Int64 = 3_600_000_000

  private func state(status: String = "active", now: Int64 = 1, sold: Int64 = 0, cap: Int64 = 5,
                     sales: Int64 = 0, globalCap: Int64 = 15, otherMin: Int64? = nil) -> ListingSaleState
  {
    ListingSaleState(status: status, windowStart: 0, windowEnd: 72 * hour, now: now,
                     perMarketCap: cap, globalCap: globalCap, soldCount: sold, conceptSales: sales,
                     otherActiveMinGlobalCap: otherMin)
  }

  @Test func sellsInsideTheWindow() {
    #expect(PurchaseRules.decide(state()) == .success(
      PurchaseEffects(newConceptSales: 1, listingSoldOut: false, sweepOtherListings: false)))
    // The window is [start, end): its first instant sells, its end does not.
    #expect((try? PurchaseRules.decide(state(now: 0)).get()) != nil)
    #expect(PurchaseRules.decide(state(now: 72 * hour)) == .failure(.ended))
    #expect(PurchaseRules.decide(state(now: -1)) == .failure(.notStarted))
  }

  @Test func storedStatusComesFirst() {
    #expect(PurchaseRules.decide(state(status: "expired")) == .failure(.notActive(status: "expired")))
    #expect(PurchaseRules.decide(state(status: "archived")) == .failure(.notActive(status: "archived")))
    #expect(PurchaseRules.decide(state(status: "sold_out", sold: 5)) ==
            .failure(.perMarketCapReached(sold: 5, cap: 5)))
    #expect(PurchaseRules.decide(state(status: "sold_out", sold: 2, sales: 15)) ==
            .failure(.globalCapReached(sales: 15, cap: 15)))
    // sold_out past its window is still reported by its cap.
    #expect(PurchaseRules.decide(state(status: "sold_out", now: 100 * hour, sold: 5)).sqlstate == "RB002")
  }

  @Test func capsAndSoldOut() {
    #expect(PurchaseRules.decide(state(sold: 5)) == .failure(.perMarketCapReached(sold: 5, cap: 5)))
    #expect(PurchaseRules.decide(state(sold: 1, sales: 15)) == .failure(.globalCapReached(sales: 15, cap: 15)))
    // The fifth sale in the market marks the listing sold out.
    #expect(PurchaseRules.decide(state(sold: 4, sales: 4)) == .success(
      PurchaseEffects(newConceptSales: 5, listingSoldOut: true, sweepOtherListings: false)))
    // The twelfth sale overall marks this and every other active listing with global cap <= 12.
    #expect(PurchaseRules.decide(state(sold: 2, sales: 11, globalCap: 12, otherMin: 12)) == .success(
      PurchaseEffects(newConceptSales: 12, listingSoldOut: true, sweepOtherListings: true)))
    // Another listing with a smaller global cap is swept even though this one still sells.
    #expect(PurchaseRules.decide(state(sold: 0, sales: 9, globalCap: 15, otherMin: 10)) == .success(
      PurchaseEffects(newConceptSales: 10, listingSoldOut: false, sweepOtherListings: true)))
  }

  @Test func refusalsCarryTheirSQLSTATEAndFigures() {
    let r = PurchaseRefusal.globalCapReached(sales: 12, cap: 12)
    #expect(r.sqlstate == "RB003")
    #expect(r.message(listing: "L", windowStart: "a", windowEnd: "b").contains("12 of its global cap of 12"))
    #expect(PurchaseRefusal.ended.sqlstate == "RB001")
    #expect(PurchaseRefusal.perMarketCapReached(sold: 5, cap: 5).sqlstate == "RB002")
  }
}

extension Result where Failure == PurchaseRefusal {
  var sqlstate: String? {
    if case .failure(let r) = self { return r.sqlstate }
    return nil
  }
}
