import CPostgres
import ReelbaseCore

/// `stories.update_scene_bible(scene_id, expected_version, data, created_by_segment_id)`: the
/// next version of a scene's bible, under optimistic locking.
///
/// The scene row is locked first (FOR NO KEY UPDATE), so of several writers holding the same
/// `expected_version` exactly one finds it current; the others, once the lock is theirs, read
/// the moved version (READ COMMITTED re-reads a locked row) and get 40001 with the current
/// version in the detail. The new row passes the stored bible schema, and its data.version
/// must be the version written, by the table's trigger, so no path writes a bible that fails
/// either. Caller's rights: the pipeline (reelbase_admin)
/// may write bibles; end users may not.
enum UpdateSceneBible {
  private static let uuid = RbOid(RB_UUIDOID)

  static let lockScene = PreparedStatement(
    "SELECT bible_version, status FROM stories.scenes WHERE id = $1 FOR NO KEY UPDATE", [uuid])

  /// The scene's bible_version follows by the table's trigger (stories.scene_bibles_advance):
  /// no role writes that column itself.
  static let write = PreparedStatement(
    """
    INSERT INTO stories.scene_bibles (scene_id, version, data, created_by_segment_id)
    VALUES ($1, $2, $3, $4)
    RETURNING id, version, created_at
    """, [uuid, RbOid(RB_INT4OID), RbOid(RB_JSONBOID), uuid])

  static func call(_ call: FunctionCall) throws -> RbDatum? {
    let sceneID: UUIDValue = try call.required(0, "scene_id")
    let expected: Int32 = try call.required(1, "expected_version")
    guard !call.isNull(2) else { throw PGError.nullArgument("data") }
    let segment: UUIDValue? = try call.optional(3)
    guard expected < Int32.max else { throw PGError.invalidParameter("expected_version \(expected) is out of range") }
    let next = expected + 1
    let sink = try TupleSink(call)
    try SPI.connect {
      let scene = try SPI.execute(lockScene, [try sceneID.makeDatum()], readOnly: false)
      guard scene.rowCount == 1, let current: Int32 = try scene.row(0).value("bible_version") else {
        throw PGError.missingReference("no scene \(sceneID)", detail: "Or it is not visible to the current user.")
      }
      if let status: String = try scene.row(0).value("status"), status == "removed" {
        throw PGError(sqlstate: "55000", message: "scene \(sceneID) is removed; its bible cannot change")
      }
      guard current == expected else {
        throw PGError(sqlstate: "40001", message: "scene \(sceneID) bible is at version \(current), not \(expected)",
                      detail: "current version: \(current)",
                      hint: "Read the current bible, apply the change to it and retry with expected_version => \(current).")
      }
      let written = try SPI.execute(write, [try sceneID.makeDatum(), try next.makeDatum(), call.datum(2),
                                            try segment?.makeDatum()], readOnly: false)
      guard written.rowCount == 1 else { throw PGError.internalError("the bible insert returned \(written.rowCount) rows") }
      let r = written.row(0)
      try sink.append(try ["id", "version", "created_at"].map { try r.datum($0) })
    }
    return nil
  }
}

@_cdecl("rbx_stories_update_scene_bible")
func rbx_stories_update_scene_bible(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, UpdateSceneBible.call)
}
