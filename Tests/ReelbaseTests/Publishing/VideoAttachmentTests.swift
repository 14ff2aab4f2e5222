import Foundation
import Reelbase
import Testing

/// What hangs off a video, through the typed calls as its owner: assets (a checksum once per
/// video), tags (idempotent, one per name regardless of case) and publish receipts (only for
/// a published video, idempotent on the channel's id, moving only forward); each audited.
@Suite struct VideoAttachmentTests {
  let env: TestEnvironment
  init() throws { env = try TestEnvironment.load() }

  @Test func attachAssetRefusesADuplicateChecksumAndMalformedValues() async throws {
    let f = try await PublishingFixture.make(env)
    let sum = PublishingFixture.checksum()
    let asset = try await f.asOwner(env) { tx in
      try await tx.attachAsset(videoID: f.video.id, type: .image, url: "s3://frames/harbour/1.png", checksum: sum)
    }
    #expect(asset.videoID == f.video.id && asset.type == .image && asset.url == "s3://frames/harbour/1.png")
    #expect(asset.checksum == sum && asset.createdAt != nil)
    let duplicate = await expectReelbaseError(.duplicate, sqlState: "23505") {
      _ = try await f.asOwner(env) { tx in
        try await tx.attachAsset(videoID: f.video.id, type: .raw, url: "https://cdn.example.com/h.bin", checksum: sum)
      }
    }
    #expect(duplicate?.detail?.contains(asset.id.uuidString.lowercased()) == true, "\(String(describing: duplicate))")
    for (url, checksum) in [("ftp://frames/1.png", PublishingFixture.checksum()), ("frames/1.png", PublishingFixture.checksum()),
                            ("gs://frames/1.png", sum.uppercased()), ("gs://frames/1.png", "md5:0cc175b9c0f1b6a8")] {
      await expectReelbaseError(.invalidInput, sqlState: "23514") {
        _ = try await f.asOwner(env) { tx in
          try await tx.attachAsset(videoID: f.video.id, type: .audio, url: url, checksum: checksum)
        }
      }
    }
    // A video that does not exist: missing for an administrator; for an owner a row of a video
    // it cannot see, which row-level security refuses first.
    _ = try await env.withClient { admin in
      await expectReelbaseError(.notFound, sqlState: "23503") {
        try await admin.attachAsset(videoID: UUID(), type: .image, url: "s3://frames/x.png", checksum: sum)
      }
    }
    await expectReelbaseError(.permissionDenied, sqlState: "42501") {
      _ = try await f.asOwner(env) { tx in
        try await tx.attachAsset(videoID: UUID(), type: .image, url: "s3://frames/x.png", checksum: sum)
      }
    }
    // The checksum is unique per video only.
    let other = try await f.anotherVideo(env, title: "Harbour, B-roll")
    let again = try await f.asOwner(env) { tx in
      try await tx.attachAsset(videoID: other.id, type: .image, url: "s3://frames/harbour/1.png", checksum: sum)
    }
    #expect(again.id != asset.id)
    let (assets, trail) = try await f.asOwner(env) { tx in
      (try await tx.fetch(PublishingAsset.self, where: "video_id = \(f.video.id)"), try await tx.trail(of: f.video.id))
    }
    #expect(assets == [asset])
    #expect(trail.map(\.action) == ["videos.insert", "assets.insert"])
    #expect(trail.last?.stateAfter?["checksum"]?.stringValue == sum && trail.last?.stateVersion == 1)
  }

