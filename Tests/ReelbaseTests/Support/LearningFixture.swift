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
    let video = try await admin.createVideo(
      creatorID: creator.id, title: "Intro to Swift", sourceType: .youtube,
      youtubeVideoID: "abcdefghijk", durationSeconds: 3600, status: .completed)
    let secondVideo = try await admin.createVideo(
      creatorID: creator.id, title: "Uploads", storagePath: "videos/\(tag).mp4",
      durationSeconds: 600, fileSizeBytes: 104_857_600)
    let deletedVideo = try await admin.createVideo(
      creatorID: creator.id, title: "Removed", storagePath: "videos/\(tag)-gone.mp4")
    try await admin.setVideoDeleted(id: deletedVideo.id)
    let course = try await admin.createCourse(
      creatorID: creator.id, title: "Swift on the server", isPublished: true, publishedAt: Date())
    let module = try await admin.createCourseModule(courseID: course.id, title: "Basics", displayOrder: 1)
    let lesson = try await admin.addModuleLesson(
      moduleID: module.id, videoID: video.id, lessonOrder: 1, title: "Lesson 1",
      estimatedDurationMinutes: 60)

    let otherCreator = try await admin.insert(Creator {
      $0.whopCompanyID = "other-co-\(tag)"; $0.whopUserID = "other-user-\(tag)"; $0.email = "other-\(tag)@example.com"
    })
    let otherStudent = try await admin.insert(Student {
      $0.creatorID = otherCreator.id; $0.whopUserID = "other-student-\(tag)"
      $0.whopMembershipID = "other-mem-\(tag)"; $0.email = "other-s-\(tag)@example.com"
    })
    let otherVideo = try await admin.createVideo(
      creatorID: otherCreator.id, title: "Elsewhere", sourceType: .mux, muxPlaybackID: "mux-\(tag)")
    return LearningFixture(
      creator: creator, students: students, video: video, secondVideo: secondVideo,
      deletedVideo: try await admin.getVideo(id: deletedVideo.id, readFrom: .primary) ?? deletedVideo,
      course: course, module: module, lesson: lesson, otherCreator: otherCreator,
      otherStudent: otherStudent, otherVideo: otherVideo)
  }
}
