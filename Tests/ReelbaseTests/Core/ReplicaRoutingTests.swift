import Foundation
import PostgresNIO
import Reelbase
import Testing

/// Read routing against the real streaming replica that scripts/test-client.sh started.
/// Serialized: one test stops and restarts that replica.
@Suite(.serialized) struct ReplicaRoutingTests {
  let env: TestEnvironment

  init() throws { env = try TestEnvironment.load() }

  func configuration(replicaPorts: [Int]? = nil) throws -> ReelbaseConfiguration {
    let ports = replicaPorts ?? [env.replicaPort]
    var config = ReelbaseConfiguration(
      primary: try env.primary(env.adminRole), replicas: ports.map { env.replica(env.adminRole, port: $0) })
    config.replicaConnectTimeout = .milliseconds(500)
    config.replicaRetryInterval = .seconds(1)
    config.primaryConnectTimeout = .seconds(10)
    return config
  }

  /// Whether a read with `preference` ran on a server in recovery (a replica).
  func readsFromReplica(_ client: ReelbaseClient, _ preference: ReadPreference = .replica) async throws -> Bool {
    let rows = try await client.rows("SELECT pg_is_in_recovery()", .read(preference))
    return try #require(rows.first).decode(Bool.self)
  }

  /// Waits until the replica has replayed everything the primary has written so far.
  func waitForReplay(_ client: ReelbaseClient) async throws {
    let primaryLSN = try #require(
      try await client.rows("SELECT pg_current_wal_lsn()::text", .write).first).decode(String.self)
    for _ in 0..<200 {
      let rows = try await client.rows(
        "SELECT pg_is_in_recovery(), COALESCE(pg_last_wal_replay_lsn() >= \(primaryLSN)::pg_lsn, false)",
        .read(.replica))
      let (onReplica, caughtUp) = try #require(rows.first).decode((Bool, Bool).self)
      #expect(onReplica, "the read did not reach the replica")
      if caughtUp { return }
      try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record("the replica did not replay \(primaryLSN) within 10 seconds")
  }

  @Test func writesGoToThePrimaryAndReadsToTheReplica() async throws {
    try await ReelbaseClient.withClient(configuration: try configuration()) { client in
      #expect(try await readsFromReplica(client))
      #expect(try await readsFromReplica(client, .primary) == false)
      let inRecovery = try await client.rows("SELECT pg_is_in_recovery()", .write)
      #expect(try inRecovery.first?.decode(Bool.self) == false)
    }
  }

  @Test func readYourWritesFromThePrimaryAndFromTheReplicaAfterReplay() async throws {
    try await ReelbaseClient.withClient(configuration: try configuration()) { client in
      let f = try await LearningFixture.make(client)
      let session = try await f.startSession(client)
      try await client.recordWatchProgress(sessionID: session.id, watchTimeSeconds: 321, percentComplete: 92)
      // The primary has the write at once.
      #expect(try await client.getStudentTotalWatchTime(studentID: f.student.id, videoID: f.video.id, readFrom: .primary) == 321)
      #expect(try await client.hasStudentCompletedVideo(studentID: f.student.id, videoID: f.video.id, readFrom: .primary))
      // The replica has it once it has replayed the primary's WAL up to now.
      try await waitForReplay(client)
      #expect(try await client.getStudentTotalWatchTime(studentID: f.student.id, videoID: f.video.id) == 321)
      #expect(try await client.getStudentHighestCompletion(studentID: f.student.id, videoID: f.video.id) == 92)
      #expect(try await client.watchSessions(of: f.student.id).map(\.id) == [session.id])
      #expect(try await client.find(VideoSummary.self, id: f.video.id)?.title == f.video.title)
    }
  }

