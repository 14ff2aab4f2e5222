import Foundation

/// A curated topic (`stories.topics`) that ideas and scenes belong to. Every user reads the
/// active ones; admins (stories role `admin`, or `reelbase_admin`) create, change and delete
/// them with ``ReelbaseQueryable/insert(_:only:)`` and ``ReelbaseQueryable/update(_:only:)``.
public struct Topic: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "stories.topics"
  /// `scene_count` is kept by the database; no role writes it.
  public static var serverColumns: Set<String> { ["created_at", "updated_at", "scene_count"] }
  public var id = UUID()
  public var name = ""
  /// Unique.
  public var slug = ""
  public var description: String?
  public var iconURL: String?
  public var isCurated = true
  public var isActive = true
  public var displayOrder = 0
  /// Scenes of the topic, any status.
  public var sceneCount = 0
  public var createdAt = Date()
  public var updatedAt = Date()
  public init() {}
}

/// A topic proposed by a user (`stories.user_topics`), pending until a moderator reviews it
/// with ``ReelbaseQueryable/reviewUserTopic(userTopicID:decision:rejectionReason:)``. A user
/// proposes with ``ReelbaseQueryable/proposeTopic(_:)``; users see their own and approved ones.
public struct UserTopic: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "stories.user_topics"
  public var id = UUID()
  /// Who proposed it.
  public var userID = UUID()
  public var name = ""
  public var description: String?
  public var status = ModerationStatus.pending
  public var reviewedBy: UUID?
  public var reviewedAt: Date?
  public var rejectionReason: String?
  /// The curated topic it became, once promoted.
  public var promotedToTopicID: UUID?
  public var createdAt = Date()
  public init() {}
}

/// A category within a topic (`stories.categories`; the slug is unique per topic), curated
/// like ``Topic``.
public struct Category: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "stories.categories"
  public var id = UUID()
  public var topicID = UUID()
  public var name = ""
  public var slug = ""
  public var description: String?
  public var displayOrder = 0
  public var isActive = true
  public var createdAt = Date()
  public init() {}
}
