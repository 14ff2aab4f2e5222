import Foundation
import PostgresNIO
import Reelbase
import Testing

/// Model versions, scoring, ratings, feature-importance snapshots and similar videos through
/// the typed calls (administrators).
@Suite struct MarketModelTests {
  let env: TestEnvironment

  init() throws { env = try TestEnvironment.load() }

  @Test func activatingAModelDeactivatesThePreviousOne() async throws {
    try await env.withClient { admin in
      let tag = UUID().uuidString.lowercased()
      let a = try await admin.insert(ModelVersion {
        $0.versionTag = "a-\(tag)"; $0.trainingVideoCount = 10; $0.weights = ["x": 1]
      })
      let b = try await admin.insert(ModelVersion {
        $0.versionTag = "b-\(tag)"; $0.trainingVideoCount = 20; $0.weights = ["y": -0.5]; $0.notes = "second"
      })
      #expect(!a.isActive && !b.isActive)
      #expect(b.weights == ["y": -0.5])
      for (target, other) in [(a, b), (b, a), (b, a), (a, b)] {
        let active = try #require(try await admin.activateModelVersion(id: target.id))
        #expect(active.id == target.id && active.isActive)
        #expect(try await admin.fetch(ModelVersion.self, where: "is_active", readFrom: .primary).first?.id == target.id)
        let all = try await admin.fetch(ModelVersion.self, orderBy: "trained_at DESC, id", readFrom: .primary)
        #expect(all.filter(\.isActive).map(\.id) == [target.id])
        #expect(all.first { $0.id == other.id }?.isActive == false)
      }
      // An unknown id changes nothing.
      #expect(try await admin.activateModelVersion(id: UUID()) == nil)
      #expect(try await admin.fetch(ModelVersion.self, where: "is_active", readFrom: .primary).first?.id == a.id)
      // A second active model is refused by the single-active index.
      await expectReelbaseError(.duplicate, sqlState: "23505") {
        _ = try await admin.insert(ModelVersion { $0.versionTag = "c-\(tag)"; $0.isActive = true })
      }
    }
  }

