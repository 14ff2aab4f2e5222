import Foundation
import PostgresNIO
import Reelbase
import Testing

/// The refusals of the partition calls and the SQLSTATEs they map to: part of the serialized
/// PartitionTests suite.
extension PartitionTests {
  @Test func refusalsMapToStableCodes() async throws {
    try await withScratch { owner, s in
      try await exec(owner, "CREATE TABLE \(s).events (id integer, at timestamptz NOT NULL) PARTITION BY RANGE (at)")

      // 42P01: no such table.
      await expectReelbaseError(.notFound, sqlState: "42P01") {
        try await owner.createMonthlyPartition(tableName: "\(s).nosuch", year: 2026, month: 1)
      }
      await expectReelbaseError(.notFound, sqlState: "42P01") {
        try await owner.managePartitions(parent: "\(s).nosuch")
      }
      await expectReelbaseError(.notFound, sqlState: "42P01") {
        _ = try await owner.partitionStatus(parent: "\(s).nosuch", readFrom: .primary)
      }
      // 42809: not partitioned, or not by range on one date/timestamp column.
      try await exec(owner, "CREATE TABLE \(s).plain (id integer)")
      let plain = await expectReelbaseError(.invalidInput, sqlState: "42809") {
        try await owner.createMonthlyPartition(tableName: "\(s).plain", year: 2026, month: 1)
      }
      #expect(plain?.hint?.contains("PARTITION BY RANGE") == true)
      try await exec(owner, "CREATE TABLE \(s).listed (n integer) PARTITION BY LIST (n)")
      await expectReelbaseError(.invalidInput, sqlState: "42809") {
        try await owner.createMonthlyPartition(tableName: "\(s).listed", year: 2026, month: 1)
      }
      await expectReelbaseError(.invalidInput, sqlState: "42809") {
        try await owner.managePartitions(parent: "\(s).plain")
      }
      // 22023: no such month.
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        try await owner.createMonthlyPartition(tableName: "\(s).events", year: 2026, month: 13)
      }
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        try await owner.createMonthlyPartition(tableName: "\(s).events", year: 0, month: 1)
      }
      // 42622: <table>_YYYY_MM would be longer than 63 bytes.
      let long = String(repeating: "x", count: 58)
      try await exec(owner, "CREATE TABLE \(s).\(long) (d date) PARTITION BY RANGE (d)")
      await expectReelbaseError(.invalidInput, sqlState: "42622") {
        try await owner.createMonthlyPartition(tableName: "\(s).\(long)", year: 2026, month: 1)
      }
      // 42P07: the name is taken by a table that is not that month's partition.
      try await exec(owner, "CREATE TABLE \(s).events_2026_03 (id integer, at timestamptz)")
      await expectReelbaseError(.duplicate, sqlState: "42P07") {
        try await owner.createMonthlyPartition(tableName: "\(s).events", year: 2026, month: 3)
      }
      // 42P17: another partition already covers the month.
      try await exec(
        owner,
        "CREATE TABLE \(s).events_q3 PARTITION OF \(s).events FOR VALUES FROM ('2026-07-01 00:00+00') TO ('2026-10-01 00:00+00')")
      await expectReelbaseError(.invalidState, sqlState: "42P17") {
        try await owner.createMonthlyPartition(tableName: "\(s).events", year: 2026, month: 8)
      }

      // manage_partitions' settings.
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        try await owner.managePartitions(parent: "\(s).events", premake: 121)
      }
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        try await owner.managePartitions(parent: "\(s).events", retentionMode: "shred")
      }
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        try await owner.managePartitions(parent: "\(s).events", retention: .months(1), retentionMode: .archive)
      }
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        try await owner.managePartitions(parent: "\(s).events", archiveSchema: "\(s)_archive")
      }
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        try await owner.managePartitions(parent: "\(s).events", retention: SQLInterval())
      }
      #expect(try await owner.fetch(PartitionSet.self, orderBy: "parent::text", readFrom: .primary).allSatisfy { $0.parent != "\(s).events" })

      // Tasks.
      await expectReelbaseError(.invalidInput, sqlState: "42883") {
        try await owner.registerMaintenanceTask(name: "\(s)_x", function: "\(s).nosuch()")
      }
      await expectReelbaseError(.invalidInput, sqlState: "22P02") {
        try await owner.registerMaintenanceTask(name: "\(s)_x", function: "now")
      }
      await expectReelbaseError(.invalidInput, sqlState: "23514") {
        try await owner.registerMaintenanceTask(name: "\(s)_x", function: "pg_catalog.now()", runEvery: .seconds(0))
      }
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        try await owner.runTask(name: "\(s)_nosuch")
      }

      // An administrator who does not own the table may not make its partitions; the
      // application role may not call the functions at all.
      _ = try await env.withClient { admin in
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          try await admin.createMonthlyPartition(tableName: "\(s).events", year: 2026, month: 1)
        }
      }
      try await env.withClient(env.appRole) { app in
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          try await app.createMonthlyPartition(tableName: "\(s).events", year: 2026, month: 1)
        }
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          try await app.runMaintenance()
        }
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.partitionStatus(readFrom: .primary)
        }
      }
    }
  }
}
