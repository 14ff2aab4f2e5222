import Foundation
import Reelbase
import Testing

/// Dossiers through the generic mechanism as their owner: the slug the server makes (and its
/// suffix on a collision), the status flow's refusal, the audit trail, and that another owner
/// sees and writes nothing of them.
@Suite struct FactoryDossierTests {
  let env: TestEnvironment
  init() throws { env = try TestEnvironment.load() }

  @Test func anOwnersDossierGetsAGeneratedSlugAndACollisionTheNextSuffix() async throws {
    let f = try await FactoryFixture.make(env)
    #expect(f.dossier.slug == "acne-patch-\(f.tag)")
    #expect(f.dossier.status == .draft && f.dossier.ownerID == f.owner)
    #expect(f.dossier.price == Decimal(string: "19.99") && f.dossier.proofTypes == ["before_after"])
    let (second, slug2, slugAccented) = try await f.asOwner(env) { tx in
      (try await tx.insert(ProductDossier { $0.name = f.name }),
       try await tx.slugify(f.name, suffix: 2, readFrom: .primary),
       try await tx.slugify("Crème Brûlée, Größe 2", readFrom: .primary))
    }
    #expect(second.slug == "acne-patch-\(f.tag)-2" && second.slug == slug2)
    #expect(slugAccented == "creme-brulee-grosse-2")
    await expectReelbaseError(.invalidInput, sqlState: "22023") {
      _ = try await f.asOwner(env) { tx in try await tx.slugify("x", suffix: 0, readFrom: .primary) }
    }
    await expectReelbaseError(.invalidInput, sqlState: "22023") {
      _ = try await f.asOwner(env) { tx in try await tx.insert(ProductDossier { $0.name = "!!!" }) }
    }
  }

  @Test func theStatusFlowRefusesASkippedStepAndTheAuditKeepsEveryChange() async throws {
    let f = try await FactoryFixture.make(env)
    var dossier = f.dossier
    dossier.status = .archived
    let refused = await expectReelbaseError(.invalidState, sqlState: "55000") {
      _ = try await f.asOwner(env) { tx in try await tx.update(dossier, only: ["status"]) }
    }
    #expect(refused?.message.contains("draft") == true, "\(String(describing: refused))")
    dossier.status = .active
    let (active, trail) = try await f.asOwner(env) { tx in
      (try await tx.update(dossier, only: ["status"]),
       try await tx.fetch(FactoryAuditEntry.self, where: "record_id = \(f.dossier.id)", orderBy: "created_at"))
    }
    #expect(active?.status == .active)
    #expect(active.map { $0.updatedAt! > f.dossier.updatedAt! } == true)
    #expect(trail.map(\.action) == ["INSERT", "UPDATE"])
    #expect(trail.allSatisfy { $0.ownerID == f.owner && $0.userID == f.owner && $0.tableName == "cf_product_dossiers" })
  }

  @Test func anotherOwnerSeesAndWritesNothingOfADossier() async throws {
    let f = try await FactoryFixture.make(env)
    let image = try await f.image(env)
    let (test, _, _) = try await f.abTest(env, a: 10, b: 12)
    let stranger = UUID()
    let (dossier, images, tests, trail) = try await PublishingFixture.acting(env, as: stranger) { tx in
      (try await tx.find(ProductDossier.self, id: f.dossier.id),
       try await tx.fetch(GeneratedImage.self, where: "id = \(image.id)"),
       try await tx.fetch(ABTest.self, where: "id = \(test.id)"),
       try await tx.fetch(FactoryAuditEntry.self, where: "record_id = \(f.dossier.id)"))
    }
    #expect(dossier == nil && images.isEmpty && tests.isEmpty && trail.isEmpty)
    await expectReelbaseError(.permissionDenied, sqlState: "42501") {
      _ = try await PublishingFixture.acting(env, as: stranger) { tx in
        try await tx.insert(GeneratedImage { $0.dossierID = f.dossier.id; $0.type = .after; $0.prompt = "mine now" })
      }
    }
    await expectReelbaseError(.notFound, sqlState: "P0002") {
      _ = try await PublishingFixture.acting(env, as: stranger) { tx in try await tx.evaluateABTest(testID: test.id) }
    }
    // The owner's rows are as they were, and decode with their defaults.
    let (mine, theirImage) = try await f.asOwner(env) { tx in
      (try await tx.find(ProductDossier.self, id: f.dossier.id), try await tx.find(GeneratedImage.self, id: image.id))
    }
    #expect(mine == f.dossier)
    #expect(theirImage == image && image.status == .pending && image.model == "nano-banana")
  }

  @Test func scoringWeightsAreCheckedByTheServer() async throws {
    let f = try await FactoryFixture.make(env)
    let weights: JSONValue = ["engagement": 0.4, "ctr": 0.3, "conversions": 0.3]
    #expect(try await f.asOwner(env) { tx in try await tx.checkScoringWeights(weights, readFrom: .primary) } == weights)
    let error = await expectReelbaseError(.invalidInput, sqlState: "22023") {
      _ = try await f.asOwner(env) { tx in
        try await tx.checkScoringWeights(["engagement": 0.4, "reach": 0.6], readFrom: .primary)
      }
    }
    #expect(error?.message.contains("reach") == true, "\(String(describing: error))")
    await expectReelbaseError(.invalidInput, sqlState: "22023") {
      _ = try await f.asOwner(env) { tx in try await tx.checkScoringWeights(["ctr": 0.5], readFrom: .primary) }
    }
  }
}
