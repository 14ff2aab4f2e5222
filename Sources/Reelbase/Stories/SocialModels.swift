import Foundation

/// A report of an idea, scene, segment, user or topic (`stories.moderation_flags`), made with
/// ``ReelbaseQueryable/flagContent(targetType:targetID:reason:description:)`` and closed by a
/// moderator with ``ReelbaseQueryable/resolveFlag(flagID:resolution:action:notes:)``. A
/// reporter sees their own, moderators all.
public struct ModerationFlag: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "stories.moderation_flags"
  public var id = UUID()
  public var targetType = StoryTargetType.scene
  public var targetID = UUID()
  /// Nil for automatic detection.
  public var reporterID: UUID?
  /// Why (`inappropriate`, `spam`, ...: free text, at most 50 bytes).
  public var reason = ""
  public var description: String?
  public var status = FlagStatus.pending
  /// The moderator who closed it.
  public var reviewedBy: UUID?
  public var reviewedAt: Date?
  public var actionTaken: FlagAction?
  public var notes: String?
  public var createdAt = Date()
  public init() {}
}

/// One view of a scene (`stories.scene_views`), recorded by
/// ``ReelbaseQueryable/recordView(sceneID:ip:)``. A viewer sees their own, moderators all.
public struct SceneView: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "stories.scene_views"
  public var id = UUID()
  public var sceneID = UUID()
  /// Nil for an anonymous view.
  public var userID: UUID?
  /// An anonymous view's HMAC-SHA-256 of the viewer's address under the server's secret key
  /// (64 hex digits): the same address hashes alike, the address is never stored.
  public var ipHash: String?
  public var createdAt = Date()
  public init() {}
}

/// A user's like of an idea or a scene (`stories.likes`, one per user and target), made with
/// ``ReelbaseQueryable/like(targetType:targetID:)``. A user sees their own; the counts are
/// on the targets.
public struct Like: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "stories.likes"
  public var id = UUID()
  public var userID = UUID()
  public var targetType = StoryTargetType.scene
  public var targetID = UUID()
  public var createdAt = Date()
  public init() {}
}
