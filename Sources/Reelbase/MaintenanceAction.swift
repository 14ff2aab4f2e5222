import PostgresNIO

/// One thing `reelbase.run_maintenance()` did (a row of its result).
public struct MaintenanceAction: Sendable, Hashable {
  /// What was done.
  public var action: MaintenanceActionKind
  /// The table or task it was done to: a partition for `premake`, `drain` and the retention
  /// modes, the parent table for `left in default` and `error`, the task's name for `task`;
  /// empty for `skipped`.
  public var target: String
  /// Details, e.g. `created for 2026_12`, `moved 3 rows out of the default partition`,
  /// `older than the retention`, or a task's outcome: `ok` or `failed: <sqlstate>: <message>`.
  public var detail: String

  /// True for a set maintenance could not load (`error`) and for a task that failed
  /// (`task` whose detail is not `ok`).
  public var isFailure: Bool {
    action == .error || (action == .task && detail != "ok")
  }

  init(row: PostgresRow) throws {
    let r = RowReader(row, "reelbase.run_maintenance")
    action = try r("action")
    target = try r("target")
    detail = try r("detail")
  }
}

/// The kinds of ``MaintenanceAction`` (`reelbase.run_maintenance()`'s `action` column).
public struct MaintenanceActionKind: StringBackedValue {
  /// The text of the column.
  public let rawValue: String

  /// Makes a value from its text; values this client does not list are kept as they are.
  /// - Parameter rawValue: The text of the column.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// `premake`: A partition of the current month or one of the premake months ahead was made.
  public static let premake: MaintenanceActionKind = "premake"
  /// `drain`: A partition was made for rows waiting in the default partition, and they were
  /// moved into it.
  public static let drain: MaintenanceActionKind = "drain"
  /// `left in default`: Rows of months past the premake horizon or older than the retention
  /// stay in the default partition. Reported on every run while they are there.
  public static let leftInDefault: MaintenanceActionKind = "left in default"
  /// `detach`: A partition older than the retention was detached.
  public static let detach: MaintenanceActionKind = "detach"
  /// `drop`: A partition older than the retention was detached and dropped.
  public static let drop: MaintenanceActionKind = "drop"
  /// `archive`: A partition older than the retention was detached and moved to the archive
  /// schema.
  public static let archive: MaintenanceActionKind = "archive"
  /// `task`: A due maintenance task ran; the detail says how it went.
  public static let task: MaintenanceActionKind = "task"
  /// `skipped`: Another `run_maintenance` was running, so this one did nothing.
  public static let skipped: MaintenanceActionKind = "skipped"
  /// `error`: A registered set could not be loaded (its table was dropped, or is no longer
  /// partitioned by month); the other sets were still maintained.
  public static let error: MaintenanceActionKind = "error"
}
