import CPostgres
import ReelbaseCore

/// The pipeline's side of `stories.jobs`: claim, report, complete, fail, cancel, and the
/// maintenance task that requeues jobs whose worker stopped reporting. Caller's rights (the
/// pipeline's role). A claimed job names its worker (`claimed_by`); only that worker may
/// report on, complete or fail it, so a job is never worked on by two workers at once. The
/// status and stage moves themselves are checked by the jobs_transitions trigger.
enum JobWorker {
  private static let uuid = RbOid(RB_UUIDOID)
  private static let text = RbOid(RB_TEXTOID)
  static let active = "('processing', 'script_ready', 'continuity_checked', 'preview_ready')"

  /// Oldest runnable queued jobs first; SKIP LOCKED lets claimers pass each other, and the
  /// status is re-checked on the locked row, so no job is claimed twice.
  static let claim = PreparedStatement(
    """
    WITH picked AS (
      SELECT id, created_at FROM stories.jobs
      WHERE status = 'queued' AND (run_after IS NULL OR run_after <= now())
      ORDER BY created_at, id
      LIMIT $2
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE stories.jobs j
      SET status = 'processing', stage = 'script_expansion', claimed_by = $1, heartbeat_at = now(),
          started_at = coalesce(j.started_at, now())
      -- Arrays, not a join with picked: a prepared plan cannot know LIMIT $2 is small and
      -- would hash the whole table; = ANY of the picked keys is an index scan whatever it is.
      WHERE j.id = ANY (ARRAY(SELECT p.id FROM picked p))
        AND j.created_at = ANY (ARRAY(SELECT p.created_at FROM picked p))
      RETURNING j.id, j.scene_id, j.user_id, j.type, j.input_text, j.bible_version, j.context_data,
                j.retry_count, j.created_at
    )
    SELECT * FROM claimed ORDER BY created_at, id
    """, [text, RbOid(RB_INT4OID)])

  static let progress = PreparedStatement(
    """
    UPDATE stories.jobs
    SET progress = coalesce($3, progress), status = coalesce($4, status), stage = coalesce($5, stage),
        message = coalesce($6, message), heartbeat_at = now()
    WHERE id = $1 AND claimed_by = $2 AND status IN \(active)
    RETURNING status, stage, progress
    """, [uuid, text, RbOid(RB_INT4OID), text, text, text])

  static let complete = PreparedStatement(
    """
    UPDATE stories.jobs
    SET status = 'final_ready', stage = 'completed', progress = 100, result_data = $3,
        completed_at = now(), heartbeat_at = now()
    WHERE id = $1 AND claimed_by = $2 AND status IN \(active)
    """, [uuid, text, RbOid(RB_JSONBOID)])

  static let lockClaimed = PreparedStatement(
    """
    SELECT retry_count, max_retries FROM stories.jobs
    WHERE id = $1 AND claimed_by = $2 AND status IN \(active) FOR NO KEY UPDATE
    """, [uuid, text])

  static let retry = PreparedStatement(
    """
    UPDATE stories.jobs
    SET status = 'queued', stage = 'pending', retry_count = retry_count + 1, claimed_by = NULL,
        run_after = now() + make_interval(secs => $3), error_code = $4, error_message = $5
    WHERE id = $1 AND claimed_by = $2
    RETURNING status, retry_count, run_after
    """, [uuid, text, RbOid(RB_FLOAT8OID), text, text])

  static let fail = PreparedStatement(
    """
    UPDATE stories.jobs
    SET status = 'failed', stage = 'error', completed_at = now(), error_code = $3, error_message = $4
    WHERE id = $1 AND claimed_by = $2
    RETURNING status, retry_count, run_after
    """, [uuid, text, text, text])

