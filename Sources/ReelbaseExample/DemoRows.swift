import Foundation
import PostgresNIO
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
      var creator = try await tx.fetch(Creator.self, where: "whop_company_id = \(companyID)").first
      if creator == nil {
        creator = try await tx.insert(Creator {
          $0.whopCompanyID = companyID; $0.whopUserID = "reelbase-example-owner"
          $0.email = "owner@example.com"; $0.name = "Example Academy"; $0.subscriptionTier = .pro
        })
      }
      guard let creator else { throw ReelbaseError(.unexpectedResponse, "no demo creator") }
      var student = try await tx.fetch(Student.self, where: "whop_user_id = \(studentWhopID)").first
      if student == nil {
        student = try await tx.insert(Student {
          $0.creatorID = creator.id; $0.whopUserID = studentWhopID
          $0.whopMembershipID = "reelbase-example-membership"; $0.email = "student@example.com"
          $0.name = "Example Student"
        })
      }
      guard let student else { throw ReelbaseError(.unexpectedResponse, "no demo student") }
      let live: PostgresQuery = "creator_id = \(creator.id) AND NOT is_deleted"
      if let video = try await tx.fetch(Video.self, where: live, orderBy: "created_at DESC, id", limit: 1).first {
        return DemoRows(creator: creator, student: student, video: video)
      }
      let video = try await tx.insert(Video {
        $0.creatorID = creator.id; $0.title = "Swift on the server, part 1"; $0.sourceType = .youtube
        $0.youtubeVideoID = "dQw4w9WgXcQ"; $0.durationSeconds = 3600; $0.status = .completed
      })
      try await tx.trackVideoEvent(
        eventType: .videoImported, videoID: video.id, creatorID: creator.id,
        metadata: .videoImported(VideoImportedMetadata(sourceType: .youtube, durationSeconds: 3600)))
      return DemoRows(creator: creator, student: student, video: video)
    }
  }
}
