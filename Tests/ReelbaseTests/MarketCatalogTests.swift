import Foundation
import PostgresNIO
import Reelbase
import Testing

/// The market's catalogue tables through the typed calls, per role: what an administrator
/// writes and reads, what a buyer (reelbase_app under an identity) may read, and what the
/// template columns' privileges refuse.
@Suite struct MarketCatalogTests {
  let env: TestEnvironment

  init() throws { env = try TestEnvironment.load() }

  @Test func administratorWritesAndReadsTheCatalogue() async throws {
    try await env.withClient { admin in
      let f = try await MarketFixture.make(admin)
      // Markets: by id and by country code, every column back.
      let cheap = try #require(try await admin.findMarketContext(countryCode: f.cheap.countryCode, readFrom: .primary))
      #expect(cheap == f.cheap)
      #expect(cheap.purchasingPowerIndex == 0.28)
      #expect(cheap.currencyCode == "IDR")
      #expect(cheap.subtitlePriority == 3)
      #expect(try await admin.getMarketContext(id: f.home.id, readFrom: .primary) == f.home)
      #expect(try await admin.listMarketContexts(readFrom: .primary).contains(f.home))

      // Analysed videos: the embedding only on request.
      let plain = try #require(try await admin.getAnalyzedVideo(id: f.video.id, readFrom: .primary))
      #expect(plain.hasEmbedding)
      #expect(plain.contentEmbedding == nil)
      #expect(plain.visualAnalysis == MarketFixture.analysis)
      #expect(plain.platform == .tiktok)
      #expect(plain.metadata?["duration"] == 21)
      let full = try #require(
        try await admin.getAnalyzedVideo(id: f.video.id, includeEmbedding: true, readFrom: .primary))
      #expect(full.contentEmbedding?.count == 1536)
      #expect(full.contentEmbedding == f.video.contentEmbedding)
      #expect(try await admin.listAnalyzedVideos(platform: .tiktok, limit: 1000, readFrom: .primary)
        .contains { $0.id == f.video.id && $0.contentEmbedding == nil })
      #expect(try await admin.listAnalyzedVideos(platform: .youtube, limit: 1000, readFrom: .primary)
        .allSatisfy { $0.platform == .youtube })

      // Concepts: the administrator reads the template on request.
      #expect(f.concept.includesTemplate)
      #expect(f.concept.templateDescription == "Open on the dread, cut to the deadpan boss")
      #expect(f.concept.requiredElements == ["dread", "deadpan"])
      #expect(f.concept.evergreenEligible && !f.concept.archived)
      let summary = try #require(try await admin.getConcept(id: f.concept.id, readFrom: .primary))
      #expect(!summary.includesTemplate && summary.templateDescription == nil)
      let listed = try await admin.listConcepts(
        sourceVideoID: f.video.id, includeTemplate: true, readFrom: .primary)
      #expect(listed == [f.concept])

      // Overlays, filtered by language and type.
      #expect(try await admin.listViewerOverlays(conceptID: f.concept.id, readFrom: .primary) == [f.overlay])
      #expect(try await admin.listViewerOverlays(conceptID: f.concept.id, languageCode: "en", readFrom: .primary).isEmpty)
      #expect(try await admin.listViewerOverlays(
        conceptID: f.concept.id, overlayType: .sceneMarker, readFrom: .primary).isEmpty)
      #expect(f.overlay.timestampStart == 2.0 && f.overlay.timestampEnd == 3.5)

      // Archiving hides the concept from the default listing.
      #expect(try await admin.setConceptArchived(id: f.concept.id))
      #expect(try await admin.listConcepts(sourceVideoID: f.video.id, readFrom: .primary).isEmpty)
      #expect(try await admin.listConcepts(
        sourceVideoID: f.video.id, includeArchived: true, readFrom: .primary).map(\.id) == [f.concept.id])
    }
  }

  @Test func catalogueChecksMapToErrorCodes() async throws {
    try await env.withClient { admin in
      let f = try await MarketFixture.make(admin)
      await expectReelbaseError(.duplicate, sqlState: "23505") {
        _ = try await admin.createMarketContext(
          countryCode: f.home.countryCode, regionName: "again", primaryLanguage: "en",
          purchasingPowerIndex: 1, currencyCode: "USD")
      }
      await expectReelbaseError(.invalidInput, sqlState: "23514") {
        _ = try await admin.createMarketContext(
          countryCode: "us", regionName: "lower case", primaryLanguage: "en",
          purchasingPowerIndex: 1, currencyCode: "USD")
      }
      let embedding = await expectReelbaseError(.invalidInput, sqlState: "23514") {
        _ = try await admin.createAnalyzedVideo(videoURL: "https://x", contentEmbedding: [1, 2, 3])
      }
      #expect(embedding?.constraintName == "analyzed_videos_embedding_dimension")
      await expectReelbaseError(.notFound, sqlState: "23503") {
        _ = try await admin.createConcept(sourceVideoID: UUID(), conceptCore: "orphan")
      }
      await expectReelbaseError(.invalidInput, sqlState: "23514") {
        _ = try await admin.createViewerOverlay(
          conceptID: f.concept.id, overlayType: .timingCue, languageCode: "en", content: "x",
          timestampStart: 5, timestampEnd: 1)
      }
    }
  }

  @Test func buyerReadsTheShopWindowWithoutTemplates() async throws {
    try await env.withClient { admin in
      let f = try await MarketFixture.make(admin)
      let archived = try await admin.createConcept(
        sourceVideoID: f.video.id, conceptCore: "Retired concept", templateDescription: "secret",
        archived: true)
      let buyer = UUID()
      try await env.withClient(env.appRole) { app in
        try await app.withIdentity(buyer) { tx in
          #expect(try await tx.listMarketContexts().contains(f.cheap))
          // Concepts without the template; archived ones are hidden even when asked for.
          let concepts = try await tx.listConcepts(sourceVideoID: f.video.id, includeArchived: true)
          #expect(concepts.map(\.id) == [f.concept.id])
          let concept = try #require(concepts.first)
          #expect(!concept.includesTemplate)
          #expect(concept.templateDescription == nil && concept.requiredElements == nil)
          #expect(concept.conceptCore == f.concept.conceptCore)
          #expect(try await tx.getConcept(id: archived.id) == nil)
          // Overlays only once bought; no purchases yet.
          #expect(try await tx.listViewerOverlays(conceptID: f.concept.id).isEmpty)
          #expect(try await tx.listPurchasedConcepts().isEmpty)
        }
        // The template is not granted to buyers: asking for it is a privilege error.
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.withIdentity(buyer) { tx in
            try await tx.getConcept(id: f.concept.id, includeTemplate: true)
          }
        }
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.withIdentity(buyer) { tx in
            try await tx.listConcepts(includeTemplate: true)
          }
        }
        // Analysed videos, models and ratings are the administrators'.
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.getAnalyzedVideo(id: f.video.id, readFrom: .primary)
        }
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.listModelVersions(readFrom: .primary)
        }
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.listArbitrageMetrics(conceptID: f.concept.id, readFrom: .primary)
        }
        // And every write.
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.createConcept(sourceVideoID: f.video.id, conceptCore: "mine")
        }
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.createMarketContext(
            countryCode: "ZZ", regionName: "z", primaryLanguage: "en", purchasingPowerIndex: 1,
            currencyCode: "USD")
        }
      }
    }
  }
}
