import Foundation
import PostgresNIO
import Reelbase
import Testing

/// market.list_concept and market.purchase_listing through the typed calls: the price and
/// cashback figures, what each buyer then sees, the arbitrage route, and each refusal mapped
/// to its ReelbaseError code.
@Suite struct MarketPurchaseTests {
  let env: TestEnvironment

  init() throws { env = try TestEnvironment.load() }

  @Test func listAndPurchaseRoundTrip() async throws {
    try await env.withClient { admin in
      let f = try await MarketFixture.make(admin)
      // Seed 000's figures: 41.00 USD at purchasing-power index 0.28 lists at 11.48.
      let start = Date(timeIntervalSince1970: floor(Date().timeIntervalSince1970) - 3600)
      let listingID = try await admin.listConcept(
        conceptID: f.concept.id, marketContextID: f.cheap.id, basePriceUSD: Decimal(string: "41.00")!,
        windowStart: start, perMarketCap: 3, globalCap: 10)
      let listing = try #require(try await admin.find(ListingWindow.self, id: listingID, readFrom: .primary))
      #expect(listing.basePriceUSD == Decimal(string: "41")!)
      #expect(listing.listedPrice == Decimal(string: "11.48")!)
      #expect(listing.windowStart == start)
      #expect(listing.windowEnd.timeIntervalSince(listing.windowStart) == 72 * 3600)
      #expect(listing.status == .active)
      #expect(listing.soldCount == 0 && listing.perMarketCap == 3 && listing.globalCap == 10)
      #expect(try await admin.fetch(
        ListingWindow.self, where: "status = \(ListingStatus.active) AND market_context_id = \(f.cheap.id)",
        orderBy: "window_end, id", readFrom: .primary) == [listing])
      #expect(try await admin.fetch(
        ListingWindow.self, where: "status = \(ListingStatus.soldOut) AND market_context_id = \(f.cheap.id)",
        readFrom: .primary
      ).isEmpty)

      let buyer = UUID()
      let other = UUID()
      try await env.withClient(env.appRole) { app in
        // The shop window is public, also without an identity.
        #expect(try await app.fetch(ListingWindow.self, where: "concept_id = \(f.concept.id)", readFrom: .primary)
          .map(\.id) == [listingID])

        let (transactionID, mine, purchased, overlays) = try await app.withIdentity(buyer) { tx in
          let id = try await tx.purchaseListing(listingWindowID: listingID)
          return (id, try await tx.fetch(MarketTransaction.self, where: "buyer_id = reelbase.current_user_id()"),
                  try await tx.fetch(PurchasedConcept.self, orderBy: "purchased_at DESC, transaction_id"),
                  try await tx.fetch(ViewerOverlay.self, where: "concept_id = \(f.concept.id)"))
        }
        let purchase = try #require(mine.first)
        #expect(mine.count == 1)
        #expect(purchase.id == transactionID)
        #expect(purchase.buyerID == buyer)
        #expect(purchase.conceptID == f.concept.id && purchase.listingWindowID == listingID)
        #expect(purchase.marketContextID == f.cheap.id)
        #expect(purchase.pricePaid == Decimal(string: "11.48")!)
        #expect(purchase.cashbackAmount == Decimal(string: "1.38")!)  // 12%, to the cent
        #expect(purchase.cashbackStatus == .pending && purchase.cashbackEligible)
        #expect(purchase.currencyCode == "USD")
        // The template and the overlays, now that it is bought.
        let bought = try #require(purchased.first)
        #expect(purchased.count == 1)
        #expect(bought.transactionID == transactionID && bought.conceptID == f.concept.id)
        #expect(bought.templateDescription == f.concept.templateDescription)
        #expect(bought.requiredElements == ["dread", "deadpan"])
        #expect(bought.variableElements == ["setting"])
        #expect(bought.marketContextID == f.cheap.id)
        #expect(overlays == [f.overlay])

        // Another buyer sees none of it.
        try await app.withIdentity(other) { tx async throws in
          #expect(try await tx.fetch(MarketTransaction.self, where: "buyer_id = reelbase.current_user_id()").isEmpty)
          #expect(try await tx.find(MarketTransaction.self, id: transactionID) == nil)
          #expect(try await tx.fetch(MarketTransaction.self, where: "buyer_id = \(buyer)").isEmpty)
          #expect(try await tx.fetch(PurchasedConcept.self).isEmpty)
          #expect(try await tx.fetch(ViewerOverlay.self, where: "concept_id = \(f.concept.id)").isEmpty)
        }
        // Without an identity, nothing either.
        #expect(try await app.fetch(
          MarketTransaction.self, where: "buyer_id = reelbase.current_user_id()", readFrom: .primary
        ).isEmpty)
      }

      // The administrator sees the sale, the count and the route home -> cheap.
      #expect(try await admin.find(ListingWindow.self, id: listingID, readFrom: .primary)?.soldCount == 1)
      let sales = try await admin.fetch(MarketTransaction.self, where: "concept_id = \(f.concept.id)", readFrom: .primary)
      #expect(sales.map(\.buyerID) == [buyer])
      let route = try #require(try await admin.fetch(
        ArbitrageMetric.self, where: "concept_id = \(f.concept.id)", readFrom: .primary).first)
      #expect(route.originMarketID == f.home.id && route.targetMarketID == f.cheap.id)
      #expect(route.totalSales == 1)
      // First sale about an hour after the window opened.
      let waited = try #require(route.timeToFirstSale)
      #expect(waited.months == 0 && waited.days == 0)
      #expect(waited.microseconds > 3_590_000_000 && waited.microseconds < 3_900_000_000, "\(waited)")
    }
  }

  @Test func reachingTheCapsSellsOutAndRefuses() async throws {
    try await env.withClient { admin in
      let f = try await MarketFixture.make(admin)
      // Per-market cap 2 in the cheap market; global cap 3 over both markets.
      let cheap = try await f.listOpen(admin, in: f.cheap, perMarketCap: 2, globalCap: 3)
      let home = try await f.listOpen(admin, in: f.home, perMarketCap: 5, globalCap: 3)
      #expect(home.listedPrice == Decimal(41))
      try await env.withClient(env.appRole) { app in
        for _ in 0..<2 {
          _ = try await app.withIdentity(UUID()) { tx in try await tx.purchaseListing(listingWindowID: cheap.id) }
        }
        let perMarket = await expectReelbaseError(.marketCapReached, sqlState: "RB002") {
          _ = try await app.withIdentity(UUID()) { tx in try await tx.purchaseListing(listingWindowID: cheap.id) }
        }
        #expect(perMarket?.isCapReached == true)
        #expect(try await admin.find(ListingWindow.self, id: cheap.id, readFrom: .primary)?.status == .soldOut)

        // The third sale of the concept, in the home market, reaches the global cap ...
        _ = try await app.withIdentity(UUID()) { tx in try await tx.purchaseListing(listingWindowID: home.id) }
        #expect(try await admin.find(ListingWindow.self, id: home.id, readFrom: .primary)?.status == .soldOut)
        // ... so the home listing refuses although it sold 1 of 5.
        let global = await expectReelbaseError(.globalCapReached, sqlState: "RB003") {
          _ = try await app.withIdentity(UUID()) { tx in try await tx.purchaseListing(listingWindowID: home.id) }
        }
        #expect(global?.isCapReached == true)
      }
      #expect(try await admin.fetch(MarketTransaction.self, where: "concept_id = \(f.concept.id)", readFrom: .primary)
        .count == 3)
      let routes = try await admin.fetch(
        ArbitrageMetric.self, where: "concept_id = \(f.concept.id)", orderBy: "total_sales DESC, id", readFrom: .primary)
      #expect(routes.map(\.totalSales) == [2, 1])
      #expect(routes.map(\.targetMarketID) == [f.cheap.id, f.home.id])
    }
  }

  @Test func purchaseRefusalsMapToTheirCodes() async throws {
    try await env.withClient { admin in
      let f = try await MarketFixture.make(admin)
      // A window that opens tomorrow is not on sale yet.
      let later = try await admin.listConcept(
        conceptID: f.concept.id, marketContextID: f.cheap.id, basePriceUSD: 10,
        windowStart: Date().addingTimeInterval(86_400))
      let open = try await f.listOpen(admin, in: f.home)
      try await env.withClient(env.appRole) { app in
        let notYet = await expectReelbaseError(.listingNotActive, sqlState: "RB001") {
          _ = try await app.withIdentity(UUID()) { tx in try await tx.purchaseListing(listingWindowID: later) }
        }
        #expect(notYet?.isCapReached == false)
        // No identity: the buyer is unknown.
        let anonymous = await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.purchaseListing(listingWindowID: open.id)
        }
        #expect(anonymous?.hint?.contains("set_user_id") == true)
        await expectReelbaseError(.notFound, sqlState: "23503") {
          _ = try await app.withIdentity(UUID()) { tx in try await tx.purchaseListing(listingWindowID: UUID()) }
        }
        // REPEATABLE READ could oversell: refused.
        let isolation = await expectReelbaseError(.serverError, sqlState: "0A000") {
          _ = try await app.withIdentity(UUID(), level: .repeatableRead) { tx in
            try await tx.purchaseListing(listingWindowID: open.id)
          }
        }
        #expect(isolation != nil)
        // Buyers cannot list.
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.listConcept(conceptID: f.concept.id, marketContextID: f.home.id, basePriceUSD: 1)
        }
      }
      #expect(try await admin.find(ListingWindow.self, id: open.id, readFrom: .primary)?.soldCount == 0)
      #expect(ReelbaseError.code(forSQLState: "RB001") == .listingNotActive)
      #expect(ReelbaseError.code(forSQLState: "RB002") == .marketCapReached)
      #expect(ReelbaseError.code(forSQLState: "RB003") == .globalCapReached)
    }
  }

  @Test func listingRefusalsMapToTheirCodes() async throws {
    try await env.withClient { admin in
      let f = try await MarketFixture.make(admin)
      let start = Date(timeIntervalSince1970: 1_780_000_000)
      // The server's default window start is now.
      let now = try await admin.listConcept(conceptID: f.concept.id, marketContextID: f.home.id, basePriceUSD: 5)
      let listed = try #require(try await admin.find(ListingWindow.self, id: now, readFrom: .primary))
      #expect(abs(listed.windowStart.timeIntervalSinceNow) < 60)
      #expect(listed.perMarketCap == 5 && listed.globalCap == 15)
      _ = try await admin.listConcept(
        conceptID: f.concept.id, marketContextID: f.cheap.id, basePriceUSD: 5, windowStart: start)
      await expectReelbaseError(.duplicate, sqlState: "23505") {
        _ = try await admin.listConcept(
          conceptID: f.concept.id, marketContextID: f.cheap.id, basePriceUSD: 6, windowStart: start)
      }
      // 0.01 x 0.28 rounds to 0.00: no listing may be free.
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await admin.listConcept(
          conceptID: f.concept.id, marketContextID: f.cheap.id, basePriceUSD: Decimal(string: "0.01")!)
      }
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await admin.listConcept(
          conceptID: f.concept.id, marketContextID: f.cheap.id, basePriceUSD: 5, perMarketCap: 0)
      }
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await admin.listConcept(
          conceptID: f.concept.id, marketContextID: f.cheap.id, basePriceUSD: Decimal.nan)
      }
      await expectReelbaseError(.outOfRange, sqlState: "22003") {
        _ = try await admin.listConcept(
          conceptID: f.concept.id, marketContextID: f.home.id, basePriceUSD: Decimal(string: "100000000000")!)
      }
      await expectReelbaseError(.notFound, sqlState: "23503") {
        _ = try await admin.listConcept(conceptID: UUID(), marketContextID: f.home.id, basePriceUSD: 5)
      }
      var archived = f.concept
      archived.archived = true
      try await admin.update(archived)
      await expectReelbaseError(.invalidState, sqlState: "55000") {
        _ = try await admin.listConcept(
          conceptID: f.concept.id, marketContextID: f.home.id, basePriceUSD: 5,
          windowStart: start.addingTimeInterval(86_400))
      }
    }
  }
}
