import Foundation
import Reelbase

/// A small marketplace made through the client as an administrator: two markets (a US-like
/// baseline and one with purchasing-power index 0.28, the seed's Indonesian example), an
/// inactive model, an analysed video with an analysis and a random embedding, a concept with
/// its template (origin: the first market) and a subtitle overlay. Country codes and tags
/// are random per fixture, so fixtures of different tests do not meet.
struct MarketFixture: Sendable {
  let home: MarketContext
  let cheap: MarketContext
  let model: ModelVersion
  let video: AnalyzedVideo
  let concept: Concept
  let overlay: ViewerOverlay

  /// The seed's example analysis: replicability 8, not meme-dependent, a string feature.
  static let analysis: JSONValue = [
    "script": ["replicability": ["score": 8], "conceptCore": "deadpan reaction"],
    "trends": ["memeDependent": false],
    "audio": ["musicGenre": "lofi"],
  ]

  static func make(_ admin: ReelbaseClient) async throws -> MarketFixture {
    let tag = UUID().uuidString.lowercased()
    let home = try await uniqueMarket(admin, region: "Home \(tag.prefix(8))", ppi: 1.0, currency: "USD")
    let cheap = try await uniqueMarket(admin, region: "Cheap \(tag.prefix(8))", ppi: 0.28, currency: "IDR")
    let model = try await admin.insert(ModelVersion {
      $0.versionTag = "test-\(tag)"; $0.trainedAt = Date(timeIntervalSince1970: 1_765_756_800)
      $0.trainingVideoCount = 200
      $0.weights = ["script.replicability.score": 0.5, "trends.memeDependent": -0.7]
      $0.accuracyMetrics = ["mae": 0.12, "rmse": 0.15, "r2": 0.68]
    })
    let video = try await admin.insert(AnalyzedVideo {
      $0.videoURL = "https://www.tiktok.com/@test/video/\(tag)"; $0.platform = .tiktok
      $0.platformVideoID = tag; $0.metadata = ["duration": 21]; $0.visualAnalysis = analysis
      $0.contentEmbedding = randomEmbedding(); $0.analyzedAt = Date()
    })
    let concept = try await admin.insert(Concept {
      $0.sourceVideoID = video.id; $0.conceptCore = "Employee dreads admitting a mistake \(tag.prefix(8))"
      $0.templateDescription = "Open on the dread, cut to the deadpan boss"
      $0.requiredElements = ["dread", "deadpan"]; $0.variableElements = ["setting"]
      $0.originMarketID = home.id
    })
    let overlay = try await admin.insert(ViewerOverlay {
      $0.conceptID = concept.id; $0.overlayType = .subtitle; $0.languageCode = "id"
      $0.content = "Ah, aku sudah menangis."; $0.timestampStart = 2.0; $0.timestampEnd = 3.5
    })
    return MarketFixture(
      home: home, cheap: cheap, model: model, video: video, concept: concept, overlay: overlay)
  }

  /// A market with a random unused two-letter country code (codes are unique).
  static func uniqueMarket(
    _ admin: ReelbaseClient, region: String, ppi: Double, currency: String
  ) async throws -> MarketContext {
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    var lastError: (any Error)?
    for _ in 0..<50 {
      let code = String([letters.randomElement()!, letters.randomElement()!])
      do {
        return try await admin.insert(MarketContext {
          $0.countryCode = code; $0.regionName = region; $0.primaryLanguage = "en"
          $0.purchasingPowerIndex = ppi; $0.currencyCode = currency; $0.subtitlePriority = 3
        })
      } catch let error as ReelbaseError where error.code == .duplicate {
        lastError = error
      }
    }
    throw lastError ?? ReelbaseError(.duplicate, "no free country code")
  }

  /// A random 1,536-value embedding: random directions are nearly orthogonal, so the
  /// embeddings of other fixtures hardly resemble a test's own.
  static func randomEmbedding() -> [Float] {
    (0..<1536).map { _ in Float.random(in: -1...1) }
  }

  /// A listing of the concept in `market` whose window opened an hour ago.
  func listOpen(
    _ admin: ReelbaseClient, in market: MarketContext, price: Decimal = 41, perMarketCap: Int = 5,
    globalCap: Int = 15, conceptID: UUID? = nil
  ) async throws -> ListingWindow {
    let id = try await admin.listConcept(
      conceptID: conceptID ?? concept.id, marketContextID: market.id, basePriceUSD: price,
      windowStart: Date().addingTimeInterval(-3600), perMarketCap: perMarketCap, globalCap: globalCap)
    guard let listing = try await admin.find(ListingWindow.self, id: id, readFrom: .primary) else {
      throw ReelbaseError(.notFound, "listing \(id) just made is missing")
    }
    return listing
  }
}
