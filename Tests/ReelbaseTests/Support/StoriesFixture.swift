import Foundation
import Reelbase

/// A small story world made through the client as an administrator: an author, a
/// contributor, a moderator and a stories admin; a topic, an approved idea of the author, and
/// a scene of it with its bible at version 1. Names are unique per fixture, so tests do not
/// meet; ``make(_:)`` again makes another world.
struct StoriesFixture: Sendable {
  let author: StoryUser
  let contributor: StoryUser
  let moderator: StoryUser
  let admin: StoryUser
  let topic: Topic
  let idea: Idea
  let scene: Scene

  /// Bible version 1 of the fixture's scene.
  static let firstBible = SceneBibleData(
    version: 1, characters: [.init(entityID: "char_mara", canonicalName: "Mara Quill", traits: ["stubborn"])],
    setting: .init(primaryLocation: "Saltmere lighthouse", timePeriod: "1920s"), timeline: .init(currentPoint: "dusk"))

  static func make(_ db: ReelbaseClient) async throws -> StoriesFixture {
    let tag = String(UUID().uuidString.lowercased().prefix(12))
    func user(_ name: String, _ role: StoryUserRole) async throws -> StoryUser {
      try await db.insert(StoryUser {
        $0.email = "\(name)-\(tag)@example.com"; $0.username = "\(name)_\(tag)"; $0.role = role
        $0.displayName = name.capitalized
      })
    }
    let author = try await user("ann", .user)
    let contributor = try await user("bob", .user)
    let moderator = try await user("mia", .moderator)
    let admin = try await user("ada", .admin)
    let topic = try await db.insert(Topic { $0.name = "Sea stories \(tag)"; $0.slug = "sea-\(tag)" })
    let idea = try await db.insert(Idea {
      $0.userID = author.id; $0.topicID = topic.id; $0.title = "The lighthouse keeper"
      $0.prompt = "A keeper finds a map in a bottle"; $0.moderationStatus = .approved; $0.tags = ["sea"]
    })
    let scene = try await db.insert(Scene {
      $0.ideaID = idea.id; $0.userID = author.id; $0.topicID = topic.id; $0.title = "The first storm"
    })
    try await db.insert(SceneBible { $0.sceneID = scene.id; $0.version = 1; $0.data = try json(firstBible) })
    return StoriesFixture(
      author: author, contributor: contributor, moderator: moderator, admin: admin, topic: topic, idea: idea,
      scene: scene)
  }

  /// The bible as the JSON a ``SceneBible`` stores.
  static func json(_ bible: SceneBibleData) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(bible))
  }

  /// Queues a job on the scene as the contributor, through the app role.
  func enqueue(_ env: TestEnvironment, _ text: String) async throws -> EnqueuedJob {
    try await env.withClient(env.appRole) { app in
      try await app.withIdentity(contributor.id) { tx in try await tx.enqueueJob(sceneID: scene.id, inputText: text) }
    }
  }

  /// A worker name of this test's own.
  static func workerName() -> String { "gpu-\(UUID().uuidString.prefix(8))" }

  /// Media of a segment made by the fake pipeline.
  static func media(_ name: String, seconds: Int = 8) -> SegmentMedia {
    SegmentMedia(
      videoURL: "https://cdn.example.com/\(name).mp4", duration: seconds, expandedScript: "Script of \(name).",
      thumbnailURL: "https://cdn.example.com/\(name).jpg", resolution: "1080p", fileSize: 4_200_000)
  }
}

extension ReelbaseQueryable {
  /// The scene as stored (counters included), read from the primary.
  func storedScene(_ id: UUID) async throws -> Scene? {
    try await find(Scene.self, id: id, readFrom: .primary)
  }

  /// Claims until `jobID` is among the claimed jobs (others' queued jobs are claimed too and
  /// left processing), as `worker`.
  func claim(_ jobID: UUID, worker: String) async throws -> ClaimedJob? {
    for _ in 0..<10 {
      let claimed = try await claimJobs(worker: worker, maxJobs: 1000)
      if let mine = claimed.first(where: { $0.jobID == jobID }) { return mine }
      if claimed.isEmpty { return nil }
    }
    return nil
  }
}