  /// cancel_job is SECURITY DEFINER: the job must be the current user's, or the user a
  /// moderator.
  static let cancel = PreparedStatement(
    """
    UPDATE stories.jobs SET status = 'cancelled', claimed_by = NULL, completed_at = now()
    WHERE id = $1 AND (user_id = stories.current_user_id() OR stories.is_moderator())
      AND status IN ('queued', 'processing', 'script_ready', 'continuity_checked', 'preview_ready')
    RETURNING status
    """, [uuid])
  static let visibleStatus = PreparedStatement(
    "SELECT status FROM stories.jobs WHERE id = $1 AND (user_id = stories.current_user_id() OR stories.is_moderator())",
    [uuid])

  static let exists = PreparedStatement("SELECT status FROM stories.jobs WHERE id = $1", [uuid])

  static let requeue = PreparedStatement(
    """
    UPDATE stories.jobs
    SET status = 'queued', stage = 'pending', claimed_by = NULL,
        message = 'requeued: worker ' || coalesce(claimed_by, '?') || ' stopped reporting'
    WHERE status IN \(active) AND heartbeat_at < now() - $1
    """, [RbOid(RB_INTERVALOID)])

  static func worker(_ call: FunctionCall, _ index: Int32) throws -> String {
    let name: String = try call.required(index, "worker")
    guard !name.isEmpty, name.utf8.count <= 200 else {
      throw PGError.invalidParameter("worker must name the worker in 1 to 200 bytes")
    }
    return name
  }

  /// 55000 (or 23503 when there is no such job) for a job the worker does not hold.
  static func notHeld(_ jobID: UUIDValue, _ worker: String) throws -> PGError {
    let r = try SPI.execute(exists, [try jobID.makeDatum()], readOnly: false)
    guard r.rowCount == 1, let status: String = try r.row(0).value("status") else {
      return PGError.missingReference("no job \(jobID)", detail: "Or it is not visible to the current user.")
    }
    return PGError(sqlstate: "55000", message: "job \(jobID) is not being processed by worker \"\(worker)\"",
                   detail: "status: \(status)", hint: "Workers act only on jobs that stories.claim_jobs gave them.")
  }

  static func claimJobs(_ call: FunctionCall) throws -> RbDatum? {
    let name = try worker(call, 0)
    let max: Int32 = try call.optional(1) ?? 1
    guard (1...1000).contains(max) else { throw PGError.invalidParameter("max_jobs must be 1 to 1000, got \(max)") }
    let sink = try TupleSink(call)
    try SPI.connect {
      let r = try SPI.execute(claim, [try name.makeDatum(), try max.makeDatum()], readOnly: false)
      let columns = ["id", "scene_id", "user_id", "type", "input_text", "bible_version", "context_data",
                     "retry_count", "created_at"]
      for row in r.rows { try sink.append(try columns.map { try row.datum($0) }) }
    }
    return nil
  }

  static func reportProgress(_ call: FunctionCall) throws -> RbDatum? {
    let jobID: UUIDValue = try call.required(0, "job_id")
    let name = try worker(call, 1)
    let percent: Int32? = try call.optional(2)
    if let percent, !(0...100).contains(percent) {
      throw PGError.invalidParameter("progress must be 0 to 100, got \(percent)")
    }
    let args: [RbDatum?] = [try jobID.makeDatum(), try name.makeDatum(), try percent?.makeDatum(),
                            try call.optional(3, as: String.self)?.makeDatum(),
                            try call.optional(4, as: String.self)?.makeDatum(),
                            try call.optional(5, as: String.self)?.makeDatum()]
    let sink = try TupleSink(call)
    try SPI.connect {
      let r = try SPI.execute(progress, args, readOnly: false)
      guard r.rowCount == 1 else { throw try notHeld(jobID, name) }
      try sink.append(try ["status", "stage", "progress"].map { try r.row(0).datum($0) })
    }
    return nil
  }

