import CPostgres
import ReelbaseCore

/// `stories.flag_content`, `stories.resolve_flag` and `stories.review_user_topic`, with the
/// caller's rights: row-level security and the moderation triggers decide who may read a
/// target, resolve a flag, hide content or curate topics.
enum Moderation {
  private static let uuid = RbOid(RB_UUIDOID)
  private static let text = RbOid(RB_TEXTOID)
  static let targetTables = ["idea": "ideas", "scene": "scenes", "segment": "segments", "user": "users", "topic": "topics"]

  static let targetVisible = PreparedStatement(
    """
    SELECT CASE $1 WHEN 'idea' THEN EXISTS (SELECT FROM stories.ideas WHERE id = $2)
                   WHEN 'scene' THEN EXISTS (SELECT FROM stories.scenes WHERE id = $2)
                   WHEN 'segment' THEN EXISTS (SELECT FROM stories.segments WHERE id = $2)
                   WHEN 'user' THEN EXISTS (SELECT FROM stories.users WHERE id = $2)
                   WHEN 'topic' THEN EXISTS (SELECT FROM stories.topics WHERE id = $2) END AS visible
    """, [text, uuid])
  static let insertFlag = PreparedStatement(
    """
    INSERT INTO stories.moderation_flags (target_type, target_id, reporter_id, reason, description)
    VALUES ($1, $2, $3, $4, $5) RETURNING id
    """, [text, uuid, uuid, text, text])
  static let resolve = PreparedStatement(
    """
    UPDATE stories.moderation_flags
    SET status = $2, reviewed_by = $3, reviewed_at = now(), action_taken = $4, notes = $5
    WHERE id = $1 AND status IN ('pending', 'reviewing')
    RETURNING target_type, target_id
    """, [uuid, text, uuid, text, text])
  static let flagStatus = PreparedStatement("SELECT status FROM stories.moderation_flags WHERE id = $1", [uuid])
  /// Hiding or removing a target: its status (ideas, scenes, segments).
  static let setStatus = [
    "idea": PreparedStatement("UPDATE stories.ideas SET status = $2, updated_at = now() WHERE id = $1", [uuid, text]),
    "scene": PreparedStatement("UPDATE stories.scenes SET status = $2, updated_at = now() WHERE id = $1", [uuid, text]),
    "segment": PreparedStatement("UPDATE stories.segments SET status = $2 WHERE id = $1", [uuid, text]),
  ]

  static func flagContent(_ call: FunctionCall) throws -> RbDatum? {
    let type: String = try call.required(0, "target_type")
    guard targetTables[type] != nil else {
      throw PGError.invalidParameter("target_type must be idea, scene, segment, user or topic, got \"\(type.prefix(40))\"")
    }
    let id: UUIDValue = try call.required(1, "target_id")
    let reason: String = try call.required(2, "reason")
    guard !reason.isEmpty, reason.utf8.count <= 50 else { throw PGError.invalidParameter("reason must be 1 to 50 bytes") }
    let description: String? = try call.optional(3)
    return try SPI.connect {
      let reporter = try StoriesIdentity.activeUser(for: "flag_content")
      let visible = try SPI.execute(targetVisible, [try type.makeDatum(), try id.makeDatum()], readOnly: false)
      guard try visible.row(0).value("visible", as: Bool.self) == true else {
        throw PGError.missingReference("no \(type) \(id)", detail: "Or it is not visible to the current user.")
      }
      let r = try SPI.execute(insertFlag, [try type.makeDatum(), try id.makeDatum(), try reporter.makeDatum(),
                                           try reason.makeDatum(), try description?.makeDatum()], readOnly: false)
      return try r.row(0).datum("id")
    }
  }

  static func resolveFlag(_ call: FunctionCall) throws -> RbDatum? {
    let flagID: UUIDValue = try call.required(0, "flag_id")
    let resolution: String = try call.required(1, "resolution")
    guard resolution == "resolved" || resolution == "dismissed" else {
      throw PGError.invalidParameter("resolution must be resolved or dismissed, got \"\(resolution.prefix(40))\"")
    }
    let action: String? = try call.optional(2)
    let newStatus: String?
    switch action {
    case nil: newStatus = nil
    case "hide": newStatus = "hidden"
    case "remove": newStatus = "removed"
    default: throw PGError.invalidParameter("action must be hide, remove or NULL, got \"\((action ?? "").prefix(40))\"")
    }
    if newStatus != nil && resolution == "dismissed" {
      throw PGError.invalidParameter("a dismissed flag takes no action")
    }
    let notes: String? = try call.optional(3)
    return try SPI.connect {
      let moderator = try StoriesIdentity.requireModerator(for: "resolve_flag")
      let r = try SPI.execute(resolve, [try flagID.makeDatum(), try resolution.makeDatum(), try moderator.makeDatum(),
                                        try action?.makeDatum(), try notes?.makeDatum()], readOnly: false)
      guard r.rowCount == 1 else {
        let s = try SPI.execute(flagStatus, [try flagID.makeDatum()], readOnly: false)
        guard let status: String = try s.rows.first?.value("status") else { throw PGError.missingReference("no flag \(flagID)") }
        throw PGError(sqlstate: "55000", message: "flag \(flagID) is already \(status)")
      }
      if let newStatus {
        let type: String = try r.row(0).value("target_type") ?? ""
        guard let update = setStatus[type] else {
          throw PGError.invalidParameter("action on a \(type) is taken by an administrator",
                                         hint: "Resolve the flag without an action and deactivate the account or topic in the back office.")
        }
        _ = try SPI.execute(update, [try r.row(0).datum("target_id"), try newStatus.makeDatum()], readOnly: false)
      }
      return try resolution.makeDatum()
    }
  }
}

@_cdecl("rbx_stories_flag_content")
func rbx_stories_flag_content(_ call: RbCallRef?) -> RbDatum { Boundary.run(call, Moderation.flagContent) }

@_cdecl("rbx_stories_resolve_flag")
func rbx_stories_resolve_flag(_ call: RbCallRef?) -> RbDatum { Boundary.run(call, Moderation.resolveFlag) }
