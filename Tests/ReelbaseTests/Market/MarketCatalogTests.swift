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
      let cheap = try #require(try await admin.fetch(
        MarketContext.self, where: "country_code = \(f.cheap.countryCode)", readFrom: .primary).first)
      #expect(cheap == f.cheap)
      #expect(cheap.purchasingPowerIndex == 0.28)
      #expect(cheap.currencyCode == "IDR")
      #expect(cheap.subtitlePriority == 3)
      #expect(try await admin.find(MarketContext.self, id: f.home.id, readFrom: .primary) == f.home)
      #expect(try await admin.fetch(MarketContext.self, orderBy: "country_code", readFrom: .primary).contains(f.home))

      // Analysed videos: the embedding only on request.
      let plain = try #require(try await admin.find(AnalyzedVideoSummary.self, id: f.video.id, readFrom: .primary))
      #expect(plain.hasEmbedding)
      #expect(!AnalyzedVideoSummary.columns.contains("content_embedding"))
      #expect(plain.visualAnalysis == MarketFixture.analysis)
      #expect(plain.platform == .tiktok)
      #expect(plain.metadata?["duration"] == 21)
      let full = try #require(try await admin.find(AnalyzedVideo.self, id: f.video.id, readFrom: .primary))
      #expect(full.hasEmbedding)
      #expect(full.contentEmbedding?.count == 1536)
      #expect(full.contentEmbedding == f.video.contentEmbedding)
      #expect(try await admin.fetch(
        AnalyzedVideoSummary.self, where: "platform = \(VideoPlatform.tiktok)", orderBy: "created_at DESC, id",
        limit: 1000, readFrom: .primary
      ).contains { $0.id == f.video.id && $0.hasEmbedding })
      #expect(try await admin.fetch(
        AnalyzedVideoSummary.self, where: "platform = \(VideoPlatform.youtube)", limit: 1000, readFrom: .primary
      ).allSatisfy { $0.platform == .youtube })

      // Concepts: the administrator reads the template on request.
      #expect(Concept.columns.contains("template_description"))
      #expect(f.concept.templateDescription == "Open on the dread, cut to the deadpan boss")
      #expect(f.concept.requiredElements == ["dread", "deadpan"])
      #expect(f.concept.evergreenEligible && !f.concept.archived)
      let summary = try #require(try await admin.find(ConceptSummary.self, id: f.concept.id, readFrom: .primary))
      #expect(summary.conceptCore == f.concept.conceptCore)
      #expect(!ConceptSummary.columns.contains("template_description"))
      let listed = try await admin.fetch(
        Concept.self, where: "source_video_id = \(f.video.id) AND NOT archived", readFrom: .primary)
      #expect(listed == [f.concept])

      // Overlays, filtered by language and type.
      #expect(try await admin.fetch(ViewerOverlay.self, where: "concept_id = \(f.concept.id)", readFrom: .primary)
        == [f.overlay])
      #expect(try await admin.fetch(
        ViewerOverlay.self, where: "concept_id = \(f.concept.id) AND language_code = \("en")", readFrom: .primary
      ).isEmpty)
      #expect(try await admin.fetch(
        ViewerOverlay.self, where: "concept_id = \(f.concept.id) AND overlay_type = \(OverlayType.sceneMarker)",
        readFrom: .primary
      ).isEmpty)
      #expect(f.overlay.timestampStart == 2.0 && f.overlay.timestampEnd == 3.5)

      // Archiving hides the concept from the default listing.
      var archived = f.concept
      archived.archived = true
      #expect(try await admin.update(archived) != nil)
      #expect(try await admin.fetch(
        ConceptSummary.self, where: "source_video_id = \(f.video.id) AND NOT archived", readFrom: .primary
      ).isEmpty)
      #expect(try await admin.fetch(
        ConceptSummary.self, where: "source_video_id = \(f.video.id)", readFrom: .primary).map(\.id) == [f.concept.id])
    }
  }

  @Test func catalogueChecksMapToErrorCodes() async throws {
    try await env.withClient { admin in
      let f = try await MarketFixture.make(admin)
      await expectReelbaseError(.duplicate, sqlState: "23505") {
        _ = try await admin.insert(MarketContext {
          $0.countryCode = f.home.countryCode; $0.regionName = "again"; $0.primaryLanguage = "en"
          $0.purchasingPowerIndex = 1; $0.currencyCode = "USD"
        })
      }
      await expectReelbaseError(.invalidInput, sqlState: "23514") {
        _ = try await admin.insert(MarketContext {
          $0.countryCode = "us"; $0.regionName = "lower case"; $0.primaryLanguage = "en"
          $0.purchasingPowerIndex = 1; $0.currencyCode = "USD"
        })
      }
      let embedding = await expectReelbaseError(.invalidInput, sqlState: "23514") {
        _ = try await admin.insert(AnalyzedVideo { $0.videoURL = "https://x"; $0.contentEmbedding = [1, 2, 3] })
      }
      #expect(embedding?.constraintName == "analyzed_videos_embedding_dimension")
      await expectReelbaseError(.notFound, sqlState: "23503") {
        _ = try await admin.insert(Concept { $0.sourceVideoID = UUID(); $0.conceptCore = "orphan" })
      }
      await expectReelbaseError(.invalidInput, sqlState: "23514") {
        _ = try await admin.insert(ViewerOverlay {
          $0.conceptID = f.concept.id; $0.overlayType = .timingCue; $0.languageCode = "en"; $0.content = "x"
          $0.timestampStart = 5; $0.timestampEnd = 1
        })
      }
    }
  }

  @Test func buyerReadsTheShopWindowWithoutTemplates() async throws {
    try await env.withClient { admin in
      let f = try await MarketFixture.make(admin)
      let archived = try await admin.insert(Concept {
        $0.sourceVideoID = f.video.id; $0.conceptCore = "Retired concept"; $0.templateDescription = "secret"
        $0.archived = true
      })
      let buyer = UUID()
      try await env.withClient(env.appRole) { app in
        try await app.withIdentity(buyer) { tx in
          #expect(try await tx.fetch(MarketContext.self, orderBy: "country_code").contains(f.cheap))
          // Concepts without the template; archived ones are hidden even when asked for.
          let concepts = try await tx.fetch(ConceptSummary.self, where: "source_video_id = \(f.video.id)")
          #expect(concepts.map(\.id) == [f.concept.id])
          let concept = try #require(concepts.first)
          #expect(!ConceptSummary.columns.contains("template_description"))
          #expect(!ConceptSummary.columns.contains("required_elements"))
          #expect(concept.conceptCore == f.concept.conceptCore)
          #expect(try await tx.find(ConceptSummary.self, id: archived.id) == nil)
          // Overlays only once bought; no purchases yet.
          #expect(try await tx.fetch(ViewerOverlay.self, where: "concept_id = \(f.concept.id)").isEmpty)
          #expect(try await tx.fetch(PurchasedConcept.self).isEmpty)
        }
        // The template is not granted to buyers: asking for it is a privilege error.
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.withIdentity(buyer) { tx in
            try await tx.find(Concept.self, id: f.concept.id)
          }
        }
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.withIdentity(buyer) { tx in
            try await tx.fetch(Concept.self)
          }
        }
        // Analysed videos, models and ratings are the administrators'.
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.find(AnalyzedVideoSummary.self, id: f.video.id, readFrom: .primary)
        }
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.fetch(ModelVersion.self, readFrom: .primary)
        }
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.fetch(ArbitrageMetric.self, where: "concept_id = \(f.concept.id)", readFrom: .primary)
        }
        // And every write.
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.insert(Concept { $0.sourceVideoID = f.video.id; $0.conceptCore = "mine" })
        }
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.insert(MarketContext {
            $0.countryCode = "ZZ"; $0.regionName = "z"; $0.primaryLanguage = "en"; $0.purchasingPowerIndex = 1
            $0.currencyCode = "USD"
          })
        }
      }
    }
  }
}
