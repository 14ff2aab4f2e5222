import CPostgres
import ReelbaseCore

/// `reelbase.run_maintenance()`: keeps every partition set and runs the due periodic tasks.
/// One runner at a time (a transaction-level advisory lock); a concurrent call returns at once.
enum RunMaintenance {
  /// "reelbase" as a 64-bit advisory lock key (8243106209152988005).
  static let lockKey: Int64 = 0x7265_656C_6261_7365

  static let tryLock = PreparedStatement(
    "SELECT pg_catalog.pg_try_advisory_xact_lock($1) AS locked", [RbOid(RB_INT8OID)])
  static let sets = PreparedStatement(
    """
    SELECT parent::text AS parent, premake, retention_mode,
           quote_ident(archive_schema) AS quoted_archive_schema,
           to_char((now() - retention) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS cutoff_day,
           to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS today
    FROM reelbase.partition_sets ORDER BY parent::text
    """, [])
  static let dueTasks = PreparedStatement(
    """
    SELECT name FROM reelbase.maintenance_tasks
    WHERE enabled AND (last_started_at IS NULL OR last_started_at + run_every <= now()) ORDER BY name
    """, [])
  static let runTask = PreparedStatement("SELECT reelbase.run_task($1) AS status", [RbOid(RB_TEXTOID)])
  static let logRun = PreparedStatement(
    """
    INSERT INTO reelbase.maintenance_runs (started_at, runner, actions, failed_tasks)
    VALUES (now(), coalesce(nullif(current_setting('application_name'), ''), session_user::text), $1, $2)
    """, [RbOid(RB_INT4OID), RbOid(RB_INT4OID)])

  struct Action {
    let action: String
    let target: String
    let detail: String
  }

  struct SetConfig {
    let parent: String
    let premake: Int
    let mode: String
    let archiveSchema: String?
    let cutoff: CivilDate?
    let today: CivilDate
  }

  static func call(_ call: FunctionCall) throws -> RbDatum? {
    let sink = try TupleSink(call)
    let actions: [Action] = try SPI.connect {
      let locked = try SPI.execute(tryLock, [lockKey.makeDatum()], readOnly: false)
      guard try locked.row(0).value("locked") ?? false else {
        return [Action(action: "skipped", target: "", detail: "another run_maintenance is in progress")]
      }
      var done: [Action] = []
      let r = try SPI.execute(sets, [], readOnly: false)
      var configs: [SetConfig] = []
      for row in r.rows {
        let day = { (column: String) throws -> CivilDate? in
          (try row.value(column) as String?).flatMap(civil)
        }
        guard let parent: String = try row.value("parent"), let today = try day("today") else { continue }
        configs.append(SetConfig(parent: parent, premake: Int(try row.value("premake") ?? Int32(4)),
                                 mode: try row.value("retention_mode") ?? "detach",
                                 archiveSchema: try row.value("quoted_archive_schema"),
                                 cutoff: try day("cutoff_day"), today: today))
      }
      for config in configs {
        done += try maintain(config)
        try guarded(rb_check_for_interrupts())
      }
      var failed = 0
      let due = try SPI.execute(dueTasks, [], readOnly: false)
      let names: [String] = try due.rows.compactMap { try $0.value("name") }
      for name in names {
        let outcome = try SPI.execute(runTask, [try name.makeDatum()], readOnly: false)
        let status: String = try outcome.row(0).value("status") ?? "?"
        if status != "ok" { failed += 1 }
        done.append(Action(action: "task", target: name, detail: status))
      }
      try SPI.execute(logRun, [Int32(clamping: done.count).makeDatum(), Int32(clamping: failed).makeDatum()],
                      readOnly: false)
      return done
    }
    for a in actions {
      try sink.append([try a.action.makeDatum(), try a.target.makeDatum(), try a.detail.makeDatum()])
    }
    return nil
  }

  /// Premake, drain the default partition up to the horizon, apply retention.
  static func maintain(_ config: SetConfig) throws -> [Action] {
    var table: PartitionedTable
    do {
      table = try PartitionedTable.load(config.parent)
    } catch let e as PGError where !e.fromServer {
      return [Action(action: "error", target: config.parent, detail: "\(e.sqlstate): \(e.message)")]
    }
    var done: [Action] = []
    let current = YearMonth(config.today)
    for month in PartitionPlanner.monthsToPremake(current: current, ahead: config.premake,
                                                  existing: table.coveredMonths) {
      let (name, _) = try PartitionEngine.ensureMonth(table, month)
      done.append(Action(action: "premake", target: name, detail: "created for \(month)"))
      table = try PartitionedTable.load(config.parent)
    }
    let (create, leave) = PartitionPlanner.monthsToDrain(
      waiting: try PartitionEngine.waitingMonths(table), current: current, ahead: config.premake,
      oldestKept: PartitionPlanner.oldestKept(cutoff: config.cutoff))
    for month in create where !table.coveredMonths.contains(month) {
      let (name, outcome) = try PartitionEngine.ensureMonth(table, month)
      if case .created(let moved) = outcome {
        done.append(Action(action: "drain", target: name, detail: "moved \(moved) rows out of the default partition"))
      }
      table = try PartitionedTable.load(config.parent)
    }
    if !leave.isEmpty {
      done.append(Action(action: "left in default", target: table.parent,
                         detail: "rows of \(leave.map(\.suffix).joined(separator: ", ")) are outside the kept range"))
    }
    if let cutoff = config.cutoff {
      done += try retire(table, config, cutoff: cutoff)
    }
    return done
  }

  private static func retire(_ table: PartitionedTable, _ config: SetConfig, cutoff: CivilDate) throws -> [Action] {
    let monthly = table.partitions.filter { p in p.months.map { $0.lowerBound == $0.upperBound } ?? false }
    let old = Set(PartitionPlanner.partitionsToRetire(
      existing: monthly.compactMap { $0.months?.lowerBound }, cutoff: cutoff))
    var done: [Action] = []
    for p in monthly where p.months.map({ old.contains($0.lowerBound) }) ?? false {
      try SPI.run("ALTER TABLE \(table.parent) DETACH PARTITION \(p.qualifiedName)", readOnly: false)
      switch config.mode {
      case "drop":
        try SPI.run("DROP TABLE \(p.qualifiedName)", readOnly: false)
      case "archive":
        if let schema = config.archiveSchema {
          try SPI.run("CREATE SCHEMA IF NOT EXISTS \(schema)", readOnly: false)
          try SPI.run("ALTER TABLE \(p.qualifiedName) SET SCHEMA \(schema)", readOnly: false)
        }
      default:
        break
      }
      done.append(Action(action: config.mode, target: p.qualifiedName, detail: "older than the retention"))
    }
    return done
  }

  private static func civil(_ text: String) -> CivilDate? {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    return CivilDate(year: parts[0], month: parts[1], day: parts[2])
  }
}

@_cdecl("rbx_reelbase_run_maintenance")
func rbx_reelbase_run_maintenance(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, RunMaintenance.call)
}
