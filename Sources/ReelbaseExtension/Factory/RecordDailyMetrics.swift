import CPostgres
import ReelbaseCore

/// `factory.record_daily_metrics(rows)`: checked in Swift (DailyMetricsRows), the published
/// contents locked and found, then the upsert: into each month's partition where it can
/// (MetricsPartitionUpsert), else one update-then-insert through the parent.
enum RecordDailyMetrics {
  private static let lockContents = PreparedStatement(
    """
    SELECT c.id, pg_advisory_xact_lock(hashtextextended('factory.cf_performance_metrics:' || c.id::text, 0)) IS NOT NULL AS locked,
           EXISTS (SELECT FROM factory.cf_published_content pc WHERE pc.id = c.id) AS found
    FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, ord)
    ORDER BY c.ord
    """, [RbOid(RB_UUIDARRAYOID)])
  private static let columns = MetricsPartitionUpsert.columns
  /// Rows naming different keys, or months without their own partition (rows in the default one).
  private static let upsertThroughParent = PreparedStatement(
    """
    WITH r AS (
      SELECT x.published_content_id, x.date, x.views::int AS views, x.likes::int AS likes, x.comments::int AS comments,
             x.shares::int AS shares, x.saves::int AS saves, x.clicks::int AS clicks, x.conversions::int AS conversions, x.spend
      FROM jsonb_to_recordset($1) AS x(\(columns))
    ),
    u AS (
      UPDATE factory.cf_performance_metrics m
      SET views = coalesce(r.views, m.views), likes = coalesce(r.likes, m.likes), comments = coalesce(r.comments, m.comments),
          shares = coalesce(r.shares, m.shares), saves = coalesce(r.saves, m.saves), clicks = coalesce(r.clicks, m.clicks),
          conversions = coalesce(r.conversions, m.conversions), spend = coalesce(r.spend, m.spend)
      FROM r WHERE m.published_content_id = r.published_content_id AND m.date = r.date
      RETURNING 1
    ), i AS (
      INSERT INTO factory.cf_performance_metrics
        (published_content_id, date, views, likes, comments, shares, saves, clicks, conversions, spend)
      SELECT r.published_content_id, r.date, coalesce(r.views, 0), coalesce(r.likes, 0), coalesce(r.comments, 0),
             coalesce(r.shares, 0), coalesce(r.saves, 0), coalesce(r.clicks, 0), coalesce(r.conversions, 0),
             coalesce(r.spend, 0)
      FROM r
      WHERE NOT EXISTS (SELECT FROM factory.cf_performance_metrics m
                        WHERE m.published_content_id = r.published_content_id AND m.date = r.date)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM i)::int AS inserted, (SELECT count(*) FROM u)::int AS updated
    """, [RbOid(RB_JSONBOID)])

  static func call(_ call: FunctionCall) throws -> RbDatum? {
    var text = try call.required(0, "rows", as: PGJSONB.self).text
    // The common shape read straight from the text; anything else parsed and checked.
    let scanned = text.withUTF8 { DailyMetricsRows.scan($0) }
    let checked: [DailyMetricsRows.Row]
    do {
      checked = try scanned ?? DailyMetricsRows.validate(try JSONParser.parse(text))
    } catch let f as DailyMetricsRows.Failure {
      throw PGError.invalidParameter(f.message)
    } catch {
      throw PGError.invalidParameter("rows cannot be read: \(error)")
    }
    let sink = try TupleSink(call)
    try SPI.connect {
      if checked.isEmpty {
        return try sink.append([try Int32(0).makeDatum(), try Int32(0).makeDatum()])
      }
      // Sorted and distinct: every caller takes the locks in one order.
      let contents = Array(Set(checked.map(\.publishedContentID))).sorted { ($0.high, $0.low) < ($1.high, $1.low) }
      let locked = try SPI.execute(lockContents, [try PGArray(contents).makeDatum()], readOnly: false)
      for row in locked.rows where try row.value("found", as: Bool.self) != true {
        let id: UUIDValue? = try row.value("id")
        throw PGError.missingReference("no published content \(id.map { "\($0)" } ?? "?")",
                                       detail: "Or it is not visible to the current identity.")
      }
      // The argument itself: made again from its text it would cost a second jsonb parse.
      let rowsDatum = call.datum(0)
      if let (inserted, updated) = try MetricsPartitionUpsert.run(rowsDatum, checked, wholeCounts: scanned != nil) {
        return try sink.append([try inserted.makeDatum(), try updated.makeDatum()])
      }
      let r = try SPI.execute(upsertThroughParent, [rowsDatum], readOnly: false).row(0)
      try sink.append([try r.datum("inserted"), try r.datum("updated")])
    }
    return nil
  }
}

@_cdecl("rbx_factory_record_daily_metrics")
func rbx_factory_record_daily_metrics(_ call: RbCallRef?) -> RbDatum { Boundary.run(call, RecordDailyMetrics.call) }
