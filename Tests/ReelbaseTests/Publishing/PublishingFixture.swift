import Foundation
import Reelbase

/// An owner (a fresh identity) with a persona and a draft video, made through the app role as
/// that owner. Identities and names are unique per fixture, so tests do not meet; ``make(_:)``
/// again makes another owner.
struct PublishingFixture: Sendable {
  let owner: UUID
  let persona: Persona
  let video: PublishingVideo
  /// Unique to the fixture, for names that are unique in the whole database (tags, receipts).
  let tag: String

  static func make(_ env: TestEnvironment) async throws -> PublishingFixture {
    let owner = UUID()
    let (persona, video) = try await env.withClient(env.appRole) { app in
      try await app.withIdentity(owner) { tx in
        let persona = try await tx.insert(Persona { $0.name = "Nora"; $0.voiceProfile = ["pitch": "low"] })
        let video = try await tx.insert(PublishingVideo {
          $0.personaID = persona.id; $0.title = "Harbour at dawn"; $0.durationSeconds = 30
        })
        return (persona, video)
      }
    }
    return PublishingFixture(
      owner: owner, persona: persona, video: video, tag: String(UUID().uuidString.lowercased().prefix(8)))
  }

  /// Runs `body` in one transaction as the owner, through the app role.
  @discardableResult
  func asOwner<T: Sendable>(_ env: TestEnvironment, _ body: (ReelbaseTransaction) async throws -> T)
    async throws -> T
  {
    try await Self.acting(env, as: owner, body)
  }

  /// Runs `body` in one transaction as `identity`, through the app role.
  @discardableResult
  static func acting<T: Sendable>(
    _ env: TestEnvironment, as identity: UUID, _ body: (ReelbaseTransaction) async throws -> T
  ) async throws -> T {
    try await env.withClient(env.appRole) { app in try await app.withIdentity(identity, body) }
  }

  /// Another video of the owner's persona.
  func anotherVideo(_ env: TestEnvironment, title: String) async throws -> PublishingVideo {
    try await asOwner(env) { tx in try await tx.insert(PublishingVideo { $0.personaID = persona.id; $0.title = title }) }
  }

  /// Moves a draft at version 1 to published (version 3).
  static func publish(_ tx: ReelbaseTransaction, _ video: PublishingVideo) async throws -> PublishingVideo {
    try await tx.transitionVideo(id: video.id, expectedVersion: 1, newStatus: .pendingReview)
    return try await tx.transitionVideo(id: video.id, expectedVersion: 2, newStatus: .published)
  }

  /// A well-formed checksum of its own.
  static func checksum() -> String {
    "sha256:" + (UUID().uuidString + UUID().uuidString).lowercased().filter { $0 != "-" }
  }
}

extension ReelbaseQueryable {
  /// The audit trail of a video, oldest first.
  func trail(of videoID: UUID) async throws -> [TaskAuditEntry] {
    try await fetch(TaskAuditEntry.self, where: "task_id = \(videoID)", orderBy: "id", readFrom: .primary)
  }
}
