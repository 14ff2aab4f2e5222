import CPostgres
import ReelbaseCore

/// `stories.review_user_topic(user_topic_id, decision, rejection_reason)`: a moderator approves
/// or rejects a user-submitted topic; an admin promotes it to a curated topic (a new
/// stories.topics row, its slug made from the name, unique with a numeric suffix). Caller's
/// rights: the policies decide who may update user topics and create topics.
enum ReviewUserTopic {
  private static let uuid = RbOid(RB_UUIDOID)
  private static let text = RbOid(RB_TEXTOID)

  static let lock = PreparedStatement(
    "SELECT name, description, status, promoted_to_topic_id FROM stories.user_topics WHERE id = $1 FOR NO KEY UPDATE",
    [uuid])
  static let decide = PreparedStatement(
    """
    UPDATE stories.user_topics
    SET status = $2, reviewed_by = $3, reviewed_at = now(), rejection_reason = $4, promoted_to_topic_id = $5
    WHERE id = $1
    RETURNING status, promoted_to_topic_id
    """, [uuid, text, uuid, text, uuid])
  static let slugTaken = PreparedStatement("SELECT EXISTS (SELECT FROM stories.topics WHERE slug = $1) AS taken", [text])
  static let createTopic = PreparedStatement(
    "INSERT INTO stories.topics (name, slug, description, is_curated) VALUES ($1, $2, $3, true) RETURNING id",
    [text, text, text])
  static let isAdmin = PreparedStatement("SELECT stories.is_admin() AS admin", [])

  static func call(_ call: FunctionCall) throws -> RbDatum? {
    let topicID: UUIDValue = try call.required(0, "user_topic_id")
    let decision: String = try call.required(1, "decision")
    guard ["approve", "reject", "promote"].contains(decision) else {
      throw PGError.invalidParameter("decision must be approve, reject or promote, got \"\(decision.prefix(40))\"")
    }
    let reason: String? = try call.optional(2)
    if reason != nil && decision != "reject" { throw PGError.invalidParameter("only a rejection takes a rejection_reason") }
    let sink = try TupleSink(call)
    try SPI.connect {
      let reviewer = try StoriesIdentity.requireModerator(for: "review_user_topic")
      let t = try SPI.execute(lock, [try topicID.makeDatum()], readOnly: false)
      guard let row = t.rows.first, let status: String = try row.value("status") else {
        throw PGError.missingReference("no user topic \(topicID)", detail: "Or it is not visible to the current user.")
      }
      var promoted: RbDatum? = try row.datum("promoted_to_topic_id")
      switch (decision, status) {
      case ("approve", "pending"), ("reject", "pending"): break
      case ("promote", "pending"), ("promote", "approved") where promoted == nil:
        guard try SPI.execute(isAdmin, [], readOnly: false).row(0).value("admin", as: Bool.self) == true else {
          throw PGError(sqlstate: "42501", message: "promoting a user topic to a curated topic is for admins")
        }
        promoted = try create(name: try row.value("name") ?? "", description: try row.datum("description"))
      default:
        throw PGError(sqlstate: "55000", message: "user topic \(topicID) is \(status)\(promoted != nil ? " and promoted" : ""); it cannot be \(decision)d")
      }
      let newStatus = decision == "reject" ? "rejected" : "approved"
      let r = try SPI.execute(decide, [try topicID.makeDatum(), try newStatus.makeDatum(), try reviewer.makeDatum(),
                                       try reason?.makeDatum(), promoted], readOnly: false)
      try sink.append([try r.row(0).datum("status"), try r.row(0).datum("promoted_to_topic_id")])
    }
    return nil
  }

  private static func create(name: String, description: RbDatum?) throws -> RbDatum? {
    let base = Slug.make(name)
    guard !base.isEmpty else {
      throw PGError.invalidParameter("the topic name \"\(name.prefix(40))\" has no letters or digits to make a slug of")
    }
    var slug = base
    var n = 1
    while try SPI.execute(slugTaken, [try slug.makeDatum()], readOnly: false).row(0).value("taken", as: Bool.self) == true {
      n += 1
      guard n < 1000 else { throw PGError(sqlstate: "23505", message: "no free slug for \(base)") }
      slug = Slug.withSuffix(base, n)
    }
    let r = try SPI.execute(createTopic, [try name.makeDatum(), try slug.makeDatum(), description], readOnly: false)
    return try r.row(0).datum("id")
  }
}

@_cdecl("rbx_stories_review_user_topic")
func rbx_stories_review_user_topic(_ call: RbCallRef?) -> RbDatum { Boundary.run(call, ReviewUserTopic.call) }
