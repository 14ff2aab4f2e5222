import Foundation
import Reelbase
import Testing

/// Metrics ingestion and scoring through the client: an owner records days of its content and
/// scores it with an explicit (inactive) config, so no other test's active config matters.
@Suite struct FactoryMetricsTests {
  let env: TestEnvironment
  init() throws { env = try TestEnvironment.load() }

  @Test func recordedDaysAreUpsertedAndScored() async throws {
    let f = try await FactoryFixture.make(env)
    let config = try await env.withClient { admin in
      try await admin.insert(ScoringConfig {
        $0.name = "conversions only \(f.tag)"; $0.weights = ["conversions": 1]; $0.minViewsThreshold = 0; $0.active = false
      })
    }
    let (first, second) = try await f.asOwner(env) { tx in
      (try await f.publishedContent(tx, conversions: 10), try await f.publishedContent(tx, conversions: 40))
    }
    let day = Date(timeIntervalSince1970: 1_764_590_400)  // the fixture's day, 2025-12-01
    let recorded = try await f.asOwner(env) { tx in
      try await tx.recordDailyMetrics([
        PerformanceMetricsDay { $0.publishedContentID = first.id; $0.date = day; $0.views = 20_000; $0.clicks = 1000; $0.conversions = 20 },
        PerformanceMetricsDay { $0.publishedContentID = first.id; $0.date = day + 86_400; $0.views = 5_000; $0.clicks = 1000 },
      ])
    }
    #expect(recorded.inserted == 1 && recorded.updated == 1)
    // first: 20 conversions of 2,000 clicks (.01); second: 40 of 1,000 (.04), the best.
    let (a, b) = try await f.asOwner(env) { tx in
      (try await tx.scorePublishedContent(first.id, config: config.id, readFrom: .primary),
       try await tx.scorePublishedContent(second.id, config: config.id, readFrom: .primary))
    }
    #expect(a?.totalViews == 25_000 && a?.conversionRate == 0.01 && b?.conversionRate == 0.04)
    #expect(b?.score == 1 && a?.score == 0.25 && a?.configID == config.id && a?.rank == nil)
    await expectReelbaseError(.invalidInput, sqlState: "22023") {
      _ = try await f.asOwner(env) { tx in
        try await tx.recordDailyMetrics([PerformanceMetricsDay { $0.publishedContentID = first.id; $0.date = day; $0.views = -1 }])
      }
    }
    await expectReelbaseError(.notFound, sqlState: "P0002") {
      _ = try await f.asOwner(env) { tx in try await tx.scorePublishedContent(first.id, config: UUID(), readFrom: .primary) }
    }
  }
}
