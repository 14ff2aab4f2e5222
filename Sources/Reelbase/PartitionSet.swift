import Foundation
import PostgresNIO

/// A managed monthly partition set (`reelbase.partition_sets`), registered with
/// ``ReelbaseQueryable/managePartitions(parent:premake:retention:retentionMode:archiveSchema:)``.
public struct PartitionSet: Sendable, Hashable, Identifiable {
  /// The partitioned table, as `regclass` text (schema-qualified unless its schema is on the
  /// session's `search_path`).
  public var parent: String
  /// Months made ahead of the current one, 0-120.
  public var premake: Int
  /// Partitions whose whole range is older than `now() - retention` are retired; nil keeps
  /// every partition.
  public var retention: SQLInterval?
  /// What retiring a partition does.
  public var retentionMode: PartitionRetentionMode
  /// Where `archive` moves retired partitions; nil for the other modes.
  public var archiveSchema: String?
  /// Registered by the extension's install script (such as `learning.video_analytics_events`),
  /// which `pg_dump` therefore leaves out.
  public var registeredByExtension: Bool
  /// When the set was first registered.
  public var registeredAt: Date

  /// The parent table.
  public var id: String { parent }

  static let columns = """
    parent::text AS parent, premake, retention, retention_mode, archive_schema::text AS archive_schema,
    registered_by_extension, registered_at
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "reelbase.partition_sets")
    parent = try r("parent")
    premake = try r("premake")
    retention = try r.optional("retention")
    retentionMode = try r("retention_mode")
    archiveSchema = try r.optional("archive_schema")
    registeredByExtension = try r("registered_by_extension")
    registeredAt = try r("registered_at")
  }
}
