import Foundation
import PostgresNIO
import Reelbase
import Testing

/// withIdentity: row-level security sees the identity inside the transaction, and the identity
/// never outlives it on a pooled connection.
@Suite struct IdentityTests {
  let env: TestEnvironment

  init() throws { env = try TestEnvironment.load() }

  @Test func concurrentIdentitiesOnASmallPoolDoNotLeak() async throws {
    let studentCount = 8
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin, students: studentCount)
      // Each student gets sessions whose watch time identifies them: student i watched i+1 min.
      for (i, student) in f.students.enumerated() {
        let s = try await f.startSession(admin, student: student.id)
        try await admin.recordWatchProgress(sessionID: s.id, watchTimeSeconds: 60 * (i + 1), percentComplete: 10)
      }
      // 8 students x 5 rounds over a pool of 2 connections: every connection serves many users.
      try await env.withClient(env.appRole, maxConnections: 2) { app in
        try await withThrowingTaskGroup(of: Void.self) { group in
          for round in 0..<5 {
            for (i, student) in f.students.enumerated() {
              group.addTask {
                try await app.withIdentity(student.id) { tx in
                  #expect(try await tx.currentUserID() == student.id)
                  let sessions = try await tx.watchSessions(of: student.id)
                  #expect(sessions.map(\.watchTimeSeconds) == [60 * (i + 1)], "round \(round)")
                  // Nobody else's sessions are visible, whoever asked for them before.
                  for other in f.students where other.id != student.id {
                    #expect(try await tx.watchSessions(of: other.id).isEmpty)
                  }
                  #expect(try await tx.find(Student.self, id: student.id)?.id == student.id)
                  #expect(try await tx.fetch(Student.self, where: "creator_id = \(f.creator.id)").map(\.id) == [student.id])
                }
              }
            }
          }
          try await group.waitForAll()
        }
        // Afterwards plain calls on the same pool have no identity and see nothing, on every
        // connection (several concurrent calls make the pool hand out both).
        try await withThrowingTaskGroup(of: (UUID?, Int).self) { group in
          for _ in 0..<6 {
            group.addTask {
              (try await app.currentUserID(readFrom: .primary),
               try await app.watchSessions(of: f.student.id, readFrom: .primary).count)
            }
          }
          for try await (identity, visible) in group {
            #expect(identity == nil)
            #expect(visible == 0)
          }
        }
        // The server agrees: no backend of the app role is left inside a transaction.
        let idle = try await admin.rows(
          """
          SELECT count(*) FROM pg_stat_activity
          WHERE usename = \(env.appRole) AND datname = current_database() AND state LIKE 'idle in%'
          """, .read(.primary))
        #expect(try idle.first?.decode(Int.self) == 0)
      }
    }
  }

  @Test func aFailedBodyRollsBackAndReleasesTheIdentity() async throws {
    struct Boom: Error {}
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      try await env.withClient(env.appRole, maxConnections: 1) { app in
        await #expect(throws: Boom.self) {
          try await app.withIdentity(f.student.id) { tx in
            _ = try await f.startSession(tx)
            throw Boom()
          }
        }
        // A server error inside the body rolls back too, and keeps the server's error.
        await expectReelbaseError(.invalidInput, sqlState: "23514") {
          try await app.withIdentity(f.student.id) { tx in
            let s = try await f.startSession(tx)
            _ = try await tx.recordWatchProgress(sessionID: s.id, watchTimeSeconds: 10, percentComplete: 101)
          }
        }
        // The single pooled connection is clean: no identity, nothing was kept.
        let identity = try await app.currentUserID(readFrom: .primary)
        let kept = try await admin.watchSessions(of: f.student.id, readFrom: .primary)
        #expect(identity == nil)
        #expect(kept.isEmpty)
      }
    }
  }

  @Test func aTransactionCannotBeUsedAfterItsBody() async throws {
    try await env.withClient(env.appRole, maxConnections: 1) { app in
      let user = UUID()
      let escaped = try await app.withIdentity(user) { tx in tx }
      await expectReelbaseError(.misuse) { _ = try await escaped.currentUserID() }
      let identity = try await app.currentUserID(readFrom: .primary)
      #expect(identity == nil)
    }
  }

  @Test func withTransactionSetsNoIdentityAndCommits() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      let id = try await admin.withTransaction { tx in
        #expect(try await tx.currentUserID() == nil)
        return try await f.startSession(tx).id
      }
      #expect(try await admin.watchSessions(of: f.student.id, readFrom: .primary).map(\.id) == [id])
    }
  }

  @Test func serializableTransactionsReportRetryableConflicts() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      let s = try await f.startSession(admin)
      // Two serializable transactions read the row and then both update it: the second to
      // commit must fail with 40001.
      let firstRead = AsyncGate(), secondRead = AsyncGate()
      async let first: Void = admin.withTransaction(level: .serializable) { tx in
        _ = try await tx.watchSessions(of: f.student.id)
        await firstRead.open()
        await secondRead.wait()
        _ = try await tx.recordWatchProgress(sessionID: s.id, watchTimeSeconds: 1, percentComplete: 1)
      }
      async let second: Void = admin.withTransaction(level: .serializable) { tx in
        await firstRead.wait()
        _ = try await tx.watchSessions(of: f.student.id)
        await secondRead.open()
        try await Task.sleep(for: .milliseconds(200))
        _ = try await tx.recordWatchProgress(sessionID: s.id, watchTimeSeconds: 2, percentComplete: 2)
      }
      var failures: [ReelbaseError] = []
      do { try await first } catch let error as ReelbaseError { failures.append(error) }
      do { try await second } catch let error as ReelbaseError { failures.append(error) }
      #expect(failures.count == 1)
      #expect(failures.first?.code == .conflict)
      #expect(failures.first?.sqlState == "40001")
      #expect(failures.first?.isRetryable == true)
    }
  }
}

/// A one-shot signal between two tasks of a test.
actor AsyncGate {
  private var isOpen = false
  private var waiters: [CheckedContinuation<Void, Never>] = []

  func open() {
    isOpen = true
    waiters.forEach { $0.resume() }
    waiters = []
  }

  func wait() async {
    if isOpen { return }
    await withCheckedContinuation { waiters.append($0) }
  }
}
