import CPostgres
import ReelbaseCore

/// `learning.track_video_event`: validates an analytics event and records it, returning its id.
///
/// It runs with the caller's rights, so row-level security decides whose events a caller may
/// record. The happy path is one saved-plan INSERT ... SELECT whose joins and WHERE clause
/// hold every ownership rule that applies to the call; only when it matches nothing does a
/// second query find out which rule broke.
enum TrackVideoEvent {
  private enum Arg {
    static let eventType: Int32 = 0, video: Int32 = 1, creator: Int32 = 2, student: Int32 = 3
    static let course: Int32 = 4, module: Int32 = 5, metadata: Int32 = 6, timestamp: Int32 = 7
  }

  private static let uuid = RbOid(RB_UUIDOID)

  // No RETURNING: a student may insert an event row but not read it back (RLS), so the id is
  // made here instead of by the column default.
  private static let argumentTypes = [
    uuid, RbOid(RB_TEXTOID), uuid, uuid, uuid, uuid, uuid, RbOid(RB_JSONBOID), RbOid(RB_TIMESTAMPTZOID),
  ]

  /// One saved plan per shape of call (which of student, course and module are given), so a
  /// plan carries only the checks that apply: with one plan for all shapes, every call paid to
  /// set up the course and module subplans even when both were NULL.
  nonisolated(unsafe) private static var inserts = [PreparedStatement?](repeating: nil, count: 8)

  static func insertStatement(student: Bool, course: Bool, module: Bool) -> PreparedStatement {
    let shape = (student ? 1 : 0) | (course ? 2 : 0) | (module ? 4 : 0)
    if let statement = inserts[shape] { return statement }
    // The checks are inner joins on primary keys (at most one row each), not EXISTS
    // subqueries: an uncorrelated EXISTS became an InitPlan under a gating Result node, and
    // every call paid to set up, run and revalidate that subplan (about 3k instructions of
    // 560k per call, measured with bench/learning/40_instructions.sh).
    var sql = """
      INSERT INTO learning.video_analytics_events
        (id, event_type, video_id, creator_id, student_id, course_id, module_id, metadata, "timestamp")
      SELECT $1, $2, v.id, v.creator_id, $5, $6, $7, $8, $9
      FROM learning.videos v
      """
    if student {
      sql += "\n  JOIN learning.students s ON s.id = $5 AND s.creator_id = v.creator_id"
    }
    if course {
      sql += "\n  JOIN learning.courses c ON c.id = $6 AND c.creator_id = v.creator_id"
    }
    if module {
      sql += """

          JOIN learning.course_modules m ON m.id = $7\(course ? " AND m.course_id = $6" : "")
          JOIN learning.courses mc ON mc.id = m.course_id AND mc.creator_id = v.creator_id
        """
    }
    sql += "\nWHERE v.id = $3 AND v.creator_id = $4 AND NOT v.is_deleted"
    let statement = PreparedStatement(sql, argumentTypes)
    inserts[shape] = statement
    return statement
  }

  static let diagnose = PreparedStatement(
    """
    SELECT (SELECT v.creator_id FROM learning.videos v WHERE v.id = $1) AS video_creator,
           (SELECT v.is_deleted FROM learning.videos v WHERE v.id = $1) AS video_deleted,
           (SELECT s.creator_id FROM learning.students s WHERE s.id = $2) AS student_creator,
           (SELECT c.creator_id FROM learning.courses c WHERE c.id = $3) AS course_creator,
           (SELECT m.course_id FROM learning.course_modules m WHERE m.id = $4) AS module_course,
           (SELECT c.creator_id FROM learning.course_modules m
              JOIN learning.courses c ON c.id = m.course_id WHERE m.id = $4) AS module_creator
    """,
    [uuid, uuid, uuid, uuid])

