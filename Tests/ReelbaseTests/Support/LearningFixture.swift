import Foundation
import Reelbase

/// A small learning world made through the client as an administrator: a creator with
/// students, videos (one soft-deleted), a published course with a module and a lesson, and a
/// second creator with a student and a video of their own. Every key is unique per fixture, so
/// tests running in parallel do not meet.
struct LearningFixture: Sendable {
  let creator: Creator
  let students: [Student]
  let video: Video
  let secondVideo: Video
  let deletedVideo: Video
  let course: Course
  let module: CourseModule
  let lesson: ModuleLesson
  let otherCreator: Creator
  let otherStudent: Student
  let otherVideo: Video

  var student: Student { students[0] }

  static func make(_ admin: ReelbaseClient, students count: Int = 2) async throws -> LearningFixture {
    let tag = UUID().uuidString.lowercased()
    let creator = try await admin.insert(Creator {
      $0.whopCompanyID = "co-\(tag)"; $0.whopUserID = "user-\(tag)"; $0.email = "creator-\(tag)@example.com"
      $0.name = "Creator \(tag.prefix(8))"; $0.subscriptionTier = .pro; $0.settings = ["theme": "dark"]
    })
    var students: [Student] = []
    for i in 0..<count {
      students.append(try await admin.insert(Student {
        $0.creatorID = creator.id; $0.whopUserID = "student-\(i)-\(tag)"; $0.whopMembershipID = "mem-\(i)-\(tag)"
        $0.email = "s\(i)-\(tag)@example.com"; $0.name = "Student \(i)"; $0.preferences = ["speed": 1.5]
      }))
    }
    let video = try await admin.insert(Video {
      $0.creatorID = creator.id; $0.title = "Intro to Swift"; $0.sourceType = .youtube
      $0.youtubeVideoID = "abcdefghijk"; $0.durationSeconds = 3600; $0.status = .completed
    })
    let secondVideo = try await admin.insert(Video {
      $0.creatorID = creator.id; $0.title = "Uploads"; $0.storagePath = "videos/\(tag).mp4"
      $0.durationSeconds = 600; $0.fileSizeBytes = 104_857_600
    })
    var removed = try await admin.insert(Video {
      $0.creatorID = creator.id; $0.title = "Removed"; $0.storagePath = "videos/\(tag)-gone.mp4"
    })
    removed.isDeleted = true
    guard let deletedVideo = try await admin.update(removed) else {
      throw ReelbaseError(.unexpectedResponse, "the fixture's video to delete is gone")
    }
    let course = try await admin.insert(Course {
      $0.creatorID = creator.id; $0.title = "Swift on the server"; $0.isPublished = true; $0.publishedAt = Date()
    })
    let module = try await admin.insert(CourseModule { $0.courseID = course.id; $0.title = "Basics"; $0.displayOrder = 1 })
    let lesson = try await admin.insert(ModuleLesson {
      $0.moduleID = module.id; $0.videoID = video.id; $0.lessonOrder = 1; $0.title = "Lesson 1"
      $0.estimatedDurationMinutes = 60
    })

    let otherCreator = try await admin.insert(Creator {
      $0.whopCompanyID = "other-co-\(tag)"; $0.whopUserID = "other-user-\(tag)"; $0.email = "other-\(tag)@example.com"
    })
    let otherStudent = try await admin.insert(Student {
      $0.creatorID = otherCreator.id; $0.whopUserID = "other-student-\(tag)"
      $0.whopMembershipID = "other-mem-\(tag)"; $0.email = "other-s-\(tag)@example.com"
    })
    let otherVideo = try await admin.insert(Video {
      $0.creatorID = otherCreator.id; $0.title = "Elsewhere"; $0.sourceType = .mux; $0.muxPlaybackID = "mux-\(tag)"
    })
    return LearningFixture(
      creator: creator, students: students, video: video, secondVideo: secondVideo, deletedVideo: deletedVideo,
      course: course, module: module, lesson: lesson, otherCreator: otherCreator, otherStudent: otherStudent,
      otherVideo: otherVideo)
  }
}

extension LearningFixture {
  /// Opens a watch session of `video` (the fixture's first) for `student` (its first).
  func startSession(_ db: some ReelbaseQueryable, video: UUID? = nil, student: UUID? = nil) async throws -> WatchSession {
    try await db.insert(WatchSession { $0.videoID = video ?? self.video.id; $0.studentID = student ?? self.student.id })
  }
}

extension ReelbaseQueryable {
  /// A student's watch sessions the caller may see, newest first.
  func watchSessions(of studentID: UUID, readFrom: ReadPreference = .replica) async throws -> [WatchSession] {
    try await fetch(WatchSession.self, where: "student_id = \(studentID)", orderBy: "session_start DESC, id", readFrom: readFrom)
  }
}
