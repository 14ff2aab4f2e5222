import CPostgres
import ReelbaseCore

/// A table range-partitioned on one date or timestamp column, as the catalog describes it.
struct PartitionedTable {
  enum KeyType: String {
    case date = "date"
    case timestamp = "timestamp without time zone"
    case timestamptz = "timestamp with time zone"
  }

  struct Partition {
    let qualifiedName: String
    let name: String
    let isDefault: Bool
    /// The months the partition's range touches (empty for the default partition).
    let months: ClosedRange<YearMonth>?
  }

  let parent: String
  let schema: String
  let name: String
  let keyColumn: String
  let keyType: KeyType
  let partitions: [Partition]

  static let describe = PreparedStatement(
    """
    SELECT n.nspname::text AS schema_name, c.relname::text AS table_name, c.oid::regclass::text AS parent,
           p.partstrat::text AS strategy, p.partnatts AS key_count, a.attname::text AS key_column,
           format_type(a.atttypid, NULL) AS key_type
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_catalog.pg_partitioned_table p ON p.partrelid = c.oid
    LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = p.partattrs[0]
    WHERE c.oid = pg_catalog.to_regclass($1)
    """, [RbOid(RB_TEXTOID)])

  /// - Throws: 42P01 unknown table, 42809 not range-partitioned on one date/timestamp column.
  /// Reads take a fresh snapshot (SPI read_only = false): maintenance re-reads the catalog after
  /// its own DDL, which the caller's snapshot would not show.
  static func load(_ tableName: String) throws -> PartitionedTable {
    let described = try SPI.execute(describe, [try tableName.makeDatum()], readOnly: false)
    let r = described.row(0)
    guard described.rowCount == 1, let schema: String = try r.value("schema_name"),
      let name: String = try r.value("table_name"), let parent: String = try r.value("parent")
    else {
      throw PGError(sqlstate: "42P01", message: "relation \"\(tableName)\" does not exist")
    }
    let strategy: String? = try r.value("strategy")
    let keys: Int16? = try r.value("key_count")
    let column: String? = try r.value("key_column")
    let type: String? = try r.value("key_type")
    guard strategy == "r", keys == 1, let column, let keyType = type.flatMap(KeyType.init(rawValue:)) else {
      throw PGError(
        sqlstate: "42809", message: "\(parent) is not range-partitioned on a date or timestamp column",
        detail: strategy == nil ? "It is not partitioned." : "Partition key: strategy \(strategy ?? "?"), \(keys ?? 0) column(s), type \(type ?? "an expression").",
        hint: "Monthly partitions need PARTITION BY RANGE (one date, timestamp or timestamptz column).")
    }
    let table = PartitionedTable(parent: parent, schema: schema, name: name, keyColumn: column,
                                 keyType: keyType, partitions: [])
    return PartitionedTable(parent: parent, schema: schema, name: name, keyColumn: column,
                            keyType: keyType, partitions: try table.readPartitions())
  }

  /// An expression giving the UTC calendar date of a key value `x` (timestamptz months are UTC
  /// months, whatever the session's TimeZone).
  func utcDate(_ x: String) -> String {
    switch keyType {
    case .timestamptz: return "((\(x))::timestamptz AT TIME ZONE 'UTC')::date"
    case .timestamp: return "((\(x))::timestamp)::date"
    case .date: return "((\(x))::date)"
    }
  }

  /// The literal of the first instant of a month in the key's type.
  func boundLiteral(_ month: YearMonth) -> String {
    switch keyType {
    case .timestamptz: return SQLText.literal(month.firstDayLiteral + " 00:00:00+00")
    case .timestamp: return SQLText.literal(month.firstDayLiteral + " 00:00:00")
    case .date: return SQLText.literal(month.firstDayLiteral)
    }
  }

  var defaultPartition: Partition? { partitions.first { $0.isDefault } }

  var coveredMonths: Set<YearMonth> {
    var covered = Set<YearMonth>()
    for p in partitions {
      guard let range = p.months else { continue }
      var m = range.lowerBound
      while m <= range.upperBound, covered.count < 200_000 {
        covered.insert(m)
        guard let next = m.advanced(by: 1) else { break }
        m = next
      }
    }
    return covered
  }

  private func readPartitions() throws -> [Partition] {
    // Bounds are printed in the session's DateStyle and read back the same way, then reduced
    // to UTC dates, so no DateStyle or TimeZone setting can shift a month.
    let bound = { (word: String) in
      "(regexp_match(pg_catalog.pg_get_expr(ch.relpartbound, ch.oid), '\(word) \\(''([^'']+)''\\)'))[1]"
    }
    let sql = """
      SELECT ch.oid::regclass::text AS qualified_name, ch.relname::text AS name,
             pg_catalog.pg_get_expr(ch.relpartbound, ch.oid) = 'DEFAULT' AS is_default,
             to_char(\(utcDate(bound("FROM"))), 'YYYY-MM-DD') AS first_day,
             to_char(\(utcDate(bound("TO"))) - 1, 'YYYY-MM-DD') AS last_day
      FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class ch ON ch.oid = i.inhrelid
      WHERE i.inhparent = \(SQLText.literal(parent))::regclass
      ORDER BY 4 NULLS FIRST
      """
    let r = try SPI.run(sql, readOnly: false)
    var out: [Partition] = []
    for row in r.rows {
      let isDefault: Bool = try row.value("is_default") ?? false
      var months: ClosedRange<YearMonth>? = nil
      if !isDefault {
        let lo = (try row.value("first_day") as String?).flatMap(PartitionedTable.month) ?? YearMonth(year: 1, month: 1)
        let hi = (try row.value("last_day") as String?).flatMap(PartitionedTable.month) ?? YearMonth(year: 9999, month: 12)
        if let lo, let hi, lo <= hi { months = lo...hi }
      }
      out.append(Partition(qualifiedName: try row.value("qualified_name") ?? "", name: try row.value("name") ?? "",
                           isDefault: isDefault, months: months))
    }
    return out
  }

  /// "YYYY-MM..." to a month.
  static func month(_ text: String) -> YearMonth? {
    let parts = text.split(separator: "-")
    guard parts.count >= 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
    return YearMonth(year: y, month: m)
  }
}
