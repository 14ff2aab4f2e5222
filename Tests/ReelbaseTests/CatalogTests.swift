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
      let listed = try await admin.listVideos(creatorID: f.creator.id, readFrom: .primary)
      #expect(Set(listed.map(\.id)) == [f.video.id, f.secondVideo.id])
      let all = try await admin.listVideos(creatorID: f.creator.id, includeDeleted: true, readFrom: .primary)
      #expect(all.count == 3)
      let pending = try await admin.listVideos(creatorID: f.creator.id, status: .pending, readFrom: .primary)
      #expect(pending.map(\.id) == [f.secondVideo.id])
      #expect(try await admin.listVideos(creatorID: f.creator.id, limit: 1, readFrom: .primary).count == 1)

      _ = try await admin.rows(
        "UPDATE learning.videos SET transcript = 'hello world' WHERE id = \(f.video.id)", .write)
      #expect(try await admin.getVideo(id: f.video.id, readFrom: .primary)?.transcript == nil)
      #expect(try await admin.getVideo(id: f.video.id, includeTranscript: true, readFrom: .primary)?.transcript == "hello world")
    }
  }

  @Test func studentsSeeTheirCreatorsLiveVideosOnly() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      try await env.withClient(env.appRole) { app in
        let (mine, others, deleted) = try await app.withIdentity(f.student.id) { tx in
          (try await tx.listVideos(creatorID: f.creator.id, includeDeleted: true),
           try await tx.listVideos(creatorID: f.otherCreator.id),
           try await tx.getVideo(id: f.deletedVideo.id))
        }
        #expect(Set(mine.map(\.id)) == [f.video.id, f.secondVideo.id])
        #expect(others.isEmpty)
        #expect(deleted == nil)
        let creatorSees = try await app.withIdentity(f.creator.id) { tx in
          try await tx.listVideos(creatorID: f.creator.id, includeDeleted: true)
        }
        #expect(creatorSees.count == 3)
      }
    }
  }

  @Test func coursesModulesAndLessons() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      let draft = try await admin.createCourse(creatorID: f.creator.id, title: "Draft", displayOrder: 2)
      #expect(try await admin.getCourse(id: draft.id, readFrom: .primary) == draft)
      #expect(try await admin.listCourses(creatorID: f.creator.id, readFrom: .primary).map(\.id) == [f.course.id, draft.id])
      #expect(try await admin.listCourseModules(courseID: f.course.id, readFrom: .primary) == [f.module])
      let lessons = try await admin.listModuleLessons(moduleID: f.module.id, readFrom: .primary)
      #expect(lessons == [f.lesson])
      #expect(f.lesson.isRequired)
      #expect(f.lesson.estimatedDurationMinutes == 60)
      #expect(f.module.videoIDs == [])
      // Students see published courses only.
      let seen = try await env.withClient(env.appRole) { app in
        try await app.withIdentity(f.student.id) { tx in try await tx.listCourses(creatorID: f.creator.id) }
      }
      #expect(seen.map(\.id) == [f.course.id])
      // The same video twice in one module is a duplicate.
      await expectReelbaseError(.duplicate, sqlState: "23505") {
        _ = try await admin.addModuleLesson(moduleID: f.module.id, videoID: f.video.id, lessonOrder: 2, title: "again")
      }
    }
  }

  @Test func watchSessionsListing() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      let a = try await admin.startWatchSession(
        videoID: f.video.id, studentID: f.student.id, deviceType: .mobile, referrerType: .chatReference,
        metadata: ["quality": "720p"])
      let b = try await admin.startWatchSession(videoID: f.secondVideo.id, studentID: f.student.id)
      #expect(a.deviceType == .mobile)
      #expect(a.referrerType == .chatReference)
      #expect(a.metadata["quality"] == "720p")
      #expect(a.sessionEnd == nil)
      let all = try await admin.listWatchSessions(studentID: f.student.id, readFrom: .primary)
      #expect(Set(all.map(\.id)) == [a.id, b.id])
      let one = try await admin.listWatchSessions(studentID: f.student.id, videoID: f.video.id, readFrom: .primary)
      #expect(one.map(\.id) == [a.id])
      #expect(try await admin.recordWatchProgress(sessionID: UUID(), watchTimeSeconds: 1, percentComplete: 1) == nil)
    }
  }

  @Test func chatAnalyticsUsageAndChunks() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      let chatID = UUID()
      _ = try await admin.rows(
        """
        INSERT INTO learning.chat_sessions (id, student_id, creator_id, title, context_video_ids)
        VALUES (\(chatID), \(f.student.id), \(f.creator.id), 'Questions', ARRAY[\(f.video.id.uuidString)])
        """, .write)
      _ = try await admin.rows(
        """
        INSERT INTO learning.chat_messages (session_id, role, content, token_count, model, created_at)
        VALUES (\(chatID), 'user', 'What is an actor?', NULL, NULL, now() - interval '1 second'),
               (\(chatID), 'assistant', 'An isolation domain.', 42, 'claude-3-5-haiku-20241022', now())
        """, .write)
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
      _ = try await admin.rows(
        """
        INSERT INTO learning.video_chunks (video_id, chunk_index, chunk_text, start_time_seconds, end_time_seconds, word_count)
        VALUES (\(f.video.id), 1, 'second', 30, 60, 1), (\(f.video.id), 0, 'first', 0, 30, 1)
        """, .write)

      let sessions = try await admin.listChatSessions(studentID: f.student.id, readFrom: .primary)
      #expect(sessions.map(\.id) == [chatID])
      #expect(sessions.first?.contextVideoIDs == [f.video.id.uuidString])
      let messages = try await admin.listChatMessages(sessionID: chatID, readFrom: .primary)
      #expect(messages.map(\.role) == [.user, .assistant])
      #expect(messages.last?.tokenCount == 42)
      #expect(messages.first?.videoReferences == [])
      let day = try #require(try await admin.listVideoAnalytics(videoID: f.video.id, readFrom: .primary).first)
      #expect(day.views == 10)
      #expect(day.completionRate == Decimal(string: "42.5"))
      #expect(day.date == Date(timeIntervalSince1970: 1_735_776_000))
      let usage = try #require(try await admin.listUsageMetrics(creatorID: f.creator.id, readFrom: .primary).first)
      #expect(usage.storageUsedBytes == 5_000_000_000)
      #expect(usage.videosUploaded == 3)
      let chunks = try await admin.listVideoChunks(videoID: f.video.id, readFrom: .primary)
      #expect(chunks.map(\.chunkText) == ["first", "second"])
      #expect(chunks.allSatisfy { !$0.hasEmbedding })

      // Students see no analytics; the creator sees their own.
      try await env.withClient(env.appRole) { app in
        let studentView = try await app.withIdentity(f.student.id) { tx in
          (try await tx.listVideoAnalytics(videoID: f.video.id),
           try await tx.listAnalyticsEvents(videoID: f.video.id),
           try await tx.listChatSessions(studentID: f.student.id))
        }
        #expect(studentView.0.isEmpty)
        #expect(studentView.1.isEmpty)
        #expect(studentView.2.count == 1)
        let creatorView = try await app.withIdentity(f.creator.id) { tx in
          (try await tx.listVideoAnalytics(videoID: f.video.id), try await tx.listUsageMetrics(creatorID: f.creator.id))
        }
        #expect(creatorView.0.count == 1)
        #expect(creatorView.1.count == 1)
      }
      await expectReelbaseError(.misuse) { _ = try await admin.listAnalyticsEvents() }
    }
  }
}
