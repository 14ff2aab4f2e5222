import Foundation
import Reelbase
import Testing

/// publishing.update_video and transition_video through the typed calls, as a persona owner:
/// the version advances with an audited, verifiable change; a stale version is a 40001 that
/// the retry helper handles by re-reading; malformed changes are 22023, moves outside the
/// status flow 55000; replay_video rebuilds the stored row from the trail.
@Suite struct VideoUpdateTests {
  let env: TestEnvironment
  init() throws { env = try TestEnvironment.load() }

  @Test func anUpdateAdvancesTheVersionAndIsAuditedInAVerifiableChain() async throws {
    let f = try await PublishingFixture.make(env)
    #expect(f.persona.ownerID == f.owner)
    #expect(f.video.status == .draft && f.video.stateVersion == 1 && f.video.durationSeconds == 30)
    let (updated, named, plain, trail, check) = try await f.asOwner(env) { tx in
      let updated = try await tx.updateVideo(
        id: f.video.id, expectedVersion: 1,
        changes: [.title("Harbour at noon"), .durationSeconds(42), .confidence(0.75), .description("cut"), .description(nil)])
      let named = try await tx.updateVideo(
        id: f.video.id, expectedVersion: 2, changes: [.videoURL("https://cdn.example.com/h.mp4")], actor: "editor-bot")
      // The actor named one call only.
      let plain = try await tx.updateVideo(
        id: f.video.id, expectedVersion: 3, changes: [.thumbnailURL("https://cdn.example.com/h.jpg")])
      return (updated, named, plain, try await tx.trail(of: f.video.id), try await tx.verifyAudit(videoID: f.video.id))
    }
    #expect(updated.stateVersion == 2 && named.stateVersion == 3 && plain.stateVersion == 4)
    #expect(updated.title == "Harbour at noon" && updated.durationSeconds == 42 && updated.confidence == 0.75)
    #expect(updated.description == nil && updated.status == .draft && updated.personaID == f.persona.id)
    #expect(updated.createdAt == f.video.createdAt)
    #expect(plain.videoURL == "https://cdn.example.com/h.mp4" && plain.thumbnailURL == "https://cdn.example.com/h.jpg")

    #expect(trail.map(\.action) == ["videos.insert", "videos.update", "videos.update", "videos.update"])
    #expect(trail.map(\.stateVersion) == [1, 2, 3, 4])
    let owner = f.owner.uuidString.lowercased()
    #expect(trail.map(\.actor) == [owner, owner, "editor-bot", owner])
    #expect(trail[0].stateBefore == nil && trail[0].stateAfter?["title"] == "Harbour at dawn")
    // An update records the columns it changed, before and after.
    #expect(trail[1].stateBefore?["title"] == "Harbour at dawn" && trail[1].stateAfter?["title"] == "Harbour at noon")
    #expect(trail[1].stateAfter?["duration_seconds"] == 42 && trail[1].stateAfter?["state_version"] == 2)
    #expect(trail[1].stateAfter?.objectValue?.keys.contains("description") == false)
    // The chain: genesis, then each row linked to its predecessor.
    #expect(trail[0].prevHash == Data(count: 32))
    #expect(zip(trail.dropFirst(), trail).allSatisfy { $0.prevHash == $1.rowHash && $0.rowHash.count == 32 })
    #expect(check.ok && check.chainsChecked == 1 && check.rowsChecked == 4)
    #expect(check.brokenID == nil && check.brokenTaskID == nil && check.problem == nil)
    // What was returned is what is stored.
    #expect(try await f.asOwner(env) { tx in try await tx.find(PublishingVideo.self, id: f.video.id) } == plain)
  }

  @Test func aStaleVersionIsAConflictAndTheRetryHelperRereads() async throws {
    let f = try await PublishingFixture.make(env)
    try await f.asOwner(env) { tx in try await tx.updateVideo(id: f.video.id, expectedVersion: 1, changes: [.title("second")]) }
    let stale = await expectReelbaseError(.conflict, sqlState: "40001") {
      _ = try await f.asOwner(env) { tx in
        try await tx.updateVideo(id: f.video.id, expectedVersion: 1, changes: [.title("lost")])
      }
    }
    #expect(stale?.currentVideoVersion == 2)
    #expect(stale?.isRetryable == true)

    // A concurrent writer commits between the helper's read and its write, once.
    var seen: [Int] = []
    let retried = try await env.withClient(env.appRole) { app in
      try await app.updateVideoRetrying(id: f.video.id, actingFor: f.owner) { current in
        seen.append(current.stateVersion)
        if seen.count == 1 {
          try await f.asOwner(env) { tx in
            try await tx.updateVideo(id: f.video.id, expectedVersion: current.stateVersion, changes: [.title("concurrent")])
          }
        }
        return [.title((current.title ?? "") + " + retried")]
      }
    }
    #expect(seen == [2, 3])
    #expect(retried.stateVersion == 4 && retried.title == "concurrent + retried")
    let trail = try await f.asOwner(env) { tx in try await tx.trail(of: f.video.id) }
    #expect(trail.compactMap { $0.stateAfter?["title"]?.stringValue }
      == ["Harbour at dawn", "second", "concurrent", "concurrent + retried"])

