import CPostgres
import ReelbaseCore

/// `stories.append_segment(job_id, video_url, duration, expanded_script, ...)`: the segment a
/// finished job produced, as the next of its scene. Caller's rights (the pipeline's role).
///
/// The scene row is locked first (FOR NO KEY UPDATE), and the next sequence is read after the
/// lock is granted, so in READ COMMITTED it sees every segment committed before: appenders of
/// one scene run one at a time and the sequences are 1..N with no gap and no duplicate.
/// Appending the same job again returns its segment (a retried worker is harmless). The
/// counters and last_segment_at follow in the same transaction (stories.count_segment).
enum AppendSegment {
  private static let uuid = RbOid(RB_UUIDOID)
  private static let text = RbOid(RB_TEXTOID)

  static let readJob = PreparedStatement(
    "SELECT scene_id, user_id, input_text, bible_version, status FROM stories.jobs WHERE id = $1", [uuid])

  static let lockScene = PreparedStatement(
    "SELECT s.status FROM stories.scenes s WHERE s.id = $1 FOR NO KEY UPDATE", [uuid])

  /// Run after the lock is granted: a statement of its own, so in READ COMMITTED its snapshot
  /// holds every segment committed before (a subquery of the locking statement would read the
  /// snapshot taken before the wait, and two appenders would get the same sequence).
  static let nextSequence = PreparedStatement(
    """
    SELECT (SELECT g.id FROM stories.segments g WHERE g.scene_id = $1 AND g.job_id = $2 LIMIT 1) AS existing,
           (SELECT coalesce(max(g.sequence), 0) + 1 FROM stories.segments g WHERE g.scene_id = $1) AS next_sequence
    """, [uuid, uuid])

  static let existing = PreparedStatement(
    "SELECT id, scene_id, sequence, created_at FROM stories.segments WHERE id = $1 AND scene_id = $2", [uuid, uuid])

  static let insert = PreparedStatement(
    """
    INSERT INTO stories.segments
      (scene_id, user_id, job_id, sequence, input_text, expanded_script, video_url, duration,
       hls_playlist_url, thumbnail_url, resolution, file_size, bible_version)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
    RETURNING id, scene_id, sequence, created_at
    """,
    [uuid, uuid, uuid, RbOid(RB_INT4OID), text, text, text, RbOid(RB_INT4OID), text, text, text,
     RbOid(RB_INT8OID), RbOid(RB_INT4OID)])

  /// The arguments after job_id, as both append_segment and complete_job take them.
  struct Media {
    var videoURL: RbDatum
    var duration: RbDatum
    var script: RbDatum
    var optional: [RbDatum?]

    /// Reads (video_url, duration, expanded_script, hls_playlist_url, thumbnail_url,
    /// resolution, file_size) starting at argument `first`.
    init(_ call: FunctionCall, from first: Int32) throws {
      let url: String = try call.required(first, "video_url")
      let seconds: Int32 = try call.required(first + 1, "duration")
      guard seconds >= 0 else { throw PGError.invalidParameter("duration must be 0 or more seconds, got \(seconds)") }
      let script: String = try call.required(first + 2, "expanded_script")
      videoURL = try url.makeDatum()
      duration = try seconds.makeDatum()
      self.script = try script.makeDatum()
      optional = [try call.optional(first + 3, as: String.self)?.makeDatum(),
                  try call.optional(first + 4, as: String.self)?.makeDatum(),
                  try call.optional(first + 5, as: String.self)?.makeDatum(),
                  try call.optional(first + 6, as: Int64.self)?.makeDatum()]
    }
  }

  static let resultColumns = ["id", "scene_id", "sequence", "created_at"]

  static func call(_ call: FunctionCall) throws -> RbDatum? {
    let jobID: UUIDValue = try call.required(0, "job_id")
    let media = try Media(call, from: 1)
    let sink = try TupleSink(call)
    try SPI.connect { try sink.append(try append(job: jobID, media)) }
    return nil
  }

  /// Appends the segment of a final_ready job (or finds the one it has); SPI connected.
  /// - Returns: the segment's (id, scene_id, sequence, created_at).
  static func append(job jobID: UUIDValue, _ media: Media) throws -> [RbDatum?] {
    let job = try SPI.execute(readJob, [try jobID.makeDatum()], readOnly: false)
    guard job.rowCount == 1 else {
      throw PGError.missingReference("no job \(jobID)", detail: "Or it is not visible to the current user.")
    }
    let j = job.row(0)
    let status: String? = try j.value("status")
    guard status == "final_ready" else {
      throw PGError(sqlstate: "55000", message: "job \(jobID) is not finished", detail: "status: \(status ?? "NULL")",
                    hint: "A segment is appended once its job is final_ready (stories.complete_job).")
    }
    let sceneID = try j.datum("scene_id")
    let scene = try SPI.execute(lockScene, [sceneID], readOnly: false)
    guard scene.rowCount == 1 else {
      throw PGError.missingReference("the scene of job \(jobID) does not exist or is not visible")
    }
    let next = try SPI.execute(nextSequence, [sceneID, try jobID.makeDatum()], readOnly: false).row(0)
    if let done = try next.datum("existing") {
      let found = try SPI.execute(existing, [done, sceneID], readOnly: false)
      return try resultColumns.map { try found.row(0).datum($0) }
    }
    if let sceneStatus: String = try scene.row(0).value("status"), sceneStatus == "locked" || sceneStatus == "removed" {
      throw PGError(sqlstate: "55000", message: "the scene of job \(jobID) is \(sceneStatus); it takes no new segments")
    }
    let row = try SPI.execute(insert, [
      sceneID, try j.datum("user_id"), try jobID.makeDatum(), try next.datum("next_sequence"),
      try j.datum("input_text"), media.script, media.videoURL, media.duration,
    ] + media.optional + [try j.datum("bible_version")], readOnly: false)
    return try resultColumns.map { try row.row(0).datum($0) }
  }
}

@_cdecl("rbx_stories_append_segment")
func rbx_stories_append_segment(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, AppendSegment.call)
}
