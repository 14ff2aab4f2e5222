import Foundation
import PostgresNIO
import Reelbase
import Testing

/// The partition engine, the maintenance scheduler and the analytics rollups (release 0.3.0)
/// through the typed calls.
///
/// Partitions can only be made by a table's owner, so the partition tests act as the cluster's
/// superuser, who owns the tables they make. Each works in a schema of its own, removed
/// afterwards with its partition sets and tasks. The suite is serialized: run_maintenance()
/// works on every set and task of the database, and a second concurrent run would only say
/// `skipped`.
@Suite(.serialized) struct PartitionTests {
  let env: TestEnvironment

  init() throws { env = try TestEnvironment.load() }

  /// A year and month.
  struct Month: Equatable {
    var year: Int
    var month: Int

    func adding(_ months: Int) -> Month {
      let index = year * 12 + (month - 1) + months
      return Month(year: index / 12, month: index % 12 + 1)
    }

    /// `YYYY_MM`, the suffix of its partition's name.
    var suffix: String { String(format: "%04d_%02d", year, month) }

    /// Midnight UTC of its first day.
    var firstDay: Date {
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = TimeZone(identifier: "UTC")!
      return calendar.date(from: DateComponents(year: year, month: month, day: 1))!
    }
  }

  /// Runs `body` as the superuser in a new schema, then removes the schema (and its archive
  /// schema), the partition sets of its tables and the tasks whose names start with it.
  func withScratch(_ body: (ReelbaseClient, String) async throws -> Void) async throws {
    try await env.withClient(env.superuser) { owner in
      let schema = "rb_part_" + UUID().uuidString.lowercased().prefix(8)
      _ = try await owner.rows(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(schema)"), .write)
      var failure: (any Error)?
      do {
        try await body(owner, schema)
      } catch {
        failure = error
      }
      _ = try await owner.rows(
        """
        DELETE FROM reelbase.partition_sets WHERE parent::oid IN (
          SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = \(schema))
        """, .write)
      _ = try await owner.rows(
        "DELETE FROM reelbase.maintenance_tasks WHERE name LIKE \(schema + "%")", .write)
      _ = try await owner.rows(
        PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema), \(schema)_archive CASCADE"), .write)
      if let failure { throw failure }
    }
  }

  func exec(_ client: ReelbaseClient, _ sql: String) async throws {
    _ = try await client.rows(PostgresQuery(unsafeSQL: sql), .write)
  }

  func count(_ client: ReelbaseClient, _ sql: String) async throws -> Int {
    let row = try #require(try await client.rows(PostgresQuery(unsafeSQL: sql), .write).first)
    return try row.decode(Int.self)
  }

  func exists(_ client: ReelbaseClient, _ relation: String) async throws -> Bool {
    let row = try #require(
      try await client.rows("SELECT to_regclass(\(relation)) IS NOT NULL", .write).first)
    return try row.decode(Bool.self)
  }

