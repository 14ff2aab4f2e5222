import Foundation
import PostgresNIO
import Reelbase
import Testing

/// Produced content, cashback claims and the market sweeps (with a fake clock) through the
/// typed calls.
@Suite struct MarketContentTests {
  let env: TestEnvironment

  init() throws { env = try TestEnvironment.load() }

  @Test func verificationClaimsTheCashback() async throws {
    try await env.withClient { admin in
      let f = try await MarketFixture.make(admin)
      let listing = try await f.listOpen(admin, in: f.cheap)
      let buyer = UUID()
      let metrics = PerformanceMetrics(
        views: 52000, likes: 4800, shares: 320, comments: 85, scrapedAt: "2025-12-10T00:00:00Z")
      let (transactionID, content) = try await env.withClient(env.appRole) { app in
        let (transactionID, content) = try await app.withIdentity(buyer) { tx in
          let id = try await tx.purchaseListing(listingWindowID: listing.id)
          let content = try await tx.submitProducedContent(
            transactionID: id, submittedURL: "https://www.tiktok.com/@buyer/video/1", platform: .tiktok,
            performanceMetrics: metrics)
          #expect(try await tx.fetch(ProducedContent.self, orderBy: "submitted_at DESC, id") == [content])
          return (id, content)
        }
        // Nobody else may submit for it, nor see it.
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.withIdentity(UUID()) { tx in
            try await tx.submitProducedContent(
              transactionID: transactionID, submittedURL: "https://steal", platform: .youtube)
          }
        }
        try await app.withIdentity(UUID()) { tx async throws in
          #expect(try await tx.fetch(ProducedContent.self, where: "transaction_id = \(transactionID)").isEmpty)
        }
        // A buyer cannot verify their own content (no privilege on the column).
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.withIdentity(buyer) { tx in
            var verifying = content
            verifying.verified = true
            return try await tx.update(verifying)
          }
        }
        // One submission per purchase.
        await expectReelbaseError(.duplicate, sqlState: "23505") {
          _ = try await app.withIdentity(buyer) { tx in
            try await tx.submitProducedContent(
              transactionID: transactionID, submittedURL: "https://again", platform: .instagram)
          }
        }
        return (transactionID, content)
      }
      #expect(content.performanceMetrics == metrics)
      #expect(content.performanceMetrics?.views == 52000)
      #expect(!content.verified && content.verifiedAt == nil)

      // The buyer updates the figures while unverified.
      let newer = PerformanceMetrics(views: 60000, likes: 5000)
      let updated = try await env.withClient(env.appRole) { app in
        try await app.withIdentity(buyer) { tx in
          try await tx.updateProducedContentMetrics(id: content.id, performanceMetrics: newer)
        }
      }
      #expect(updated?.performanceMetrics == newer)
      #expect(updated?.metricsUpdatedAt != nil)

