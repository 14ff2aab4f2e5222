import Foundation
import PostgresNIO
import Reelbase
import Testing

/// Who sees what in publishing, through withIdentity: a worker (listed by an administrator)
/// reads and updates another owner's video, an unrelated identity sees none of it. Also: the
/// audit check finds a row edited behind the triggers' back, and every publishing table has
/// a model that reads exactly its columns.
@Suite struct PublishingAccessTests {
  let env: TestEnvironment
  init() throws { env = try TestEnvironment.load() }

  @Test func aWorkerSeesAndUpdatesEveryVideoAndAStrangerNone() async throws {
    let f = try await PublishingFixture.make(env)
    let worker = try await env.withClient { admin in
      try await admin.insert(PublishingWorker { $0.name = "render-\(f.tag)" })
    }
    let (video, personas, isWorker, updated, trail) = try await PublishingFixture.acting(env, as: worker.id) { tx in
      (try await tx.find(PublishingVideo.self, id: f.video.id),
       try await tx.fetch(Persona.self, where: "id = \(f.persona.id)"),
       try await tx.isPublishingWorker(),
       try await tx.updateVideo(id: f.video.id, expectedVersion: 1, changes: [.videoURL("https://cdn.example.com/r.mp4")]),
       try await tx.trail(of: f.video.id))
    }
    #expect(video == f.video)
    #expect(personas == [f.persona])
    #expect(isWorker)
    #expect(updated.stateVersion == 2 && updated.videoURL == "https://cdn.example.com/r.mp4")
    #expect(trail.last?.actor == worker.id.uuidString.lowercased())
    // Workers create videos of any persona, and of none.
    let own = try await PublishingFixture.acting(env, as: worker.id) { tx in
      try await tx.insert(PublishingVideo { $0.title = "Unassigned render" })
    }
    #expect(own.personaID == nil && own.status == .draft)

    let stranger = UUID()
    let (seen, theirPersonas, trailSeen, isStrangerWorker, check) = try await PublishingFixture.acting(
      env, as: stranger
    ) { tx in
      (try await tx.find(PublishingVideo.self, id: f.video.id),
       try await tx.fetch(Persona.self, where: "id = \(f.persona.id)"),
       try await tx.trail(of: f.video.id),
       try await tx.isPublishingWorker(),
       try await tx.verifyAudit(videoID: f.video.id))
    }
    #expect(seen == nil && theirPersonas.isEmpty && trailSeen.isEmpty && !isStrangerWorker)
    #expect(check.ok && check.chainsChecked == 0 && check.rowsChecked == 0)
    await expectReelbaseError(.notFound, sqlState: "P0002") {
      _ = try await PublishingFixture.acting(env, as: stranger) { tx in
        try await tx.updateVideo(id: f.video.id, expectedVersion: 2, changes: [.title("mine now")])
      }
    }
    await expectReelbaseError(.permissionDenied, sqlState: "42501") {
      _ = try await PublishingFixture.acting(env, as: stranger) { tx in
        try await tx.tagVideo(videoID: f.video.id, tags: ["stolen-\(f.tag)"])
      }
    }
    // The owner does not see the worker's unassigned video; the worker list is the administrators'.
    #expect(try await f.asOwner(env) { tx in try await tx.find(PublishingVideo.self, id: own.id) } == nil)
    await expectReelbaseError(.permissionDenied, sqlState: "42501") {
      _ = try await PublishingFixture.acting(env, as: worker.id) { tx in try await tx.fetch(PublishingWorker.self) }
    }
  }

  struct Rollback: Error {}

  @Test func verifyAuditFindsARowEditedBehindTheTriggers() async throws {
    let f = try await PublishingFixture.make(env)
    try await f.asOwner(env) { tx in try await tx.updateVideo(id: f.video.id, expectedVersion: 1, changes: [.title("v2")]) }
    let first = try #require(try await f.asOwner(env) { tx in try await tx.trail(of: f.video.id) }.first)
    // Only the owner can edit the trail, by disabling the append-only trigger; rolled back.
    var found: AuditVerification?
    do {
      try await env.withClient(env.superuser) { db in
        try await db.withTransaction { tx in
          _ = try await tx.rows("ALTER TABLE publishing.task_audit DISABLE TRIGGER task_audit_no_change", .write)
          _ = try await tx.rows("UPDATE publishing.task_audit SET actor = 'mallory' WHERE id = \(first.id)", .write)
          found = try await tx.verifyAudit(videoID: f.video.id)
          throw Rollback()
        }
      }
    } catch is Rollback {}
    let broken = try #require(found)
    #expect(!broken.ok && broken.brokenID == first.id && broken.brokenTaskID == f.video.id)
    #expect(broken.problem?.contains("changed") == true, "\(String(describing: broken.problem))")
    #expect(broken.rowsChecked == 1)
    let intact = try await env.withClient { admin in try await admin.verifyAudit(videoID: f.video.id, readFrom: .primary) }
    #expect(intact.ok && intact.rowsChecked == 2)
  }

  struct Relation: ReelbaseRow { var name: String; var columns: [String] }

  // The tables' models are in Core/ModelCoverageTests; this is the function result's.
  @Test func verifyAuditsResultModelHasItsColumns() async throws {
    let f = try await PublishingFixture.make(env)
    try await env.withClient(env.superuser) { db in
      let out = try await db.rows(
        """
        SELECT 'verify_audit' AS name, array(SELECT n FROM unnest(p.proargnames, p.proargmodes::text[]) AS a(n, m)
                                             WHERE m = 't') AS columns
        FROM pg_proc p WHERE p.oid = 'publishing.verify_audit(uuid)'::regprocedure
        """, .read(.primary)
      ).map { try Relation(row: $0, context: "pg_proc") }
      #expect(out.map { Set($0.columns) } == [Set(AuditVerification.columns)])
      // The fixture's rows decode.
      #expect(try await db.find(Persona.self, id: f.persona.id, readFrom: .primary) == f.persona)
    }
  }
}
