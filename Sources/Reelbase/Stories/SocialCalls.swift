import Foundation
import PostgresNIO

/// Likes, views, flags and topic review. End users call them inside
/// ``ReelbaseClient/withIdentity(_:on:level:_:)``; the counters follow by the server's
/// triggers. A target the caller may not see counts as missing (23503).
extension ReelbaseQueryable {
  /// `stories.like`: the current user likes an idea or a scene; true when the like is new,
  /// false when it was there already.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/permissionDenied`` (42501) without an
  ///   active user; ``ReelbaseError/Code/invalidInput`` (22023) for another target type;
  ///   ``ReelbaseError/Code/notFound`` (23503) for a target that does not exist or is hidden.
  @discardableResult
  public func like(targetType: StoryTargetType, targetID: UUID) async throws -> Bool {
    // Qualified and by argument name: an unqualified like('scene', ...) is pg_catalog.like.
    try await required("stories.like", ["target_type": targetType, "target_id": targetID])
  }

  /// `stories.unlike`: the current user takes back a like; true when there was one.
  /// - Throws: ``ReelbaseError``, as ``like(targetType:targetID:)``.
  @discardableResult
  public func unlike(targetType: StoryTargetType, targetID: UUID) async throws -> Bool {
    try await required("stories.unlike", ["target_type": targetType, "target_id": targetID])
  }

  /// `stories.record_view`: a view of a scene the caller may see, returning its id. With an
  /// identity it is that user's; without one it is anonymous and needs `ip`, of which only a
  /// keyed hash is stored (``SceneView/ipHash``).
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/notFound`` (23503) for a scene that does
  ///   not exist or is hidden; ``ReelbaseError/Code/invalidInput`` for an anonymous view without
  ///   `ip` (22023) or an `ip` that is not an address (22P02).
  @discardableResult
  public func recordView(sceneID: UUID, ip: String? = nil) async throws -> UUID {
    try await required("stories.record_view", ["scene_id": sceneID, "ip": ip])
  }

  /// `stories.flag_content`: the current user reports something they can see; returns the
  /// flag's id.
  /// - Parameter reason: 1 to 50 bytes (22023 otherwise).
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/permissionDenied`` (42501) without an
  ///   active user; ``ReelbaseError/Code/notFound`` (23503) for a target that does not exist or
  ///   is hidden.
  @discardableResult
  public func flagContent(targetType: StoryTargetType, targetID: UUID, reason: String, description: String? = nil)
    async throws -> UUID
  {
    try await required(
      "stories.flag_content",
      ["target_type": targetType, "target_id": targetID, "reason": reason, "description": description])
  }

  /// `stories.resolve_flag`: a moderator closes a pending flag, recording who and when; `hide`
  /// or `remove` sets the flagged idea, scene or segment `hidden` or `removed`. Returns the
  /// resolution.
  /// - Parameter resolution: ``FlagStatus/resolved`` or ``FlagStatus/dismissed`` (a dismissal
  ///   takes no action).
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/permissionDenied`` (42501) for a
  ///   non-moderator; ``ReelbaseError/Code/invalidState`` (55000) for a closed flag;
  ///   ``ReelbaseError/Code/invalidInput`` (22023) for an action on a user or topic (the back
  ///   office's) or an invalid resolution or action.
  @discardableResult
  public func resolveFlag(flagID: UUID, resolution: FlagStatus, action: FlagAction? = nil, notes: String? = nil)
    async throws -> FlagStatus
  {
    try await required(
      "stories.resolve_flag", ["flag_id": flagID, "resolution": resolution, "action": action, "notes": notes])
  }

  /// `stories.review_user_topic`: a moderator approves or rejects a pending proposal; an admin
  /// promotes it to a curated topic (its slug made from the name, unique).
  /// - Parameter rejectionReason: Only with ``TopicDecision/reject`` (22023 otherwise).
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/permissionDenied`` (42501) for a user who
  ///   may not decide so; ``ReelbaseError/Code/invalidState`` (55000) for a proposal already
  ///   decided.
  @discardableResult
  public func reviewUserTopic(userTopicID: UUID, decision: TopicDecision, rejectionReason: String? = nil)
    async throws -> UserTopicReview
  {
    try await oneCall(
      "stories.review_user_topic",
      ["user_topic_id": userTopicID, "decision": decision, "rejection_reason": rejectionReason])
  }
}

/// A proposal after ``ReelbaseQueryable/reviewUserTopic(userTopicID:decision:rejectionReason:)``.
public struct UserTopicReview: ReelbaseRow, Hashable {
  public var status: ModerationStatus
  /// The curated topic it became, once promoted.
  public var promotedToTopicID: UUID?
}