  @Test func identityTransactionsCanRunReadOnlyOnTheReplica() async throws {
    var appConfig = ReelbaseConfiguration(
      primary: try env.primary(env.appRole), replicas: [env.replica(env.appRole)])
    appConfig.replicaConnectTimeout = .milliseconds(500)
    try await ReelbaseClient.withClient(configuration: try configuration()) { admin in
      let f = try await LearningFixture.make(admin)
      let session = try await f.startSession(admin)
      try await waitForReplay(admin)
      try await ReelbaseClient.withClient(configuration: appConfig) { app in
        let (onReplica, recovery, identity, sessions) = try await app.withIdentity(f.student.id, on: .replica) { tx in
          (tx.isOnReplica,
           try #require(try await tx.rows("SELECT pg_is_in_recovery()", .write).first).decode(Bool.self),
           try await tx.currentUserID(),
           try await tx.watchSessions(of: f.student.id))
        }
        #expect(onReplica)
        #expect(recovery)
        #expect(identity == f.student.id)
        #expect(sessions.map(\.id) == [session.id])
        // A replica transaction is read-only.
        let refused = await expectReelbaseError(.serverError, sqlState: "25006") {
          try await app.withIdentity(f.student.id, on: .replica) { tx in
            _ = try await f.startSession(tx)
          }
        }
        #expect(refused?.message.contains("read-only") == true)
        // The same transaction on the primary writes.
        let written = try await app.withIdentity(f.student.id) { tx in
          try await f.startSession(tx).id
        }
        #expect(try await admin.watchSessions(of: f.student.id, readFrom: .primary).contains { $0.id == written })
      }
    }
  }

  @Test func readsSkipAnUnreachableReplica() async throws {
    // Port 1: nothing listens, connections are refused.
    var config = try configuration(replicaPorts: [1, env.replicaPort])
    config.replicaSelection = .firstHealthy
    let secondAnswered = try await ReelbaseClient.withClient(configuration: config) { client in
      try await readsFromReplica(client)
    }
    #expect(secondAnswered)
    try await ReelbaseClient.withClient(configuration: try configuration(replicaPorts: [1])) { client in
      let f = try await LearningFixture.make(client)
      // The only replica is down: reads fall back to the primary and still succeed.
      #expect(try await readsFromReplica(client) == false)
      // Within the retry interval the dead replica is skipped without waiting for it.
      let started = ContinuousClock.now
      #expect(try await client.getStudentTotalWatchTime(studentID: f.student.id, videoID: f.video.id) == 0)
      #expect(ContinuousClock.now - started < .milliseconds(400))
    }
  }

  @Test func readsSurviveTheReplicaBeingStopped() async throws {
    try await ReelbaseClient.withClient(configuration: try configuration()) { client in
      let f = try await LearningFixture.make(client)
      let session = try await f.startSession(client)
      try await client.recordWatchProgress(sessionID: session.id, watchTimeSeconds: 77, percentComplete: 10)
      try await waitForReplay(client)
      #expect(try await readsFromReplica(client))
      #expect(try await client.getStudentTotalWatchTime(studentID: f.student.id, videoID: f.video.id) == 77)

      try env.replicaScript("stop")
      do {
        // Every kind of read still succeeds, on the primary.
        #expect(try await readsFromReplica(client) == false)
        #expect(try await client.getStudentTotalWatchTime(studentID: f.student.id, videoID: f.video.id) == 77)
        #expect(try await client.watchSessions(of: f.student.id).map(\.id) == [session.id])
        let onReplica = try await client.withIdentity(f.student.id, on: .replica) { tx in tx.isOnReplica }
        #expect(onReplica == false)
        try await Task.sleep(for: .milliseconds(1100))  // past the retry interval: tried again, still down
        #expect(try await client.getStudentHighestCompletion(studentID: f.student.id, videoID: f.video.id) == 10)
      } catch {
        try? env.replicaScript("start")
        throw error
      }

      // Back up: after the retry interval reads return to the replica.
      try env.replicaScript("start")
      var back = false
      for _ in 0..<40 where !back {
        try await Task.sleep(for: .milliseconds(250))
        back = try await readsFromReplica(client)
      }
      #expect(back, "reads did not return to the restarted replica")
    }
  }
}
