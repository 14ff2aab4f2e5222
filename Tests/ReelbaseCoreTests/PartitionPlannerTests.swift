import Testing
@testable import ReelbaseCore

@Suite struct PartitionPlannerTests {
  func ym(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m)! }

  @Test func monthArithmeticAndNames() {
    #expect(ym(2026, 12).advanced(by: 1) == ym(2027, 1))
    #expect(ym(2026, 1).advanced(by: -1) == ym(2025, 12))
    #expect(ym(2026, 11).advanced(by: 24) == ym(2028, 11))
    #expect(ym(9999, 12).advanced(by: 1) == nil)
    #expect(ym(1, 1).advanced(by: -1) == nil)
    #expect(YearMonth(year: 2026, month: 13) == nil && YearMonth(year: 2026, month: 0) == nil)
    #expect(ym(2026, 3).suffix == "2026_03")
    #expect(ym(2026, 3).firstDayLiteral == "2026-03-01")
    #expect(ym(2026, 3).months(until: ym(2027, 2)) == 11)
  }

  @Test func childNamesRespectTheIdentifierLimit() {
    #expect(PartitionPlanner.childName(parent: "video_analytics_events", month: ym(2026, 11)) == "video_analytics_events_2026_11")
    // 55 + "_YYYY_MM" is exactly 63 bytes; one more is too long.
    #expect(PartitionPlanner.childName(parent: String(repeating: "x", count: 55), month: ym(2026, 11))?.utf8.count == 63)
    #expect(PartitionPlanner.childName(parent: String(repeating: "x", count: 56), month: ym(2026, 11)) == nil)
    #expect(PartitionPlanner.childName(parent: String(repeating: "é", count: 28), month: ym(2026, 11)) == nil)
  }

  @Test func premakeFillsOnlyMissingMonths() {
    let made = PartitionPlanner.monthsToPremake(current: ym(2026, 11), ahead: 4, existing: [ym(2026, 12)])
    #expect(made == [ym(2026, 11), ym(2027, 1), ym(2027, 2), ym(2027, 3)])
  }

  @Test func drainingStopsAtTheHorizonAndTheRetentionCutoff() {
    let (create, leave) = PartitionPlanner.monthsToDrain(
      waiting: [ym(2100, 1), ym(2026, 10), ym(2026, 10), ym(2027, 3), ym(2027, 4), ym(2020, 1)],
      current: ym(2026, 11), ahead: 4, oldestKept: ym(2025, 1))
    #expect(create == [ym(2026, 10), ym(2027, 3)])
    #expect(leave == [ym(2020, 1), ym(2027, 4), ym(2100, 1)])
    // Without retention, old months get their partition (late data is kept).
    let noRetention = PartitionPlanner.monthsToDrain(waiting: [ym(2020, 1)], current: ym(2026, 11), ahead: 4, oldestKept: nil)
    #expect(noRetention.create == [ym(2020, 1)])
  }

  @Test func retentionRetiresWholeMonthsButNeverTheNewest() {
    let existing = [ym(2026, 1), ym(2026, 2), ym(2026, 3)]
    #expect(PartitionPlanner.partitionsToRetire(existing: existing, cutoff: CivilDate(year: 2026, month: 3, day: 1))
            == [ym(2026, 1), ym(2026, 2)])
    #expect(PartitionPlanner.partitionsToRetire(existing: existing, cutoff: CivilDate(year: 2026, month: 2, day: 28))
            == [ym(2026, 1)])
    #expect(PartitionPlanner.partitionsToRetire(existing: [ym(2020, 1)], cutoff: CivilDate(year: 2030, month: 1, day: 1)) == [])
    #expect(PartitionPlanner.partitionsToRetire(existing: existing, cutoff: CivilDate(year: 2099, month: 1, day: 1))
            == [ym(2026, 1), ym(2026, 2)])
  }
}

@Suite struct SQLTextTests {
  @Test func quotesIdentifiersAndLiterals() {
    #expect(SQLText.identifier("events") == "\"events\"")
    #expect(SQLText.identifier("we\"ird") == "\"we\"\"ird\"")
    #expect(SQLText.qualified("learning", "Video Events") == "\"learning\".\"Video Events\"")
    #expect(SQLText.literal("it's") == "'it''s'")
    #expect(SQLText.literal("") == "''")
  }
}
