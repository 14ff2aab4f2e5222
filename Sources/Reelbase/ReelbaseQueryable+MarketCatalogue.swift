import Foundation
import PostgresNIO

/// Plain reads and writes of the market's catalogue (release 0.4.0): markets, analysed videos,
/// concepts and their viewer overlays.
///
/// Who may do what is the server's row-level security and privileges: markets and
/// non-archived concepts (without their template) are readable by buyers (`reelbase_app`);
/// analysed videos and every write are the administrators' (`reelbase_admin`).
extension ReelbaseQueryable {
  /// Adds a market (administrators).
  /// - Parameters:
  ///   - countryCode: ISO 3166-1 alpha-2, upper case; unique.
  ///   - regionName: The region's name.
  ///   - primaryLanguage: ISO 639-1, lower case.
  ///   - purchasingPowerIndex: Greater than 0, at most 100; 1.0 is the US baseline.
  ///   - currencyCode: ISO 4217.
  ///   - subtitlePriority: 1 to 10; 5 by default, as in SQL.
  ///   - notes: Notes.
  /// - Returns: The new market.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/duplicate`` for a country that has a
  ///   market (23505), ``ReelbaseError/Code/invalidInput`` for a malformed code or an index
  ///   or priority out of range (23514).
  public func createMarketContext(
    countryCode: String, regionName: String, primaryLanguage: String, purchasingPowerIndex: Double,
    currencyCode: String, subtitlePriority: Int = 5, notes: String? = nil
  ) async throws -> MarketContext {
    try await insertedRow(
      """
      INSERT INTO market.market_contexts
        (country_code, region_name, primary_language, purchasing_power_index, subtitle_priority,
         currency_code, notes)
      VALUES (\(countryCode), \(regionName), \(primaryLanguage), \(purchasingPowerIndex),
        \(subtitlePriority)::integer, \(currencyCode), \(notes))
      RETURNING \(unescaped: MarketContext.columns)
      """,
      MarketContext.init(row:), "market.market_contexts")
  }

  /// Lists the markets by country code.
  /// - Parameter readFrom: Where the read runs; a replica by default.
  /// - Returns: Every market.
  /// - Throws: ``ReelbaseError``.
  public func listMarketContexts(readFrom: ReadPreference = .replica) async throws -> [MarketContext] {
    try await all(
      "SELECT \(unescaped: MarketContext.columns) FROM market.market_contexts ORDER BY country_code",
      .read(readFrom), MarketContext.init(row:))
  }

  /// Reads one market by id.
  /// - Parameters:
  ///   - id: The market.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The market, or nil.
  /// - Throws: ``ReelbaseError``.
  public func getMarketContext(id: UUID, readFrom: ReadPreference = .replica) async throws -> MarketContext? {
    try await all(
      "SELECT \(unescaped: MarketContext.columns) FROM market.market_contexts WHERE id = \(id)",
      .read(readFrom), MarketContext.init(row:)
    ).first
  }

  /// Finds the market of a country.
  /// - Parameters:
  ///   - countryCode: ISO 3166-1 alpha-2, upper case.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The market, or nil.
  /// - Throws: ``ReelbaseError``.
  public func findMarketContext(countryCode: String, readFrom: ReadPreference = .replica)
    async throws -> MarketContext?
  {
    try await all(
      """
      SELECT \(unescaped: MarketContext.columns) FROM market.market_contexts
      WHERE country_code = \(countryCode)
      """,
      .read(readFrom), MarketContext.init(row:)
    ).first
  }

  /// Adds an analysed video (administrators).
  /// - Parameters:
  ///   - videoURL: The video's URL on its platform.
  ///   - platform: Its platform; `tiktok` by default, as in SQL.
  ///   - platformVideoID: The platform's own id (column `video_id`).
  ///   - metadata: Platform metadata (a JSON object).
  ///   - gcsURI: Where the file is stored.
  ///   - visualAnalysis: The AI analysis (a JSON object).
  ///   - contentEmbedding: The content embedding: 1,536 values.
  ///   - analyzedAt: When the analysis was made.
  /// - Returns: The new video, with its embedding when one was given.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` for an embedding of
  ///   another dimension, JSON that is not an object, an unknown platform (23514).
  public func createAnalyzedVideo(
    videoURL: String, platform: VideoPlatform = .tiktok, platformVideoID: String? = nil,
    metadata: JSONValue? = nil, gcsURI: String? = nil, visualAnalysis: JSONValue? = nil,
    contentEmbedding: [Float]? = nil, analyzedAt: Date? = nil
  ) async throws -> AnalyzedVideo {
    let columns = contentEmbedding == nil ? AnalyzedVideo.columns : AnalyzedVideo.columnsWithEmbedding
    let query: PostgresQuery = try """
      INSERT INTO market.analyzed_videos
        (video_url, platform, video_id, metadata, gcs_uri, visual_analysis, content_embedding,
         analyzed_at)
      VALUES (\(videoURL), \(platform), \(platformVideoID), \(metadata), \(gcsURI),
        \(visualAnalysis), \(contentEmbedding), \(analyzedAt))
      RETURNING \(unescaped: columns)
      """
    return try await insertedRow(query, AnalyzedVideo.init(row:), "market.analyzed_videos")
  }

