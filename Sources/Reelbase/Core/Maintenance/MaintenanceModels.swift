import Foundation

/// A managed monthly partition set (`reelbase.partition_sets`); register one with
/// ``ReelbaseQueryable/managePartitions(parent:premake:retention:retentionMode:archiveSchema:)``.
public struct PartitionSet: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "reelbase.partition_sets"
  public static let primaryKey = ["parent"]
  public static let serverColumns: Set<String> = ["registered_at"]
  public static let columnExpressions = ["parent": "parent::text", "archive_schema": "archive_schema::text"]
  /// The partitioned table, as `regclass` text.
  public var parent = ""
  /// Months made ahead of the current one.
  public var premake = 4
  /// Partitions older than this are retired; nil keeps every partition.
  public var retention: SQLInterval?
  public var retentionMode = PartitionRetentionMode.detach
  public var archiveSchema: String?
  /// Registered by an extension script (recreated by CREATE EXTENSION, so not dumped).
  public var registeredByExtension = false
  public var registeredAt = Date()
  public var id: String { parent }
  public init() {}
}

/// One partition of a managed set (`reelbase.partition_status`, a view).
public struct PartitionStatus: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "reelbase.partition_status"
  public static let primaryKey = ["partition"]
  public static let columnExpressions = ["parent": "parent::text", "partition": "partition::text"]
  public var parent = ""
  public var partition = ""
  public var isDefault = false
  /// The partition bound, as `pg_get_expr` prints it.
  public var bounds = ""
  /// Rows in the set's default partition (on its default partition's row only).
  public var rowsWaitingInDefault: Int64?
  /// The first month from the current one without a partition.
  public var nextMissingMonth: Date?
  public var id: String { partition }
  public init() {}
}

/// A periodic task ``ReelbaseQueryable/runMaintenance()`` runs (`reelbase.maintenance_tasks`).
public struct MaintenanceTask: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "reelbase.maintenance_tasks"
  public static let primaryKey = ["name"]
  public static let serverColumns: Set<String> = []
  public static let columnExpressions = ["function": "function::text"]
  public var name = ""
  /// The function it calls, a `regprocedure` as text (`ops.nightly()`).
  public var function = ""
  public var runEvery = SQLInterval.minutes(5)
  public var enabled = true
  public var lastStartedAt: Date?
  public var lastFinishedAt: Date?
  /// `ok`, or `failed: <sqlstate>: <message>`.
  public var lastStatus: String?
  public var lastError: String?
  public var registeredByExtension = false
  public var id: String { name }
  public init() {}
}

/// One finished ``ReelbaseQueryable/runMaintenance()`` (`reelbase.maintenance_runs`).
public struct MaintenanceRun: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "reelbase.maintenance_runs"
  public static let serverColumns: Set<String> = ["id", "finished_at"]
  public var id: Int64 = 0
  public var startedAt = Date()
  public var finishedAt = Date()
  /// Who ran it: the background worker, pg_cron or a session.
  public var runner = ""
  public var actions = 0
  public var failedTasks = 0
  public init() {}
}

/// How far an incremental job has processed its source rows (`reelbase.rollup_watermarks`).
public struct RollupWatermark: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "reelbase.rollup_watermarks"
  public static let primaryKey = ["name"]
  public static let serverColumns: Set<String> = []
  public var name = ""
  /// Source rows up to here are in the rollups.
  public var processedUntil = Date()
  public var lastRunAt: Date?
  public var lastRunSeconds: Double?
  public var lastPairs: Int?
  public var lastRows: Int?
  public var id: String { name }
  public init() {}
}

/// What one step of ``ReelbaseQueryable/runMaintenance()`` did.
public struct MaintenanceAction: ReelbaseRow, Hashable {
  public var action: MaintenanceActionKind
  /// The partition set, partition or task it acted on.
  public var target: String
  /// What happened: rows moved, a task's `ok` or `failed: ...`, an error's message.
  public var detail: String
  /// Whether this action reports a failure (an error, or a task that did not return `ok`).
  public var isFailure: Bool { action == .error || (action == .task && detail != "ok") }
}
