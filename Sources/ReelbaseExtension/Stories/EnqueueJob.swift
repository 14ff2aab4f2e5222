import CPostgres
import ReelbaseCore

/// `stories.enqueue_job(scene_id, input_text, idempotency_key, type)`: a continuation job for
/// the current user. SECURITY DEFINER (end users may not write jobs themselves), so it checks
/// what the policies would: an active user, a scene that is public or the user's own.
///
/// The same idempotency key again returns the same job, also for callers racing with one key:
/// they take a transaction-level advisory lock on the key first, so the second waits for the
/// first to commit and then (READ COMMITTED: a new snapshot per statement) finds its job.
enum EnqueueJob {
  private static let uuid = RbOid(RB_UUIDOID)
  private static let text = RbOid(RB_TEXTOID)

  static let scene = PreparedStatement(
    """
    SELECT s.bible_version, s.status FROM stories.scenes s
    WHERE s.id = $1 AND (s.user_id = $2 OR stories.scene_is_public(s.id))
    """, [uuid, uuid])
  static let lockKey = PreparedStatement(
    "SELECT pg_advisory_xact_lock(hashtextextended('stories.jobs:' || $1, 0))", [text])
  static let findKey = PreparedStatement(
    """
    SELECT j.id, j.created_at, j.status, j.user_id
    FROM stories.job_idempotency_keys k
    JOIN stories.jobs j ON j.id = k.job_id AND j.created_at = k.created_at
    WHERE k.idempotency_key = $1
    """, [text])
  static let insert = PreparedStatement(
    """
    INSERT INTO stories.jobs (scene_id, user_id, type, input_text, bible_version, idempotency_key)
    VALUES ($1, $2, $3, $4, $5, $6)
    RETURNING id, created_at, status
    """, [uuid, uuid, text, text, RbOid(RB_INT4OID), text])

  static func call(_ call: FunctionCall) throws -> RbDatum? {
    let sceneID: UUIDValue = try call.required(0, "scene_id")
    let input: String = try call.required(1, "input_text")
    let key: String? = try call.optional(2)
    let type: String = try call.optional(3) ?? "continuation"
    if let key, key.isEmpty || key.utf8.count > 100 {
      throw PGError.invalidParameter("idempotency_key must be 1 to 100 bytes, got \(key.utf8.count)")
    }
    let sink = try TupleSink(call)
    try SPI.connect {
      let user = try StoriesIdentity.activeUser(for: "enqueue_job")
      let s = try SPI.execute(scene, [try sceneID.makeDatum(), try user.makeDatum()], readOnly: false)
      guard s.rowCount == 1, let bibleVersion: Int32 = try s.row(0).value("bible_version") else {
        throw PGError.missingReference("no scene \(sceneID)", detail: "Or it is not visible to the current user.")
      }
      if let status: String = try s.row(0).value("status"), status != "active" {
        throw PGError(sqlstate: "55000", message: "scene \(sceneID) is \(status); it takes no new jobs")
      }
      if let key {
        _ = try SPI.execute(lockKey, [try key.makeDatum()], readOnly: false)
        if let row = try SPI.execute(findKey, [try key.makeDatum()], readOnly: false).rows.first {
          guard try row.value("user_id", as: UUIDValue.self) == user else {
            throw PGError(sqlstate: "23505", message: "idempotency key \"\(key)\" is already used by another user's job")
          }
          try sink.append([try row.datum("id"), try row.datum("created_at"), try row.datum("status"), try false.makeDatum()])
          return
        }
      }
      let r = try SPI.execute(insert, [try sceneID.makeDatum(), try user.makeDatum(), try type.makeDatum(),
                                       try input.makeDatum(), try bibleVersion.makeDatum(), try key?.makeDatum()],
                              readOnly: false).row(0)
      try sink.append([try r.datum("id"), try r.datum("created_at"), try r.datum("status"), try true.makeDatum()])
    }
    return nil
  }
}

/// Who is acting in stories (stories.current_user_id(): an active user's id, else NULL).
enum StoriesIdentity {
  static let current = PreparedStatement("SELECT stories.current_user_id() AS id, stories.is_moderator() AS moderator", [])

  /// The current identity when it is an active stories user.
  /// - Throws: 42501 otherwise.
  static func activeUser(for function: String) throws -> UUIDValue {
    guard let id = try optionalUser() else {
      throw PGError(sqlstate: "42501", message: "stories.\(function) acts for the current user, and there is no active one",
                    hint: "Call reelbase.set_user_id() with the id of an active stories.users row first.")
    }
    return id
  }

  static func optionalUser() throws -> UUIDValue? {
    try SPI.execute(current, [], readOnly: false).row(0).value("id")
  }

  /// - Throws: 42501 unless the current user is an active moderator or admin.
  static func requireModerator(for function: String) throws -> UUIDValue {
    let r = try SPI.execute(current, [], readOnly: false).row(0)
    guard let id: UUIDValue = try r.value("id"), try r.value("moderator", as: Bool.self) == true else {
      throw PGError(sqlstate: "42501", message: "stories.\(function) is for moderators and admins")
    }
    return id
  }
}

@_cdecl("rbx_stories_enqueue_job")
func rbx_stories_enqueue_job(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, EnqueueJob.call)
}