  /// Reads one analysed video (administrators).
  /// - Parameters:
  ///   - id: The video.
  ///   - includeEmbedding: Whether to read the embedding too; false by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The video, or nil when it does not exist or is hidden from the caller.
  /// - Throws: ``ReelbaseError``.
  public func getAnalyzedVideo(
    id: UUID, includeEmbedding: Bool = false, readFrom: ReadPreference = .replica
  ) async throws -> AnalyzedVideo? {
    let columns = includeEmbedding ? AnalyzedVideo.columnsWithEmbedding : AnalyzedVideo.columns
    return try await all(
      "SELECT \(unescaped: columns) FROM market.analyzed_videos WHERE id = \(id)",
      .read(readFrom), AnalyzedVideo.init(row:)
    ).first
  }

  /// Lists analysed videos, newest first, without embeddings (administrators).
  /// - Parameters:
  ///   - platform: Only this platform's; any by default.
  ///   - limit: At most this many; 100 by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The videos visible to the caller.
  /// - Throws: ``ReelbaseError``.
  public func listAnalyzedVideos(
    platform: VideoPlatform? = nil, limit: Int = 100, readFrom: ReadPreference = .replica
  ) async throws -> [AnalyzedVideo] {
    try await all(
      """
      SELECT \(unescaped: AnalyzedVideo.columns) FROM market.analyzed_videos
      WHERE (\(platform)::text IS NULL OR platform = \(platform))
      ORDER BY created_at DESC, id LIMIT \(limit)
      """,
      .read(readFrom), AnalyzedVideo.init(row:))
  }

  /// Adds a concept (administrators).
  /// - Parameters:
  ///   - sourceVideoID: The analysed video it is abstracted from.
  ///   - conceptCore: The one-line concept buyers see.
  ///   - templateDescription: How to replicate it (what buyers pay for).
  ///   - requiredElements: Elements a replication must keep.
  ///   - variableElements: Elements a replication may change.
  ///   - originMarketID: The market it comes from.
  ///   - viralityScore: 0 to 10; usually set by ``scoreConcept(conceptID:modelVersionID:)``.
  ///   - modelVersionID: The model that scored it.
  ///   - evergreenEligible: Whether it may be listed; true by default, as in SQL.
  ///   - archived: Permanently unavailable; false by default, as in SQL.
  /// - Returns: The new concept, template included.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/notFound`` for an unknown video,
  ///   market or model (23503), ``ReelbaseError/Code/invalidInput`` for an empty concept or a
  ///   score out of range (23514).
  public func createConcept(
    sourceVideoID: UUID, conceptCore: String, templateDescription: String? = nil,
    requiredElements: [String]? = nil, variableElements: [String]? = nil,
    originMarketID: UUID? = nil, viralityScore: Double? = nil, modelVersionID: UUID? = nil,
    evergreenEligible: Bool = true, archived: Bool = false
  ) async throws -> Concept {
    try await insertedRow(
      """
      INSERT INTO market.concepts
        (source_video_id, concept_core, template_description, required_elements,
         variable_elements, origin_market_id, virality_score, model_version_id,
         evergreen_eligible, archived)
      VALUES (\(sourceVideoID), \(conceptCore), \(templateDescription), \(requiredElements),
        \(variableElements), \(originMarketID), \(viralityScore), \(modelVersionID),
        \(evergreenEligible), \(archived))
      RETURNING \(unescaped: Concept.columnsWithTemplate)
      """,
      Concept.init(row:), "market.concepts")
  }

  /// Reads one concept.
  /// - Parameters:
  ///   - id: The concept.
  ///   - includeTemplate: Whether to read the template columns too (administrators only: a
  ///     buyer gets ``ReelbaseError/Code/permissionDenied``); false by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The concept, or nil when it does not exist or is hidden (archived, for buyers).
  /// - Throws: ``ReelbaseError``.
  public func getConcept(
    id: UUID, includeTemplate: Bool = false, readFrom: ReadPreference = .replica
  ) async throws -> Concept? {
    let columns = includeTemplate ? Concept.columnsWithTemplate : Concept.columns
    return try await all(
      "SELECT \(unescaped: columns) FROM market.concepts WHERE id = \(id)",
      .read(readFrom), Concept.init(row:)
    ).first
  }

