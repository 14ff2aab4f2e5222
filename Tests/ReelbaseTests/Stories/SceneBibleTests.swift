import Foundation
import Reelbase
import Testing

/// stories.update_scene_bible through the typed call: a new version moves the scene's
/// bible_version, a stale version is a conflict naming the current one, and the bible schema's
/// refusals are invalidInput with the failing paths.
@Suite struct SceneBibleTests {
  let env: TestEnvironment
  init() throws { env = try TestEnvironment.load() }

  static func next(_ version: Int, location: String = "the lamp room") -> SceneBibleData {
    var bible = StoriesFixture.firstBible
    bible.version = version
    bible.characters.append(.init(entityID: "char_tomas", canonicalName: "Tomas Bell", aliases: ["Tom"]))
    bible.setting.primaryLocation = location
    bible.plotThreads = [.init(id: "map", description: "Where the map leads", status: "active")]
    return bible
  }

  @Test func aNewVersionMovesTheSceneAndReadsBackTyped() async throws {
    try await env.withClient { admin in
      let f = try await StoriesFixture.make(admin)
      let written = try await admin.updateSceneBible(sceneID: f.scene.id, expectedVersion: 1, data: Self.next(2))
      #expect(written.version == 2)
      #expect(try await admin.storedScene(f.scene.id)?.bibleVersion == 2)
      let bibles = try await admin.fetch(
        SceneBible.self, where: "scene_id = \(f.scene.id)", orderBy: "version", readFrom: .primary)
      #expect(bibles.map(\.version) == [1, 2])
      #expect(bibles.last?.id == written.bibleID)
      #expect(bibles.last?.bible == Self.next(2))
      #expect(bibles.last?.data["setting"]?["primaryLocation"] == "the lamp room")
      #expect(bibles.first?.bible?.characters.map(\.entityID) == ["char_mara"])
      // The author reads the bible of their scene; nobody else of the app may write one.
      try await env.withClient(env.appRole) { app in
        let seen = try await app.withIdentity(f.author.id) { tx in
          try await tx.fetch(SceneBible.self, where: "scene_id = \(f.scene.id)", orderBy: "version")
        }
        #expect(seen.map(\.version) == [1, 2])
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.withIdentity(f.author.id) { tx in
            try await tx.updateSceneBible(sceneID: f.scene.id, expectedVersion: 2, data: Self.next(3))
          }
        }
      }
    }
  }

  @Test func aStaleVersionIsAConflictNamingTheCurrentOne() async throws {
    try await env.withClient { admin in
      let f = try await StoriesFixture.make(admin)
      try await admin.updateSceneBible(sceneID: f.scene.id, expectedVersion: 1, data: Self.next(2))
      let stale = await expectReelbaseError(.conflict, sqlState: "40001") {
        try await admin.updateSceneBible(sceneID: f.scene.id, expectedVersion: 1, data: Self.next(2, location: "pier"))
      }
      #expect(stale?.currentBibleVersion == 2)
      #expect(stale?.isRetryable == true)
      // Retrying from the version it names succeeds.
      let retried = try await admin.updateSceneBible(
        sceneID: f.scene.id, expectedVersion: try #require(stale?.currentBibleVersion), data: Self.next(3, location: "pier"))
      #expect(retried.version == 3)
      #expect(try await admin.storedScene(f.scene.id)?.bibleVersion == 3)
      // Other errors carry no bible version.
      let missing = await expectReelbaseError(.notFound, sqlState: "23503") {
        try await admin.updateSceneBible(sceneID: UUID(), expectedVersion: 1, data: Self.next(2))
      }
      #expect(missing?.currentBibleVersion == nil)
    }
  }

  @Test func anInvalidBibleIsRefusedWithItsPaths() async throws {
    try await env.withClient { admin in
      let f = try await StoriesFixture.make(admin)
      var bad = Self.next(2)
      bad.characters[1].entityID = "Tomas"
      let refused = await expectReelbaseError(.invalidInput, sqlState: "22023") {
        try await admin.updateSceneBible(sceneID: f.scene.id, expectedVersion: 1, data: bad)
      }
      #expect(refused?.detail?.contains("$.characters[1].entityId") == true, "\(String(describing: refused))")
      // data.version must be the version written.
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        try await admin.updateSceneBible(sceneID: f.scene.id, expectedVersion: 1, data: Self.next(5))
      }
      // Nothing was written.
      #expect(try await admin.storedScene(f.scene.id)?.bibleVersion == 1)
      #expect(try await admin.fetch(SceneBible.self, where: "scene_id = \(f.scene.id)", readFrom: .primary).count == 1)
    }
  }
}
