import Foundation
import PostgresNIO

/// End users' writes of their ideas, scenes and proposals, and moderators' status changes.
/// Named writes because `reelbase_app` is granted only some columns of these tables (to keep
/// authors off the status and counters, and moderators off the content), and
/// ``insert(_:)`` and ``update(_:)`` write them all: each of these writes only the columns
/// its writer is granted, from a model read or made as usual. Row-level security decides
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

  /// INSERT of `columns` of `row` (nil optionals left to their defaults), RETURNING the model.
  func insert<M: ReelbaseTable>(_ row: M, only columns: Set<String>) async throws -> M {
    let values = try RowEncoder.columns(of: row, context: M.tableName)
      .filter { $0.value != nil && columns.contains($0.column) }
    var binds = PostgresBindings()
    for value in values { try binds.append(column: value.value) }
    let placeholders = values.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
    let sql = """
      INSERT INTO \(M.tableName) (\(values.map(\.column).joined(separator: ", "))) VALUES (\(placeholders))
      RETURNING \(M.selectList)
      """
    return try await oneRow(PostgresQuery(unsafeSQL: sql, binds: binds), M.self, "INSERT INTO")
  }

  /// UPDATE of `columns` of `row` by its key (a nil optional writes NULL), RETURNING the model.
  func update<M: ReelbaseTable>(_ row: M, only columns: Set<String>) async throws -> M? {
    let all = try RowEncoder.columns(of: row, context: M.tableName)
    let keys = all.filter { M.primaryKey.contains($0.column) }
    let values = all.filter { columns.contains($0.column) }
    var binds = PostgresBindings()
    for value in keys + values { try binds.append(column: value.value) }
    let set = values.enumerated().map { "\($1.column) = $\(keys.count + $0 + 1)" }.joined(separator: ", ")
    let key = keys.enumerated().map { "\($1.column) = $\($0 + 1)" }.joined(separator: " AND ")
    let sql = "UPDATE \(M.tableName) SET \(set) WHERE \(key) RETURNING \(M.selectList)"
    return try await rows(PostgresQuery(unsafeSQL: sql, binds: binds), .write)
      .first.map { try M(row: $0, context: M.tableName) }
  }
}
