/// The partition engine and the maintenance scheduler. Operator calls: they take
/// `reelbase_admin` and run with the caller's rights, so partitions are made by the owner of
/// the partitioned tables (others get ``ReelbaseError/Code/permissionDenied``, 42501). Read
/// the state through ``PartitionSet``, ``PartitionStatus``, ``MaintenanceTask`` and
/// ``MaintenanceRun`` with ``ReelbaseQueryable/fetch(_:where:orderBy:limit:readFrom:)``.
extension ReelbaseQueryable {
  /// `reelbase.create_monthly_partition`: makes (or finds) the partition `<table>_YYYY_MM`,
  /// moving that month's rows out of the default partition, and returns its name.
  /// Refusals: 42P01 ``ReelbaseError/Code/notFound``; 42809, 22023, 42622
  /// ``ReelbaseError/Code/invalidInput``; 42P07 ``ReelbaseError/Code/duplicate``; 42P17
  /// (another partition covers the month) ``ReelbaseError/Code/invalidState``.
  @discardableResult
  public func createMonthlyPartition(tableName: String, year: Int, month: Int) async throws -> String {
    try await required(
      "reelbase.create_monthly_partition",
      ["table_name": tableName, "year": Int32(clamping: year), "month": Int32(clamping: month)])
  }

  /// `reelbase.manage_partitions`: registers (or re-configures, every setting replaced) a
  /// monthly set and gives it a default partition. Bad settings (premake outside 0...120, an
  /// unknown mode, an archive schema without `.archive` or missing with it, a retention that
  /// is not positive) are 22023 ``ReelbaseError/Code/invalidInput``; a table not partitioned
  /// by month 42809.
  public func managePartitions(
    parent: String, premake: Int = 4, retention: SQLInterval? = nil,
    retentionMode: PartitionRetentionMode = .detach, archiveSchema: String? = nil
  ) async throws {
    try await perform(
      "reelbase.manage_partitions",
      ["parent::regclass": parent, "premake": Int32(clamping: premake), "retention": retention,
       "retention_mode": retentionMode, "archive_schema": archiveSchema])
  }

  /// `reelbase.run_maintenance()`: for every set premake, drain and retention, then every due
  /// task in a subtransaction (a failing task is an action whose ``MaintenanceAction/isFailure``
  /// is true, not an error). A single ``MaintenanceActionKind/skipped`` action when another
  /// run holds the lock.
  @discardableResult
  public func runMaintenance() async throws -> [MaintenanceAction] {
    try await call("reelbase.run_maintenance")
  }

  /// `reelbase.partition_status()`, a set's partitions (or every set's), each set's default
  /// partition first. Reads the default partitions with the caller's rights.
  public func partitionStatus(parent: String? = nil, readFrom: ReadPreference = .replica)
    async throws -> [PartitionStatus]
  {
    try await fetch(
      PartitionStatus.self, where: "\(parent)::regclass IS NULL OR parent = \(parent)::regclass",
      orderBy: "parent::text, is_default DESC, partition::text", readFrom: readFrom)
  }

  /// `reelbase.register_maintenance_task`: adds, or updates and re-enables, a task that calls
  /// `function` (a signature such as `ops.nightly()`) every `runEvery`. 42883 (no such
  /// function), 22P02 and a non-positive interval (23514) are ``ReelbaseError/Code/invalidInput``.
  public func registerMaintenanceTask(
    name: String, function: String, runEvery: SQLInterval = .minutes(5)
  ) async throws {
    try await perform(
      "reelbase.register_maintenance_task",
      ["p_name": name, "p_function::regprocedure": function, "p_run_every": runEvery])
  }

  /// `reelbase.run_task`: runs one task now and returns `ok` or `failed: <sqlstate>: <message>`;
  /// an unknown name is 22023.
  @discardableResult
  public func runTask(name: String) async throws -> String {
    try await required("reelbase.run_task", ["p_name": name])
  }
}
