import Foundation
import PostgresNIO
import Reelbase
import Testing

/// The plain typed reads and writes of the learning tables, and what row-level security lets
/// each kind of caller see through them.
@Suite struct CatalogTests {
  let env: TestEnvironment

  init() throws { env = try TestEnvironment.load() }

  @Test func accountsRoundTrip() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      let creator = try #require(try await admin.find(Creator.self, id: f.creator.id, readFrom: .primary))
      #expect(creator == f.creator)
      #expect(creator.subscriptionTier == .pro)
      #expect(creator.settings == ["theme": "dark"])
      #expect(creator.isActive)
      #expect(try await admin.fetch(Creator.self, where: "whop_company_id = \(f.creator.whopCompanyID)", readFrom: .primary).first?.id == f.creator.id)
      let student = try #require(try await admin.find(Student.self, id: f.student.id, readFrom: .primary))
      #expect(student.creatorID == f.creator.id)
      #expect(student.preferences["speed"] == 1.5)
      #expect(try await admin.fetch(Student.self, where: "creator_id = \(f.creator.id)", orderBy: "created_at, id", readFrom: .primary).map(\.id) == f.students.map(\.id))
      #expect(try await admin.find(Creator.self, id: UUID(), readFrom: .primary) == nil)
    }
  }

  @Test func videosListingAndTranscript() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      #expect(f.video.sourceType == .youtube)
      #expect(f.video.youtubeVideoID == "abcdefghijk")
      #expect(f.video.status == .completed)
      #expect(f.video.transcriptLanguage == "en")
      #expect(f.secondVideo.fileSizeBytes == 104_857_600)
      #expect(f.deletedVideo.isDeleted)
      let mine: PostgresQuery = "creator_id = \(f.creator.id)"
      let live: PostgresQuery = "creator_id = \(f.creator.id) AND NOT is_deleted"
      let listed = try await admin.fetch(VideoSummary.self, where: live, orderBy: "created_at DESC, id", readFrom: .primary)
      #expect(Set(listed.map(\.id)) == [f.video.id, f.secondVideo.id])
      #expect(try await admin.fetch(VideoSummary.self, where: mine, readFrom: .primary).count == 3)
      let pending = try await admin.fetch(
        VideoSummary.self, where: "creator_id = \(f.creator.id) AND NOT is_deleted AND status = \(VideoStatus.pending)",
        readFrom: .primary)
      #expect(pending.map(\.id) == [f.secondVideo.id])
      #expect(try await admin.fetch(VideoSummary.self, where: live, limit: 1, readFrom: .primary).count == 1)

      // Summaries never read the transcript, and updating one leaves it as it is.
      _ = try await admin.rows(
        "UPDATE learning.videos SET transcript = 'hello world' WHERE id = \(f.video.id)", .write)
      #expect(!VideoSummary.columns.contains("transcript"))
      var summary = try #require(try await admin.find(VideoSummary.self, id: f.video.id, readFrom: .primary))
      summary.title = "Intro to Swift, revised"
      #expect(try await admin.update(summary)?.title == "Intro to Swift, revised")
      let full = try await admin.find(Video.self, id: f.video.id, readFrom: .primary)
      #expect(full?.transcript == "hello world")
      #expect(full?.title == "Intro to Swift, revised")
    }
  }

  @Test func studentsSeeTheirCreatorsLiveVideosOnly() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      try await env.withClient(env.appRole) { app in
        let (mine, others, deleted) = try await app.withIdentity(f.student.id) { tx in
          (try await tx.fetch(VideoSummary.self, where: "creator_id = \(f.creator.id)"),
           try await tx.fetch(VideoSummary.self, where: "creator_id = \(f.otherCreator.id) AND NOT is_deleted"),
           try await tx.find(Video.self, id: f.deletedVideo.id))
        }
        #expect(Set(mine.map(\.id)) == [f.video.id, f.secondVideo.id])
        #expect(others.isEmpty)
        #expect(deleted == nil)
        let creatorSees = try await app.withIdentity(f.creator.id) { tx in
          try await tx.fetch(VideoSummary.self, where: "creator_id = \(f.creator.id)")
        }
        #expect(creatorSees.count == 3)
      }
    }
  }

  @Test func coursesModulesAndLessons() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      let draft = try await admin.insert(Course { $0.creatorID = f.creator.id; $0.title = "Draft"; $0.displayOrder = 2 })
      #expect(try await admin.find(Course.self, id: draft.id, readFrom: .primary) == draft)
      let courses: PostgresQuery = "creator_id = \(f.creator.id) AND NOT is_deleted"
      let order = "display_order, created_at, id"
      #expect(try await admin.fetch(Course.self, where: courses, orderBy: order, readFrom: .primary).map(\.id) == [f.course.id, draft.id])
      #expect(try await admin.fetch(CourseModule.self, where: "course_id = \(f.course.id)", orderBy: order, readFrom: .primary) == [f.module])
      let lessons = try await admin.fetch(
        ModuleLesson.self, where: "module_id = \(f.module.id)", orderBy: "lesson_order, id", readFrom: .primary)
      #expect(lessons == [f.lesson])
      #expect(f.lesson.isRequired)
      #expect(f.lesson.estimatedDurationMinutes == 60)
      #expect(f.module.videoIDs == [])
      // Students see published courses only.
      let seen = try await env.withClient(env.appRole) { app in
        try await app.withIdentity(f.student.id) { tx in try await tx.fetch(Course.self, where: courses, orderBy: order) }
      }
      #expect(seen.map(\.id) == [f.course.id])
      // The same video twice in one module is a duplicate.
      await expectReelbaseError(.duplicate, sqlState: "23505") {
        _ = try await admin.insert(ModuleLesson {
          $0.moduleID = f.module.id; $0.videoID = f.video.id; $0.lessonOrder = 2; $0.title = "again"
        })
      }
    }
  }

  @Test func watchSessionsListing() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      let a = try await admin.insert(WatchSession {
        $0.videoID = f.video.id; $0.studentID = f.student.id; $0.deviceType = .mobile
        $0.referrerType = .chatReference; $0.metadata = ["quality": "720p"]
      })
      let b = try await f.startSession(admin, video: f.secondVideo.id)
      #expect(a.deviceType == .mobile)
      #expect(a.referrerType == .chatReference)
      #expect(a.metadata["quality"] == "720p")
      #expect(a.sessionEnd == nil)
      #expect(Set(try await admin.watchSessions(of: f.student.id, readFrom: .primary).map(\.id)) == [a.id, b.id])
      let one = try await admin.fetch(
        WatchSession.self, where: "student_id = \(f.student.id) AND video_id = \(f.video.id)", readFrom: .primary)
      #expect(one.map(\.id) == [a.id])
      #expect(try await admin.recordWatchProgress(sessionID: UUID(), watchTimeSeconds: 1, percentComplete: 1) == nil)
    }
  }

  @Test func chatAnalyticsUsageAndChunks() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      let chat = try await admin.insert(ChatSession {
        $0.studentID = f.student.id; $0.creatorID = f.creator.id; $0.title = "Questions"
        $0.contextVideoIDs = [f.video.id.uuidString]
      })
      // One statement each: the assistant's answer is stamped after the question.
      try await admin.insert(ChatMessage { $0.sessionID = chat.id; $0.role = .user; $0.content = "What is an actor?" })
      try await admin.insert(ChatMessage {
        $0.sessionID = chat.id; $0.role = .assistant; $0.content = "An isolation domain."; $0.tokenCount = 42
        $0.model = "claude-3-5-haiku-20241022"
      })
      // The rollup tables as the rollups write them: UTC days.
      _ = try await admin.rows(
        """
        INSERT INTO learning.video_analytics (video_id, date, views, unique_viewers, completion_rate)
        VALUES (\(f.video.id), DATE '2025-01-02', 10, 7, 42.50)
        """, .write)
      _ = try await admin.rows(
        """
        INSERT INTO learning.usage_metrics (creator_id, date, storage_used_bytes, videos_uploaded)
        VALUES (\(f.creator.id), DATE '2025-01-02', 5000000000, 3)
        """, .write)
      for (index, text, start) in [(1, "second", 30), (0, "first", 0)] {
        try await admin.insert(VideoChunk {
          $0.videoID = f.video.id; $0.chunkIndex = index; $0.chunkText = text
          $0.startTimeSeconds = start; $0.endTimeSeconds = start + 30; $0.wordCount = 1
        })
      }

      let sessionsOf: PostgresQuery = "student_id = \(f.student.id)"
      let recent = "COALESCE(last_message_at, created_at) DESC, id"
      let sessions = try await admin.fetch(ChatSession.self, where: sessionsOf, orderBy: recent, readFrom: .primary)
      #expect(sessions.map(\.id) == [chat.id])
      #expect(sessions.first?.contextVideoIDs == [f.video.id.uuidString])
      let messages = try await admin.fetch(
        ChatMessage.self, where: "session_id = \(chat.id)", orderBy: "created_at, id", readFrom: .primary)
      #expect(messages.map(\.role) == [.user, .assistant])
      #expect(messages.last?.tokenCount == 42)
      #expect(messages.first?.videoReferences == [])
      let videoDays: PostgresQuery = "video_id = \(f.video.id)"
      let creatorDays: PostgresQuery = "creator_id = \(f.creator.id)"
      let day = try #require(try await admin.fetch(VideoAnalyticsDay.self, where: videoDays, orderBy: "date DESC", readFrom: .primary).first)
      #expect(day.views == 10)
      #expect(day.completionRate == Decimal(string: "42.5"))
      #expect(day.date == Date(timeIntervalSince1970: 1_735_776_000))
      let usage = try #require(try await admin.fetch(UsageMetricsDay.self, where: creatorDays, orderBy: "date DESC", readFrom: .primary).first)
      #expect(usage.storageUsedBytes == 5_000_000_000)
      #expect(usage.videosUploaded == 3)
      let chunks = try await admin.fetch(VideoChunkSummary.self, where: videoDays, orderBy: "chunk_index", readFrom: .primary)
      #expect(chunks.map(\.chunkText) == ["first", "second"])
      #expect(chunks.allSatisfy { !$0.hasEmbedding })
      #expect(try await admin.fetch(VideoChunk.self, where: videoDays, readFrom: .primary).allSatisfy { !$0.hasEmbedding })

      // Students see no analytics; the creator sees their own.
      try await env.withClient(env.appRole) { app in
        let studentView = try await app.withIdentity(f.student.id) { tx in
          (try await tx.fetch(VideoAnalyticsDay.self, where: videoDays),
           try await tx.fetch(AnalyticsEvent.self, where: videoDays),
           try await tx.fetch(ChatSession.self, where: sessionsOf))
        }
        #expect(studentView.0.isEmpty)
        #expect(studentView.1.isEmpty)
        #expect(studentView.2.count == 1)
        let creatorView = try await app.withIdentity(f.creator.id) { tx in
          (try await tx.fetch(VideoAnalyticsDay.self, where: videoDays), try await tx.fetch(UsageMetricsDay.self, where: creatorDays))
        }
        #expect(creatorView.0.count == 1)
        #expect(creatorView.1.count == 1)
      }
    }
  }
}
