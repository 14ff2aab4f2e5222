import Foundation
import PostgresNIO
import Reelbase
import Testing

/// Every table and view of the product schemas has a client model, and each model reads exactly
/// the relation's columns: a column added in SQL without the model (or the reverse) fails.
@Suite struct ModelCoverageTests {
  let env: TestEnvironment
  init() throws { env = try TestEnvironment.load() }

  static let models: [any ReelbaseTable.Type] = [
    // reelbase
    PartitionSet.self, PartitionStatus.self, MaintenanceTask.self, MaintenanceRun.self,
    RollupWatermark.self, VectorIndex.self, VectorIndexCentroid.self,
    // learning
    Creator.self, Student.self, Video.self, VideoChunk.self, VideoChunkList.self, Course.self,
    CourseModule.self, ModuleLesson.self, WatchSession.self, AnalyticsEvent.self, ChatSession.self,
    ChatMessage.self, VideoAnalyticsDay.self, UsageMetricsDay.self,
    // market
    MarketContext.self, AnalyzedVideo.self, AnalyzedVideoList.self, Concept.self, ViewerOverlay.self,
    ListingWindow.self, MarketTransaction.self, PurchasedConcept.self, ProducedContent.self,
    ArbitrageMetric.self, ModelVersion.self, FeatureImportanceSnapshot.self, VideoRating.self,
    VideoRatingSummary.self, RatingDisagreement.self,
    // stories
    StoryUser.self, OAuthAccount.self, Topic.self, UserTopic.self, Category.self, Idea.self, Scene.self,
    Segment.self, StoryJob.self, JobIdempotencyKey.self, SceneBible.self, SceneSummary.self,
    SceneContributor.self, ModerationFlag.self, SceneView.self, Like.self, BibleSchema.self,
    // publishing
    PublishingWorker.self, Persona.self, PublishingVideo.self, PublishingAsset.self, PublishingTag.self,
    PublishingVideoTag.self, PublishReceipt.self, TaskAuditEntry.self,
    // factory (cf_performance_metrics: the parent only, as stories.segments; the query skips partitions)
    ProductDossier.self, GeneratedImage.self, GeneratedVideo.self, FactoryScript.self, AssembledContent.self,
    PublishedContent.self, PerformanceMetricsDay.self, ScoringConfig.self, ABTest.self, FactoryAuditEntry.self,
  ]

  static let schemas = "('reelbase', 'learning', 'market', 'stories', 'publishing', 'factory')"

  /// Relations no client reaches, with why: the key of the anonymous viewers' IP hashes is
  /// readable by its owner only (row-level security without a policy), and only
  /// stories.record_view uses it.
  static let unreachable: Set<String> = ["stories.view_hash_key"]

  struct Relation: ReelbaseRow { var name: String; var columns: [String] }

  @Test func everyTableAndViewHasAModelWithItsColumns() async throws {
    try await env.withClient(env.superuser) { db in
      let relations = try await db.rows(
        """
        SELECT format('%s.%s', n.nspname, c.relname) AS name,
               array(SELECT a.attname::text FROM pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN \(unescaped: Self.schemas) AND c.relkind IN ('r', 'p', 'v', 'm')
          AND NOT c.relispartition
        """, .read(.primary)
      ).map { try Relation(row: $0, context: "pg_class") }
      let byModel = Dictionary(uniqueKeysWithValues: Self.models.map { ($0.tableName, $0) })
      #expect(Set(relations.map(\.name)).subtracting(Self.unreachable) == Set(byModel.keys))
      #expect(Self.unreachable.isSubset(of: relations.map(\.name)))
      for relation in relations {
        guard let model = byModel[relation.name] else { continue }
        #expect(Set(model.columns) == Set(relation.columns), "\(relation.name)")
        // Whatever rows the tests left there decode.
        _ = try await fetchSome(db, model)
      }
      // The summaries read a subset of their table: what buyers are granted, all but the
      // embedding or the transcript.
      let columns = Dictionary(uniqueKeysWithValues: relations.map { ($0.name, Set($0.columns)) })
      #expect(Set(ConceptSummary.columns).isSubset(of: columns[Concept.tableName] ?? []))
      #expect(Set(AnalyzedVideoSummary.columns).subtracting(columns[AnalyzedVideo.tableName] ?? []) == ["has_embedding"])
      #expect(Set(VideoChunkSummary.columns).subtracting(columns[VideoChunk.tableName] ?? []) == ["has_embedding"])
      #expect((columns[Video.tableName] ?? []).subtracting(VideoSummary.columns) == ["transcript"])
      // What reelbase_app is granted of an account: no email, secrets or login times.
      #expect((columns[StoryUser.tableName] ?? []).subtracting(UserProfile.columns)
        == ["email", "password_hash", "email_verified", "last_login_at"])
      #expect((columns[OAuthAccount.tableName] ?? []).subtracting(OAuthAccountSummary.columns)
        == ["access_token", "refresh_token"])
      #expect(Set(UserProfile.columns).isSubset(of: columns[StoryUser.tableName] ?? []))
      #expect(Set(OAuthAccountSummary.columns).isSubset(of: columns[OAuthAccount.tableName] ?? []))
      _ = try await fetchSome(db, AnalyzedVideoSummary.self)
      _ = try await fetchSome(db, VideoChunkSummary.self)
      _ = try await fetchSome(db, VideoSummary.self)
      _ = try await fetchSome(db, UserProfile.self)
      _ = try await fetchSome(db, OAuthAccountSummary.self)
    }
  }

  private func fetchSome<M: ReelbaseTable>(_ db: ReelbaseClient, _ model: M.Type) async throws -> [M] {
    try await db.fetch(M.self, limit: 20, readFrom: .primary)
  }
}
