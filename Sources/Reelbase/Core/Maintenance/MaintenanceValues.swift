/// What retiring an old partition does (`reelbase.partition_sets.retention_mode`).
public typealias PartitionRetentionMode = TextValue<PartitionRetentionModeKind>
/// The kind of ``PartitionRetentionMode``.
public enum PartitionRetentionModeKind: TextValueKind {}
extension TextValue where Kind == PartitionRetentionModeKind {
  /// Detach it and keep it as a table of its own.
  public static var detach: Self { "detach" }
  public static var drop: Self { "drop" }
  /// Detach it and move it into the set's archive schema.
  public static var archive: Self { "archive" }
}

/// The kind of a ``MaintenanceAction``.
public typealias MaintenanceActionKind = TextValue<MaintenanceActionKindKind>
/// The kind of ``MaintenanceActionKind``.
public enum MaintenanceActionKindKind: TextValueKind {}
extension TextValue where Kind == MaintenanceActionKindKind {
  /// A partition was made ahead.
  public static var premake: Self { "premake" }
  /// Rows moved from the default partition into a new one.
  public static var drain: Self { "drain" }
  /// Rows stay in the default partition (beyond the premake horizon or the retention).
  public static var leftInDefault: Self { "left in default" }
  public static var detach: Self { "detach" }
  public static var drop: Self { "drop" }
  public static var archive: Self { "archive" }
  /// A maintenance task ran; its detail is `ok` or the failure.
  public static var task: Self { "task" }
  /// Another run held the lock; nothing was done.
  public static var skipped: Self { "skipped" }
  /// A partition set's step failed; the next set still ran.
  public static var error: Self { "error" }
}
