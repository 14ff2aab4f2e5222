import ReelbaseCore

/// Where a video is on its way out (`publishing.videos.status`). The server holds the flow for
/// every writer: draft -> pending_review -> published | rejected, rejected -> draft to resubmit;
/// any other move is ``ReelbaseError/Code/invalidState`` (55000).
public typealias PublishingVideoStatus = TextValue<PublishingVideoStatusKind>
/// The kind of ``PublishingVideoStatus``.
public enum PublishingVideoStatusKind: TextValueKind {}
extension TextValue where Kind == PublishingVideoStatusKind {
  /// Where every video starts; `reelbase_app` cannot insert another status.
  public static var draft: Self { "draft" }
  public static var pendingReview: Self { "pending_review" }
  /// The only status that gets publish receipts.
  public static var published: Self { "published" }
  public static var rejected: Self { "rejected" }
}

/// What an asset's binary is (`publishing.assets.type`).
public typealias AssetType = TextValue<AssetTypeKind>
/// The kind of ``AssetType``.
public enum AssetTypeKind: TextValueKind {}
extension TextValue where Kind == AssetTypeKind {
  public static var image: Self { "image" }
  public static var audio: Self { "audio" }
  public static var raw: Self { "raw" }
}

/// Where a publish receipt is on its channel (`publishing.publish_receipts.status`): the core's
/// enum, whose `canMove(to:)` is the rule `record_receipt` and the receipts trigger apply, so
/// client and extension cannot disagree. It only moves forward: pending -> submitted ->
/// published -> withdrawn, failed from pending or submitted. Closed, like ``VideoEventType``: a
/// status this client does not know does not decode (``ReelbaseError/Code/unexpectedResponse``).
public typealias ReceiptStatus = ReelbaseCore.ReceiptStatus

extension ReceiptStatus: Codable, TextColumn {}
