import CPostgres
import ReelbaseCore

/// `market.virality_score(p_visual_analysis, p_feature_weights)`: the same rule on values, not
/// rows (STRICT: both present). Both must be JSON objects.
enum ViralityScore {
  static func call(_ call: FunctionCall) throws -> RbDatum? {
    let analysis = call.datum(0)
    let weights = call.datum(1)
    if try PGJSONB.rootKind(analysis) != .object {
      throw PGError.invalidParameter("p_visual_analysis must be a JSON object")
    }
    if try PGJSONB.rootKind(weights) != .object {
      throw PGError.invalidParameter("p_feature_weights must be a JSON object",
                                     hint: "For example {\"script.replicability.score\": 0.82}.")
    }
    let score = try SPI.connect { try ModelScoring.score(visualAnalysis: analysis, weights: weights) }
    return score.virality.makeDatum()
  }
}

@_cdecl("rbx_market_virality_score")
func rbx_market_virality_score(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, ViralityScore.call)
}