  static func completeJob(_ call: FunctionCall) throws -> RbDatum? {
    let jobID: UUIDValue = try call.required(0, "job_id")
    let name = try worker(call, 1)
    let result = call.isNull(2) ? nil : call.datum(2)
    let media = try AppendSegment.Media(call, from: 3)
    let sink = try TupleSink(call)
    try SPI.connect {
      let r = try SPI.execute(complete, [try jobID.makeDatum(), try name.makeDatum(), result], readOnly: false)
      guard r.rowCount == 1 else { throw try notHeld(jobID, name) }
      try sink.append(try AppendSegment.append(job: jobID, media))
    }
    return nil
  }

  static func failJob(_ call: FunctionCall) throws -> RbDatum? {
    let jobID: UUIDValue = try call.required(0, "job_id")
    let name = try worker(call, 1)
    let code = try call.optional(2, as: String.self)?.makeDatum()
    let message = try call.optional(3, as: String.self)?.makeDatum()
    let sink = try TupleSink(call)
    try SPI.connect {
      let held = try SPI.execute(lockClaimed, [try jobID.makeDatum(), try name.makeDatum()], readOnly: false)
      guard held.rowCount == 1, let retries: Int32 = try held.row(0).value("retry_count"),
            let maxRetries: Int32 = try held.row(0).value("max_retries")
      else { throw try notHeld(jobID, name) }
      let r: SPIResult
      switch JobRetry.after(retryCount: Int(retries), maxRetries: Int(maxRetries)) {
      case .retry(let seconds):
        r = try SPI.execute(retry, [try jobID.makeDatum(), try name.makeDatum(), try Double(seconds).makeDatum(),
                                    code, message], readOnly: false)
      case .fail:
        r = try SPI.execute(fail, [try jobID.makeDatum(), try name.makeDatum(), code, message], readOnly: false)
      }
      try sink.append(try ["status", "retry_count", "run_after"].map { try r.row(0).datum($0) })
    }
    return nil
  }

  static func cancelJob(_ call: FunctionCall) throws -> RbDatum? {
    let jobID: UUIDValue = try call.required(0, "job_id")
    return try SPI.connect {
      let r = try SPI.execute(cancel, [try jobID.makeDatum()], readOnly: false)
      guard r.rowCount == 1 else {
        let e = try SPI.execute(visibleStatus, [try jobID.makeDatum()], readOnly: false)
        guard e.rowCount == 1, let status: String = try e.row(0).value("status") else {
          throw PGError.missingReference("no job \(jobID) of the current user")
        }
        throw PGError(sqlstate: "55000", message: "job \(jobID) is \(status); it can no longer be cancelled")
      }
      return try "cancelled".makeDatum()
    }
  }

  static func requeueStalled(_ call: FunctionCall) throws -> RbDatum? {
    guard !call.isNull(0) else { throw PGError.nullArgument("stalled_after") }
    return try SPI.connect {
      let r = try SPI.execute(requeue, [call.datum(0)], readOnly: false)
      return try Int32(clamping: r.rowCount).makeDatum()
    }
  }
}

@_cdecl("rbx_stories_claim_jobs")
func rbx_stories_claim_jobs(_ call: RbCallRef?) -> RbDatum { Boundary.run(call, JobWorker.claimJobs) }

@_cdecl("rbx_stories_report_progress")
func rbx_stories_report_progress(_ call: RbCallRef?) -> RbDatum { Boundary.run(call, JobWorker.reportProgress) }

@_cdecl("rbx_stories_complete_job")
func rbx_stories_complete_job(_ call: RbCallRef?) -> RbDatum { Boundary.run(call, JobWorker.completeJob) }

@_cdecl("rbx_stories_fail_job")
func rbx_stories_fail_job(_ call: RbCallRef?) -> RbDatum { Boundary.run(call, JobWorker.failJob) }

@_cdecl("rbx_stories_cancel_job")
func rbx_stories_cancel_job(_ call: RbCallRef?) -> RbDatum { Boundary.run(call, JobWorker.cancelJob) }

@_cdecl("rbx_stories_requeue_stalled_jobs")
func rbx_stories_requeue_stalled_jobs(_ call: RbCallRef?) -> RbDatum { Boundary.run(call, JobWorker.requeueStalled) }
