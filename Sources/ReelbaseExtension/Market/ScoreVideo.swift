import CPostgres
import ReelbaseCore

/// `market.score_video(p_video_id, p_model_version_id)`: one row (raw_score, virality_score,
/// features_used, features_missing) from the given or the active model. Reads only, with the
/// caller's rights.
enum ScoreVideo {
  static func call(_ call: FunctionCall) throws -> RbDatum? {
    let videoID: UUIDValue = try call.required(0, "p_video_id")
    let modelID: UUIDValue? = try call.optional(1)
    let sink = try TupleSink(call)
    let score = try SPI.connect {
      let model = try ModelScoring.resolveModel(modelID)
      let analysis = try ModelScoring.visualAnalysis(of: videoID)
      return try ModelScoring.score(visualAnalysis: analysis, weights: model.weights)
    }
    try sink.append([score.raw.makeDatum(), score.virality.makeDatum(),
                     Int32(clamping: score.featuresUsed).makeDatum(),
                     Int32(clamping: score.featuresMissing).makeDatum()])
    return nil
  }
}

@_cdecl("rbx_market_score_video")
func rbx_market_score_video(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, ScoreVideo.call)
}
