import Foundation
import Reelbase

/// An owner (a fresh identity) with a dossier named after the fixture's tag, made through the
/// app role as that owner, so tests do not meet; ``make(_:)`` again makes another owner.
struct FactoryFixture: Sendable {
  let owner: UUID
  let dossier: ProductDossier
  /// Unique to the fixture, for names that are unique in the whole database (slugs, workers).
  let tag: String

  var name: String { "Acne Patch \(tag)" }

  static func make(_ env: TestEnvironment) async throws -> FactoryFixture {
    let owner = UUID()
    let tag = String(UUID().uuidString.lowercased().prefix(8))
    let dossier = try await PublishingFixture.acting(env, as: owner) { tx in
      try await tx.insert(ProductDossier { $0.name = "Acne Patch \(tag)"; $0.price = Decimal(string: "19.99") })
    }
    return FactoryFixture(owner: owner, dossier: dossier, tag: tag)
  }

  /// Runs `body` in one transaction as the owner, through the app role.
  @discardableResult
  func asOwner<T: Sendable>(_ env: TestEnvironment, _ body: (ReelbaseTransaction) async throws -> T)
    async throws -> T
  {
    try await PublishingFixture.acting(env, as: owner, body)
  }

  /// A pending image of the dossier.
  func image(_ env: TestEnvironment) async throws -> GeneratedImage {
    try await asOwner(env) { tx in
      try await tx.insert(GeneratedImage {
        $0.dossierID = dossier.id; $0.type = .before; $0.prompt = "red skin, close up"
      })
    }
  }

  /// A published content of the dossier with one day of metrics: `conversions` of 1000 clicks.
  func publishedContent(_ tx: ReelbaseTransaction, conversions: Int) async throws -> PublishedContent {
    let assembled = try await tx.insert(AssembledContent {
      $0.dossierID = dossier.id; $0.platform = .tiktok; $0.hashtags = ["skincare"]
    })
    let published = try await tx.insert(PublishedContent {
      $0.assembledContentID = assembled.id; $0.platform = .tiktok; $0.promotionStatus = PromotionStatus.none
    })
    try await tx.insert(PerformanceMetricsDay {
      $0.publishedContentID = published.id
      $0.date = Date(timeIntervalSince1970: 1_764_590_400)  // 2025-12-01 12:00 UTC
      $0.views = 20_000; $0.clicks = 1000; $0.conversions = conversions
    })
    return published
  }

  /// An A/B test between two published contents of the dossier, with `a` and `b` conversions of
  /// 1000 clicks each.
  func abTest(_ env: TestEnvironment, a: Int, b: Int) async throws -> (ABTest, PublishedContent, PublishedContent) {
    try await asOwner(env) { tx in
      let first = try await publishedContent(tx, conversions: a)
      let second = try await publishedContent(tx, conversions: b)
      let test = try await tx.insert(ABTest {
        $0.dossierID = dossier.id; $0.name = "hook test"
        $0.variants = [ABTestVariant(label: "A", publishedContentID: first.id),
                       ABTestVariant(label: "B", publishedContentID: second.id, budget: 50)]
      })
      return (test, first, second)
    }
  }
}
