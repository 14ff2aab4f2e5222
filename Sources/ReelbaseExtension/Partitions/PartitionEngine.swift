import CPostgres
import ReelbaseCore

/// Creating monthly partitions without ever failing on rows already waiting in the default
/// partition: the new partition is made as a plain table, the month's rows are moved into it
/// from the default partition, and then it is attached. (CREATE TABLE ... PARTITION OF would
/// fail as soon as the default partition held one row of that month.)
enum PartitionEngine {
  enum Outcome { case created(moved: Int), existed }

  /// - Returns: the partition's qualified name and whether it was made now.
  /// - Throws: 42622 when `<table>_YYYY_MM` is too long, 42P07 when the name is taken by a
  ///   relation that is not that month's partition.
  static func ensureMonth(_ table: PartitionedTable, _ month: YearMonth) throws -> (String, Outcome) {
    guard let childName = PartitionPlanner.childName(parent: table.name, month: month) else {
      throw PGError(
        sqlstate: "42622",
        message: "partition name \"\(table.name)_\(month.suffix)\" would be longer than \(PartitionPlanner.maxIdentifierBytes) bytes",
        hint: "Rename the table to at most \(PartitionPlanner.maxIdentifierBytes - 8) bytes.")
    }
    let child = SQLText.qualified(table.schema, childName)
    if let existing = table.partitions.first(where: { $0.name == childName }) {
      guard existing.months == month...month else {
        throw PGError(sqlstate: "42P07",
                      message: "\(existing.qualifiedName) exists but is not the \(month) partition of \(table.parent)")
      }
      return (existing.qualifiedName, .existed)
    }
    if let covering = table.partitions.first(where: { $0.months?.contains(month) ?? false }) {
      throw PGError(sqlstate: "42P17",
                    message: "\(covering.qualifiedName) already covers \(month) of \(table.parent)")
    }
    let exists = try SPI.run(
      "SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass(\(SQLText.literal(child)))",
      readOnly: false)
    if exists.rowCount > 0 {
      throw PGError(sqlstate: "42P07", message: "relation \(child) already exists and is not a partition of \(table.parent)")
    }
    guard let next = month.advanced(by: 1) else {
      throw PGError.invalidParameter("no month follows \(month)")
    }
    let parent = table.parent
    let key = SQLText.identifier(table.keyColumn)
    let lo = table.boundLiteral(month)
    let hi = table.boundLiteral(next)
    if table.defaultPartition != nil {
      // Writers wait until this transaction ends, then route with the new partition. Without
      // the lock an INSERT that had already routed its row to the default partition could
      // reach it after the ATTACH and fail on the default partition's new constraint (23514).
      try SPI.run("LOCK TABLE \(parent) IN SHARE ROW EXCLUSIVE MODE", readOnly: false)
    }
    try SPI.run(
      """
      CREATE TABLE \(child) (LIKE \(parent) INCLUDING DEFAULTS INCLUDING CONSTRAINTS
        INCLUDING GENERATED INCLUDING IDENTITY INCLUDING STORAGE)
      """, readOnly: false)
    var moved = 0
    if let defaultPartition = table.defaultPartition {
      let waiting = try SPI.run(
        "SELECT 1 FROM ONLY \(defaultPartition.qualifiedName) WHERE \(key) >= \(lo) AND \(key) < \(hi) LIMIT 1",
        readOnly: false)
      if waiting.rowCount > 0 {
        // Rows move: readers must not plan with the old partitions and then find the rows
        // gone from the default partition, so they wait for this transaction as well.
        try SPI.run("LOCK TABLE \(parent) IN ACCESS EXCLUSIVE MODE", readOnly: false)
      }
      // By name, and without the generated columns (the new partition computes them; an
      // INSERT naming them is refused, 428C9): factory.cf_performance_metrics has two.
      let stored = try SPI.run(
        """
        SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum) AS columns
        FROM pg_catalog.pg_attribute AS a
        WHERE a.attrelid = \(SQLText.literal(parent))::pg_catalog.regclass AND a.attnum > 0
          AND NOT a.attisdropped AND a.attgenerated = ''
        """, readOnly: false)
      guard let columns: String = try stored.row(0).value("columns") else {
        throw PGError.internalError("\(parent) has no stored columns to move")
      }
      let r = try SPI.run(
        """
        WITH moved AS (DELETE FROM ONLY \(defaultPartition.qualifiedName)
                       WHERE \(key) >= \(lo) AND \(key) < \(hi) RETURNING \(columns))
        INSERT INTO \(child) (\(columns)) SELECT \(columns) FROM moved
        """, readOnly: false)
      moved = r.rowCount
      // After the move: one index build over the rows beats maintaining it row by row.
      try PartitionTemplate.copyIndexes(from: defaultPartition.qualifiedName, to: child)
    }
    try SPI.run("ALTER TABLE \(parent) ATTACH PARTITION \(child) FOR VALUES FROM (\(lo)) TO (\(hi))",
                readOnly: false)
    let printed = try SPI.run("SELECT \(SQLText.literal(child))::regclass::text AS name", readOnly: false)
    return (try printed.row(0).value("name") ?? child, .created(moved: moved))
  }

  /// The months of rows waiting in the default partition (finite keys only; at most 1,000
  /// distinct months are looked at per run).
  static func waitingMonths(_ table: PartitionedTable) throws -> [YearMonth] {
    guard let d = table.defaultPartition else { return [] }
    let key = SQLText.identifier(table.keyColumn)
    let r = try SPI.run(
      """
      SELECT DISTINCT to_char(\(table.utcDate(key)), 'YYYY-MM') AS year_month FROM ONLY \(d.qualifiedName)
      WHERE \(key) IS NOT NULL AND pg_catalog.isfinite(\(key)) LIMIT 1000
      """, readOnly: false)
    let yearMonth = try r.column("year_month")
    return try r.rows.compactMap { try ($0.value(yearMonth) as String?).flatMap(PartitionedTable.month) }
  }
}

@_cdecl("rbx_reelbase_create_monthly_partition")
func rbx_reelbase_create_monthly_partition(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call) { call in
    let tableName: String = try call.required(0, "table_name")
    let year: Int32 = try call.required(1, "year")
    let monthNumber: Int32 = try call.required(2, "month")
    guard let month = YearMonth(year: Int(year), month: Int(monthNumber)) else {
      throw PGError.invalidParameter(
        "invalid month \(year)-\(monthNumber)", hint: "year is 1..9999 and month is 1..12.")
    }
    // The caller's name, resolved in the caller's search_path; printed qualified once pinned.
    let relation = try typeInput(RbOid(2205), tableName)
    let name: String = try SPI.connect {
      let table = try PartitionedTable.load(try typeOutput(RbOid(2205), relation))
      return try PartitionEngine.ensureMonth(table, month).0
    }
    return try name.makeDatum()
  }
}