  @Test func tagVideoIsIdempotentAndMatchesNamesRegardlessOfCase() async throws {
    let f = try await PublishingFixture.make(env)
    let harbour = "Harbour-\(f.tag)", dawn = "dawn-\(f.tag)"
    let first = try await f.asOwner(env) { tx in
      try await tx.tagVideo(videoID: f.video.id, tags: [harbour, "  \(harbour.uppercased())  ", dawn])
    }
    // One tag per name, the first spelling, ordered by name regardless of case.
    #expect(first.map(\.name) == [dawn, harbour])
    let (again, links, trail) = try await f.asOwner(env) { tx in
      (try await tx.tagVideo(videoID: f.video.id, tags: [harbour.lowercased(), "DAWN-\(f.tag)"]),
       try await tx.fetch(PublishingVideoTag.self, where: "video_id = \(f.video.id)"),
       try await tx.trail(of: f.video.id))
    }
    #expect(again == first)
    #expect(Set(links.map(\.tagID)) == Set(first.map(\.id)))
    #expect(trail.filter { $0.action == "video_tags.insert" }.count == 2)
    // No names: the video's tags as they are.
    #expect(try await f.asOwner(env) { tx in try await tx.tagVideo(videoID: f.video.id, tags: []) } == first)
    // Tags are shared names: another owner's video gets the same tag.
    let g = try await PublishingFixture.make(env)
    let shared = try await g.asOwner(env) { tx in try await tx.tagVideo(videoID: g.video.id, tags: [" harbour-\(f.tag)"]) }
    #expect(shared == first.filter { $0.name == harbour })
    let fine = "fine-\(f.tag)"
    for bad in ["   ", String(repeating: "x", count: 65)] {
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await f.asOwner(env) { tx in try await tx.tagVideo(videoID: f.video.id, tags: [fine, bad]) }
      }
    }
    #expect(try await f.asOwner(env) { tx in try await tx.fetch(PublishingTag.self, where: "name = \(fine)") }.isEmpty)
    // A plain insert of another spelling meets the case-insensitive key.
    await expectReelbaseError(.duplicate, sqlState: "23505") {
      _ = try await f.asOwner(env) { tx in try await tx.insert(PublishingTag { $0.name = harbour.uppercased() }) }
    }
  }

  @Test func recordReceiptNeedsAPublishedVideoAndIsIdempotent() async throws {
    let f = try await PublishingFixture.make(env)
    let external = "yt-\(f.tag)"
    await expectReelbaseError(.invalidState, sqlState: "55000") {
      _ = try await f.asOwner(env) { tx in
        try await tx.recordReceipt(videoID: f.video.id, channel: "youtube", externalID: external)
      }
    }
    let (first, repeated, submitted, notBack, published) = try await f.asOwner(env) { tx in
      _ = try await PublishingFixture.publish(tx, f.video)
      return (
        try await tx.recordReceipt(videoID: f.video.id, channel: "youtube", externalID: external),
        try await tx.recordReceipt(videoID: f.video.id, channel: "youtube", externalID: external),
        try await tx.recordReceipt(
          videoID: f.video.id, channel: "youtube", externalID: external, status: .submitted, details: ["queue": 3]),
        try await tx.recordReceipt(videoID: f.video.id, channel: "youtube", externalID: external, status: .pending),
        try await tx.recordReceipt(
          videoID: f.video.id, channel: "youtube", externalID: external, status: .published,
          details: ["url": .string("https://youtu.be/\(f.tag)")]))
    }
    #expect(first.status == .pending && first.videoID == f.video.id && first.details == nil)
    #expect(repeated == first)
    #expect(submitted.id == first.id && submitted.status == .submitted && submitted.details == ["queue": 3])
    #expect(notBack == submitted)
    #expect(published.id == first.id && published.status == .published)
    #expect(published.details?["url"]?.stringValue == "https://youtu.be/\(f.tag)")
    // Withdrawn is the end: a later failure leaves it.
    let (withdrawn, failed) = try await f.asOwner(env) { tx in
      (try await tx.recordReceipt(videoID: f.video.id, channel: "youtube", externalID: external, status: .withdrawn),
       try await tx.recordReceipt(videoID: f.video.id, channel: "youtube", externalID: external, status: .failed))
    }
    #expect(withdrawn.status == .withdrawn && failed == withdrawn)
    for (channel, id) in [("", external), ("youtube", "")] {
      await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await f.asOwner(env) { tx in try await tx.recordReceipt(videoID: f.video.id, channel: channel, externalID: id) }
      }
    }
    // The channel's id is the receipt of this video only.
    let other = try await f.anotherVideo(env, title: "Harbour, cut 2")
    await expectReelbaseError(.duplicate, sqlState: "23505") {
      _ = try await f.asOwner(env) { tx in
        _ = try await PublishingFixture.publish(tx, other)
        return try await tx.recordReceipt(videoID: other.id, channel: "youtube", externalID: external)
      }
    }
    let (receipts, trail) = try await f.asOwner(env) { tx in
      (try await tx.fetch(PublishReceipt.self, where: "video_id = \(f.video.id)"), try await tx.trail(of: f.video.id))
    }
    #expect(receipts == [withdrawn])
    #expect(trail.compactMap(\.action).filter { $0.hasPrefix("publish_receipts.") }
      == ["publish_receipts.insert"] + Array(repeating: "publish_receipts.update", count: 3))
    #expect(try await f.asOwner(env) { tx in try await tx.verifyAudit(videoID: f.video.id) }.ok)
  }
}
