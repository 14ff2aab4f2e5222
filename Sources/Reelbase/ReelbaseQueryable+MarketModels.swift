import Foundation
import PostgresNIO

/// The market's preference models and scoring (release 0.4.0): model versions,
/// feature-importance snapshots, `market.score_video`, `market.score_concept`,
/// `market.virality_score`, and the embedding searches `market.similar_videos`,
/// `market.search_videos` with their index build `market.build_video_index`. Administrators
/// only (buyers read none of these tables). Ratings: `ReelbaseQueryable+MarketRatings.swift`.
extension ReelbaseQueryable {
  /// Adds a model version, inactive unless `isActive` (administrators). Use
  /// ``activateModelVersion(id:)`` to switch the active model.
  /// - Parameters:
  ///   - versionTag: The version's name; unique.
  ///   - trainedAt: When it was trained.
  ///   - trainingVideoCount: How many rated videos it was trained on.
  ///   - featureWeights: Weight per feature, keyed by dotted path into `visual_analysis`.
  ///   - accuracyMetrics: Evaluation figures (a JSON object).
  ///   - notes: Notes.
  ///   - isActive: Whether it is the active model; false by default. Only one can be: adding
  ///     a second active one is ``ReelbaseError/Code/duplicate``.
  /// - Returns: The new model version.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/duplicate`` for a taken tag or a
  ///   second active model (23505); ``ReelbaseError/Code/invalidInput`` for a negative count
  ///   or JSON that is not an object (23514).
  public func createModelVersion(
    versionTag: String, trainedAt: Date, trainingVideoCount: Int, featureWeights: [String: Double],
    accuracyMetrics: JSONValue = [:], notes: String? = nil, isActive: Bool = false
  ) async throws -> ModelVersion {
    let weights = JSONValue.object(featureWeights.mapValues { .number($0) })
    let query: PostgresQuery = try """
      INSERT INTO market.model_versions
        (version_tag, trained_at, training_video_count, feature_weights, accuracy_metrics, notes,
         is_active)
      VALUES (\(versionTag), \(trainedAt), \(trainingVideoCount)::integer, \(weights),
        \(accuracyMetrics), \(notes), \(isActive))
      RETURNING \(unescaped: ModelVersion.columns)
      """
    return try await insertedRow(query, ModelVersion.init(row:), "market.model_versions")
  }

  /// Lists model versions, most recently trained first.
  /// - Parameter readFrom: Where the read runs; a replica by default.
  /// - Returns: The model versions.
  /// - Throws: ``ReelbaseError``.
  public func listModelVersions(readFrom: ReadPreference = .replica) async throws -> [ModelVersion] {
    try await all(
      """
      SELECT \(unescaped: ModelVersion.columns) FROM market.model_versions
      ORDER BY trained_at DESC, id
      """,
      .read(readFrom), ModelVersion.init(row:))
  }

  /// The active model version.
  /// - Parameter readFrom: Where the read runs; a replica by default.
  /// - Returns: The active model, or nil when none is.
  /// - Throws: ``ReelbaseError``.
  public func getActiveModelVersion(readFrom: ReadPreference = .replica) async throws -> ModelVersion? {
    try await all(
      "SELECT \(unescaped: ModelVersion.columns) FROM market.model_versions WHERE is_active",
      .read(readFrom), ModelVersion.init(row:)
    ).first
  }

  /// Makes a model version the active one, deactivating the previous one in the same
  /// statement (administrators): no moment without an active model, never two.
  /// - Parameter id: The model version to activate.
  /// - Returns: The activated version, or nil when it does not exist (nothing changes then).
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/conflict`` when another activation
  ///   ran concurrently (retryable).
  @discardableResult
  public func activateModelVersion(id: UUID) async throws -> ModelVersion? {
    // One statement, so one snapshot and one atomic change. The deactivation runs first: the
    // outer UPDATE's condition reads the CTE through a scalar subquery (an init plan, run
    // before any row of the outer UPDATE), and the single-active unique index is checked row
    // by row, so the new active row must not meet the old one still active. The CTE changes
    // nothing unless the target exists.
    try await all(
      """
      WITH target AS (SELECT id FROM market.model_versions WHERE id = \(id)),
      deactivated AS (
        UPDATE market.model_versions SET is_active = false
        WHERE is_active AND id <> \(id) AND EXISTS (SELECT 1 FROM target)
        RETURNING id)
      UPDATE market.model_versions SET is_active = true
      WHERE id = \(id) AND (SELECT count(*) FROM deactivated) >= 0
      RETURNING \(unescaped: ModelVersion.columns)
      """,
      .write, ModelVersion.init(row:)
    ).first
  }

