import Foundation
import PostgresNIO
import Reelbase
import Testing

/// Maintenance tasks, administrators, intervals and rollups: the rest of the serialized
/// PartitionTests suite (an extension, so these run in the same order with the same setup).
extension PartitionTests {
  @Test func maintenanceTasks() async throws {
    try await withScratch { owner, s in
      try await exec(owner, "CREATE TABLE \(s).log (at timestamptz NOT NULL DEFAULT clock_timestamp())")
      try await exec(owner, "CREATE FUNCTION \(s).ok() RETURNS void LANGUAGE sql AS 'INSERT INTO \(s).log DEFAULT VALUES'")
      try await exec(
        owner,
        "CREATE FUNCTION \(s).fail() RETURNS void LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$")
      let ok = "\(s)_ok"
      let fail = "\(s)_fail"
      try await owner.registerMaintenanceTask(name: ok, function: "\(s).ok()")
      try await owner.registerMaintenanceTask(name: fail, function: "\(s).fail()", runEvery: .hours(1))
      func tasks() async throws -> [String: MaintenanceTask] {
        Dictionary(uniqueKeysWithValues: try await owner.fetch(MaintenanceTask.self, orderBy: "name", readFrom: .primary)
          .filter { $0.name.hasPrefix(s) }.map { ($0.name, $0) })
      }
      var listed = try await tasks()
      #expect(listed[ok]?.function == "\(s).ok()")
      #expect(listed[ok]?.runEvery == .minutes(5))  // the SQL default
      #expect(listed[fail]?.runEvery == .hours(1))
      #expect(listed[ok]?.enabled == true)
      #expect(listed[ok]?.lastStatus == nil)
      #expect(listed[ok]?.registeredByExtension == false)

      // run_task: ok, or the failure returned and recorded, not thrown.
      #expect(try await owner.runTask(name: ok) == "ok")
      #expect(try await count(owner, "SELECT count(*) FROM \(s).log") == 1)
      #expect(try await owner.runTask(name: fail) == "failed: P0001: boom")
      listed = try await tasks()
      #expect(listed[ok]?.lastStatus == "ok")
      #expect(listed[ok]?.lastError == nil)
      #expect(listed[ok]?.lastFinishedAt != nil)
      #expect(listed[fail]?.lastStatus == "failed")
      #expect(listed[fail]?.lastError == "P0001: boom")

      // run_maintenance runs the due tasks (both, with a run_every of one microsecond) and
      // reports each; the failing one does not stop the other.
      try await owner.registerMaintenanceTask(name: ok, function: "\(s).ok()", runEvery: SQLInterval(microseconds: 1))
      try await owner.registerMaintenanceTask(name: fail, function: "\(s).fail()", runEvery: SQLInterval(microseconds: 1))
      let ran = try await maintain(owner).filter { $0.action == .task && $0.target.hasPrefix(s) }
      #expect(ran.map(\.target) == [fail, ok])
      #expect(ran.map(\.detail) == ["failed: P0001: boom", "ok"])
      #expect(ran.map(\.isFailure) == [true, false])
      #expect(try await count(owner, "SELECT count(*) FROM \(s).log") == 2)

      // Not due again for an hour.
      try await owner.registerMaintenanceTask(name: ok, function: "\(s).ok()", runEvery: .hours(1))
      try await owner.registerMaintenanceTask(name: fail, function: "\(s).fail()", runEvery: .hours(1))
      #expect(try await maintain(owner).allSatisfy { !$0.target.hasPrefix(s) })
    }
  }

  @Test func administratorsWhoOwnTheTable() async throws {
    try await withScratch { owner, s in
      try await exec(owner, "GRANT USAGE, CREATE ON SCHEMA \(s) TO \(env.adminRole)")
      try await owner.registerMaintenanceTask(name: "\(s)_now", function: "pg_catalog.now()")
      _ = try await env.withClient { admin in
        try await exec(admin, "CREATE TABLE \(s).owned (d date NOT NULL) PARTITION BY RANGE (d)")
        #expect(try await admin.createMonthlyPartition(tableName: "\(s).owned", year: 2026, month: 1) == "\(s).owned_2026_01")
        #expect(try await admin.runTask(name: "\(s)_now") == "ok")
        #expect(try await admin.fetch(MaintenanceTask.self, orderBy: "name", readFrom: .primary).contains { $0.name == "\(s)_now" })
        // Administrators register sets of tables they own, and tasks.
        try await admin.managePartitions(parent: "\(s).owned")
        try await admin.registerMaintenanceTask(name: "\(s)_admin", function: "pg_catalog.now()")
      }
    }
  }

