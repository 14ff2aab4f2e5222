import Foundation
import Reelbase
import Testing

/// Who a stories user is inside withIdentity, what of the accounts they read, and the writes
/// limited to the columns end users are granted.
@Suite struct StoryIdentityTests {
  let env: TestEnvironment
  init() throws { env = try TestEnvironment.load() }

  @Test func theIdentityIsAnActiveAccountWithItsRole() async throws {
    try await env.withClient { admin in
      let f = try await StoriesFixture.make(admin)
      let inactive = try await admin.insert(StoryUser {
        $0.email = "gone-\(f.author.id)@example.com"; $0.username = "gone_\(f.author.id.uuidString.prefix(12))"
        $0.isActive = false
      })
      try await env.withClient(env.appRole) { app in
        try await app.withIdentity(f.moderator.id) { tx async throws in
          #expect(try await tx.currentStoryUserID() == f.moderator.id)
          #expect(try await tx.currentStoryUserRole() == .moderator)
          #expect(try await tx.isStoryModerator())
          #expect(try await !tx.isStoryAdmin())
        }
        try await app.withIdentity(f.admin.id) { tx async throws in
          #expect(try await tx.isStoryModerator())
          #expect(try await tx.isStoryAdmin())
        }
        try await app.withIdentity(f.author.id) { tx async throws in
          #expect(try await tx.currentStoryUserRole() == .user)
          #expect(try await !tx.isStoryModerator())
          #expect(try await tx.sceneIsPublic(sceneID: f.scene.id))
          #expect(try await tx.sceneOwner(sceneID: f.scene.id) == f.author.id)
          #expect(try await tx.sceneOwner(sceneID: UUID()) == nil)
          #expect(try await !tx.sceneIsPublic(sceneID: UUID()))
        }
        // An inactive account is no identity, and sees nothing.
        try await app.withIdentity(inactive.id) { tx async throws in
          #expect(try await tx.currentUserID() == inactive.id)
          #expect(try await tx.currentStoryUserID() == nil)
          #expect(try await tx.currentStoryUserRole() == nil)
          #expect(try await tx.fetch(Scene.self, where: "id = \(f.scene.id)").isEmpty)
          #expect(try await tx.myStoryAccount() == nil)
        }
        #expect(try await app.currentStoryUserID(readFrom: .primary) == nil)
      }
    }
  }

  @Test func usersReadProfilesAndOnlyTheirOwnPrivateColumns() async throws {
    try await env.withClient { admin in
      let f = try await StoriesFixture.make(admin)
      var author = f.author
      author.passwordHash = "$argon2id$test"
      author.lastLoginAt = Date(timeIntervalSince1970: 1_765_000_000)
      try await admin.update(author)
      let link = try await admin.insert(OAuthAccount {
        $0.userID = f.author.id; $0.provider = .github; $0.providerID = "gh-\(f.author.id)"; $0.accessToken = "tok"
      })
      try await env.withClient(env.appRole) { app in
        try await app.withIdentity(f.contributor.id) { tx async throws in
          let profile = try #require(try await tx.find(UserProfile.self, id: f.author.id))
          #expect(profile.username == f.author.username && profile.role == .user)
          // Another user's email, and anyone's secrets, are not the app's to select.
          await expectReelbaseError(.permissionDenied, sqlState: "42501") {
            _ = try await tx.find(StoryUser.self, id: f.author.id)
          }
        }
        try await app.withIdentity(f.author.id) { tx async throws in
          let me = try #require(try await tx.myStoryAccount())
          #expect(me.id == f.author.id && me.email == f.author.email && me.passwordHash == nil)
          #expect(me.lastLoginAt == author.lastLoginAt)
          #expect(try await tx.myPasswordHash() == "$argon2id$test")
          let tokens = try await tx.myOAuthAccounts()
          #expect(tokens.map(\.id) == [link.id] && tokens.first?.accessToken == "tok" && tokens.first?.provider == .github)
          #expect(try await tx.fetch(OAuthAccountSummary.self).map(\.providerID) == [link.providerID])
          // Their own profile they edit; their role they do not (update leaves it out).
          var profile = try #require(try await tx.find(UserProfile.self, id: f.author.id))
          profile.bio = "Keeper of lights"
          profile.role = .admin
          let saved = try #require(try await tx.update(profile))
          #expect(saved.bio == "Keeper of lights" && saved.role == .user)
          // Someone else's: no row to change.
          var other = try #require(try await tx.find(UserProfile.self, id: f.contributor.id))
          other.bio = "not mine"
          #expect(try await tx.update(other) == nil)
        }
      }
      #expect(try await admin.find(StoryUser.self, id: f.contributor.id, readFrom: .primary)?.bio == nil)
    }
  }