  /// Records a feature-importance snapshot of a model (administrators).
  /// - Parameters:
  ///   - modelVersionID: The model.
  ///   - trainingCount: How many ratings it had.
  ///   - topPositiveFeatures: Features that predict high ratings.
  ///   - topNegativeFeatures: Features that predict low ratings.
  ///   - prunedFeatures: Features removed.
  ///   - notes: Notes.
  ///   - snapshotAt: When; nil uses the server's `now()`.
  /// - Returns: The new snapshot.
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/notFound`` for an unknown model (23503).
  public func createFeatureImportanceSnapshot(
    modelVersionID: UUID, trainingCount: Int, topPositiveFeatures: [FeatureImportance],
    topNegativeFeatures: [FeatureImportance], prunedFeatures: [String]? = nil,
    notes: String? = nil, snapshotAt: Date? = nil
  ) async throws -> FeatureImportanceSnapshot {
    let positive = JSONValue.array(topPositiveFeatures.map(\.json))
    let negative = JSONValue.array(topNegativeFeatures.map(\.json))
    let query: PostgresQuery = try """
      INSERT INTO market.feature_importance_snapshots
        (model_version_id, snapshot_at, training_count, top_positive_features,
         top_negative_features, pruned_features, notes)
      VALUES (\(modelVersionID), COALESCE(\(snapshotAt), now()), \(trainingCount)::integer,
        \(positive), \(negative), \(prunedFeatures), \(notes))
      RETURNING \(unescaped: FeatureImportanceSnapshot.columns)
      """
    return try await insertedRow(
      query, FeatureImportanceSnapshot.init(row:), "market.feature_importance_snapshots")
  }

  /// Lists feature-importance snapshots, newest first.
  /// - Parameters:
  ///   - modelVersionID: Only this model's; any by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The snapshots.
  /// - Throws: ``ReelbaseError``.
  public func listFeatureImportanceSnapshots(
    modelVersionID: UUID? = nil, readFrom: ReadPreference = .replica
  ) async throws -> [FeatureImportanceSnapshot] {
    try await all(
      """
      SELECT \(unescaped: FeatureImportanceSnapshot.columns) FROM market.feature_importance_snapshots
      WHERE (\(modelVersionID)::uuid IS NULL OR model_version_id = \(modelVersionID))
      ORDER BY snapshot_at DESC NULLS LAST, id
      """,
      .read(readFrom), FeatureImportanceSnapshot.init(row:))
  }

  /// Scores an analysed video with a model (`market.score_video`; administrators).
  /// - Parameters:
  ///   - videoID: The analysed video (`p_video_id`).
  ///   - modelVersionID: The model (`p_model_version_id`); nil (the default) uses the active
  ///     one.
  /// - Returns: The raw and 0-10 scores and the feature counts.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/notFound`` for an unknown video or
  ///   model (23503); ``ReelbaseError/Code/invalidState`` when no model is active or the
  ///   video has no analysis (55000); ``ReelbaseError/Code/invalidInput`` for a non-numeric
  ///   weight (22023).
  public func scoreVideo(videoID: UUID, modelVersionID: UUID? = nil) async throws -> VideoScore {
    guard let score = try await all(
      """
      SELECT raw_score, virality_score, features_used, features_missing
      FROM market.score_video(p_video_id => \(videoID), p_model_version_id => \(modelVersionID))
      """,
      .write, VideoScore.init(row:)
    ).first else {
      throw ReelbaseError(.unexpectedResponse, "market.score_video returned no row")
    }
    return score
  }

