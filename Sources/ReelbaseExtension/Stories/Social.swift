import CPostgres
import ReelbaseCore

/// Likes and views: `stories.like`, `stories.unlike` (caller's rights: row-level security
/// decides what one may like) and `stories.record_view` (SECURITY DEFINER: the keyed IP hash is
/// the database's to compute). Counters follow by the tables' triggers.
enum Social {
  private static let uuid = RbOid(RB_UUIDOID)
  private static let text = RbOid(RB_TEXTOID)

  /// The target must exist and be visible to the caller (likes.target_id has no foreign key).
  static let targetVisible = PreparedStatement(
    """
    SELECT CASE $1 WHEN 'idea' THEN EXISTS (SELECT FROM stories.ideas WHERE id = $2)
                   WHEN 'scene' THEN EXISTS (SELECT FROM stories.scenes WHERE id = $2) END AS visible
    """, [text, uuid])
  static let insertLike = PreparedStatement(
    """
    INSERT INTO stories.likes (user_id, target_type, target_id) VALUES ($1, $2, $3)
    ON CONFLICT (user_id, target_type, target_id) DO NOTHING RETURNING id
    """, [uuid, text, uuid])
  static let deleteLike = PreparedStatement(
    "DELETE FROM stories.likes WHERE user_id = $1 AND target_type = $2 AND target_id = $3 RETURNING id",
    [uuid, text, uuid])

  static func target(_ call: FunctionCall) throws -> (type: String, id: UUIDValue) {
    let type: String = try call.required(0, "target_type")
    guard type == "idea" || type == "scene" else {
      throw PGError.invalidParameter("target_type must be idea or scene, got \"\(type.prefix(40))\"")
    }
    return (type, try call.required(1, "target_id"))
  }

  static func like(_ call: FunctionCall) throws -> RbDatum? {
    let (type, id) = try target(call)
    return try SPI.connect {
      let user = try StoriesIdentity.activeUser(for: "like")
      let visible = try SPI.execute(targetVisible, [try type.makeDatum(), try id.makeDatum()], readOnly: false)
      guard try visible.row(0).value("visible", as: Bool.self) == true else {
        throw PGError.missingReference("no \(type) \(id)", detail: "Or it is not visible to the current user.")
      }
      let r = try SPI.execute(insertLike, [try user.makeDatum(), try type.makeDatum(), try id.makeDatum()], readOnly: false)
      return try (r.rowCount == 1).makeDatum()
    }
  }

  static func unlike(_ call: FunctionCall) throws -> RbDatum? {
    let (type, id) = try target(call)
    return try SPI.connect {
      let user = try StoriesIdentity.activeUser(for: "unlike")
      let r = try SPI.execute(deleteLike, [try user.makeDatum(), try type.makeDatum(), try id.makeDatum()], readOnly: false)
      return try (r.rowCount == 1).makeDatum()
    }
  }

  // record_view runs as the owner, so these check what the policies would: the scene is
  // public, the viewer's own, or the viewer a moderator.
  static let sceneVisible = PreparedStatement(
    """
    SELECT EXISTS (SELECT FROM stories.scenes s WHERE s.id = $1
                   AND (stories.scene_is_public(s.id) OR s.user_id = $2 OR stories.is_moderator())) AS visible
    """, [uuid, uuid])
  static let hashKey = PreparedStatement("SELECT encode(key, 'hex') AS key FROM stories.view_hash_key", [])
  /// The key is made by the first view, not at install, so a restore loads the dumped key
  /// into an empty table (and hashes stay comparable). Concurrent first views settle on the
  /// primary key.
  static let makeKey = PreparedStatement(
    """
    INSERT INTO stories.view_hash_key (key)
    SELECT sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8'))
    ON CONFLICT (id) DO NOTHING
    """, [])
  static let normalizeIP = PreparedStatement("SELECT host($1::inet) AS ip", [text])
  static let insertView = PreparedStatement(
    "INSERT INTO stories.scene_views (scene_id, user_id, ip_hash) VALUES ($1, $2, $3) RETURNING id",
    [uuid, uuid, text])

  static func recordView(_ call: FunctionCall) throws -> RbDatum? {
    let sceneID: UUIDValue = try call.required(0, "scene_id")
    let ip: String? = try call.optional(1)
    return try SPI.connect {
      let user = try StoriesIdentity.optionalUser()
      let visible = try SPI.execute(sceneVisible, [try sceneID.makeDatum(), try user?.makeDatum()], readOnly: false)
      guard try visible.row(0).value("visible", as: Bool.self) == true else {
        throw PGError.missingReference("no scene \(sceneID)", detail: "Or it is not visible to the current user.")
      }
      var ipHash: String? = nil
      if user == nil {
        guard let ip else {
          throw PGError.invalidParameter("an anonymous view needs the viewer's ip", hint: "Pass ip => the client address; only its keyed hash is stored.")
        }
        guard let normalized: String = try SPI.execute(normalizeIP, [try ip.makeDatum()], readOnly: false).row(0).value("ip"),
              let keyHex = try viewHashKey(), let key = hexBytes(keyHex)
        else { throw PGError.internalError("stories.view_hash_key holds no key") }
        ipHash = SHA256.hex(SHA256.hmac(key: key, message: Array(normalized.utf8)))
      }
      let r = try SPI.execute(insertView, [try sceneID.makeDatum(), try user?.makeDatum(), try ipHash?.makeDatum()],
                              readOnly: false)
      return try r.row(0).datum("id")
    }
  }

  static func viewHashKey() throws -> String? {
    if let key: String = try SPI.execute(hashKey, [], readOnly: false).rows.first?.value("key") { return key }
    _ = try SPI.execute(makeKey, [], readOnly: false)
    return try SPI.execute(hashKey, [], readOnly: false).rows.first?.value("key")
  }

  static func hexBytes(_ hex: String) -> [UInt8]? {
    let digits = Array(hex.utf8)
    guard digits.count % 2 == 0, !digits.isEmpty else { return nil }
    var out: [UInt8] = []
    for i in stride(from: 0, to: digits.count, by: 2) {
      guard let byte = UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
      out.append(byte)
    }
    return out
  }
}

@_cdecl("rbx_stories_like")
func rbx_stories_like(_ call: RbCallRef?) -> RbDatum { Boundary.run(call, Social.like) }

@_cdecl("rbx_stories_unlike")
func rbx_stories_unlike(_ call: RbCallRef?) -> RbDatum { Boundary.run(call, Social.unlike) }

@_cdecl("rbx_stories_record_view")
func rbx_stories_record_view(_ call: RbCallRef?) -> RbDatum { Boundary.run(call, Social.recordView) }
