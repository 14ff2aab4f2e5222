/// The arguments every sweep shares, checked before any statement runs.
///
/// A sweep changes at most `batchSize` rows per call, so a call's locks and its WAL stay
/// bounded however large the backlog is; the caller loops (or the scheduler calls again).
public enum SweepRules {
  /// A batch above a million rows is no longer "bounded" in any useful sense: its locks and
  /// its WAL would be those of one huge UPDATE.
  public static let batchSizeRange: ClosedRange<Int32> = 1...1_000_000

  /// Seed 000: cashback expires "after 30 days". Thirty days of 24 hours, an exact span between
  /// instants, so the deadline does not move with the session's TimeZone or a DST change
  /// (timestamptz + '30 days' would add calendar days in the session's zone).
  public static let cashbackPeriodMicroseconds: Int64 = 30 * 24 * 3_600 * 1_000_000

  /// Postgres' lowest timestamptz (4714-11-24 00:00 UTC BC), in microseconds from 2000-01-01.
  public static let lowestTimestamp: Int64 = -211_813_488_000_000_000

  /// - Returns: why `size` is refused, or nil when it is usable.
  public static func batchSizeProblem(_ size: Int32) -> String? {
    batchSizeRange.contains(size)
      ? nil
      : "p_batch_size must be between \(batchSizeRange.lowerBound) and \(batchSizeRange.upperBound), got \(size)"
  }

  /// The latest purchase time whose cashback period has ended at `now` (purchased_at + 30 days
  /// <= now  <=>  purchased_at <= now - 30 days), so the due rows are a range scan of an index
  /// on purchased_at.
  /// - Returns: nil when no representable purchase time is that early (nothing can be due).
  public static func cashbackCutoff(now: Int64) -> Int64? {
    let (cutoff, overflow) = now.subtractingReportingOverflow(cashbackPeriodMicroseconds)
    if overflow || cutoff < lowestTimestamp { return nil }
    return cutoff
  }
}
