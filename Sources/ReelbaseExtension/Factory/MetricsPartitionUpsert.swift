import CPostgres
import ReelbaseCore

/// The fast path of `factory.record_daily_metrics`: one `INSERT ... ON CONFLICT (published_content_id,
/// date) DO UPDATE` into each month's partition, as a plain upsert would be written.
///
/// Why a partition: the unique index is each partition's, so the parent has no arbiter (42P10).
/// Why not always the parent's update-then-insert: its probes are chosen by cost, and a plan
/// made while the month's partition was empty (every session's first call of a month) looks rows
/// up through idx_metrics_published and filters on the date, which costs more the fuller the
/// month; an arbiter probe is the unique index whatever the statistics say.
///
/// Taken only when every row names the same value keys (so `EXCLUDED` carries exactly the
/// values to change) and every month has a partition made for exactly that month; otherwise the
/// caller falls back to the parent.
enum MetricsPartitionUpsert {
  /// For each month (its first day, ISO), the partition made for exactly that month, or NULL.
  /// Bounds are compared as the session prints them, on both sides, so no DateStyle matters.
  private static let route = PreparedStatement(
    """
    SELECT m.first, (m.first::date + interval '1 month')::date::text AS next, c.oid::regclass::text AS partition
    FROM unnest($1::text[]) AS m(first)
    LEFT JOIN pg_catalog.pg_class c
      ON c.relnamespace = 'factory'::regnamespace
     AND c.relname = 'cf_performance_metrics_' || pg_catalog.to_char(m.first::date, 'YYYY_MM')
     AND c.relispartition
     AND EXISTS (SELECT FROM pg_catalog.pg_inherits i
                 WHERE i.inhrelid = c.oid AND i.inhparent = 'factory.cf_performance_metrics'::regclass)
     AND pg_catalog.pg_get_expr(c.relpartbound, c.oid)
         = pg_catalog.format('FOR VALUES FROM (%L) TO (%L)', m.first::date, (m.first::date + interval '1 month')::date)
    """, [RbOid(RB_TEXTARRAYOID)])

  /// Upsert statements by partition and set of named keys. Saved plans are never freed, so at
  /// most `maxSaved` are made; past that the caller's slow path serves.
  nonisolated(unsafe) private static var upserts: [Target: PreparedStatement] = [:]
  private struct Target: Hashable {
    var partition: String
    var named: UInt8
    var wholeCounts: Bool
  }
  private static let maxSaved = 64

  /// Counts as numeric, then int: JSON 3.0 is a whole number, which int's input refuses.
  static let columns = recordColumns(counts: "numeric")
  /// When every count was read as plain digits (DailyMetricsRows.scan), int's input takes them
  /// directly, as a plain upsert's would.
  static let wholeCountColumns = recordColumns(counts: "int")

  private static func recordColumns(counts type: String) -> String {
    "published_content_id uuid, date date, "
      + DailyMetricsRows.counts.map { "\($0) \(type)" }.joined(separator: ", ") + ", spend numeric"
  }

  /// Runs the upserts and returns (inserted, updated), or nil when the fast path does not apply
  /// (nothing is written then). Must be called with SPI connected, after the contents are locked
  /// and checked visible: the writes run as the table's owner, because partitions carry no
  /// grants or policies of their own (the parent's policy is the visibility check the caller
  /// made).
  /// `wholeCounts`: the rows' counts are all plain digits (read by DailyMetricsRows.scan).
  static func run(_ rows: RbDatum, _ checked: [DailyMetricsRows.Row], wholeCounts: Bool) throws -> (Int32, Int32)? {
    guard let named = checked.first?.named, checked.allSatisfy({ $0.named == named }) else { return nil }
    let months = Set(checked.map { CivilDate(year: $0.date.year, month: $0.date.month, day: 1) }).sorted()
    let routes = try SPI.execute(route, [try PGArray(months.map(\.description)).makeDatum()], readOnly: false)
    var targets: [(first: String, next: String, upsert: PreparedStatement)] = []
    for row in routes.rows {
      guard let partition: String = try row.value("partition"),
            let upsert = statement(Target(partition: partition, named: named, wholeCounts: wholeCounts)) else { return nil }
      targets.append((try row.value("first") ?? "", try row.value("next") ?? "", upsert))
    }
    var user: UInt32 = 0
    var context: Int32 = 0
    try guarded(rb_become_owner_of("factory", "cf_performance_metrics", &user, &context))
    defer { rb_restore_user(user, context) }
    var inserted: Int32 = 0
    var total: Int32 = 0
    for t in targets {
      let r = try SPI.execute(t.upsert, [rows, try t.first.makeDatum(), try t.next.makeDatum()], readOnly: false).row(0)
      inserted += try r.value("inserted") ?? 0
      total += try r.value("total") ?? 0
    }
    // Every row lies in one of the months routed: a row left out would be lost silently.
    guard total == checked.count else {
      throw PGError.internalError("record_daily_metrics wrote \(total) of \(checked.count) rows into the month partitions")
    }
    return (inserted, total - inserted)
  }

  private static func statement(_ key: Target) -> PreparedStatement? {
    if let s = upserts[key] { return s }
    guard upserts.count < maxSaved else { return nil }
    let names = DailyMetricsRows.fieldNames(key.named)
    // A row naming no value still counts as updated, as the parent's path counts it.
    let sets = names.isEmpty ? "views = m.views" : names.map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
    let value = { (f: String) in f == "spend" || key.wholeCounts ? "coalesce(x.\(f), 0)" : "coalesce(x.\(f)::int, 0)" }
    // xmax is 0 on a row version this statement inserted and the updater's on one it updated.
    let sql = """
      WITH w AS (
        INSERT INTO \(key.partition) AS m (published_content_id, date, \(DailyMetricsRows.fields.joined(separator: ", ")))
        SELECT x.published_content_id, x.date, \(DailyMetricsRows.fields.map(value).joined(separator: ", "))
        FROM pg_catalog.jsonb_to_recordset($1) AS x(\(key.wholeCounts ? wholeCountColumns : columns))
        WHERE x.date >= $2::date AND x.date < $3::date
        ON CONFLICT (published_content_id, date) DO UPDATE SET \(sets)
        RETURNING m.xmax
      )
      SELECT (count(*) FILTER (WHERE w.xmax = '0'::xid))::int AS inserted, count(*)::int AS total FROM w
      """
    let s = PreparedStatement(sql, [RbOid(RB_JSONBOID), RbOid(RB_TEXTOID), RbOid(RB_TEXTOID)])
    upserts[key] = s
    return s
  }
}
