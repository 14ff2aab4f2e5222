/// The decisions of partition maintenance, free of server code: which months to make ahead,
/// which months of rows waiting in the default partition get a partition, and which partitions
/// retention retires.
public enum PartitionPlanner {
  /// The longest a Postgres identifier can be (NAMEDATALEN - 1 bytes).
  public static let maxIdentifierBytes = 63

  /// `<table>_YYYY_MM`, or nil when that would be longer than an identifier may be.
  public static func childName(parent: String, month: YearMonth) -> String? {
    let name = parent + "_" + month.suffix
    return name.utf8.count <= maxIdentifierBytes ? name : nil
  }

  /// The current month and the `ahead` months after it that have no partition yet.
  public static func monthsToPremake(current: YearMonth, ahead: Int, existing: Set<YearMonth>)
    -> [YearMonth]
  {
    (0...max(0, ahead)).compactMap { current.advanced(by: $0) }.filter { !existing.contains($0) }
  }

  /// Of the months that rows in the default partition belong to, those that get a partition:
  /// not later than the premake horizon (a timestamp typo in 2100 must not create decades of
  /// partitions, or even one) and not older than the retention cutoff (it would be retired at
  /// once). The rest stay in the default partition, where partition_status shows them.
  public static func monthsToDrain(waiting: [YearMonth], current: YearMonth, ahead: Int,
                                   oldestKept: YearMonth?) -> (create: [YearMonth], leave: [YearMonth])
  {
    let horizon = current.advanced(by: max(0, ahead)) ?? current
    var create: [YearMonth] = []
    var leave: [YearMonth] = []
    for m in Set(waiting).sorted() {
      if m > horizon || (oldestKept.map { m < $0 } ?? false) { leave.append(m) } else { create.append(m) }
    }
    return (create, leave)
  }

  /// Partitions whose whole range ends on or before `cutoff` (now minus the retention
  /// interval), never the newest partition.
  public static func partitionsToRetire(existing: [YearMonth], cutoff: CivilDate) -> [YearMonth] {
    guard let newest = existing.max() else { return [] }
    return existing.sorted().filter { m in
      guard m != newest, let next = m.advanced(by: 1) else { return false }
      return next.firstDay <= cutoff
    }
  }

  /// The first month retention keeps: the month containing the cutoff.
  public static func oldestKept(cutoff: CivilDate?) -> YearMonth? {
    cutoff.map { YearMonth($0) }
  }
}
