import Foundation
import PostgresNIO
import Reelbase
import Testing

/// Semantic search and the vector engine (release 0.2.0) through the typed calls.
@Suite struct SearchTests {
  let env: TestEnvironment

  init() throws { env = try TestEnvironment.load() }

  /// A 1,536-dimension embedding pointing mostly along axis `axis`.
  static func embedding(_ axis: Int, lean: Int? = nil) -> [Float] {
    var values = [Float](repeating: 0, count: 1536)
    values[axis] = 1
    if let lean { values[lean] = 0.5 }
    return values
  }

  func addChunk(_ admin: ReelbaseClient, video: UUID, index: Int, text: String, embedding: [Float]) async throws {
    _ = try await admin.rows(
      """
      INSERT INTO learning.video_chunks
        (video_id, chunk_index, chunk_text, embedding, start_time_seconds, end_time_seconds)
      VALUES (\(video), \(index), \(text), \(embedding), \(index * 30), \(index * 30 + 30))
      """, .write)
  }

  @Test func searchFindsTheClosestChunksTheCallerMaySee() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      let axis = Int.random(in: 0..<1500)  // other tests' chunks point elsewhere, mostly
      try await addChunk(admin, video: f.video.id, index: 0, text: "exact", embedding: Self.embedding(axis))
      try await addChunk(admin, video: f.video.id, index: 1, text: "close", embedding: Self.embedding(axis, lean: axis + 1))
      try await addChunk(admin, video: f.secondVideo.id, index: 0, text: "other video", embedding: Self.embedding(axis, lean: axis + 2))
      try await addChunk(admin, video: f.deletedVideo.id, index: 0, text: "deleted", embedding: Self.embedding(axis))
      try await addChunk(admin, video: f.otherVideo.id, index: 0, text: "other creator", embedding: Self.embedding(axis, lean: axis + 3))
      let query = Self.embedding(axis)

      let mine = [f.video.id, f.secondVideo.id, f.deletedVideo.id, f.otherVideo.id]
      let results = try await admin.searchVideoChunks(
        queryEmbedding: query, matchCount: 10, similarityThreshold: 0.85, filterVideoIDs: mine,
        readFrom: .primary)
      #expect(results.first?.chunkText == "exact")
      #expect(abs((results.first?.similarity ?? 0) - 1) < 1e-5)
      #expect(results.map(\.chunkText).contains("close"))
      #expect(!results.map(\.chunkText).contains("deleted"))  // never returned, even to admins
      #expect(results.first?.endTimeSeconds == 30)
      let onlySecond = try await admin.searchVideoChunks(
        queryEmbedding: query, matchCount: 10, similarityThreshold: 0.5, filterVideoIDs: [f.secondVideo.id],
        readFrom: .primary)
      #expect(onlySecond.map(\.chunkText) == ["other video"])
      let top = try await admin.searchVideoChunks(
        queryEmbedding: query, matchCount: 1, similarityThreshold: 0.5, filterVideoIDs: mine, readFrom: .primary)
      #expect(top.count == 1)

      // A student searches their creator's videos only.
      let seen = try await env.withClient(env.appRole) { app in
        try await app.withIdentity(f.student.id) { tx in
          try await tx.searchVideoChunks(queryEmbedding: query, matchCount: 10, similarityThreshold: 0.5, filterVideoIDs: mine)
        }
      }
      #expect(Set(seen.map(\.chunkText)) == ["exact", "close", "other video"])
    }
  }

  @Test func searchRejectsUnusableEmbeddings() async throws {
    try await env.withClient { admin in
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await admin.searchVideoChunks(queryEmbedding: [1, 2, 3], readFrom: .primary)
      }
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await admin.searchVideoChunks(queryEmbedding: [Float](repeating: 0, count: 1536), readFrom: .primary)
      }
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await admin.searchVideoChunks(queryEmbedding: Self.embedding(0), matchCount: 0, readFrom: .primary)
      }
    }
  }

  @Test func vectorFunctionsAndIndexBuild() async throws {
    try await env.withClient { admin in
      #expect(try await admin.cosineSimilarity([1, 0], [1, 0], readFrom: .primary) == 1)
      #expect(abs((try await admin.cosineSimilarity([1, 0], [1, 1], readFrom: .primary) ?? 0) - 0.70710677) < 1e-5)
      #expect(try await admin.cosineSimilarity([0, 0], [1, 0], readFrom: .primary) == nil)
      #expect(try await admin.unitCosine(embedding: [2, 0], unitQuery: [1, 0], readFrom: .primary) == 1)

      let indexes = try await admin.fetch(VectorIndex.self, orderBy: "name", readFrom: .primary)
      let chunks = try #require(indexes.first { $0.name == "learning.video_chunks" })
      #expect(chunks.dimension == 1536)
      #expect(chunks.vectorColumn == "embedding")

      let f = try await LearningFixture.make(admin)
      for i in 0..<4 {
        try await addChunk(admin, video: f.video.id, index: i, text: "chunk \(i)", embedding: Self.embedding(1500 + i))
      }
      // reelbase_admin has EXECUTE on the build functions but not UPDATE on
      // reelbase.vector_indexes, which the build locks and updates: only the owner can build
      // today. When the grants are fixed this known issue stops occurring and the test says so.
      // An administrator (not the owner) builds the index.
      let build = try await admin.buildChunkIndex(lists: 2)
      #expect(build.listCount == 2)
      #expect(build.assignedRows >= 4)
      let list = try await admin.vectorListFor(indexName: "learning.video_chunks", vector: Self.embedding(1500), readFrom: .primary)
      #expect(list.map { (0..<2).contains($0) } == true)
      let built = try #require(try await admin.fetch(VectorIndex.self, orderBy: "name", readFrom: .primary).first { $0.name == "learning.video_chunks" })
      #expect(built.lists == 2)
      #expect(built.builtAt != nil)
      let centroids = try await admin.fetch(
        VectorIndexCentroid.self, where: "index_name = 'learning.video_chunks'", orderBy: "list_no", readFrom: .primary)
      #expect(centroids.map(\.listNo) == [0, 1])
      #expect(centroids.allSatisfy { $0.centroid.count == 1536 })
      // Search still finds the exact chunk through the index.
      let hit = try await admin.searchVideoChunks(
        queryEmbedding: Self.embedding(1502), matchCount: 1, similarityThreshold: 0.9, filterVideoIDs: [f.video.id],
        readFrom: .primary)
      #expect(hit.map(\.chunkText) == ["chunk 2"])

      // Application roles may not build indexes at all.
      try await env.withClient(env.appRole) { app in
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.buildChunkIndex()
        }
        // Centroids derive from every tenant's embeddings.
        await expectReelbaseError(.permissionDenied, sqlState: "42501") {
          _ = try await app.fetch(VectorIndexCentroid.self, readFrom: .primary)
        }
      }
    }
  }
}
