import Foundation
import PostgresNIO

/// End users' writes of their ideas, scenes and proposals, and moderators' status changes.
/// Named writes because `reelbase_app` is granted only some columns of these tables (to keep
/// authors off the status and counters, and moderators off the content): each of these
/// names the columns its writer is granted (``insert(_:only:)``, ``update(_:only:)``). Row-level security decides
/// whose rows (42501 for a row that is not the caller's to write).
extension ReelbaseQueryable {
  /// Submits an idea as the current user (`userID` must be theirs); it is pending until a
  /// moderator approves it. Writes id, user, topic, category, title, prompt and tags.
  public func submitIdea(_ idea: Idea) async throws -> Idea {
    try await insert(idea, only: ["id", "user_id", "topic_id", "category_id", "title", "prompt", "tags"])
  }

  /// Changes the author's idea: topic, category, title, prompt and tags. Nil when there is no
  /// such idea the caller may change.
  @discardableResult
  public func editIdea(_ idea: Idea) async throws -> Idea? {
    try await update(idea, only: ["topic_id", "category_id", "title", "prompt", "tags"])
  }

  /// A moderator sets an idea's `status` and `moderationStatus` (approve, reject, hide,
  /// remove); anyone else gets 42501.
  @discardableResult
  public func moderateIdea(_ idea: Idea) async throws -> Idea? {
    try await update(idea, only: ["status", "moderation_status"])
  }

  /// Starts a scene as the current user (`userID` must be theirs) from an idea they can see.
  /// Writes id, idea, user, topic, title, description and thumbnail.
  public func startScene(_ scene: Scene) async throws -> Scene {
    try await insert(scene, only: ["id", "idea_id", "user_id", "topic_id", "title", "description", "thumbnail_url"])
  }

  /// Changes the author's scene: title, description and thumbnail.
  @discardableResult
  public func editScene(_ scene: Scene) async throws -> Scene? {
    try await update(scene, only: ["title", "description", "thumbnail_url"])
  }

  /// A moderator sets a scene's `status` (hide, remove, lock); anyone else gets 42501.
  @discardableResult
  public func moderateScene(_ scene: Scene) async throws -> Scene? {
    try await update(scene, only: ["status"])
  }

  /// A moderator sets a segment's `status` (hide, remove); anyone else gets 42501.
  @discardableResult
  public func moderateSegment(_ segment: Segment) async throws -> Segment? {
    try await update(segment, only: ["status"])
  }

  /// Proposes a topic as the current user (`userID` must be theirs), pending review. Writes
  /// id, user, name and description.
  public func proposeTopic(_ topic: UserTopic) async throws -> UserTopic {
    try await insert(topic, only: ["id", "user_id", "name", "description"])
  }
}
