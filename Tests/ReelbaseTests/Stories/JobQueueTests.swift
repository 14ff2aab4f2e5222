import Foundation
import Reelbase
import Testing

/// The job queue through the typed calls: idempotent enqueue under an identity, a worker's
/// claim, progress and completion into segment 1, retries with backoff, cancellation, and the
/// refusals of each. Serialized: claim_jobs hands out the oldest queued jobs of the database.
@Suite(.serialized) struct JobQueueTests {
  let env: TestEnvironment
  init() throws { env = try TestEnvironment.load() }

  @Test func enqueueWithOneKeyReturnsTheSameJob() async throws {
    try await env.withClient { admin in
      let f = try await StoriesFixture.make(admin)
      let key = "req-\(UUID().uuidString)"
      try await env.withClient(env.appRole) { app in
        let (first, again, mine) = try await app.withIdentity(f.contributor.id) { tx in
          (try await tx.enqueueJob(sceneID: f.scene.id, inputText: "Tomas climbs the tower", idempotencyKey: key),
           try await tx.enqueueJob(sceneID: f.scene.id, inputText: "Tomas climbs the tower", idempotencyKey: key),
           try await tx.fetch(StoryJob.self, where: "scene_id = \(f.scene.id)"))
        }
        #expect(first.enqueued && !again.enqueued)
        #expect(again.jobID == first.jobID && again.createdAt == first.createdAt)
        #expect(first.status == .queued)
        let job = try #require(mine.first)
        #expect(mine.count == 1)
        #expect(job.id == first.jobID && job.userID == f.contributor.id && job.idempotencyKey == key)
        #expect(job.status == .queued && job.stage == .pending && job.type == .continuation && job.bibleVersion == 1)
        // Another user's key is theirs; without an active user nothing is queued.
        await expectReelbaseError(.duplicate, sqlState: "23505") {
          _ = try await app.withIdentity(f.author.id) { tx in
            try await tx.enqueueJob(sceneID: f.scene.id, inputText: "mine", idempotencyKey: key)
          }
        }
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          try await app.enqueueJob(sceneID: f.scene.id, inputText: "anonymous")
        }
        // The contributor cancels it; a cancelled job stays cancelled.
        let status = try await app.withIdentity(f.contributor.id) { tx in try await tx.cancelJob(jobID: first.jobID) }
        #expect(status == .cancelled)
        await expectReelbaseError(.invalidState, sqlState: "55000") {
          _ = try await app.withIdentity(f.contributor.id) { tx in try await tx.cancelJob(jobID: first.jobID) }
        }
        // Someone else's job is not theirs to cancel.
        await expectReelbaseError(.notFound, sqlState: "23503") {
          _ = try await app.withIdentity(f.author.id) { tx in try await tx.cancelJob(jobID: first.jobID) }
        }
      }
      let keyRow = try await admin.fetch(JobIdempotencyKey.self, where: "idempotency_key = \(key)", readFrom: .primary)
      #expect(keyRow.map(\.jobID) == [try #require(try await admin.fetch(StoryJob.self, where: "idempotency_key = \(key)").first?.id)])
    }
  }

  @Test func claimReportAndCompleteMakeSegmentOne() async throws {
    try await env.withClient { admin in
      let f = try await StoriesFixture.make(admin)
      let worker = StoriesFixture.workerName()
      let job = try await f.enqueue(env, "The lamp fails")
      let claimed = try #require(try await admin.claim(job.jobID, worker: worker))
      #expect(claimed.sceneID == f.scene.id && claimed.userID == f.contributor.id)
      #expect(claimed.inputText == "The lamp fails" && claimed.bibleVersion == 1 && claimed.retryCount == 0)

      let progress = try await admin.reportProgress(
        jobID: job.jobID, worker: worker, progress: 60, stage: .videoGeneration, message: "rendering")
      #expect(progress.status == .processing && progress.stage == .videoGeneration && progress.progress == 60)
      // Only the holding worker reports, and a stage does not go back.
      await expectReelbaseError(.invalidState, sqlState: "55000") {
        try await admin.reportProgress(jobID: job.jobID, worker: "someone-else", progress: 70)
      }
      await expectReelbaseError(.invalidState, sqlState: "55000") {
        try await admin.reportProgress(jobID: job.jobID, worker: worker, stage: .scriptExpansion)
      }
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        try await admin.reportProgress(jobID: job.jobID, worker: worker, progress: 101)
      }

      let segment = try await admin.completeJob(
        jobID: job.jobID, worker: worker, resultData: ["model": "test"], media: StoriesFixture.media("s1"))
      #expect(segment.sequence == 1 && segment.sceneID == f.scene.id)
      // The same job again is the same segment; a finished job takes no more reports.
      #expect(try await admin.appendSegment(jobID: job.jobID, media: StoriesFixture.media("s1")) == segment)
      await expectReelbaseError(.invalidState, sqlState: "55000") {
        try await admin.completeJob(jobID: job.jobID, worker: worker, resultData: [:], media: StoriesFixture.media("s1"))
      }

      let stored = try #require(try await admin.fetch(
        Segment.self, where: "scene_id = \(f.scene.id)", readFrom: .primary).first)
      #expect(stored.id == segment.segmentID && stored.jobID == job.jobID && stored.userID == f.contributor.id)
      #expect(stored.inputText == "The lamp fails" && stored.duration == 8 && stored.fileSize == 4_200_000)
      let done = try #require(try await admin.fetch(StoryJob.self, where: "id = \(job.jobID)", readFrom: .primary).first)
      #expect(done.status == .finalReady && done.stage == .completed && done.progress == 100)
      #expect(done.claimedBy == worker && done.resultData == ["model": "test"] && done.completedAt != nil)
      let scene = try #require(try await admin.storedScene(f.scene.id))
      #expect(scene.segmentCount == 1 && scene.totalDuration == 8 && scene.contributorCount == 1)
      #expect(scene.lastSegmentAt == stored.createdAt)
      #expect(try await admin.fetch(SceneContributor.self, where: "scene_id = \(f.scene.id)", readFrom: .primary)
        == [SceneContributor { $0.sceneID = f.scene.id; $0.userID = f.contributor.id; $0.segments = 1 }])
      // The pipeline's calls are not the app's.
      try await env.withClient(env.appRole) { app in
        _ = await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.claimJobs(worker: worker)
        }
      }
    }
  }

  @Test func aFailedJobIsRetriedWithBackoffThenFails() async throws {
    try await env.withClient { admin in
      let f = try await StoriesFixture.make(admin)
      let worker = StoriesFixture.workerName()
      let job = try await f.enqueue(env, "Storm")
      _ = try #require(try await admin.claim(job.jobID, worker: worker))
      let before = Date()
      let retry = try await admin.failJob(jobID: job.jobID, worker: worker, errorCode: "GPU_OOM", errorMessage: "out of memory")
      #expect(retry.status == .queued && retry.retryCount == 1)
      let wait = try #require(retry.runAfter).timeIntervalSince(before)
      #expect(wait > 25 && wait < 40, "\(wait)")
      // Not claimable before its delay; the worker no longer holds it.
      #expect(try await admin.claim(job.jobID, worker: worker) == nil)
      await expectReelbaseError(.invalidState, sqlState: "55000") {
        try await admin.failJob(jobID: job.jobID, worker: worker)
      }
      let stored = try #require(try await admin.fetch(StoryJob.self, where: "id = \(job.jobID)", readFrom: .primary).first)
      #expect(stored.errorCode == "GPU_OOM" && stored.claimedBy == nil && stored.stage == .pending)

      // With no retries left the next failure is final.
      var last = stored
      last.maxRetries = 1
      last.runAfter = nil
      try await admin.update(last)
      _ = try #require(try await admin.claim(job.jobID, worker: worker))
      let failed = try await admin.failJob(jobID: job.jobID, worker: worker, errorCode: "GPU_OOM")
      #expect(failed.status == .failed && failed.retryCount == 1 && failed.runAfter == nil)
    }
  }

  @Test func stalledJobsAreRequeued() async throws {
    try await env.withClient { admin in
      let f = try await StoriesFixture.make(admin)
      let worker = StoriesFixture.workerName()
      let job = try await f.enqueue(env, "Fog")
      _ = try #require(try await admin.claim(job.jobID, worker: worker))
      // A worker that reported a moment ago has not stalled for ten minutes.
      #expect(try await admin.requeueStalledJobs() >= 0)
      #expect(try await admin.fetch(StoryJob.self, where: "id = \(job.jobID)", readFrom: .primary).first?.status == .processing)
      try await Task.sleep(for: .milliseconds(20))
      #expect(try await admin.requeueStalledJobs(stalledAfter: .seconds(0)) >= 1)
      let stored = try #require(try await admin.fetch(StoryJob.self, where: "id = \(job.jobID)", readFrom: .primary).first)
      #expect(stored.status == .queued && stored.claimedBy == nil)
      #expect(stored.message?.contains(worker) == true)
      // Claimed again by a new worker, it completes as usual.
      #expect(try await admin.claim(job.jobID, worker: "\(worker)-2")?.jobID == job.jobID)
    }
  }
}
