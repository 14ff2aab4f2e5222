import Foundation
import PostgresNIO
import ReelbaseCore

/// The publishing functions. They run as the caller: an owner acts on the videos of its
/// personas, a worker (``PublishingWorker``) on every video, inside
/// ``ReelbaseClient/withIdentity(_:on:level:_:)``; a video the caller cannot see is missing.
/// Every write is audited in ``TaskAuditEntry`` in the same transaction.
extension ReelbaseQueryable {
  /// `publishing.update_video`: sets the named columns if the video is still at
  /// `expectedVersion`, advancing it by one, so of writers holding the same version exactly
  /// one wins. A stale version rolls the transaction back: re-read the video and retry in a
  /// new one (``ReelbaseClient/updateVideoRetrying(id:actingFor:actor:attempts:_:)`` does).
  /// - Parameter actor: The audit trail's actor; the identity by default.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/conflict`` (40001) when the video moved
  ///   on (``ReelbaseError/currentVideoVersion`` says to what) or its audit trail did;
  ///   ``ReelbaseError/Code/notFound`` (P0002) for a video that does not exist or is hidden;
  ///   ``ReelbaseError/Code/invalidState`` (55000) for a status move outside the flow;
  ///   ``ReelbaseError/Code/invalidInput`` (22023) for no changes or a value out of range.
  @discardableResult
  public func updateVideo(id: UUID, expectedVersion: Int, changes: [VideoChange], actor: String? = nil)
    async throws -> PublishingVideo
  {
    try await versioned("publishing.update_video", id, expectedVersion, ("changes", VideoChange.object(changes)), actor)
  }

  /// `publishing.transition_video`: update_video of the status alone, with its refusals.
  @discardableResult
  public func transitionVideo(
    id: UUID, expectedVersion: Int, newStatus: PublishingVideoStatus, actor: String? = nil
  ) async throws -> PublishingVideo {
    try await versioned("publishing.transition_video", id, expectedVersion, ("new_status", newStatus), actor)
  }

  /// The two writes under optimistic concurrency share their arguments but the change.
  private func versioned(
    _ function: String, _ id: UUID, _ expectedVersion: Int,
    _ change: (String, any PostgresThrowingDynamicTypeEncodable), _ actor: String?
  ) async throws -> PublishingVideo {
    try await oneCall(
      function, ["id": id, "expected_version": try integerArgument(expectedVersion), change.0: change.1, "actor": actor])
  }

  /// `publishing.verify_audit`: recomputes the hash chain of one video, or of every video the
  /// caller can see (nil), and reports the first broken link. A change that bypassed the
  /// append-only triggers (only the owner can disable them) shows here.
  /// - Parameter readFrom: A replica may not have the latest rows yet.
  /// - Throws: ``ReelbaseError``.
  public func verifyAudit(videoID: UUID? = nil, readFrom: ReadPreference = .replica) async throws
    -> AuditVerification
  {
    let function = "publishing.verify_audit"
    guard let result = try await call(function, ["video_id": videoID], .read(readFrom), as: AuditVerification.self).first
    else { throw ReelbaseError(.unexpectedResponse, "\(function) returned no row") }
    return result
  }

  /// `publishing.replay_video`: the video as its audit trail says it was at `upTo` (now by
  /// default), rebuilt from its insert and later updates; nil before it existed, after its
  /// delete, or when its trail is hidden from the caller.
  /// - Throws: ``ReelbaseError``.
  public func replayVideo(id: UUID, upTo: Date? = nil, readFrom: ReadPreference = .replica) async throws
    -> PublishingVideo?
  {
    // The function returns one composite, and a NULL one comes out of SELECT * as a row of
    // NULLs: that row is the nil.
    let function = "publishing.replay_video"
    let (call, binds) = try (["id": id, "up_to": upTo] as SQLArguments).call(function)
    let query = PostgresQuery(unsafeSQL: "SELECT * FROM \(call) WHERE id IS NOT NULL", binds: binds)
    return try await rows(query, .read(readFrom)).first.map { try PublishingVideo(row: $0, context: function) }
  }

  /// `publishing.record_receipt`: idempotent on (`channel`, `externalID`): a repeat returns
  /// the stored receipt, moving its status (and details, when given) only forward; a status
  /// that is not ahead of the stored one leaves it as it is.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidState`` (55000) for a video that
  ///   is not published, or not visible; ``ReelbaseError/Code/duplicate`` (23505) when the pair
  ///   belongs to another video; ``ReelbaseError/Code/invalidInput`` (22023) for an empty
  ///   channel or external id.
  @discardableResult
  public func recordReceipt(
    videoID: UUID, channel: String, externalID: String, status: ReceiptStatus = .pending, details: JSONValue? = nil
  ) async throws -> PublishReceipt {
    try await oneCall(
      "publishing.record_receipt",
      ["video_id": videoID, "channel": channel, "external_id": externalID, "status": status, "details": details])
  }

  /// `publishing.attach_asset`.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/duplicate`` (23505) when another asset
  ///   of the video has the checksum (the detail names it); ``ReelbaseError/Code/invalidInput``
  ///   (23514) for a URL or checksum of the wrong form; ``ReelbaseError/Code/notFound`` (23503)
  ///   for a video that does not exist.
  @discardableResult
  public func attachAsset(videoID: UUID, type: AssetType, url: String, checksum: String) async throws
    -> PublishingAsset
  {
    try await oneCall(
      "publishing.attach_asset", ["video_id": videoID, "type": type, "url": url, "checksum": checksum])
  }

  /// `publishing.tag_video`: idempotent. Names are trimmed and matched regardless of case (a
  /// missing tag is created with this spelling); returns every tag of the video, by name.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` (22023) for a name that
  ///   is empty after trimming or over 64 characters.
  @discardableResult
  public func tagVideo(videoID: UUID, tags: [String]) async throws -> [PublishingTag] {
    try await call("publishing.tag_video", ["video_id": videoID, "tags": tags])
  }

  /// `publishing.is_worker()`: whether the current identity is listed in ``PublishingWorker``,
  /// which `reelbase_app` cannot read.
  /// - Throws: ``ReelbaseError``.
  public func isPublishingWorker(readFrom: ReadPreference = .replica) async throws -> Bool {
    try await required("publishing.is_worker", [:], .read(readFrom))
  }
}

extension ReelbaseError {
  /// The video's state_version named by a stale ``ReelbaseQueryable/updateVideo(id:expectedVersion:changes:actor:)``
  /// (40001, detail `current state_version: N`); nil for any other error, including a 40001 of
  /// the audit trail.
  public var currentVideoVersion: Int? {
    guard sqlState == "40001", let detail, detail.hasPrefix("current state_version: ") else { return nil }
    return Int(detail.dropFirst("current state_version: ".count))
  }
}
