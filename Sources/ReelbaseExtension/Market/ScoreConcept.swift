import CPostgres
import ReelbaseCore

/// `market.score_concept(p_concept_id, p_model_version_id)`: scores the concept's source video
/// and stores virality_score and model_version_id on the concept (row locked first, so two
/// concurrent scorings of one concept apply one after the other).
///
/// The lock is FOR NO KEY UPDATE, the mode the UPDATE itself takes (it changes no key): it does
/// not block the KEY SHARE locks of foreign-key checks, so listings, overlays and other rows
/// referencing the concept can be inserted while it is scored. It still conflicts with the
/// concept lock of market.purchase_listing, so purchases of the concept wait until the scoring
/// transaction ends: score in short transactions.
enum ScoreConcept {
  static let concept = PreparedStatement(
    "SELECT source_video_id FROM market.concepts WHERE id = $1 FOR NO KEY UPDATE", [ModelScoring.uuid])
  static let store = PreparedStatement(
    "UPDATE market.concepts SET virality_score = $2, model_version_id = $3 WHERE id = $1",
    [ModelScoring.uuid, RbOid(RB_FLOAT8OID), ModelScoring.uuid])

  static func call(_ call: FunctionCall) throws -> RbDatum? {
    let conceptID: UUIDValue = try call.required(0, "p_concept_id")
    let modelID: UUIDValue? = try call.optional(1)
    let virality: Double = try SPI.connect {
      let conceptDatum = try conceptID.makeDatum()
      let r = try SPI.execute(concept, [conceptDatum], readOnly: false)
      guard r.rowCount == 1, let videoID: UUIDValue = try r.row(0).value("source_video_id") else {
        throw PGError.missingReference("concept \(conceptID) does not exist")
      }
      let model = try ModelScoring.resolveModel(modelID)
      let analysis = try ModelScoring.visualAnalysis(of: videoID)
      let score = try ModelScoring.score(visualAnalysis: analysis, weights: model.weights)
      try SPI.execute(store, [conceptDatum, score.virality.makeDatum(), try model.id.makeDatum()],
                      readOnly: false)
      return score.virality
    }
    return virality.makeDatum()
  }
}

@_cdecl("rbx_market_score_concept")
func rbx_market_score_concept(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, ScoreConcept.call)
}