  /// The server's current UTC month (maintenance counts from it).
  func currentMonth(_ client: ReelbaseClient) async throws -> Month {
    let row = try #require(
      try await client.rows(
        """
        SELECT extract(year FROM now() AT TIME ZONE 'UTC')::integer,
               extract(month FROM now() AT TIME ZONE 'UTC')::integer
        """, .write).first)
    let (year, month) = try row.decode((Int, Int).self)
    return Month(year: year, month: month)
  }

  /// run_maintenance(), again after a deadlock with another suite's transaction (it makes
  /// partitions of learning.video_analytics_events too) or a concurrent run.
  func maintain(_ owner: ReelbaseClient) async throws -> [MaintenanceAction] {
    var attempt = 0
    while true {
      attempt += 1
      do {
        let actions = try await owner.runMaintenance()
        if actions.map(\.action) == [.skipped], attempt < 5 {
          try await Task.sleep(for: .milliseconds(200))
          continue
        }
        return actions
      } catch let error as ReelbaseError where error.isRetryable && attempt < 5 {
        continue
      }
    }
  }

  @Test func createMonthlyPartitionIsIdempotentAndMovesWaitingRows() async throws {
    try await withScratch { owner, s in
      try await exec(owner, "CREATE TABLE \(s).events (id integer, at timestamptz NOT NULL) PARTITION BY RANGE (at)")
      let name = try await owner.createMonthlyPartition(tableName: "\(s).events", year: 2026, month: 1)
      #expect(name == "\(s).events_2026_01")
      // Made before: the same name, nothing else happens.
      #expect(try await owner.createMonthlyPartition(tableName: "\(s).events", year: 2026, month: 1) == name)
      #expect(try await count(owner, "SELECT count(*) FROM pg_inherits WHERE inhparent = '\(s).events'::regclass") == 1)

      // A date key: the bounds are whole days, and 29 February falls in February.
      try await exec(owner, "CREATE TABLE \(s).days (d date NOT NULL) PARTITION BY RANGE (d)")
      #expect(try await owner.createMonthlyPartition(tableName: "\(s).days", year: 2024, month: 2) == "\(s).days_2024_02")
      try await exec(owner, "INSERT INTO \(s).days VALUES ('2024-02-29')")
      #expect(try await count(owner, "SELECT count(*) FROM ONLY \(s).days_2024_02") == 1)

      // Rows waiting in the default partition move into their month's new partition; months
      // are UTC months (23:30 at -02 on 31 March is 1 April in UTC).
      try await owner.managePartitions(parent: "\(s).events", premake: 0)
      try await exec(
        owner,
        "INSERT INTO \(s).events VALUES (1, '2025-03-15 10:00+00'), (2, '2025-03-31 23:30-02')")
      #expect(try await count(owner, "SELECT count(*) FROM ONLY \(s).events_default") == 2)
      #expect(try await owner.createMonthlyPartition(tableName: "\(s).events", year: 2025, month: 3) == "\(s).events_2025_03")
      #expect(try await count(owner, "SELECT count(*) FROM ONLY \(s).events_2025_03") == 1)
      #expect(try await count(owner, "SELECT count(*) FROM ONLY \(s).events_default") == 1)
      #expect(try await owner.createMonthlyPartition(tableName: "\(s).events", year: 2025, month: 4) == "\(s).events_2025_04")
      #expect(try await count(owner, "SELECT count(*) FROM ONLY \(s).events_default") == 0)
    }
  }

  @Test func managePartitionsAndRunMaintenance() async throws {
    try await withScratch { owner, s in
      try await exec(owner, "CREATE TABLE \(s).events (id integer, at timestamptz NOT NULL) PARTITION BY RANGE (at)")
      let parent = "\(s).events"
      try await owner.managePartitions(parent: parent, premake: 2)
      let set = try #require(try await owner.fetch(PartitionSet.self, orderBy: "parent::text", readFrom: .primary).first { $0.parent == parent })
      #expect(set.premake == 2)
      #expect(set.retention == nil)
      #expect(set.retentionMode == .detach)
      #expect(set.archiveSchema == nil)
      #expect(!set.registeredByExtension)
      #expect(try await exists(owner, "\(s).events_default"))

      // Premake: the current month and two ahead, whether or not data arrives.
      let now = try await currentMonth(owner)
      func mine(_ actions: [MaintenanceAction]) -> [MaintenanceAction] {
        actions.filter { $0.target == parent || $0.target.hasPrefix(parent + "_") }
      }
      let first = mine(try await maintain(owner))
      #expect(first.map(\.action) == [.premake, .premake, .premake])
      #expect(first.map(\.target) == (0...2).map { "\(parent)_\(now.adding($0).suffix)" })
      #expect(first.first?.detail == "created for \(now.suffix)")
      #expect(!first.contains { $0.isFailure })
      // Nothing more to do.
      #expect(mine(try await maintain(owner)).isEmpty)

      // Drain: a row of three months ago gets its partition; one in 2100 is past the premake
      // horizon and stays in the default partition, reported on every run.
      let past = now.adding(-3)
      try await exec(
        owner,
        "INSERT INTO \(parent) VALUES (1, '\(past.year)-\(past.month)-15 12:00+00'), (2, '2100-01-05 00:00+00')")
      let drained = mine(try await maintain(owner))
      #expect(drained.map(\.action) == [.drain, .leftInDefault])
      #expect(drained.first?.target == "\(parent)_\(past.suffix)")
      #expect(drained.first?.detail == "moved 1 rows out of the default partition")
      #expect(drained.last?.target == parent)
      #expect(drained.last?.detail.contains("2100_01") == true)
      #expect(try await count(owner, "SELECT count(*) FROM ONLY \(parent)_\(past.suffix)") == 1)

      // Retention, 6 months: drop.
      let old = (9...12).map { now.adding(-$0) }
      for m in old {
        try await owner.createMonthlyPartition(tableName: parent, year: m.year, month: m.month)
      }
      try await owner.managePartitions(parent: parent, premake: 2, retention: .months(6), retentionMode: .drop)
      #expect(try await owner.fetch(PartitionSet.self, orderBy: "parent::text", readFrom: .primary).first { $0.parent == parent }?.retention == .months(6))
      let dropped = mine(try await maintain(owner)).filter { $0.action != .leftInDefault }
      #expect(dropped.map(\.action) == [.drop, .drop, .drop, .drop])
      #expect(Set(dropped.map(\.target)) == Set(old.map { "\(parent)_\($0.suffix)" }))
      #expect(dropped.first?.detail == "older than the retention")
      #expect(try await !exists(owner, "\(parent)_\(old[0].suffix)"))
      #expect(try await exists(owner, "\(parent)_\(past.suffix)"))  // within the retention

      // Archive: detached and moved to the archive schema, which is created.
      try await owner.createMonthlyPartition(tableName: parent, year: old[0].year, month: old[0].month)
      try await owner.managePartitions(
        parent: parent, premake: 2, retention: .months(6), retentionMode: .archive, archiveSchema: "\(s)_archive")
      let archived = mine(try await maintain(owner)).filter { $0.action != .leftInDefault }
      #expect(archived.map(\.action) == [.archive])
      #expect(try await exists(owner, "\(s)_archive.events_\(old[0].suffix)"))
      #expect(try await !exists(owner, "\(parent)_\(old[0].suffix)"))

      // Detach (the default mode): kept as a plain table, no longer a partition.
      try await owner.createMonthlyPartition(tableName: parent, year: old[1].year, month: old[1].month)
      try await owner.managePartitions(parent: parent, premake: 2, retention: .months(6))
      let detached = mine(try await maintain(owner)).filter { $0.action != .leftInDefault }
      #expect(detached.map(\.action) == [.detach])
      #expect(detached.first?.target == "\(parent)_\(old[1].suffix)")
      #expect(try await exists(owner, "\(parent)_\(old[1].suffix)"))
      let status = try await owner.partitionStatus(parent: parent, readFrom: .primary)
      #expect(!status.map(\.partition).contains("\(parent)_\(old[1].suffix)"))

      // Every run is logged.
      #expect(try await owner.fetch(MaintenanceRun.self, readFrom: .primary).count >= 6)
    }
  }

  @Test func partitionStatusRows() async throws {
    try await withScratch { owner, s in
      try await exec(owner, "CREATE TABLE \(s).events (id integer, at timestamptz NOT NULL) PARTITION BY RANGE (at)")
      let parent = "\(s).events"
      let now = try await currentMonth(owner)
      try await owner.managePartitions(parent: parent, premake: 0)
      try await owner.createMonthlyPartition(tableName: parent, year: now.year, month: now.month)
      let next = now.adding(1)
      try await owner.createMonthlyPartition(tableName: parent, year: next.year, month: next.month)
      try await exec(owner, "INSERT INTO \(parent) VALUES (1, '2100-01-05 00:00+00'), (2, '2100-02-05 00:00+00')")

      let status = try await owner.partitionStatus(parent: parent, readFrom: .primary)
      #expect(status.map(\.partition) == ["\(parent)_default", "\(parent)_\(now.suffix)", "\(parent)_\(next.suffix)"])
      #expect(status.map(\.isDefault) == [true, false, false])
      #expect(status.allSatisfy { $0.parent == parent })
      #expect(status.first?.bounds == "DEFAULT")
      let firstDay = String(format: "%04d-%02d-01", now.year, now.month)
      #expect(status[1].bounds.hasPrefix("FOR VALUES FROM ('\(firstDay)"))
      // Figures of the set, on each of its rows.
      #expect(status.allSatisfy { $0.rowsWaitingInDefault == 2 })
      #expect(status.allSatisfy { $0.nextMissingMonth == now.adding(2).firstDay })

      // Without a filter: every set, learning.video_analytics_events included.
      let all = try await owner.partitionStatus(readFrom: .primary)
      #expect(all.contains { $0.parent == "learning.video_analytics_events" && $0.isDefault })
      #expect(all.filter { $0.parent == parent } == status)

      // An administrator who does not own the table still reads its status (partition_status()
      // counts default partitions with its owner's rights).
      let adminView = try await env.withClient { admin in
        try await admin.partitionStatus(parent: "learning.video_analytics_events")
      }
      #expect(adminView.contains { $0.isDefault })
    }
  }

}
