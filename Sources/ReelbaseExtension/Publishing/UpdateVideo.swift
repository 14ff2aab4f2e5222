import CPostgres
import ReelbaseCore

/// `publishing.update_video(id, expected_version, changes, actor)`: optimistic concurrency in
/// one UPDATE. The changes are checked here (VideoChanges), then one saved plan sets every
/// writable column to its new value when `changes` names it and to itself otherwise, so any
/// set of keys runs the same plan. The row triggers do the rest: the OCC and status rules
/// (21_video_rules.sql) and the audit row (22_audit.sql), whose actor is this call's.
enum UpdateVideo {
  private static let update = PreparedStatement(
    """
    UPDATE publishing.videos SET
      persona_id = CASE WHEN $3 ? 'persona_id' THEN ($3 ->> 'persona_id')::uuid ELSE persona_id END,
      title = CASE WHEN $3 ? 'title' THEN $3 ->> 'title' ELSE title END,
      description = CASE WHEN $3 ? 'description' THEN $3 ->> 'description' ELSE description END,
      video_url = CASE WHEN $3 ? 'video_url' THEN $3 ->> 'video_url' ELSE video_url END,
      thumbnail_url = CASE WHEN $3 ? 'thumbnail_url' THEN $3 ->> 'thumbnail_url' ELSE thumbnail_url END,
      duration_seconds = CASE WHEN $3 ? 'duration_seconds' THEN ($3 ->> 'duration_seconds')::numeric::int ELSE duration_seconds END,
      status = CASE WHEN $3 ? 'status' THEN $3 ->> 'status' ELSE status END,
      confidence = CASE WHEN $3 ? 'confidence' THEN ($3 ->> 'confidence')::float8 ELSE confidence END,
      state_version = state_version + 1
    WHERE id = $1 AND state_version = $2
    RETURNING \(PublishingRows.list(PublishingRows.videos))
    """, [RbOid(RB_UUIDOID), RbOid(RB_INT4OID), RbOid(RB_JSONBOID)])
  private static let current = PreparedStatement(
    "SELECT state_version FROM publishing.videos WHERE id = $1", [RbOid(RB_UUIDOID)])

  static func call(_ call: FunctionCall) throws -> RbDatum? {
    let id: UUIDValue = try call.required(0, "id")
    let expected: Int32 = try call.required(1, "expected_version")
    let changes: PGJSONB = try call.required(2, "changes")
    let actor: String? = try call.optional(3)
    do {
      _ = try VideoChanges.validate(try JSONParser.parse(changes.text))
    } catch let failure as VideoChanges.Failure {
      throw PGError.invalidParameter(failure.message, hint: "Writable: \(VideoChanges.writable.keys.sorted().joined(separator: ", ")).")
    } catch {
      throw PGError.invalidParameter("changes cannot be read: \(error)")
    }
    let sink = try TupleSink(call)
    try SPI.connect {
      let result = try withActor(actor) {
        try SPI.execute(update, [try id.makeDatum(), try expected.makeDatum(), try changes.makeDatum()], readOnly: false)
      }
      if result.rowCount == 1 {
        try PublishingRows.append(result.row(0), PublishingRows.videos, to: sink)
        return
      }
      guard let now: Int32 = try SPI.execute(current, [try id.makeDatum()], readOnly: false).rows.first?.value("state_version") else {
        throw PGError(sqlstate: "P0002", message: "no video \(id)", detail: "Or it is not visible to the current identity.")
      }
      throw PGError(sqlstate: "40001", message: "video \(id) is at state_version \(now), not \(expected)",
                    detail: "current state_version: \(now)", hint: "Re-read the video and retry with expected_version \(now).")
    }
    return nil
  }

  /// Runs `body` with publishing.actor set (transaction-local), then puts the old value back,
  /// so the actor names this call's change and no later statement's.
  static func withActor<R>(_ actor: String?, _ body: () throws -> R) throws -> R {
    guard let actor else { return try body() }
    var old: UnsafePointer<CChar>? = nil
    try guarded(rb_get_config("publishing.actor", &old))
    let previous = old.map { String(cString: $0) } ?? ""
    try guarded(rb_set_config_local("publishing.actor", actor))
    let result = try body()
    try guarded(rb_set_config_local("publishing.actor", previous))
    return result
  }
}

@_cdecl("rbx_publishing_update_video")
func rbx_publishing_update_video(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, UpdateVideo.call)
}
