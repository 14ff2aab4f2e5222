import CPostgres
import ReelbaseCore

/// `factory.evaluate_ab_test(test_id, metric, confidence_level)`: each variant's (successes,
/// trials) summed over its metric days, ReelbaseCore's ABTestDecision on them, and the winner
/// written when significant. The test row is locked first, so two evaluations of one test
/// cannot both complete it.
enum EvaluateABTest {
  private static let lockTest = PreparedStatement(
    "SELECT dossier_id, status FROM factory.cf_ab_tests WHERE id = $1 FOR UPDATE", [RbOid(RB_UUIDOID)])
  /// One row per variant in order; a variant whose id is not a visible published content has
  /// NULL content (compared as lower-case text, so a malformed id is an answer, not a cast
  /// error, and an upper-case uuid still matches).
  private static let variantTotals = PreparedStatement(
    """
    SELECT v.ord::int AS ord, v.elem ->> 'label' AS label, pc.id AS content_id, ac.dossier_id,
           coalesce(sum(m.views), 0)::bigint AS views, coalesce(sum(m.clicks), 0)::bigint AS clicks,
           coalesce(sum(m.conversions), 0)::bigint AS conversions,
           coalesce(sum(m.likes::bigint + m.comments + m.shares + m.saves), 0)::bigint AS engagement
    FROM factory.cf_ab_tests t CROSS JOIN LATERAL unnest(t.variants) WITH ORDINALITY AS v(elem, ord)
    LEFT JOIN factory.cf_published_content pc ON pc.id::text = lower(v.elem ->> 'published_content_id')
    LEFT JOIN factory.cf_assembled_content ac ON ac.id = pc.assembled_content_id
    LEFT JOIN factory.cf_performance_metrics m ON m.published_content_id = pc.id
    WHERE t.id = $1
    GROUP BY v.ord, v.elem, pc.id, ac.dossier_id
    ORDER BY v.ord
    """, [RbOid(RB_UUIDOID)])
  private static let complete = PreparedStatement(
    """
    UPDATE factory.cf_ab_tests SET winner_id = $2, confidence = round($3::numeric, 2), status = 'completed',
           completed_at = now()
    WHERE id = $1
    """, [RbOid(RB_UUIDOID), RbOid(RB_UUIDOID), RbOid(RB_FLOAT8OID)])

  static func call(_ call: FunctionCall) throws -> RbDatum? {
    let testID: UUIDValue = try call.required(0, "test_id")
    let metric: String = try call.optional(1) ?? "conversions"
    let confidence: Double = try call.optional(2) ?? 0.95
    guard ["conversions", "clicks", "engagement"].contains(metric) else {
      throw PGError.invalidParameter("metric must be 'conversions', 'clicks' or 'engagement', not '\(metric)'")
    }
    guard confidence > 0.5, confidence < 1 else {
      throw PGError.invalidParameter("confidence_level must be above 0.5 and below 1, not \(confidence)")
    }
    let sink = try TupleSink(call)
    try SPI.connect {
      guard let test = try SPI.execute(lockTest, [try testID.makeDatum()], readOnly: false).rows.first else {
        throw PGError(sqlstate: "P0002", message: "no A/B test \(testID)", detail: "Or it is not visible to the current identity.")
      }
      if let status: String = try test.value("status"), status == "completed" || status == "cancelled" {
        throw PGError(sqlstate: "55000", message: "A/B test \(testID) is \(status)")
      }
      let dossier: UUIDValue? = try test.value("dossier_id")
      var labels: [String?] = [], contents: [UUIDValue] = [], counts: [VariantCounts] = []
      for row in try SPI.execute(variantTotals, [try testID.makeDatum()], readOnly: false).rows {
        let n = counts.count + 1
        guard let content: UUIDValue = try row.value("content_id"), try row.value("dossier_id") == dossier else {
          throw PGError.invalidParameter("variant \(n) does not name a published content of the test's dossier",
                                         hint: "Each variant is {\"label\": ..., \"published_content_id\": ...}.")
        }
        let views: Int64 = try row.value("views") ?? 0, clicks: Int64 = try row.value("clicks") ?? 0
        let conversions: Int64 = try row.value("conversions") ?? 0, engagement: Int64 = try row.value("engagement") ?? 0
        let (successes, trials) = metric == "conversions" ? (conversions, clicks)
          : metric == "clicks" ? (clicks, views) : (engagement, views)
        if metric == "engagement" && engagement > views {
          throw PGError.invalidParameter("variant \(n) has more engagements (\(engagement)) than views (\(views))",
                                         hint: "A proportion test counts at most one success per view; use 'clicks' or 'conversions'.")
        }
        labels.append(try row.value("label"))
        contents.append(content)
        counts.append(VariantCounts(successes: successes, trials: trials))
      }
      let decision: ABTestDecision
      switch ABTestDecision.decide(counts, confidence: confidence) {
      case .failure(let e): throw PGError(sqlstate: e.sqlstate, message: e.message)
      case .success(let d): decision = d
      }
      if let w = decision.winner {
        try SPI.execute(complete, [try testID.makeDatum(), try contents[w].makeDatum(), try confidence.makeDatum()],
                        readOnly: false)
      }
      for (i, v) in decision.variants.enumerated() {
        try sink.append([try Int32(i + 1).makeDatum(), try labels[i]?.makeDatum(), try contents[i].makeDatum(),
                         try v.counts.successes.makeDatum(), try v.counts.trials.makeDatum(), try v.rate.makeDatum(),
                         try v.interval.lower.makeDatum(), try v.interval.upper.makeDatum(),
                         try decision.test.rawValue.makeDatum(), try decision.statistic.makeDatum(),
                         try Int32(decision.degreesOfFreedom).makeDatum(), try decision.pValue.makeDatum(),
                         try decision.significant.makeDatum(), try (decision.winner == i).makeDatum()])
      }
    }
    return nil
  }
}

@_cdecl("rbx_factory_evaluate_ab_test")
func rbx_factory_evaluate_ab_test(_ call: RbCallRef?) -> RbDatum { Boundary.run(call, EvaluateABTest.call) }
