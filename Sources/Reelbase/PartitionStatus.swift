import Foundation
import PostgresNIO

/// One partition of a managed set (`reelbase.partition_status`), with figures of its set.
///
/// The view has one row per partition. ``rowsWaitingInDefault`` and ``nextMissingMonth``
/// describe the whole set, so they repeat on each of its rows. A set with no partitions at
/// all has no row.
public struct PartitionStatus: Sendable, Hashable, Identifiable {
  /// The partitioned table, as `regclass` text (schema-qualified unless its schema is on the
  /// session's `search_path`).
  public var parent: String
  /// The partition, as `regclass` text.
  public var partition: String
  /// Whether this is the set's default partition.
  public var isDefault: Bool
  /// The partition bound as PostgreSQL prints it: `DEFAULT`, or
  /// `FOR VALUES FROM ('2026-11-01 00:00:00+00') TO ('2026-12-01 00:00:00+00')`. The dates are
  /// printed in the session's DateStyle and TimeZone.
  public var bounds: String
  /// Rows in the set's default partition: rows of months outside the kept range, or not yet
  /// drained by maintenance. Nil when the set has no default partition.
  public var rowsWaitingInDefault: Int64?
  /// The first month from the current one (UTC) that has no partition, as midnight UTC of its
  /// first day; nil when none is missing in the next 100 years.
  public var nextMissingMonth: Date?

  /// The partition.
  public var id: String { partition }

  static let columns = """
    parent::text AS parent, partition::text AS partition, is_default, bounds,
    rows_waiting_in_default, next_missing_month
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "reelbase.partition_status")
    parent = try r("parent")
    partition = try r("partition")
    isDefault = try r("is_default")
    bounds = try r("bounds")
    rowsWaitingInDefault = try r.optional("rows_waiting_in_default")
    nextMissingMonth = try r.optional("next_missing_month")
  }
}
