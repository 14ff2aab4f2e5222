/// What maintenance does with a partition older than its set's retention
/// (`reelbase.partition_sets.retention_mode`, the `retention_mode` argument of
/// `reelbase.manage_partitions`).
public struct PartitionRetentionMode: StringBackedValue {
  /// The text stored in the column.
  public let rawValue: String

  /// Makes a value from its text; values this client does not list are kept as they are.
  /// - Parameter rawValue: The text stored in the column.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// `detach`: The partition is detached and kept as a plain table in its schema.
  public static let detach: PartitionRetentionMode = "detach"
  /// `drop`: The partition is detached and dropped, with its rows.
  public static let drop: PartitionRetentionMode = "drop"
  /// `archive`: The partition is detached and moved to the set's archive schema (created if
  /// needed).
  public static let archive: PartitionRetentionMode = "archive"
}
