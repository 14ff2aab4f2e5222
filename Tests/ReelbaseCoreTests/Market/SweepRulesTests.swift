import Testing
@testable import ReelbaseCore

@Suite struct SweepRulesTests {
  @Test func batchSizeBounds() {
    #expect(SweepRules.batchSizeProblem(1) == nil)
    #expect(SweepRules.batchSizeProblem(1_000_000) == nil)
    #expect(SweepRules.batchSizeProblem(0) == "p_batch_size must be between 1 and 1000000, got 0")
    #expect(SweepRules.batchSizeProblem(-5) != nil)
    #expect(SweepRules.batchSizeProblem(1_000_001) != nil)
    #expect(SweepRules.batchSizeProblem(Int32.max) != nil)
    #expect(SweepRules.batchSizeProblem(Int32.min) != nil)
  }

  @Test func cashbackPeriodIsThirtyTimesTwentyFourHours() {
    #expect(SweepRules.cashbackPeriodMicroseconds == 2_592_000_000_000)
  }

  @Test func cutoffIsThirtyDaysBeforeNow() {
    // 2025-03-31 00:00 UTC is 796,694,400 s after 2000-01-01, and 2025-03-01 00:00 UTC, 30
    // days earlier, is 794,102,400 s (SELECT extract(epoch FROM t - '2000-01-01 00:00+00')).
    let now: Int64 = 796_694_400 * 1_000_000
    let expected: Int64 = 794_102_400 * 1_000_000
    #expect(SweepRules.cashbackCutoff(now: now) == expected)
  }

  @Test func cutoffBelowTheLowestTimestampMeansNothingIsDue() {
    #expect(SweepRules.cashbackCutoff(now: SweepRules.lowestTimestamp) == nil)
    #expect(SweepRules.cashbackCutoff(now: SweepRules.lowestTimestamp + SweepRules.cashbackPeriodMicroseconds)
            == SweepRules.lowestTimestamp)
    #expect(SweepRules.cashbackCutoff(now: Int64.min + 1) == nil)
  }

  @Test func sweepsRunInTheSeedsOrder() {
    #expect(SweepKind.allCases.map(\.rawValue) == ["expire_listings", "archive_listings", "expire_cashback"])
  }
}
