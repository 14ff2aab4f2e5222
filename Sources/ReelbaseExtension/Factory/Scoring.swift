import CPostgres
import ReelbaseCore

/// `factory.find_winners` and `factory.score_published_content`: one aggregate per content in
/// SQL (set-based, the seed's joins), the normalisation, weights and order in ReelbaseCore.
enum Scoring {
  private static let config = PreparedStatement(
    """
    SELECT id, weights, coalesce(min_views_threshold, 0) AS min_views FROM factory.cf_scoring_config
    WHERE CASE WHEN $1::uuid IS NULL THEN active ELSE id = $1 END
    """, [RbOid(RB_UUIDOID)])
  /// Contents with more than $1 views since $2, and content $3 whatever its views. The metrics
  /// are summed per content first (one hash aggregate over the metric rows, in parallel when
  /// the planner finds it worth it), then the few thousand sums are joined to their content:
  /// joining first carried every metric row through three joins and a sort.
  private static let totals = PreparedStatement(
    """
    SELECT pc.id, pc.platform_url, s.awareness_level, t.views, t.engagements, t.clicks, t.conversions
    FROM (SELECT m.published_content_id AS id, sum(m.views)::bigint AS views,
                 sum(m.likes::bigint + m.comments + m.shares + m.saves)::bigint AS engagements,
                 sum(m.clicks)::bigint AS clicks, sum(m.conversions)::bigint AS conversions
          FROM factory.cf_performance_metrics m
          WHERE $2::date IS NULL OR m.date >= $2
          GROUP BY m.published_content_id
          HAVING sum(m.views) > $1 OR m.published_content_id = $3) t
    JOIN factory.cf_published_content pc ON pc.id = t.id
    JOIN factory.cf_assembled_content ac ON ac.id = pc.assembled_content_id
    LEFT JOIN factory.cf_scripts s ON s.id = ac.script_id
    """, [RbOid(RB_INT4OID), RbOid(RB_DATEOID), RbOid(RB_UUIDOID)], parallel: true)
  private static let visible = PreparedStatement(
    "SELECT 1 FROM factory.cf_published_content WHERE id = $1", [RbOid(RB_UUIDOID)])

  struct Config { var id: UUIDValue; var weights: ContentScoring.Weights; var minViews: Int32 }

  private static func loadConfig(_ id: UUIDValue?) throws -> Config {
    guard let row = try SPI.execute(config, [try id?.makeDatum()], readOnly: true).rows.first,
          let cid: UUIDValue = try row.value("id"), let w: PGJSONB = try row.value("weights") else {
      if let id { throw PGError(sqlstate: "P0002", message: "no scoring config \(id)") }
      throw PGError(sqlstate: "55000", message: "there is no active scoring config",
                    hint: "Activate one in factory.cf_scoring_config.")
    }
    guard case .object(let o) = (try? JSONParser.parse(w.text)) ?? .null else {
      throw PGError.internalError("scoring config \(cid) has weights that are not an object")
    }
    func weight(_ key: String) -> Double {
      if case .number(let n) = o[key] ?? .null { return Double(n.description) ?? 0 }
      return 0
    }
    return Config(id: cid, weights: .init(engagement: weight("engagement"), ctr: weight("ctr"), conversions: weight("conversions")),
                  minViews: try row.value("min_views") ?? 0)
  }

  struct Content { var totals: ContentScoring.Totals; var url: RbDatum?; var awareness: RbDatum? }

  private static func contents(minViews: Int32, since: PGDate?, include: UUIDValue?) throws -> [UUIDValue: Content] {
    var out: [UUIDValue: Content] = [:]
    let r = try SPI.execute(totals, [try minViews.makeDatum(), since?.makeDatum(), try include?.makeDatum()], readOnly: true)
    for row in r.rows {
      guard let id: UUIDValue = try row.value("id") else { continue }
      out[id] = Content(totals: .init(id: id, views: try row.value("views") ?? 0, engagements: try row.value("engagements") ?? 0,
                                      clicks: try row.value("clicks") ?? 0, conversions: try row.value("conversions") ?? 0),
                        url: try row.datum("platform_url"), awareness: try row.datum("awareness_level"))
    }
    return out
  }

  private static func figures(_ s: ContentScoring.Scored) throws -> [RbDatum?] {
    [try s.score.makeDatum(), try s.totals.views.makeDatum(), try s.engagementRate.makeDatum(), try s.ctr.makeDatum(),
     try s.conversionRate.makeDatum(), try s.engagementNormalised.makeDatum(), try s.ctrNormalised.makeDatum(),
     try s.conversionNormalised.makeDatum()]
  }

  static func findWinners(_ call: FunctionCall) throws -> RbDatum? {
    let limit: Int32 = try call.optional(0) ?? 10
    let minViews: Int32? = try call.optional(1)
    let since: PGDate? = try call.optional(2)
    guard (1...1000).contains(limit) else { throw PGError.invalidParameter("limit must be 1 to 1000, not \(limit)") }
    if let minViews, minViews < 0 { throw PGError.invalidParameter("min_views must not be negative, not \(minViews)") }
    let sink = try TupleSink(call)
    try SPI.connect {
      let cfg = try loadConfig(nil)
      let found = try contents(minViews: minViews ?? cfg.minViews, since: since, include: nil)
      let ranked = ContentScoring.rank(found.values.map(\.totals), weights: cfg.weights)
      for (i, s) in ranked.prefix(Int(limit)).enumerated() {
        let c = found[s.totals.id]
        try sink.append([try Int32(i + 1).makeDatum(), try s.totals.id.makeDatum(), c?.url, c?.awareness]
                        + (try figures(s)) + [try cfg.id.makeDatum()])
      }
    }
    return nil
  }

  static func scoreOne(_ call: FunctionCall) throws -> RbDatum? {
    let id: UUIDValue = try call.required(0, "id")
    let configID: UUIDValue? = try call.optional(1)
    let sink = try TupleSink(call)
    try SPI.connect {
      guard try SPI.execute(visible, [try id.makeDatum()], readOnly: true).rowCount == 1 else {
        throw PGError(sqlstate: "P0002", message: "no published content \(id)", detail: "Or it is not visible to the current identity.")
      }
      let cfg = try loadConfig(configID)
      var found = try contents(minViews: cfg.minViews, since: nil, include: id)
      if found[id] == nil {
        found[id] = Content(totals: .init(id: id, views: 0, engagements: 0, clicks: 0, conversions: 0), url: nil, awareness: nil)
      }
      guard let s = ContentScoring.rank(found.values.map(\.totals), weights: cfg.weights).first(where: { $0.totals.id == id }) else { return }
      try sink.append([try id.makeDatum()] + (try figures(s)) + [try cfg.id.makeDatum()])
    }
    return nil
  }
}

@_cdecl("rbx_factory_find_winners")
func rbx_factory_find_winners(_ call: RbCallRef?) -> RbDatum { Boundary.run(call, Scoring.findWinners) }

@_cdecl("rbx_factory_score_published_content")
func rbx_factory_score_published_content(_ call: RbCallRef?) -> RbDatum { Boundary.run(call, Scoring.scoreOne) }