  /// Lists concepts, highest virality score first (unscored last).
  /// - Parameters:
  ///   - sourceVideoID: Only those abstracted from this video; any by default.
  ///   - originMarketID: Only those from this market; any by default.
  ///   - includeArchived: Whether archived concepts are listed (buyers never see them); false
  ///     by default.
  ///   - includeTemplate: Whether to read the template columns (administrators only); false
  ///     by default.
  ///   - limit: At most this many; 100 by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The concepts visible to the caller.
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/permissionDenied`` for a buyer asking
  ///   for the template.
  public func listConcepts(
    sourceVideoID: UUID? = nil, originMarketID: UUID? = nil, includeArchived: Bool = false,
    includeTemplate: Bool = false, limit: Int = 100, readFrom: ReadPreference = .replica
  ) async throws -> [Concept] {
    let columns = includeTemplate ? Concept.columnsWithTemplate : Concept.columns
    return try await all(
      """
      SELECT \(unescaped: columns) FROM market.concepts
      WHERE (\(sourceVideoID)::uuid IS NULL OR source_video_id = \(sourceVideoID))
        AND (\(originMarketID)::uuid IS NULL OR origin_market_id = \(originMarketID))
        AND (\(includeArchived) OR NOT archived)
      ORDER BY virality_score DESC NULLS LAST, created_at, id LIMIT \(limit)
      """,
      .read(readFrom), Concept.init(row:))
  }

  /// Archives or un-archives a concept (administrators). An archived concept cannot be
  /// listed and buyers stop seeing it.
  /// - Parameters:
  ///   - id: The concept.
  ///   - archived: The new flag; true by default.
  /// - Returns: True if a visible concept was updated.
  /// - Throws: ``ReelbaseError``.
  @discardableResult
  public func setConceptArchived(id: UUID, archived: Bool = true) async throws -> Bool {
    try await !rows(
      "UPDATE market.concepts SET archived = \(archived) WHERE id = \(id) RETURNING id", .write
    ).isEmpty
  }

  /// Adds a viewer overlay to a concept (administrators).
  /// - Parameters:
  ///   - conceptID: The concept.
  ///   - overlayType: Subtitle, scene marker or timing cue.
  ///   - languageCode: ISO 639-1, lower case.
  ///   - content: The text shown.
  ///   - timestampStart: Seconds from the video's start.
  ///   - timestampEnd: Seconds from the video's start, not before `timestampStart`.
  /// - Returns: The new overlay.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` for an unknown type, a
  ///   malformed language or bad timestamps (23514).
  public func createViewerOverlay(
    conceptID: UUID, overlayType: OverlayType, languageCode: String, content: String,
    timestampStart: Double? = nil, timestampEnd: Double? = nil
  ) async throws -> ViewerOverlay {
    try await insertedRow(
      """
      INSERT INTO market.viewer_overlays
        (concept_id, overlay_type, language_code, content, timestamp_start, timestamp_end)
      VALUES (\(conceptID), \(overlayType), \(languageCode), \(content), \(timestampStart),
        \(timestampEnd))
      RETURNING \(unescaped: ViewerOverlay.columns)
      """,
      ViewerOverlay.init(row:), "market.viewer_overlays")
  }

  /// Lists a concept's overlays in time order. A buyer sees them once they bought the concept.
  /// - Parameters:
  ///   - conceptID: The concept.
  ///   - languageCode: Only this language's; any by default.
  ///   - overlayType: Only this type; any by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The overlays visible to the caller.
  /// - Throws: ``ReelbaseError``.
  public func listViewerOverlays(
    conceptID: UUID, languageCode: String? = nil, overlayType: OverlayType? = nil,
    readFrom: ReadPreference = .replica
  ) async throws -> [ViewerOverlay] {
    try await all(
      """
      SELECT \(unescaped: ViewerOverlay.columns) FROM market.viewer_overlays
      WHERE concept_id = \(conceptID)
        AND (\(languageCode)::text IS NULL OR language_code = \(languageCode))
        AND (\(overlayType)::text IS NULL OR overlay_type = \(overlayType))
      ORDER BY timestamp_start NULLS FIRST, created_at, id
      """,
      .read(readFrom), ViewerOverlay.init(row:))
  }
}
