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

  /// Who, where and the key's lock in one statement (each SPI statement costs an executor
  /// start and end): always one row, a NULL user without an active identity, NULL scene
  /// columns when the scene does not exist or is not visible. The lock comes before the
  /// statement that looks the key up, so that one's snapshot sees a racing caller's commit.
  static let prepare = PreparedStatement(
    """
    SELECT me.id AS user_id, s.bible_version, s.status,
           (SELECT pg_advisory_xact_lock(hashtextextended('stories.jobs:' || $2, 0)) WHERE $2 IS NOT NULL) AS locked
    FROM (SELECT stories.current_user_id() AS id) me
    LEFT JOIN stories.scenes s ON s.id = $1 AND (s.user_id = me.id OR stories.scene_is_public(s.id))
    """, [uuid, text])
  // The key first, then its job by its full key: a join would open an index scan on every
  // jobs partition for each call, and a fresh key (the usual case) needs none.
  static let findKey = PreparedStatement(
    "SELECT job_id, created_at FROM stories.job_idempotency_keys WHERE idempotency_key = $1", [text])
  static let keyedJob = PreparedStatement(
    "SELECT id, created_at, status, user_id FROM stories.jobs WHERE id = $1 AND created_at = $2",
    [uuid, RbOid(RB_TIMESTAMPTZOID)])
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
      let p = try SPI.execute(prepare, [try sceneID.makeDatum(), try key?.makeDatum()], readOnly: false).row(0)
      guard let user: UUIDValue = try p.value("user_id") else { throw StoriesIdentity.noActiveUser("enqueue_job") }
      guard let bibleVersion: Int32 = try p.value("bible_version") else {
        throw PGError.missingReference("no scene \(sceneID)", detail: "Or it is not visible to the current user.")
      }
      if let status: String = try p.value("status"), status != "active" {
        throw PGError(sqlstate: "55000", message: "scene \(sceneID) is \(status); it takes no new jobs")
      }
      if let key {
        if let found = try SPI.execute(findKey, [try key.makeDatum()], readOnly: false).rows.first,
           let row = try SPI.execute(keyedJob, [try found.datum("job_id"), try found.datum("created_at")],
                                     readOnly: false).rows.first {
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

@_cdecl("rbx_stories_enqueue_job")
func rbx_stories_enqueue_job(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, EnqueueJob.call)
}
