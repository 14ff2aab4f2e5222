import Foundation
import Reelbase
import Testing

/// The pipeline's calls: an administrator's worker claims and completes or fails generated
/// images (only the claiming worker may finish one), and an owner evaluates A/B tests on
/// constructed metrics. Serialized: a claim hands out the oldest pending images of the database.
@Suite(.serialized) struct FactoryPipelineTests {
  let env: TestEnvironment
  init() throws { env = try TestEnvironment.load() }

  @Test func theAdminClaimsAndCompletesAnImageAndAnotherWorkerCannot() async throws {
    let f = try await FactoryFixture.make(env)
    let image = try await f.image(env)
    let failing = try await f.image(env)
    let worker = "render-\(f.tag)"
    try await env.withClient { admin in
      let jobs = try await admin.claimGenerationJobs(kind: .image, worker: worker, max: 1000)
      let job = try #require(jobs.first { $0.id == image.id })
      #expect(job.dossierID == f.dossier.id && job.type == "before" && job.prompt == image.prompt)
      #expect(jobs.contains { $0.id == failing.id })
      #expect(try await admin.claimGenerationJobs(kind: .image, worker: worker, max: 1000).isEmpty)
      await expectReelbaseError(.invalidState, sqlState: "55000") {
        try await admin.completeGeneration(
          kind: .image, id: image.id, worker: "someone-else", url: "https://cdn.example.com/x.png")
      }
      try await admin.completeGeneration(
        kind: .image, id: image.id, worker: worker, url: "https://cdn.example.com/a.png", metadata: ["width": 1080])
      try await admin.failGeneration(kind: .image, id: failing.id, worker: worker, error: "model timeout")
      // Finished rows stay finished.
      await expectReelbaseError(.invalidState, sqlState: "55000") {
        try await admin.completeGeneration(
          kind: .image, id: image.id, worker: worker, url: "https://cdn.example.com/b.png")
      }
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await admin.claimGenerationJobs(kind: .image, worker: worker, max: 0)
      }
    }
    let (done, failed) = try await f.asOwner(env) { tx in
      (try await tx.find(GeneratedImage.self, id: image.id), try await tx.find(GeneratedImage.self, id: failing.id))
    }
    #expect(done?.status == .completed && done?.imageURL == "https://cdn.example.com/a.png")
    #expect(done?.metadata?["claimed_by"] == .string(worker) && done?.metadata?["width"] == 1080)
    #expect(failed?.status == .failed && failed?.metadata?["error"] == "model timeout")
    // The queue is the pipeline's.
    await expectReelbaseError(.permissionDenied, sqlState: "42501") {
      _ = try await f.asOwner(env) { tx in try await tx.claimGenerationJobs(kind: .video, worker: worker) }
    }
  }

  @Test func aSignificantABTestIsCompletedWithItsWinner() async throws {
    let f = try await FactoryFixture.make(env)
    let (test, first, second) = try await f.abTest(env, a: 100, b: 150)
    let rows = try await f.asOwner(env) { tx in try await tx.evaluateABTest(testID: test.id, metric: .conversions) }
    #expect(rows.map(\.variant) == [1, 2] && rows.map(\.label) == ["A", "B"])
    #expect(rows.map(\.publishedContentID) == [first.id, second.id])
    #expect(rows.map(\.successes) == [100, 150] && rows.map(\.trials) == [1000, 1000])
    let b = try #require(rows.last)
    #expect(b.test == "two_proportion_z" && b.degreesOfFreedom == 1)
    #expect(abs(b.statistic - 3.380617) < 1e-6 && abs(b.pValue - 0.000723) < 5e-7)
    #expect(abs(b.intervalLower - 0.129210) < 1e-6 && abs(b.intervalUpper - 0.173469) < 1e-6)
    #expect(rows.allSatisfy(\.significant) && rows.map(\.winner) == [false, true])
    let stored = try #require(try await f.asOwner(env) { tx in try await tx.find(ABTest.self, id: test.id) })
    #expect(stored.status == .completed && stored.winnerID == second.id && stored.confidence == Decimal(string: "0.95"))
    #expect(stored.completedAt != nil && stored.variants == test.variants)
    await expectReelbaseError(.invalidState, sqlState: "55000") {
      _ = try await f.asOwner(env) { tx in try await tx.evaluateABTest(testID: test.id) }
    }
  }

  @Test func aNotSignificantABTestChangesNothing() async throws {
    let f = try await FactoryFixture.make(env)
    let (test, _, _) = try await f.abTest(env, a: 100, b: 103)
    let rows = try await f.asOwner(env) { tx in try await tx.evaluateABTest(testID: test.id, confidence: 0.9) }
    #expect(rows.count == 2 && rows.allSatisfy { !$0.significant && !$0.winner })
    #expect(rows.allSatisfy { $0.pValue > 0.1 })
    let stored = try #require(try await f.asOwner(env) { tx in try await tx.find(ABTest.self, id: test.id) })
    #expect(stored == test && stored.status == .draft && stored.winnerID == nil)
    await expectReelbaseError(.invalidInput, sqlState: "22023") {
      _ = try await f.asOwner(env) { tx in try await tx.evaluateABTest(testID: test.id, confidence: 1.5) }
    }
  }
}
