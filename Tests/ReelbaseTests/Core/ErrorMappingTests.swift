import Foundation
import PostgresNIO
import Reelbase
import Testing

/// ReelbaseError codes for the errors the extension and the server raise, with the server's
/// SQLSTATE, message, detail and hint kept.
@Suite struct ErrorMappingTests {
  let env: TestEnvironment

  init() throws { env = try TestEnvironment.load() }

  @Test func trackVideoEventErrors() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      // 22004: a required argument is NULL (only reachable from SQL; Swift's types forbid it).
      let null = await expectReelbaseError(.invalidInput, sqlState: "22004") {
        _ = try await admin.rows(
          "SELECT learning.track_video_event(NULL, \(f.video.id), \(f.creator.id))", .write)
      }
      #expect(null?.message.contains("p_event_type") == true)
      // 22023: an unknown event type, with the server's hint listing the valid ones (only
      // reachable from SQL: VideoEventType is the server's own list).
      #expect(VideoEventType(rawValue: "video_paused") == nil)
      let unknown = await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await admin.rows(
          "SELECT learning.track_video_event('video_paused', \(f.video.id), \(f.creator.id))", .write)
      }
      #expect(unknown?.message.contains("video_paused") == true)
      #expect(unknown?.hint?.contains("video_started") == true)
      // 22023: a watching event without a student.
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        try await admin.trackVideoEvent(eventType: .videoStarted, videoID: f.video.id, creatorID: f.creator.id)
      }
      // 22023: rows that do not belong together (the other creator's student).
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        try await admin.trackVideoEvent(
          eventType: .videoStarted, videoID: f.video.id, creatorID: f.creator.id, studentID: f.otherStudent.id)
      }
      // 23503: a video that does not exist, with the server's detail.
      let missing = await expectReelbaseError(.notFound, sqlState: "23503") {
        try await admin.trackVideoEvent(eventType: .videoImported, videoID: UUID(), creatorID: f.creator.id)
      }
      #expect(missing?.detail?.contains("row-level security") == true)
      // 55000: a soft-deleted video.
      let deleted = await expectReelbaseError(.invalidState, sqlState: "55000") {
        try await admin.trackVideoEvent(eventType: .videoImported, videoID: f.deletedVideo.id, creatorID: f.creator.id)
      }
      #expect(deleted?.message.contains(f.deletedVideo.id.uuidString.lowercased()) == true)
    }
  }

  @Test func rowLevelSecurityAndPrivilegeErrors() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      try await env.withClient(env.appRole) { app in
        // 42501: a student may not record a lifecycle event (the INSERT policy refuses it).
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          try await app.withIdentity(f.student.id) { tx in
            _ = try await tx.trackVideoEvent(eventType: .videoImported, videoID: f.video.id, creatorID: f.creator.id)
          }
        }
        // 42501: watch history is permanent; the app role has no DELETE privilege.
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.rows("DELETE FROM learning.video_watch_sessions", .write)
        }
        // 42501: only administrators create creators.
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.insert(Creator { $0.whopCompanyID = "x-\(UUID())"; $0.whopUserID = "x"; $0.email = "x@example.com" })
        }
        // A student cannot see another creator's video, so it is "missing" (23503).
        await expectReelbaseError(.notFound, sqlState: "23503") {
          try await app.withIdentity(f.student.id) { tx in
            _ = try await tx.trackVideoEvent(
              eventType: .videoStarted, videoID: f.otherVideo.id, creatorID: f.otherCreator.id,
              studentID: f.student.id)
          }
        }
      }
    }
  }

  @Test func constraintAndRangeErrors() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      let duplicate = await expectReelbaseError(.duplicate, sqlState: "23505") {
        _ = try await admin.insert(Creator {
          $0.whopCompanyID = f.creator.whopCompanyID; $0.whopUserID = "again"; $0.email = "again@example.com"
        })
      }
      #expect(duplicate?.constraintName == "creators_whop_company_id_key")
      await expectReelbaseError(.invalidInput, sqlState: "23514") {
        _ = try await admin.insert(Video { $0.creatorID = f.creator.id; $0.title = "no source"; $0.sourceType = .youtube })
      }
      await expectReelbaseError(.notFound, sqlState: "23503") {
        _ = try await admin.insert(Student {
          $0.creatorID = UUID(); $0.whopUserID = "orphan-\(UUID())"; $0.whopMembershipID = "m"; $0.email = "o@example.com"
        })
      }
      // 22003: a watch time beyond SQL integer, and a total that overflows integer.
      let session = try await f.startSession(admin)
      await expectReelbaseError(.outOfRange, sqlState: "22003") {
        _ = try await admin.recordWatchProgress(sessionID: session.id, watchTimeSeconds: 3_000_000_000, percentComplete: 1)
      }
      try await admin.recordWatchProgress(sessionID: session.id, watchTimeSeconds: 2_000_000_000, percentComplete: 1)
      let second = try await f.startSession(admin)
      try await admin.recordWatchProgress(sessionID: second.id, watchTimeSeconds: 2_000_000_000, percentComplete: 1)
      await expectReelbaseError(.outOfRange, sqlState: "22003") {
        _ = try await admin.getStudentTotalWatchTime(studentID: f.student.id, videoID: f.video.id, readFrom: .primary)
      }
    }
  }

  /// Every SQLSTATE the mapping names, raised by the real server with a message, detail and
  /// hint that must come through unchanged.
  @Test(arguments: [
    ("22004", ReelbaseError.Code.invalidInput), ("22023", .invalidInput), ("22P02", .invalidInput),
    ("23502", .invalidInput), ("23514", .invalidInput), ("22003", .outOfRange),
    ("23503", .notFound), ("P0002", .notFound), ("23505", .duplicate), ("40001", .conflict),
    ("40P01", .conflict), ("55P03", .conflict), ("55000", .invalidState),
    ("42501", .permissionDenied), ("57014", .cancelled), ("P0001", .serverError),
    ("XX000", .serverError),
  ])
  func sqlStateMapping(sqlState: String, code: ReelbaseError.Code) async throws {
    try await env.withClient { admin in
      let error = await expectReelbaseError(code, sqlState: sqlState) {
        _ = try await admin.rows(
          PostgresQuery(unsafeSQL: """
            DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '\(sqlState)', MESSAGE = 'boom \(sqlState)',
              DETAIL = 'the detail', HINT = 'the hint'; END $$
            """), .write)
      }
      #expect(error?.message == "boom \(sqlState)")
      #expect(error?.detail == "the detail")
      #expect(error?.hint == "the hint")
      #expect(error?.isRetryable == ["40001", "40P01", "55P03"].contains(sqlState))
    }
  }

  @Test func unreachableServerIsUnavailable() async throws {
    let config = PostgresClient.Configuration(
      host: "127.0.0.1", port: 1, username: env.adminRole, password: nil, database: env.database, tls: .disable)
    var reelbase = ReelbaseConfiguration(primary: config)
    reelbase.primaryConnectTimeout = .milliseconds(500)
    try await ReelbaseClient.withClient(configuration: reelbase) { client in
      let started = ContinuousClock.now
      let error = await expectReelbaseError(.unavailable) {
        _ = try await client.currentUserID(readFrom: .primary)
      }
      #expect(error?.isRetryable == true)
      #expect(ContinuousClock.now - started < .seconds(10))
      await expectReelbaseError(.unavailable) {
        try await client.withIdentity(UUID()) { _ in }
      }
    }
  }
}