  @Test func scoringAppliesTheWeights() async throws {
    try await env.withClient { admin in
      let f = try await MarketFixture.make(admin)
      // 0.5 x 8 (replicability) - 0.7 x 0 (false) = 4; the string and the missing path count
      // as missing.
      let model = try await admin.insert(ModelVersion {
        $0.versionTag = "score-\(UUID().uuidString)"; $0.trainingVideoCount = 5
        $0.weights = [
          "script.replicability.score": 0.5, "trends.memeDependent": -0.7,
          "audio.musicGenre": 3, "visual.colorDiversity": 2,
        ]
      })
      let expected = 10 / (1 + exp(-4.0))
      let score = try await admin.scoreVideo(videoID: f.video.id, modelVersionID: model.id)
      #expect(abs(score.rawScore - 4) < 1e-12)
      #expect(abs(score.viralityScore - expected) < 1e-9)
      #expect(score.featuresUsed == 2 && score.featuresMissing == 2)
      let pure = try await admin.viralityScore(
        visualAnalysis: MarketFixture.analysis, featureWeights: model.weights, readFrom: .primary)
      #expect(abs(pure - expected) < 1e-9)

      let stored = try await admin.scoreConcept(conceptID: f.concept.id, modelVersionID: model.id)
      #expect(abs(stored - expected) < 1e-9)
      let concept = try #require(try await admin.find(Concept.self, id: f.concept.id, readFrom: .primary))
      #expect(concept.modelVersionID == model.id)
      #expect(abs((concept.viralityScore ?? -1) - expected) < 1e-9)

      // The fixture's model: 0.5 x 8 = 4 as well (memeDependent false).
      #expect(abs(try await admin.scoreVideo(videoID: f.video.id, modelVersionID: f.model.id).rawScore - 4) < 1e-12)

      let bare = try await admin.insert(AnalyzedVideo {
        $0.videoURL = "https://www.youtube.com/watch?v=\(UUID())"; $0.platform = .youtube
      })
      await expectReelbaseError(.invalidState, sqlState: "55000") {
        _ = try await admin.scoreVideo(videoID: bare.id, modelVersionID: model.id)
      }
      await expectReelbaseError(.notFound, sqlState: "23503") {
        _ = try await admin.scoreVideo(videoID: f.video.id, modelVersionID: UUID())
      }
      await expectReelbaseError(.notFound, sqlState: "23503") {
        _ = try await admin.scoreConcept(conceptID: UUID(), modelVersionID: model.id)
      }
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await admin.viralityScore(visualAnalysis: [1, 2], featureWeights: [:], readFrom: .primary)
      }
      try await env.withClient(env.appRole) { app in
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.scoreVideo(videoID: f.video.id, modelVersionID: model.id)
        }
      }
    }
  }

  @Test func ratingsComputeTheDisagreement() async throws {
    try await env.withClient { admin in
      let f = try await MarketFixture.make(admin)
      let owner = UUID()
      let agent = UUID()
      let dims = RatingDimensions(hook: 0.5, pacing: 0.56, payoff: 0.43, originality: 0.41, rewatchable: 0.42)
      // Seed 000's example: overall 0.3 against a prediction of 0.7, hook 0.5 against 0.8.
      let prediction: JSONValue = [
        "overall": 0.7, "modelUsed": "base", "dimensions": ["hook": 0.8, "pacing": 0.9],
        "user_disagreement": ["overall_delta": 99],
      ]
      let rating = try await admin.withIdentity(owner) { tx in
        try await tx.rateVideo(
          videoID: f.video.id, overallScore: 0.3, dimensions: dims, notes: "sound-dependent",
          tags: ["restaurant", "gen-z-humor"], aiPrediction: prediction)
      }
      #expect(rating.raterID == owner && rating.raterType == .owner)
      #expect(rating.dimensions == dims)
      #expect(rating.tags == ["restaurant", "gen-z-humor"])
      let disagreement = try #require(rating.userDisagreement)
      #expect(disagreement["overall_delta"] == -0.4)  // computed, the typed-in 99 replaced
      #expect(disagreement["dimension_deltas"]?["hook"] == -0.3)
      #expect(disagreement["dimension_deltas"]?["pacing"] == -0.34)
      #expect(rating.aiPrediction?["modelUsed"] == "base")

      // Rating again replaces the rater's rating.
      let again = try await admin.rateVideo(
        videoID: f.video.id, overallScore: 0.6, dimensions: dims, aiPrediction: ["overall": 0.7],
        raterID: owner)
      #expect(again.id == rating.id && again.overallScore == 0.6)
      #expect(again.userDisagreement?["overall_delta"] == -0.1)
      _ = try await admin.rateVideo(
        videoID: f.video.id, overallScore: 0.9, dimensions: dims, raterID: agent, raterType: .agent)
      let ratings = try await admin.fetch(VideoRating.self, where: "video_id = \(f.video.id)", readFrom: .primary)
      #expect(Set(ratings.map(\.raterID)) == [owner, agent])
      #expect(try await admin.fetch(
        VideoRating.self, where: "video_id = \(f.video.id) AND rater_type = \(RaterType.agent)", readFrom: .primary
      ).map(\.raterID) == [agent])

      let summary = try #require(try await admin.fetch(
        VideoRatingSummary.self, where: "video_id = \(f.video.id)", readFrom: .primary).first)
      #expect(summary.raterCount == 2 && summary.ownerCount == 1 && summary.agentCount == 1)
      #expect(abs(summary.meanOverall - 0.75) < 1e-12)
      #expect(abs((summary.agentOwnerSpread ?? 0) - 0.3) < 1e-12)
      #expect(abs(summary.overallRange - 0.3) < 1e-12)
      let rows = try await admin.fetch(
        RatingDisagreement.self, where: "video_id = \(f.video.id)", orderBy: "rated_at DESC NULLS LAST, rating_id, dimension",
        readFrom: .primary)
      #expect(rows.map(\.dimension) == ["overall"])
      #expect(rows.first?.delta == -0.1 && rows.first?.predicted == 0.7 && rows.first?.rated == 0.6)

      // All five dimensions are required; scores stay within 0...1; a rater is required.
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await admin.rateVideo(
          videoID: f.video.id, overallScore: 0.5, dimensions: RatingDimensions(hook: 0.5), raterID: UUID())
      }
      await expectReelbaseError(.invalidInput, sqlState: "23514") {
        _ = try await admin.rateVideo(videoID: f.video.id, overallScore: 1.5, dimensions: dims, raterID: UUID())
      }
      await expectReelbaseError(.invalidInput, sqlState: "23502") {
        _ = try await admin.rateVideo(videoID: f.video.id, overallScore: 0.5, dimensions: dims)
      }
      await expectReelbaseError(.notFound, sqlState: "23503") {
        _ = try await admin.rateVideo(videoID: UUID(), overallScore: 0.5, dimensions: dims, raterID: owner)
      }
    }
  }

  @Test func featureImportanceSnapshotsRoundTrip() async throws {
    try await env.withClient { admin in
      let f = try await MarketFixture.make(admin)
      let positive = [
        FeatureImportance(feature: "script.replicability.score", correlation: 0.82, rank: 1),
        FeatureImportance(feature: "script.humor.comedyTiming", correlation: 0.65, rank: 2),
      ]
      let negative = [FeatureImportance(feature: "trends.memeDependent", correlation: -0.68, rank: 1)]
      let at = Date(timeIntervalSince1970: 1_765_756_800)
      let snapshot = try await admin.insert(FeatureImportanceSnapshot {
        $0.modelVersionID = f.model.id; $0.trainingCount = 200; $0.positiveFeatures = positive
        $0.negativeFeatures = negative; $0.prunedFeatures = ["visual.colorDiversity"]
        $0.notes = "Pruned 15 features"; $0.snapshotAt = at
      })
      #expect(snapshot.positiveFeatures == positive)
      #expect(snapshot.negativeFeatures == negative)
      #expect(snapshot.snapshotAt == at)
      #expect(try await admin.fetch(
        FeatureImportanceSnapshot.self, where: "model_version_id = \(f.model.id)", readFrom: .primary) == [snapshot])
      await expectReelbaseError(.notFound, sqlState: "23503") {
        _ = try await admin.insert(FeatureImportanceSnapshot { $0.modelVersionID = UUID(); $0.trainingCount = 1 })
      }
    }
  }

  @Test func similarVideosByEmbedding() async throws {
    try await env.withClient { admin in
      // Three videos around one random direction: v2 close to v1, v3 further away.
      let base = MarketFixture.randomEmbedding()
      let near = zip(base, MarketFixture.randomEmbedding()).map { $0 + 0.2 * $1 }
      let far = zip(base, MarketFixture.randomEmbedding()).map { $0 + 0.8 * $1 }
      var ids: [UUID] = []
      for embedding in [base, near, far] {
        ids.append(try await admin.insert(AnalyzedVideo {
          $0.videoURL = "https://www.instagram.com/reel/\(UUID())"; $0.platform = .instagram
          $0.contentEmbedding = embedding
        }).id)
      }
      func cosine(_ a: [Float], _ b: [Float]) -> Float {
        var dot: Float = 0, na: Float = 0, nb: Float = 0
        for (x, y) in zip(a, b) { dot += x * y; na += x * x; nb += y * y }
        return dot / (na.squareRoot() * nb.squareRoot())
      }
      let similar = try await admin.similarVideos(videoID: ids[0], matchCount: 2, readFrom: .primary)
      #expect(similar.map(\.videoID) == [ids[1], ids[2]])
      #expect(abs(similar[0].similarity - cosine(base, near)) < 1e-4)
      #expect(abs(similar[1].similarity - cosine(base, far)) < 1e-4)
      #expect(!similar.contains { $0.videoID == ids[0] })

      let found = try await admin.searchVideos(queryEmbedding: base, matchCount: 3, readFrom: .primary)
      #expect(found.map(\.videoID) == ids)
      #expect(abs(found[0].similarity - 1) < 1e-5)

      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await admin.searchVideos(queryEmbedding: [1, 2, 3], readFrom: .primary)
      }
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await admin.similarVideos(videoID: ids[0], matchCount: 0, readFrom: .primary)
      }
      await expectReelbaseError(.notFound, sqlState: "23503") {
        _ = try await admin.similarVideos(videoID: UUID(), readFrom: .primary)
      }
      // With an IVF index of one list the search visits every video: the same answer.
      let build = try await admin.buildVideoIndex(lists: 1)
      #expect(build.listCount == 1 && build.assignedRows >= 3)
      let filed = try await admin.fetch(AnalyzedVideoList.self, where: "video_id = ANY(\(ids))", readFrom: .primary)
      #expect(Set(filed.map(\.videoID)) == Set(ids) && filed.allSatisfy { $0.ivfList == 0 })
      #expect(try await admin.similarVideos(videoID: ids[0], matchCount: 2, readFrom: .primary).map(\.videoID)
        == [ids[1], ids[2]])

      let bare = try await admin.insert(AnalyzedVideo { $0.videoURL = "https://www.tiktok.com/@x/\(UUID())" })
      await expectReelbaseError(.invalidState, sqlState: "55000") {
        _ = try await admin.similarVideos(videoID: bare.id, readFrom: .primary)
      }
    }
  }
}
