import Foundation
import Reelbase

/// The example's own creator, student and video, found by their Whop ids or created on the
/// first run (as an administrator: only administrators create accounts).
struct DemoRows: Sendable {
  let creator: Creator
  let student: Student
  let video: Video

  static let companyID = "reelbase-example-company"
  static let studentWhopID = "reelbase-example-student"

  static func findOrCreate(_ admin: ReelbaseClient) async throws -> DemoRows {
    try await admin.withTransaction { tx in
      var creator = try await tx.findCreator(whopCompanyID: companyID)
      if creator == nil {
        creator = try await tx.createCreator(
          whopCompanyID: companyID, whopUserID: "reelbase-example-owner",
          email: "owner@example.com", name: "Example Academy", subscriptionTier: .pro)
      }
      guard let creator else { throw ReelbaseError(.unexpectedResponse, "no demo creator") }
      var student = try await tx.findStudent(whopUserID: studentWhopID)
      if student == nil {
        student = try await tx.createStudent(
          creatorID: creator.id, whopUserID: studentWhopID,
          whopMembershipID: "reelbase-example-membership", email: "student@example.com",
          name: "Example Student")
      }
      guard let student else { throw ReelbaseError(.unexpectedResponse, "no demo student") }
      let existing = try await tx.listVideos(creatorID: creator.id, limit: 1)
      let video: Video
      if let first = existing.first {
        video = first
      } else {
        video = try await tx.createVideo(
          creatorID: creator.id, title: "Swift on the server, part 1", sourceType: .youtube,
          youtubeVideoID: "dQw4w9WgXcQ", durationSeconds: 3600, status: .completed)
        try await tx.trackVideoEvent(
          eventType: .videoImported, videoID: video.id, creatorID: creator.id,
          metadata: .videoImported(VideoImportedMetadata(sourceType: .youtube, durationSeconds: 3600)))
      }
      return DemoRows(creator: creator, student: student, video: video)
    }
  }
}