      // Verification claims the pending cashback at once.
      var verifying = try #require(try await admin.find(ProducedContent.self, id: content.id, readFrom: .primary))
      verifying.verified = true
      verifying.verificationNotes = "Content matches concept"
      let verified = try #require(try await admin.update(verifying))
      #expect(verified.verified)
      #expect(verified.verifiedAt != nil)
      #expect(verified.verificationNotes == "Content matches concept")
      let claimed = try #require(try await admin.find(MarketTransaction.self, id: transactionID, readFrom: .primary))
      #expect(claimed.cashbackStatus == .claimed)
      #expect(try await admin.fetch(
        ProducedContent.self, where: "verified", orderBy: "submitted_at DESC, id", limit: 1000, readFrom: .primary
      ).contains { $0.id == content.id })

      // Verified content is the buyer's no more to change, and cannot be un-verified once claimed.
      let frozen = try await env.withClient(env.appRole) { app in
        try await app.withIdentity(buyer) { tx in
          try await tx.updateProducedContentMetrics(id: content.id, performanceMetrics: metrics)
        }
      }
      #expect(frozen == nil)
      await expectReelbaseError(.invalidState, sqlState: "55000") {
        var unverifying = verified
        unverifying.verified = false
        _ = try await admin.update(unverifying)
      }
    }
  }

  @Test func sweepsFollowAFakeClock() async throws {
    try await env.withClient { admin in
      let f = try await MarketFixture.make(admin)
      let open = try await f.listOpen(admin, in: f.home)
      let soldOut = try await f.listOpen(admin, in: f.cheap, perMarketCap: 1)
      let transactionID = try await env.withClient(env.appRole) { app in
        try await app.withIdentity(UUID()) { tx in try await tx.purchaseListing(listingWindowID: soldOut.id) }
      }
      let purchase = try #require(try await admin.find(MarketTransaction.self, id: transactionID, readFrom: .primary))
      #expect(try await admin.find(ListingWindow.self, id: soldOut.id, readFrom: .primary)?.status == .soldOut)

      // Before the window ends nothing of this fixture changes.
      _ = try await admin.expireListings(now: open.windowEnd.addingTimeInterval(-1))
      #expect(try await admin.find(ListingWindow.self, id: open.id, readFrom: .primary)?.status == .active)
      _ = try await admin.archiveListings(now: soldOut.windowEnd.addingTimeInterval(-1))
      #expect(try await admin.find(ListingWindow.self, id: soldOut.id, readFrom: .primary)?.status == .soldOut)

      // At window_end: the active listing expires (other tests' due listings may expire too).
      let end = max(open.windowEnd, soldOut.windowEnd)
      let expired = try await admin.expireListings(now: end, batchSize: 1_000_000)
      #expect(expired >= 1)
      #expect(try await admin.find(ListingWindow.self, id: open.id, readFrom: .primary)?.status == .expired)
      // Idempotent.
      #expect(try await admin.expireListings(now: end, batchSize: 1_000_000) == 0)
      // Archived: the expired one, and the sold-out one past its window.
      let archived = try await admin.archiveListings(now: end, batchSize: 1_000_000)
      #expect(archived >= 2)
      #expect(try await admin.find(ListingWindow.self, id: open.id, readFrom: .primary)?.status == .archived)
      #expect(try await admin.find(ListingWindow.self, id: soldOut.id, readFrom: .primary)?.status == .archived)

      // Cashback: pending until 30 days (720 hours) after the purchase, then expired when no
      // content was submitted.
      let deadline = purchase.purchasedAt.addingTimeInterval(720 * 3600)
      _ = try await admin.expireCashback(now: deadline.addingTimeInterval(-1), batchSize: 1_000_000)
      #expect(try await admin.find(MarketTransaction.self, id: transactionID, readFrom: .primary)?.cashbackStatus == .pending)
      let cashback = try await admin.expireCashback(now: deadline, batchSize: 1_000_000)
      #expect(cashback >= 1)
      #expect(try await admin.find(MarketTransaction.self, id: transactionID, readFrom: .primary)?.cashbackStatus == .expired)

      // run_sweeps: one batch of each, in order (other tests' listings may still be due at this
      // clock); a second run finds nothing left.
      let first = try await admin.runSweeps(now: deadline, batchSize: 1_000_000)
      #expect(first.map(\.sweep) == ["expire_listings", "archive_listings", "expire_cashback"])
      #expect(try await admin.runSweeps(now: deadline, batchSize: 1_000_000) == [
        MarketSweepResult(sweep: "expire_listings", changed: 0),
        MarketSweepResult(sweep: "archive_listings", changed: 0),
        MarketSweepResult(sweep: "expire_cashback", changed: 0),
      ])
      // With the server's own clock (default p_now).
      #expect(try await admin.runSweeps().count == 3)

      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await admin.expireListings(batchSize: 0)
      }
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await admin.expireCashback(now: .distantFuture, batchSize: 2_000_000)
      }
      // Buyers may not run the sweeps.
      try await env.withClient(env.appRole) { app in
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.runSweeps()
        }
      }
    }
  }
}