  /// Scores a concept's source video and stores the score and the model on the concept
  /// (`market.score_concept`; administrators).
  /// - Parameters:
  ///   - conceptID: The concept (`p_concept_id`).
  ///   - modelVersionID: The model (`p_model_version_id`); nil (the default) uses the active
  ///     one.
  /// - Returns: The concept's new virality score, 0 to 10.
  /// - Throws: ``ReelbaseError``, as ``scoreVideo(videoID:modelVersionID:)``.
  @discardableResult
  public func scoreConcept(conceptID: UUID, modelVersionID: UUID? = nil) async throws -> Double {
    try await requiredScalar(
      "SELECT market.score_concept(p_concept_id => \(conceptID), p_model_version_id => \(modelVersionID))",
      .write, as: Double.self, "market.score_concept")
  }

  /// The 0-10 virality score that feature weights give a visual analysis, by the rules of
  /// ``scoreVideo(videoID:modelVersionID:)`` (`market.virality_score`; administrators), for
  /// trying weights before storing a model.
  /// - Parameters:
  ///   - visualAnalysis: A visual analysis (a JSON object; `p_visual_analysis`).
  ///   - featureWeights: Weight per dotted path (`p_feature_weights`).
  ///   - readFrom: Where the call runs; a replica by default.
  /// - Returns: The score, 0 to 10.
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/invalidInput`` when the analysis is
  ///   not a JSON object (22023).
  public func viralityScore(
    visualAnalysis: JSONValue, featureWeights: [String: Double], readFrom: ReadPreference = .replica
  ) async throws -> Double {
    let weights = JSONValue.object(featureWeights.mapValues { .number($0) })
    let query: PostgresQuery = try """
      SELECT market.virality_score(p_visual_analysis => \(visualAnalysis), p_feature_weights => \(weights))
      """
    return try await requiredScalar(query, .read(readFrom), as: Double.self, "market.virality_score")
  }

  /// The analysed videos most similar to one, best first, itself excluded
  /// (`market.similar_videos`; administrators).
  /// - Parameters:
  ///   - videoID: The video (`p_video_id`).
  ///   - matchCount: At most this many (`p_match_count`, default 10).
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The similar videos.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/notFound`` for an unknown video,
  ///   ``ReelbaseError/Code/invalidState`` or ``ReelbaseError/Code/invalidInput`` for a video
  ///   without a usable embedding or a count out of range.
  public func similarVideos(videoID: UUID, matchCount: Int = 10, readFrom: ReadPreference = .replica)
    async throws -> [SimilarVideo]
  {
    try await all(
      """
      SELECT video_id, similarity
      FROM market.similar_videos(p_video_id => \(videoID), p_match_count => \(matchCount)::integer)
      """,
      .read(readFrom), SimilarVideo.init(row:))
  }

  /// The analysed videos whose embedding is most similar to a query embedding, best first
  /// (`market.search_videos`; administrators).
  /// - Parameters:
  ///   - queryEmbedding: 1,536 finite values, not all zero (`query_embedding`).
  ///   - matchCount: At most this many (`match_count`, default 10).
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The matching videos.
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/invalidInput`` for an embedding of the
  ///   wrong dimension, non-finite or all zero, or a count out of range (22023).
  public func searchVideos(queryEmbedding: [Float], matchCount: Int = 10, readFrom: ReadPreference = .replica)
    async throws -> [SimilarVideo]
  {
    try await all(
      """
      SELECT video_id, similarity
      FROM market.search_videos(query_embedding => \(queryEmbedding), match_count => \(matchCount)::integer)
      """,
      .read(readFrom), SimilarVideo.init(row:))
  }

  /// Builds or rebuilds the IVF index of analysed videos' content embeddings
  /// (`market.build_video_index`, i.e. `reelbase.build_vector_index('market.analyzed_videos')`;
  /// administrators). Until it runs, the searches scan every embedding exactly.
  /// - Parameters:
  ///   - lists: The number of lists; nil lets the server choose (`lists`).
  ///   - sampleRows: The rows to train on; nil lets the server choose (`sample_rows`).
  /// - Returns: What the build did.
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/permissionDenied`` for a caller that is
  ///   not an administrator.
  public func buildVideoIndex(lists: Int? = nil, sampleRows: Int? = nil) async throws -> VectorIndexBuild {
    guard let build = try await all(
      "SELECT * FROM market.build_video_index(\(lists)::integer, \(sampleRows)::integer)",
      .write, VectorIndexBuild.init(row:)
    ).first else {
      throw ReelbaseError(.unexpectedResponse, "market.build_video_index returned no row")
    }
    return build
  }
}
