import Foundation
import Reelbase
import Testing

/// Likes, views, flags and topic review through the typed calls, each as an end user inside
/// withIdentity, with the counters they move and the refusals they meet.
@Suite struct SocialTests {
  let env: TestEnvironment
  init() throws { env = try TestEnvironment.load() }

  @Test func likeAndUnlikeAreIdempotentAndCounted() async throws {
    try await env.withClient { admin in
      let f = try await StoriesFixture.make(admin)
      try await env.withClient(env.appRole) { app in
        let (first, second, idea, mine) = try await app.withIdentity(f.contributor.id) { tx in
          (try await tx.like(targetType: .scene, targetID: f.scene.id),
           try await tx.like(targetType: .scene, targetID: f.scene.id),
           try await tx.like(targetType: .idea, targetID: f.idea.id),
           try await tx.fetch(Like.self, orderBy: "target_type"))
        }
        #expect(first && !second && idea)
        #expect(mine.map(\.targetType) == [.idea, .scene] && mine.allSatisfy { $0.userID == f.contributor.id })
        try await app.withIdentity(f.author.id) { tx in _ = try await tx.like(targetType: .scene, targetID: f.scene.id) }
        #expect(try await admin.storedScene(f.scene.id)?.likeCount == 2)
        #expect(try await admin.find(Idea.self, id: f.idea.id, readFrom: .primary)?.likeCount == 1)

        let (taken, again) = try await app.withIdentity(f.contributor.id) { tx in
          (try await tx.unlike(targetType: .scene, targetID: f.scene.id),
           try await tx.unlike(targetType: .scene, targetID: f.scene.id))
        }
        #expect(taken && !again)
        #expect(try await admin.storedScene(f.scene.id)?.likeCount == 1)

        await expectReelbaseError(.invalidInput, sqlState: "22023") {
          _ = try await app.withIdentity(f.contributor.id) { tx in try await tx.like(targetType: .segment, targetID: UUID()) }
        }
        await expectReelbaseError(.notFound, sqlState: "23503") {
          _ = try await app.withIdentity(f.contributor.id) { tx in try await tx.like(targetType: .scene, targetID: UUID()) }
        }
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          try await app.like(targetType: .scene, targetID: f.scene.id)
        }
      }
    }
  }

  @Test func viewsAreRecordedForUsersAndAnonymouslyByKeyedHash() async throws {
    try await env.withClient { admin in
      let f = try await StoriesFixture.make(admin)
      try await env.withClient(env.appRole) { app in
        let (viewID, seen) = try await app.withIdentity(f.contributor.id) { tx in
          let id = try await tx.recordView(sceneID: f.scene.id)
          return (id, try await tx.fetch(SceneView.self, where: "scene_id = \(f.scene.id)"))
        }
        #expect(seen.map(\.id) == [viewID] && seen.first?.userID == f.contributor.id && seen.first?.ipHash == nil)
        // Anonymous: only the keyed hash of the normalized address is kept.
        let a = try await app.recordView(sceneID: f.scene.id, ip: "198.51.100.23")
        let b = try await app.recordView(sceneID: f.scene.id, ip: "198.51.100.23/32")
        let c = try await app.recordView(sceneID: f.scene.id, ip: "203.0.113.9")
        let anonymous = try await admin.fetch(
          SceneView.self, where: "id = ANY(\([a, b, c]))", readFrom: .primary)
        let hashes = Dictionary(uniqueKeysWithValues: anonymous.map { ($0.id, $0.ipHash ?? "") })
        #expect(anonymous.allSatisfy { $0.userID == nil })
        #expect(hashes[a]?.count == 64 && hashes[a] == hashes[b] && hashes[a] != hashes[c])
        await expectReelbaseError(.invalidInput, sqlState: "22023") {
          try await app.recordView(sceneID: f.scene.id)
        }
        await expectReelbaseError(.invalidInput, sqlState: "22P02") {
          try await app.recordView(sceneID: f.scene.id, ip: "not an address")
        }
        await expectReelbaseError(.notFound, sqlState: "23503") {
          try await app.recordView(sceneID: UUID(), ip: "198.51.100.23")
        }
      }
      #expect(try await admin.storedScene(f.scene.id)?.viewCount == 4)
      #expect(try await admin.find(Idea.self, id: f.idea.id, readFrom: .primary)?.viewCount == 4)
    }
  }

  @Test func aModeratorResolvesAFlagByHidingTheScene() async throws {
    try await env.withClient { admin in
      let f = try await StoriesFixture.make(admin)
      try await env.withClient(env.appRole) { app in
        let flagID = try await app.withIdentity(f.contributor.id) { tx in
          try await tx.flagContent(targetType: .scene, targetID: f.scene.id, reason: "inappropriate", description: "test")
        }
        // A user may not resolve it.
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.withIdentity(f.contributor.id) { tx in
            try await tx.resolveFlag(flagID: flagID, resolution: .resolved, action: .hide)
          }
        }
        let resolution = try await app.withIdentity(f.moderator.id) { tx in
          try await tx.resolveFlag(flagID: flagID, resolution: .resolved, action: .hide, notes: "hidden in a test")
        }
        #expect(resolution == .resolved)
        await expectReelbaseError(.invalidState, sqlState: "55000") {
          _ = try await app.withIdentity(f.moderator.id) { tx in try await tx.resolveFlag(flagID: flagID, resolution: .dismissed) }
        }
        let (mine, visible) = try await app.withIdentity(f.contributor.id) { tx in
          (try await tx.find(ModerationFlag.self, id: flagID), try await tx.find(Scene.self, id: f.scene.id))
        }
        let flag = try #require(mine)
        #expect(flag.status == .resolved && flag.actionTaken == .hide && flag.reviewedBy == f.moderator.id)
        #expect(flag.reporterID == f.contributor.id && flag.reviewedAt != nil && flag.notes == "hidden in a test")
        // Hidden: the contributor no longer sees the scene, its author still does.
        #expect(visible == nil)
        let owned = try await app.withIdentity(f.author.id) { tx in try await tx.find(Scene.self, id: f.scene.id) }
        #expect(owned?.status == .hidden)
        await expectReelbaseError(.notFound, sqlState: "23503") {
          _ = try await app.withIdentity(f.contributor.id) { tx in
            try await tx.flagContent(targetType: .scene, targetID: f.scene.id, reason: "spam")
          }
        }
      }
    }
  }

  @Test func aProposedTopicIsApprovedThenPromoted() async throws {
    try await env.withClient { admin in
      let f = try await StoriesFixture.make(admin)
      let name = "Lighthouse Tales \(UUID().uuidString.prefix(6))"
      try await env.withClient(env.appRole) { app in
        let proposal = try await app.withIdentity(f.contributor.id) { tx in
          try await tx.proposeTopic(UserTopic { $0.userID = f.contributor.id; $0.name = name })
        }
        #expect(proposal.status == .pending && proposal.promotedToTopicID == nil)
        @Sendable func review(_ user: StoryUser, _ decision: TopicDecision, reason: String? = nil) async throws
          -> UserTopicReview
        {
          try await app.withIdentity(user.id) { tx in
            try await tx.reviewUserTopic(userTopicID: proposal.id, decision: decision, rejectionReason: reason)
          }
        }
        // Users do not review; moderators approve; only admins promote.
        await expectReelbaseError(.permissionDenied, sqlState: "42501") { _ = try await review(f.contributor, .approve) }
        let approved = try await review(f.moderator, .approve)
        #expect(approved.status == .approved && approved.promotedToTopicID == nil)
        await expectReelbaseError(.permissionDenied, sqlState: "42501") { _ = try await review(f.moderator, .promote) }
        let promoted = try await review(f.admin, .promote)
        let topicID = try #require(promoted.promotedToTopicID)
        let topic = try #require(try await admin.find(Topic.self, id: topicID, readFrom: .primary))
        #expect(topic.name == name && topic.slug.hasPrefix("lighthouse-tales-") && topic.isCurated)
        await expectReelbaseError(.invalidState, sqlState: "55000") {
          _ = try await review(f.moderator, .reject, reason: "late")
        }
      }
    }
  }
}