    // With one attempt the lost race is the caller's; a video the identity cannot see is missing.
    let lost = await expectReelbaseError(.conflict, sqlState: "40001") {
      _ = try await env.withClient(env.appRole) { app in
        try await app.updateVideoRetrying(id: f.video.id, actingFor: f.owner, attempts: 1) { current in
          try await f.asOwner(env) { tx in
            try await tx.updateVideo(id: f.video.id, expectedVersion: current.stateVersion, changes: [.confidence(0.1)])
          }
          return [.confidence(0.9)]
        }
      }
    }
    #expect(lost?.currentVideoVersion == 5)
    await expectReelbaseError(.notFound) {
      _ = try await env.withClient(env.appRole) { app in
        try await app.updateVideoRetrying(id: f.video.id, actingFor: UUID()) { _ in [.title("not mine")] }
      }
    }
  }

  @Test func malformedChangesAreInvalidInputAndChangeNothing() async throws {
    let f = try await PublishingFixture.make(env)
    // Keys the typed changes cannot name, sent through the escape hatch.
    for changes: JSONValue in [["colour": "red"], ["state_version": 9], ["title": 7], "title"] {
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await f.asOwner(env) { tx in
          try await tx.rows("SELECT * FROM publishing.update_video(\(f.video.id), 1, \(changes))", .write)
        }
      }
    }
    for changes: [VideoChange] in [[], [.durationSeconds(-1)], [.durationSeconds(Int(Int32.max) + 1)], [.status("archived")]] {
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await f.asOwner(env) { tx in try await tx.updateVideo(id: f.video.id, expectedVersion: 1, changes: changes) }
      }
    }
    // An owner cannot move its video off its own personas.
    await expectReelbaseError(.permissionDenied, sqlState: "42501") {
      _ = try await f.asOwner(env) { tx in
        try await tx.updateVideo(id: f.video.id, expectedVersion: 1, changes: [.personaID(nil)])
      }
    }
    await expectReelbaseError(.notFound, sqlState: "P0002") {
      _ = try await f.asOwner(env) { tx in try await tx.updateVideo(id: UUID(), expectedVersion: 1, changes: [.title("x")]) }
    }
    let stored = try await f.asOwner(env) { tx in try await tx.find(PublishingVideo.self, id: f.video.id) }
    #expect(stored == f.video)
  }

  @Test func transitionsFollowTheFlowAndOtherMovesAreRefused() async throws {
    let f = try await PublishingFixture.make(env)
    await expectReelbaseError(.invalidState, sqlState: "55000") {
      _ = try await f.asOwner(env) { tx in
        try await tx.transitionVideo(id: f.video.id, expectedVersion: 1, newStatus: .published)
      }
    }
    let moves: [PublishingVideoStatus] = [.pendingReview, .rejected, .draft, .pendingReview, .published]
    let videos = try await f.asOwner(env) { tx in
      var out: [PublishingVideo] = []
      for (i, status) in moves.enumerated() {
        out.append(try await tx.transitionVideo(id: f.video.id, expectedVersion: i + 1, newStatus: status, actor: "reviewer"))
      }
      return out
    }
    #expect(videos.map(\.status) == moves)
    #expect(videos.map(\.stateVersion) == [2, 3, 4, 5, 6])
    // Published is final.
    for status: PublishingVideoStatus in [.draft, .pendingReview, .rejected] {
      let refused = await expectReelbaseError(.invalidState, sqlState: "55000") {
        _ = try await f.asOwner(env) { tx in
          try await tx.transitionVideo(id: f.video.id, expectedVersion: 6, newStatus: status)
        }
      }
      #expect(refused?.currentVideoVersion == nil)
    }
    let (stored, trail) = try await f.asOwner(env) { tx in
      (try await tx.find(PublishingVideo.self, id: f.video.id), try await tx.trail(of: f.video.id))
    }
    #expect(stored?.status == .published && stored?.stateVersion == 6)
    #expect(trail.dropFirst().map(\.actor) == Array(repeating: "reviewer", count: 5))
    #expect(trail.dropFirst().compactMap { $0.stateAfter?["status"]?.stringValue } == moves.map(\.rawValue))
  }

  @Test func replayRebuildsTheVideoFromItsTrail() async throws {
    let f = try await PublishingFixture.make(env)
    // Separate transactions, so each change has a time of its own.
    try await f.asOwner(env) { tx in
      try await tx.updateVideo(id: f.video.id, expectedVersion: 1, changes: [.description("first cut"), .confidence(0.4)])
    }
    try await f.asOwner(env) { tx in
      try await tx.updateVideo(id: f.video.id, expectedVersion: 2, changes: [.description(nil), .title("Harbour, final")])
    }
    try await f.asOwner(env) { tx in try await tx.transitionVideo(id: f.video.id, expectedVersion: 3, newStatus: .pendingReview) }
    let (stored, replayed, trail) = try await f.asOwner(env) { tx in
      (try await tx.find(PublishingVideo.self, id: f.video.id), try await tx.replayVideo(id: f.video.id),
       try await tx.trail(of: f.video.id))
    }
    #expect(stored?.stateVersion == 4 && stored?.description == nil)
    #expect(replayed == stored)
    let (atInsert, before, unknown) = try await f.asOwner(env) { tx in
      (try await tx.replayVideo(id: f.video.id, upTo: trail[0].timestamp),
       try await tx.replayVideo(id: f.video.id, upTo: try #require(f.video.createdAt).addingTimeInterval(-1)),
       try await tx.replayVideo(id: UUID()))
    }
    #expect(atInsert == f.video)
    #expect(before == nil && unknown == nil)
    // The trail of another owner's video is hidden, so there is nothing to replay.
    #expect(try await PublishingFixture.acting(env, as: UUID()) { tx in try await tx.replayVideo(id: f.video.id) } == nil)
  }
}
