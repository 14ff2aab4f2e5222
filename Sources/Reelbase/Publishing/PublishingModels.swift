import Foundation

/// A pipeline service's identity (`publishing.workers`): a `reelbase.set_user_id` id listed
/// here reads every persona and reads, creates and updates every video, not only those of its
/// own personas. Administrators write it; `reelbase_app` cannot read it
/// (``ReelbaseQueryable/isPublishingWorker(readFrom:)`` answers for the caller only).
public struct PublishingWorker: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "publishing.workers"
  /// No default: the identity the service acts as.
  public var id = UUID()
  public var name = ""
  public var createdAt = Date()
  public init() {}
}

/// A presenter persona (`publishing.personas`), and the unit of ownership: an end user sees and
/// changes the personas it owns and their videos. `ownerID` is a server column because
/// `reelbase_app` may not write it: the persona belongs to the identity that inserts it, so an
/// administrator creates one for an owner inside ``ReelbaseClient/withIdentity(_:on:level:_:)``.
public struct Persona: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "publishing.personas"
  public static var serverColumns: Set<String> { ["owner_id"] }
  public var id = UUID()
  public var name: String?
  /// Shape not defined by the seed.
  public var voiceProfile: JSONValue?
  /// Shape not defined by the seed.
  public var styleProfile: JSONValue?
  public var ownerID = UUID()
  public init() {}
}

/// A video on its way from draft to published (`publishing.videos`). Every change after the
/// insert goes through ``ReelbaseQueryable/updateVideo(id:expectedVersion:changes:actor:)``
/// (or ``ReelbaseQueryable/transitionVideo(id:expectedVersion:newStatus:actor:)``): a trigger
/// refuses an UPDATE that does not advance `stateVersion` by one, so the generic
/// ``ReelbaseQueryable/update(_:only:)`` fails with 55000. `status` and `stateVersion` are
/// server columns because a new video starts as a draft at version 1 (`reelbase_app` may not
/// insert either). Owners insert videos of their personas, workers of any persona or none.
public struct PublishingVideo: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "publishing.videos"
  public static var serverColumns: Set<String> { ["created_at", "updated_at", "status", "state_version"] }
  public var id = UUID()
  /// Nil only for a worker's video; an owner sees a video through its persona.
  public var personaID: UUID?
  public var title: String?
  public var description: String?
  public var videoURL: String?
  public var thumbnailURL: String?
  /// Not negative.
  public var durationSeconds: Int?
  public var status = PublishingVideoStatus.draft
  public var confidence: Double?
  /// What the next update must expect; starts at 1.
  public var stateVersion = 1
  public var createdAt: Date?
  /// Stamped by the server on every update (the transaction's time).
  public var updatedAt: Date?
  public init() {}
}

/// A binary of a video in object storage (`publishing.assets`), added with
/// ``ReelbaseQueryable/attachAsset(videoID:type:url:checksum:)``. Visible and writable with its
/// video. The table's CHECKs hold for every writer: an absolute http(s), s3 or gs URL and a
/// `sha256:` checksum of 64 lower-case hex digits, unique per video.
public struct PublishingAsset: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "publishing.assets"
  public var id = UUID()
  public var videoID: UUID?
  public var type: AssetType?
  public var url: String?
  public var checksum: String?
  public var createdAt: Date?
  public init() {}
}

/// A tag name (`publishing.tags`), shared by every identity and unique regardless of case:
/// the first spelling written is kept. Written through
/// ``ReelbaseQueryable/tagVideo(videoID:tags:)``, which trims and matches the names; a plain
/// insert of a name that differs only in case is ``ReelbaseError/Code/duplicate``.
public struct PublishingTag: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "publishing.tags"
  public var id = UUID()
  /// Trimmed, 1 to 64 characters.
  public var name = ""
  public init() {}
}

/// That a video carries a tag (`publishing.video_tags`); visible and writable with the video.
public struct PublishingVideoTag: ReelbaseTable, Hashable {
  public static let tableName = "publishing.video_tags"
  public static var primaryKey: [String] { ["video_id", "tag_id"] }
  public var videoID = UUID()
  public var tagID = UUID()
  public init() {}
}

/// What a channel answered when a published video was sent to it
/// (`publishing.publish_receipts`), one per channel and `externalID`. Written through
/// ``ReelbaseQueryable/recordReceipt(videoID:channel:externalID:status:details:)``; for every
/// writer the status only moves forward and the video, channel and external id stay (55000,
/// 22023 otherwise), and a new receipt needs its video published (55000).
public struct PublishReceipt: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "publishing.publish_receipts"
  public var id = UUID()
  public var videoID: UUID?
  public var channel = ""
  /// The channel's id of the upload.
  public var externalID = ""
  public var status = ReceiptStatus.pending
  /// The channel's answer as it gave it (shape not defined by the seed).
  public var details: JSONValue?
  public var createdAt: Date?
  public init() {}
}
