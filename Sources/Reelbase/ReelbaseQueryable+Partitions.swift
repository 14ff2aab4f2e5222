import Foundation
import PostgresNIO

/// The partition engine and the maintenance scheduler (release 0.3.0), one method per SQL
/// function, with the SQL argument names (`p_name` → `name`, `retention_mode` →
/// `retentionMode`) and defaults.
///
/// These are operator calls. Executing the functions and reading their tables takes
/// `reelbase_admin`. They run with the caller's rights, and only a table's owner can create,
/// attach, detach or drop its partitions: call them as the owner of the partitioned tables
/// (the role that made them, or the superuser that installed the extension for
/// `learning.video_analytics_events`). In release 0.3.0 a `reelbase_admin` that is not the
/// extension's owner gets ``ReelbaseError/Code/permissionDenied`` (42501) from
/// ``managePartitions(parent:premake:retention:retentionMode:archiveSchema:)`` and
/// ``registerMaintenanceTask(name:function:runEvery:)`` (they insert into tables it may only
/// read), from ``runMaintenance()`` and from ``partitionStatus(parent:readFrom:)`` (they read
/// default partitions it has no grant on); it can make partitions of its own tables and run
/// tasks.
///
/// `interval` arguments and columns are ``SQLInterval``s.
extension ReelbaseQueryable {
  /// Makes the monthly partition `<table>_YYYY_MM` of a table range-partitioned on one
  /// `date`, `timestamp` or `timestamptz` column (`reelbase.create_monthly_partition`), with
  /// bounds [first of the month, first of the next month) (UTC months for `timestamptz`).
  /// That month's rows waiting in the default partition move into it.
  ///
  /// Idempotent: returns the partition's name whether it was made now or before.
  /// - Parameters:
  ///   - tableName: The partitioned table, optionally schema-qualified (`table_name`); an
  ///     unqualified name is looked up on the session's `search_path`.
  ///   - year: The year, 1...9999 (`year`).
  ///   - month: The month, 1...12 (`month`).
  /// - Returns: The partition, as `regclass` text: schema-qualified unless its schema is on
  ///   the session's `search_path` (e.g. `stories.segments_2026_12`).
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/notFound`` for a table that does not
  ///   exist (42P01); ``ReelbaseError/Code/invalidInput`` for a table that is not
  ///   range-partitioned on one date or timestamp column (42809), an invalid year or month
  ///   (22023), or a partition name longer than 63 bytes (42622);
  ///   ``ReelbaseError/Code/duplicate`` when the name is taken by another table (42P07);
  ///   ``ReelbaseError/Code/invalidState`` when another partition already covers the month
  ///   (42P17); ``ReelbaseError/Code/permissionDenied`` for a caller who is not an
  ///   administrator or not the table's owner (42501).
  @discardableResult
  public func createMonthlyPartition(tableName: String, year: Int, month: Int) async throws -> String {
    try await requiredScalar(
      """
      SELECT reelbase.create_monthly_partition(
        table_name => \(tableName), year => \(year)::integer, month => \(month)::integer)
      """,
      .write, as: String.self, "reelbase.create_monthly_partition")
  }

  /// Registers a monthly partition set, or re-configures a registered one
  /// (`reelbase.manage_partitions`), and gives the table a default partition
  /// `<table>_default` if it has none, so an insert never fails for want of a partition.
  /// ``runMaintenance()`` then keeps the set: it premakes partitions, drains the default
  /// partition and applies the retention.
  ///
  /// Registering again replaces every setting, with the defaults for arguments left out.
  /// - Parameters:
  ///   - parent: The partitioned table, optionally schema-qualified (`parent`, a `regclass`).
  ///   - premake: Months made ahead of the current one, 0...120 (`premake`, default 4).
  ///   - retention: Partitions whose whole range is older than `now() - retention` are
  ///     retired, never the newest one (`retention`, default nil: keep every partition).
  ///     Must be positive.
  ///   - retentionMode: What retiring does: detach, drop, or detach and move to
  ///     `archiveSchema` (`retention_mode`, default `.detach`).
  ///   - archiveSchema: The schema `.archive` moves partitions to, created when needed
  ///     (`archive_schema`, default nil). Required with `.archive`, refused with the others.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/notFound`` for a table that does not
  ///   exist (42P01); ``ReelbaseError/Code/invalidInput`` for a table not partitioned by
  ///   month (42809), `premake` out of range, an unknown mode, an archive schema given
  ///   without `.archive` or missing with it, or a retention that is not positive (22023),
  ///   or a default partition name longer than 63 bytes (42622);
  ///   ``ReelbaseError/Code/permissionDenied`` (42501).
  public func managePartitions(
    parent: String, premake: Int = 4, retention: SQLInterval? = nil,
    retentionMode: PartitionRetentionMode = .detach, archiveSchema: String? = nil
  ) async throws {
    _ = try await rows(
      """
      SELECT reelbase.manage_partitions(
        parent => \(parent)::regclass, premake => \(premake)::integer, retention => \(retention),
        retention_mode => \(retentionMode), archive_schema => \(archiveSchema))
      """, .write)
  }