  @Test func intervalsRoundTrip() async throws {
    try await env.withClient { admin in
      let row = try #require(
        try await admin.rows(
          """
          SELECT \(SQLInterval.months(18))::text, \(SQLInterval.months(18)) = interval '18 months',
                 interval '1 year 2 days 00:00:03.5', \(SQLInterval(.seconds(90)))::text,
                 \(SQLInterval(months: -1, days: 2, microseconds: 7))::text
          """, .write).first)
      let (months, equal, decoded, seconds, mixed) = try row.decode((String, Bool, SQLInterval, String, String).self)
      #expect(months == "1 year 6 mons")
      #expect(equal)
      #expect(decoded == SQLInterval(months: 12, days: 2, microseconds: 3_500_000))
      #expect(seconds == "00:01:30")
      #expect(mixed == "-1 mons +2 days 00:00:00.000007")
    }
    #expect(SQLInterval.years(1) == .months(12))
    #expect(SQLInterval.months(18).description == "18 months")
    #expect(SQLInterval(months: 1, days: 2, microseconds: 3_000_000).description == "1 months 2 days 3 seconds")
    #expect(SQLInterval(microseconds: 1).description == "1 microseconds")
    #expect(SQLInterval().description == "0")
    #expect(SQLInterval(.milliseconds(1500)) == SQLInterval(microseconds: 1_500_000))
    #expect(SQLInterval(.seconds(Int64.max)).microseconds == .max)
  }

  @Test func analyticsRollups() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      // 02:30 UTC on a day of its own: the day before in Los Angeles.
      let day = Month(year: 2019, month: Int.random(in: 1...12)).firstDay
        .addingTimeInterval(Double(Int.random(in: 0..<28)) * 86_400)
      let at = day.addingTimeInterval(2.5 * 3600)
      for student in f.students {
        try await admin.trackVideoEvent(
          eventType: .videoStarted, videoID: f.video.id, creatorID: f.creator.id, studentID: student.id,
          timestamp: at)
      }

      // The day is the UTC day of the Date given, whatever the session's TimeZone.
      let results = try await admin.withTransaction { tx in
        _ = try await tx.rows("SET LOCAL TimeZone = 'America/Los_Angeles'", .write)
        return try await tx.refreshAnalytics(from: at, to: at)
      }
      #expect(results.map(\.rollupTable) == ["learning.video_analytics", "learning.usage_metrics"])
      #expect(results.allSatisfy { $0.pairsRecomputed >= 1 && $0.rowsInserted >= 1 })
      let videoDays: PostgresQuery = "video_id = \(f.video.id)"
      let video = try await admin.fetch(VideoAnalyticsDay.self, where: videoDays, readFrom: .primary)
      #expect(video.map(\.date) == [day])
      #expect(video.first?.views == 2)
      #expect(video.first?.uniqueViewers == 2)
      let usage = try await admin.fetch(UsageMetricsDay.self, where: "creator_id = \(f.creator.id)", readFrom: .primary)
      #expect(usage.first { $0.date == day }?.activeStudents == 2)

      // Idempotent.
      let again = try await admin.refreshAnalytics(from: day, to: day)
      #expect(again.allSatisfy { $0.rowsInserted == 0 && $0.rowsUpdated == 0 && $0.rowsDeleted == 0 })

      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        try await admin.refreshAnalytics(from: at, to: day.addingTimeInterval(-86_400))
      }

      // The incremental run: one result per table (none when another run holds the lock).
      let incremental = try await admin.rollupAnalytics()
      #expect(incremental.isEmpty
        || incremental.map(\.rollupTable) == ["learning.video_analytics", "learning.usage_metrics"])
      #expect(try await admin.fetch(VideoAnalyticsDay.self, where: videoDays, readFrom: .primary).first?.views == 2)

      _ = try await env.withClient(env.appRole) { app in
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          try await app.rollupAnalytics()
        }
      }
    }
  }

  @Test(arguments: [
    ("42P01", ReelbaseError.Code.notFound), ("42P07", .duplicate), ("42809", .invalidInput),
    ("42622", .invalidInput), ("42P17", .invalidState),
  ])
  func partitionSQLStates(sqlState: String, code: ReelbaseError.Code) {
    #expect(ReelbaseError.code(forSQLState: sqlState) == code)
  }
}
