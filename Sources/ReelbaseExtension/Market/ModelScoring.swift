import CPostgres
import ReelbaseCore

/// Applies a model's feature_weights to a visual_analysis: the database walks the dotted paths
/// (jsonb_each over the weights, jsonb_extract_path on the split key, jsonb_typeof), and
/// `FeatureScoring` (ReelbaseCore, unit-tested) applies the rules. Letting jsonb do the lookups
/// means no JSON parser in Swift: jsonb is already parsed, validated and depth-limited by the
/// server, so hostile input (deep nesting, huge numbers, bad UTF-8) never reaches Swift as text
/// to parse; only numbers and booleans come back as text, and objects never do.
enum ModelScoring {
  private static let jsonb = RbOid(RB_JSONBOID)
  static let uuid = RbOid(RB_UUIDOID)

  static let terms = PreparedStatement(
    """
    SELECT w.key, pg_catalog.jsonb_typeof(w.value) AS weight_kind,
           CASE WHEN pg_catalog.jsonb_typeof(w.value) = 'number' THEN w.value #>> '{}' END
             AS weight_text,
           pg_catalog.jsonb_typeof(f.v) AS value_kind,
           CASE WHEN pg_catalog.jsonb_typeof(f.v) IN ('number', 'boolean') THEN f.v #>> '{}' END
             AS value_text
    FROM pg_catalog.jsonb_each($2) w
    CROSS JOIN LATERAL (
      SELECT pg_catalog.jsonb_extract_path($1, VARIADIC pg_catalog.string_to_array(w.key, '.')) AS v
    ) f
    """, [jsonb, jsonb])

  static let activeModel = PreparedStatement(
    "SELECT id, feature_weights FROM market.model_versions WHERE is_active", [])
  static let model = PreparedStatement(
    "SELECT id, feature_weights FROM market.model_versions WHERE id = $1", [uuid])
  static let video = PreparedStatement(
    "SELECT visual_analysis FROM market.analyzed_videos WHERE id = $1", [uuid])

  /// Scores one visual_analysis with one feature_weights object. Must run with SPI connected.
  /// - Throws: 22023 for a weight that is not a number, 22003 for numbers beyond double.
  static func score(visualAnalysis: RbDatum, weights: RbDatum) throws -> FeatureScoring.Score {
    // Detoasted once here: a toasted analysis would otherwise be fetched and decompressed
    // again by jsonb_extract_path for every weight (keys x weights).
    var analysis: RbDatum = 0
    try guarded(rb_detoast(visualAnalysis, &analysis))
    let r = try SPI.execute(terms, [analysis, weights], readOnly: true)
    var list: [FeatureScoring.Term] = []
    list.reserveCapacity(r.rowCount)
    // Looked up once per result: a model may weigh many features.
    let keys = try r.column("key"), weightKinds = try r.column("weight_kind")
    let weightTexts = try r.column("weight_text"), valueKinds = try r.column("value_kind")
    let valueTexts = try r.column("value_text")
    for row in r.rows {
      let key: String = try row.value(keys) ?? ""
      let weightKind: String? = try row.value(weightKinds)
      let valueKind: String? = try row.value(valueKinds)
      list.append(FeatureScoring.Term(
        key: key, weightKind: weightKind.flatMap(FeatureScoring.Kind.init(rawValue:)),
        weightText: try row.value(weightTexts), valueKind: valueKind.flatMap(FeatureScoring.Kind.init(rawValue:)),
        valueText: try row.value(valueTexts)))
    }
    switch FeatureScoring.score(list) {
    case .success(let score): return score
    case .failure(let problem):
      throw PGError(sqlstate: problem.sqlstate, message: problem.message, hint: problem.hint)
    }
  }

  /// The model to score with: the given one, or the active one. Must run with SPI connected.
  /// - Returns: the model's id and its feature_weights Datum (valid until SPI finishes).
  /// - Throws: 23503 for an unknown model, 55000 when none is active.
  static func resolveModel(_ id: UUIDValue?) throws -> (id: UUIDValue, weights: RbDatum) {
    let r: SPIResult
    if let id {
      r = try SPI.execute(model, [try id.makeDatum()], readOnly: true)
      guard r.rowCount == 1 else { throw PGError.missingReference("model version \(id) does not exist") }
    } else {
      r = try SPI.execute(activeModel, [], readOnly: true)
      guard r.rowCount == 1 else {
        throw PGError(sqlstate: "55000", message: "no active model version",
                      hint: "Activate one with UPDATE market.model_versions SET is_active = true WHERE version_tag = '...', or pass p_model_version_id.")
      }
    }
    let row = r.row(0)
    guard let modelID: UUIDValue = try row.value("id"), let weights = try row.datum("feature_weights") else {
      throw PGError.internalError("model version without id or feature_weights")
    }
    return (modelID, weights)
  }

  /// The video's visual_analysis Datum. Must run with SPI connected.
  /// - Throws: 23503 for an unknown video, 55000 for a video not analysed yet.
  static func visualAnalysis(of videoID: UUIDValue) throws -> RbDatum {
    let r = try SPI.execute(video, [try videoID.makeDatum()], readOnly: true)
    guard r.rowCount == 1 else { throw PGError.missingReference("analysed video \(videoID) does not exist") }
    guard let analysis = try r.row(0).datum("visual_analysis") else {
      throw PGError(sqlstate: "55000", message: "analysed video \(videoID) has no visual_analysis",
                    hint: "Score it once its analysis is stored in market.analyzed_videos.visual_analysis.")
    }
    return analysis
  }
}
