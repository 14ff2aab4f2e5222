import Foundation
import PostgresNIO
import Reelbase
import Testing

/// One test or more per SQL function of the learning schema, through the typed calls.
@Suite struct LearningFunctionTests {
  let env: TestEnvironment

  init() throws { env = try TestEnvironment.load() }

  @Test func trackVideoEventRecordsTypedLifecycleMetadata() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      let imported = VideoImportedMetadata(sourceType: .youtube, durationSeconds: 3600, fileSizeBytes: 104_857_600)
      let transcribed = VideoTranscribedMetadata(
        transcriptMethod: "youtube_captions", cost: 0, durationSeconds: 3600, wordCount: 5400)
      // The creator records their pipeline's events under their own identity.
      let (importID, transcribeID) = try await admin.withIdentity(f.creator.id) { tx in
        (try await tx.trackVideoEvent(
          eventType: .videoImported, videoID: f.video.id, creatorID: f.creator.id,
          metadata: .videoImported(imported)),
         try await tx.trackVideoEvent(
          eventType: .videoTranscribed, videoID: f.video.id, creatorID: f.creator.id,
          courseID: f.course.id, moduleID: f.module.id, metadata: .videoTranscribed(transcribed)))
      }
      let events = try await admin.fetch(AnalyticsEvent.self, where: "video_id = \(f.video.id)", readFrom: .primary)
      let byID = Dictionary(uniqueKeysWithValues: events.map { ($0.id, $0) })
      let importEvent = try #require(byID[importID])
      #expect(importEvent.eventType == .videoImported)
      #expect(importEvent.metadata == .videoImported(imported))
      #expect(importEvent.rawMetadata["file_size_bytes"] == 104_857_600)
      #expect(importEvent.studentID == nil)
      let transcribeEvent = try #require(byID[transcribeID])
      #expect(transcribeEvent.metadata == .videoTranscribed(transcribed))
      #expect(transcribeEvent.courseID == f.course.id)
      #expect(transcribeEvent.moduleID == f.module.id)
      // The id is the server's UUIDv7: version nibble 7.
      #expect(importID.uuidString.lowercased().dropFirst(14).first == "7")
    }
  }

  @Test func trackVideoEventAsStudentWithProgressMetadataAndTimestamp() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      let session = UUID()
      let progress = VideoProgressMetadata(percentComplete: 50, watchTimeSeconds: 1800, sessionID: session)
      let at = Date(timeIntervalSince1970: 1_750_000_000)
      let id = try await env.withClient(env.appRole) { app in
        try await app.withIdentity(f.student.id) { tx in
          try await tx.trackVideoEvent(
            eventType: .videoProgress, videoID: f.video.id, creatorID: f.creator.id,
            studentID: f.student.id, courseID: f.course.id, metadata: .videoProgress(progress),
            timestamp: at)
        }
      }
      let event = try #require(
        try await admin.fetch(
          AnalyticsEvent.self, where: "creator_id = \(f.creator.id) AND event_type = \(VideoEventType.videoProgress)",
          readFrom: .primary
        ).first { $0.id == id })
      #expect(event.studentID == f.student.id)
      #expect(event.metadata == .videoProgress(progress))
      #expect(event.rawMetadata["session_id"] == .string(session.uuidString.lowercased()))
      #expect(event.timestamp == at)
    }
  }

  @Test func trackVideoEventDefaultsTimestampAndMetadataOnTheServer() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      let before = Date()
      let id = try await admin.trackVideoEvent(
        eventType: .videoStarted, videoID: f.video.id, creatorID: f.creator.id, studentID: f.student.id)
      let event = try #require(
        try await admin.fetch(
          AnalyticsEvent.self, where: "video_id = \(f.video.id) AND student_id = \(f.student.id)", readFrom: .primary
        ).first { $0.id == id })
      #expect(event.rawMetadata == [:])
      #expect(event.metadata == .empty)
      #expect(abs(event.timestamp.timeIntervalSince(before)) < 60)
    }
  }

  @Test func untypedAndMismatchedMetadataStayRaw() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      let device: [String: JSONValue] = ["device": "mobile", "nested": ["a": [1, 2, nil]]]
      let started = try await admin.trackVideoEvent(
        eventType: .videoStarted, videoID: f.video.id, creatorID: f.creator.id,
        studentID: f.student.id, metadata: .raw(device))
      // A progress event whose metadata lacks percent_complete is kept as raw JSON.
      let odd = try await admin.trackVideoEvent(
        eventType: .videoProgress, videoID: f.video.id, creatorID: f.creator.id,
        studentID: f.student.id, metadata: .raw(["milestone": "half"]))
      let events = try await admin.fetch(AnalyticsEvent.self, where: "video_id = \(f.video.id)", readFrom: .primary)
      #expect(events.first { $0.id == started }?.metadata == .raw(device))
      #expect(events.first { $0.id == odd }?.metadata == .raw(["milestone": "half"]))
    }
  }

  @Test func watchTimeFunctionsReadTheStudentsSessions() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      // Nothing watched yet.
      #expect(try await admin.getStudentTotalWatchTime(studentID: f.student.id, videoID: f.video.id, readFrom: .primary) == 0)
      #expect(try await admin.getStudentHighestCompletion(studentID: f.student.id, videoID: f.video.id, readFrom: .primary) == 0)
      #expect(try await admin.hasStudentCompletedVideo(studentID: f.student.id, videoID: f.video.id, readFrom: .primary) == false)

      let figures = try await env.withClient(env.appRole) { app in
        try await app.withIdentity(f.student.id) { tx in
          let first = try await tx.insert(WatchSession {
            $0.videoID = f.video.id; $0.studentID = f.student.id; $0.deviceType = .desktop; $0.referrerType = .coursePage
          })
          let updated = try #require(
            try await tx.recordWatchProgress(sessionID: first.id, watchTimeSeconds: 1200, percentComplete: 40))
          #expect(updated.completed == false)
          let second = try await f.startSession(tx)
          let done = try #require(try await tx.recordWatchProgress(
            sessionID: second.id, watchTimeSeconds: 2100, percentComplete: 95, sessionEnd: Date()))
          #expect(done.completed)  // set by the server's trigger at 90%
          return (try await tx.getStudentTotalWatchTime(studentID: f.student.id, videoID: f.video.id),
                  try await tx.getStudentHighestCompletion(studentID: f.student.id, videoID: f.video.id),
                  try await tx.hasStudentCompletedVideo(studentID: f.student.id, videoID: f.video.id))
        }
      }
      #expect(figures.0 == 3300)
      #expect(figures.1 == 95)
      #expect(figures.2 == true)
      // The administrator reads the same figures outside the transaction.
      #expect(try await admin.getStudentTotalWatchTime(studentID: f.student.id, videoID: f.video.id, readFrom: .primary) == 3300)
      // Another student's figures are separate.
      #expect(try await admin.getStudentTotalWatchTime(studentID: f.students[1].id, videoID: f.video.id, readFrom: .primary) == 0)
    }
  }

  @Test func watchTimeIsHiddenFromOtherUsersByRowLevelSecurity() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      let session = try await f.startSession(admin)
      try await admin.recordWatchProgress(sessionID: session.id, watchTimeSeconds: 500, percentComplete: 20)
      try await env.withClient(env.appRole) { app in
        // The creator of the video sees it; the other creator and another student see 0.
        let own = try await app.withIdentity(f.creator.id) { tx in
          try await tx.getStudentTotalWatchTime(studentID: f.student.id, videoID: f.video.id)
        }
        let stranger = try await app.withIdentity(f.otherCreator.id) { tx in
          try await tx.getStudentTotalWatchTime(studentID: f.student.id, videoID: f.video.id)
        }
        let classmate = try await app.withIdentity(f.students[1].id) { tx in
          try await tx.getStudentTotalWatchTime(studentID: f.student.id, videoID: f.video.id)
        }
        // With no identity at all the app role sees nothing.
        let nobody = try await app.getStudentTotalWatchTime(
          studentID: f.student.id, videoID: f.video.id, readFrom: .primary)
        #expect(own == 500)
        #expect(stranger == 0)
        #expect(classmate == 0)
        #expect(nobody == 0)
      }
    }
  }

  @Test func currentUserIDAndSetUserID() async throws {
    try await env.withClient(env.appRole) { app in
      let a = UUID(), b = UUID()
      let seen = try await app.withIdentity(a) { tx in
        let first = try await tx.currentUserID()
        let switched = try await tx.setUserID(b)
        let second = try await tx.currentUserID()
        let cleared = try await tx.setUserID(nil)
        return [first, switched, second, cleared, try await tx.currentUserID()]
      }
      #expect(seen == [a, b, b, nil, nil])
      #expect(try await app.currentUserID(readFrom: .primary) == nil)
    }
  }

  @Test func currentCreatorAndStudentFollowTheIdentity() async throws {
    try await env.withClient { admin in
      let f = try await LearningFixture.make(admin)
      try await env.withClient(env.appRole) { app in
        let asStudent = try await app.withIdentity(f.student.id) { tx in
          [try await tx.currentCreatorID(), try await tx.currentStudentID(), try await tx.currentStudentCreatorID()]
        }
        #expect(asStudent == [nil, f.student.id, f.creator.id])
        let asCreator = try await app.withIdentity(f.creator.id) { tx in
          [try await tx.currentCreatorID(), try await tx.currentStudentID(), try await tx.currentStudentCreatorID()]
        }
        #expect(asCreator == [f.creator.id, nil, nil])
        // An identity that is no account, and none at all, is neither.
        let stranger = try await app.withIdentity(UUID()) { tx in
          [try await tx.currentCreatorID(), try await tx.currentStudentID()]
        }
        #expect(stranger == [nil, nil])
        #expect(try await app.currentCreatorID(readFrom: .primary) == nil)
        #expect(try await app.currentStudentCreatorID(readFrom: .primary) == nil)
      }
    }
  }
}