  @Test func endUsersWriteTheirOwnContentAndModeratorsItsStatus() async throws {
    try await env.withClient { admin in
      let f = try await StoriesFixture.make(admin)
      try await env.withClient(env.appRole) { app in
        let idea = try await app.withIdentity(f.contributor.id) { tx in
          try await tx.submitIdea(Idea {
            $0.userID = f.contributor.id; $0.topicID = f.topic.id; $0.title = "Fog"; $0.prompt = "The fog never lifts"
            $0.moderationStatus = .approved  // not written: a submission is pending
          })
        }
        #expect(idea.moderationStatus == .pending && idea.userID == f.contributor.id)
        // Not as someone else; and the generic insert writes the status, which users may not.
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.withIdentity(f.contributor.id) { tx in
            try await tx.submitIdea(Idea { $0.userID = f.author.id; $0.topicID = f.topic.id; $0.title = "x"; $0.prompt = "x" })
          }
        }
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.withIdentity(f.contributor.id) { tx in
            try await tx.insert(Idea { $0.userID = f.contributor.id; $0.topicID = f.topic.id; $0.title = "x"; $0.prompt = "x" })
          }
        }
        var edited = idea
        edited.title = "Fog, again"
        edited.moderationStatus = .approved
        let saved = try await app.withIdentity(f.contributor.id) { tx in try await tx.editIdea(edited) }
        #expect(saved?.title == "Fog, again" && saved?.moderationStatus == .pending)
        // Approving is a moderator's.
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.withIdentity(f.contributor.id) { tx in try await tx.moderateIdea(edited) }
        }
        let approved = try await app.withIdentity(f.moderator.id) { tx in try await tx.moderateIdea(edited) }
        #expect(approved?.moderationStatus == .approved && approved?.title == "Fog, again")

        let scene = try await app.withIdentity(f.contributor.id) { tx in
          try await tx.startScene(Scene {
            $0.ideaID = idea.id; $0.userID = f.contributor.id; $0.topicID = f.topic.id; $0.title = "Lost"
            $0.likeCount = 1000  // a counter: not written
          })
        }
        #expect(scene.likeCount == 0 && scene.bibleVersion == 1 && scene.status == .active)
        #expect(try await admin.find(Idea.self, id: idea.id, readFrom: .primary)?.sceneCount == 1)
        var locked = scene
        locked.status = .locked
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.withIdentity(f.contributor.id) { tx in try await tx.moderateScene(locked) }
        }
        #expect(try await app.withIdentity(f.moderator.id) { tx in try await tx.moderateScene(locked) }?.status == .locked)
        locked.title = "Lost at sea"
        let retitled = try await app.withIdentity(f.contributor.id) { tx in try await tx.editScene(locked) }
        #expect(retitled?.title == "Lost at sea" && retitled?.status == .locked)
        // A locked scene takes no new jobs.
        await expectReelbaseError(.invalidState, sqlState: "55000") {
          _ = try await app.withIdentity(f.contributor.id) { tx in
            try await tx.enqueueJob(sceneID: scene.id, inputText: "more")
          }
        }
      }
    }
  }
}