  static func call(_ call: FunctionCall) throws -> RbDatum? {
    // The name's bytes are matched in place; a String is made only to explain a refusal.
    let matched = try call.requiredText(Arg.eventType, "p_event_type") { VideoEventType(utf8: $0) }
    guard let eventType = matched else {
      let typeName: String = try call.required(Arg.eventType, "p_event_type")
      throw PGError.invalidParameter(
        "invalid event type \"\(typeName)\"", hint: "Valid event types: \(VideoEventType.validNames).")
    }
    // The ids travel to SPI as the caller's Datums; they become Swift values only to explain a
    // refusal (see request(_:)).
    if call.isNull(Arg.video) { throw PGError.nullArgument("p_video_id") }
    if call.isNull(Arg.creator) { throw PGError.nullArgument("p_creator_id") }
    let hasStudent = !call.isNull(Arg.student)
    if eventType.isStudentEvent && !hasStudent {
      throw PGError.invalidParameter(
        "event type \"\(eventType.rawValue)\" requires p_student_id",
        hint: "Watching events (video_started, video_progress, video_completed, video_rewatched) are recorded for a student.")
    }
    let metadata = try metadataDatum(call)
    let timestamp: PGTimestampTZ = try call.required(Arg.timestamp, "p_timestamp")
    guard timestamp.isFinite else {
      throw PGError.invalidParameter("p_timestamp must be a finite time, got infinity")
    }

    let id = try newEventID()
    let idDatum = try id.makeDatum()
    let recorded = try SPI.connect { () throws -> Bool in
      let insert = insertStatement(student: hasStudent, course: !call.isNull(Arg.course),
                                   module: !call.isNull(Arg.module))
      let result = try SPI.execute(
        insert,
        [idDatum, call.datum(Arg.eventType), call.datum(Arg.video), call.datum(Arg.creator),
         passThrough(call, Arg.student), passThrough(call, Arg.course),
         passThrough(call, Arg.module), metadata, call.datum(Arg.timestamp)],
        readOnly: false)
      if result.rowCount == 1 { return true }
      try explainRejection(call, try request(call))
      return false
    }
    guard recorded else {
      throw PGError(
        sqlstate: "40001", message: "event was not recorded: a referenced row changed concurrently",
        hint: "Retry the call.")
    }
    return idDatum
  }

  private static func passThrough(_ call: FunctionCall, _ index: Int32) -> RbDatum? {
    call.isNull(index) ? nil : call.datum(index)
  }

  /// NULL metadata means "no metadata" ('{}'); anything but a JSON object is refused.
  private static func metadataDatum(_ call: FunctionCall) throws -> RbDatum {
    if call.isNull(Arg.metadata) { return try PGJSONB(text: "{}").makeDatum() }
    let datum = call.datum(Arg.metadata)
    let kind = try PGJSONB.rootKind(datum)
    guard kind == .object else {
      throw PGError.invalidParameter(
        "p_metadata must be a JSON object, got a JSON \(kind == .array ? "array" : "scalar")",
        hint: "Pass event details as keys of an object, for example '{\"percent_complete\": 50}'.")
    }
    return datum
  }

  /// Backend-local, so ids this backend makes are strictly increasing (see UUIDv7Generator).
  nonisolated(unsafe) private static var ids = UUIDv7Generator()
  /// The ids' random bits: seeded once per backend from pg_strong_random, then a fast
  /// generator. UUIDv7's random part must make ids unique, not secret (RFC 9562 section 6.9),
  /// and a strong-random call per event cost more than the rest of the id.
  nonisolated(unsafe) private static var random: SeededGenerator? = nil

  private static func newEventID() throws -> UUIDValue {
    if random == nil {
      var seed: UInt64 = 0
      let ok = withUnsafeMutableBytes(of: &seed) { buffer in
        buffer.baseAddress.map { rb_strong_random($0.assumingMemoryBound(to: UInt8.self), 8) } ?? false
      }
      guard ok else { throw PGError.internalError("could not generate random bytes for event ids") }
      random = SeededGenerator(seed: seed)
    }
    guard var generator = random else { throw PGError.internalError("no generator for event ids") }
    let high = generator.next()
    let low = generator.next()
    random = generator
    let now = PostgresTime.unixMilliseconds(fromTimestamp: rb_current_timestamp())
    return ids.next(unixMilliseconds: now, randomHigh: high, randomLow: low)
  }

  private static func request(_ call: FunctionCall) throws -> EventReferenceRequest {
    EventReferenceRequest(
      video: try call.required(Arg.video, "p_video_id"),
      creator: try call.required(Arg.creator, "p_creator_id"),
      student: try call.optional(Arg.student),
      course: try call.optional(Arg.course),
      module: try call.optional(Arg.module))
  }

  private static func explainRejection(_ call: FunctionCall, _ request: EventReferenceRequest) throws {
    let result = try SPI.execute(
      diagnose,
      [call.datum(Arg.video), passThrough(call, Arg.student), passThrough(call, Arg.course),
       passThrough(call, Arg.module)],
      readOnly: true)
    guard result.rowCount == 1 else { return }
    let r = result.row(0)
    let facts = EventReferenceFacts(
      videoCreator: try r.value("video_creator"), videoDeleted: try r.value("video_deleted") ?? false,
      studentCreator: try r.value("student_creator"), courseCreator: try r.value("course_creator"),
      moduleCourse: try r.value("module_course"), moduleCreator: try r.value("module_creator"))
    if let problem = EventReferenceProblem.first(in: request, facts: facts) {
      throw PGError(sqlstate: problem.sqlstate, message: problem.message, detail: problem.detail)
    }
  }
}

@_cdecl("rbx_learning_track_video_event")
func rbx_learning_track_video_event(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, TrackVideoEvent.call)
}