  /// Runs partition maintenance for every registered set, then every due maintenance task
  /// (`reelbase.run_maintenance()`). What pg_cron or reelbase's background worker run on a
  /// schedule; calling it by hand is harmless.
  ///
  /// For each set, in order: premake (the current month and `premake` months ahead), drain
  /// (rows waiting in the default partition get partitions of their own, up to the premake
  /// horizon and not older than the retention), retention. Then each due task runs in a
  /// subtransaction: a failure is recorded and reported, and the next task still runs.
  ///
  /// One runner at a time: when another run holds the lock this returns at once with a single
  /// ``MaintenanceActionKind/skipped`` action. Inside a transaction the lock, and the
  /// partitions made, last until it commits.
  /// - Returns: What it did, in order.
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/permissionDenied`` when the caller may
  ///   not run it or does not own a table a partition must be made for (42501). A failing
  ///   task does not throw: it is a ``MaintenanceActionKind/task`` action whose
  ///   ``MaintenanceAction/isFailure`` is true.
  @discardableResult
  public func runMaintenance() async throws -> [MaintenanceAction] {
    try await all(
      "SELECT action, target, detail FROM reelbase.run_maintenance()", .write,
      MaintenanceAction.init(row:))
  }

  /// The managed partition sets at a glance (`reelbase.partition_status`): one row per
  /// partition, with its bounds, the rows waiting in the set's default partition and the
  /// set's first missing month.
  ///
  /// The view counts the rows of every set's default partition with the caller's rights
  /// (whatever `parent` is), and partitions have no grants of their own: in release 0.3.0 only
  /// the owner of every managed table can read it. Other administrators get
  /// ``ReelbaseError/Code/permissionDenied`` (42501).
  /// - Parameters:
  ///   - parent: Only this set's partitions; every set by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The rows, by parent, each set's default partition first, then by name.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/notFound`` when `parent` does not
  ///   exist (42P01); ``ReelbaseError/Code/permissionDenied`` (42501, see above).
  public func partitionStatus(parent: String? = nil, readFrom: ReadPreference = .replica)
    async throws -> [PartitionStatus]
  {
    try await all(
      """
      SELECT \(unescaped: PartitionStatus.columns) FROM reelbase.partition_status
      WHERE \(parent)::regclass IS NULL OR parent = \(parent)::regclass
      ORDER BY parent::text, is_default DESC, partition::text
      """,
      .read(readFrom), PartitionStatus.init(row:))
  }

  /// Lists the managed partition sets and their settings (`reelbase.partition_sets`).
  /// - Parameter readFrom: Where the read runs; a replica by default.
  /// - Returns: The sets, by parent.
  /// - Throws: ``ReelbaseError``.
  public func listPartitionSets(readFrom: ReadPreference = .replica) async throws -> [PartitionSet] {
    try await all(
      "SELECT \(unescaped: PartitionSet.columns) FROM reelbase.partition_sets ORDER BY parent::text",
      .read(readFrom), PartitionSet.init(row:))
  }

  /// Adds a periodic task, or updates and re-enables a registered one
  /// (`reelbase.register_maintenance_task`). ``runMaintenance()`` runs it when `runEvery` has
  /// passed since it last started; a new task is due at once.
  /// - Parameters:
  ///   - name: The task's name (`p_name`).
  ///   - function: The function to call, a `regprocedure` as text with its argument types,
  ///     e.g. `ops.nightly()` (`p_function`). It is called with no arguments and its result
  ///     is ignored.
  ///   - runEvery: How often it runs (`p_run_every`, default 5 minutes). Must be positive.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` for a function that
  ///   does not exist (42883), text that is not a function signature (22P02) or an interval
  ///   that is not positive (23514); ``ReelbaseError/Code/permissionDenied`` (42501).
  public func registerMaintenanceTask(
    name: String, function: String, runEvery: SQLInterval = .minutes(5)
  ) async throws {
    _ = try await rows(
      """
      SELECT reelbase.register_maintenance_task(
        p_name => \(name), p_function => \(function)::regprocedure, p_run_every => \(runEvery))
      """, .write)
  }

  /// Runs one registered maintenance task now, whether due or not, and records its outcome
  /// (`reelbase.run_task`). The task runs in a subtransaction, so its failure is returned,
  /// not thrown.
  /// - Parameter name: The task (`p_name`).
  /// - Returns: `ok`, or `failed: <sqlstate>: <message>`.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` when no task has that
  ///   name (22023); ``ReelbaseError/Code/permissionDenied`` (42501).
  @discardableResult
  public func runTask(name: String) async throws -> String {
    try await requiredScalar(
      "SELECT reelbase.run_task(p_name => \(name))", .write, as: String.self, "reelbase.run_task")
  }

  /// Lists the periodic maintenance tasks and how their last runs went
  /// (`reelbase.maintenance_tasks`).
  /// - Parameter readFrom: Where the read runs; a replica by default.
  /// - Returns: The tasks, by name.
  /// - Throws: ``ReelbaseError``.
  public func listMaintenanceTasks(readFrom: ReadPreference = .replica) async throws -> [MaintenanceTask] {
    try await all(
      "SELECT \(unescaped: MaintenanceTask.columns) FROM reelbase.maintenance_tasks ORDER BY name",
      .read(readFrom), MaintenanceTask.init(row:))
  }
}
