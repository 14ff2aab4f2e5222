import Foundation
import PostgresNIO

/// The job queue of the AI pipeline. Users enqueue and cancel (inside
/// ``ReelbaseClient/withIdentity(_:on:level:_:)``); workers (`reelbase_admin`) claim, report,
/// complete and fail. A claimed job names its worker, and only that worker may act on it
/// (55000 for any other), so no job is worked on twice.
extension ReelbaseQueryable {
  /// `stories.enqueue_job`: queues a job for the current user on a scene that is public or
  /// theirs, at its bible version. The same `idempotencyKey` again, also from a concurrent
  /// caller, returns the same job with `enqueued` false: a client retries a request safely.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/permissionDenied`` (42501) without an
  ///   active user; ``ReelbaseError/Code/duplicate`` (23505) for a key of another user's job;
  ///   ``ReelbaseError/Code/notFound`` (23503) for a scene that does not exist or is hidden;
  ///   ``ReelbaseError/Code/invalidState`` (55000) for a scene that is not active;
  ///   ``ReelbaseError/Code/invalidInput`` (22023) for a key that is empty or over 100 bytes.
  @discardableResult
  public func enqueueJob(
    sceneID: UUID, inputText: String, idempotencyKey: String? = nil, type: JobType = .continuation
  ) async throws -> EnqueuedJob {
    try await oneCall(
      "stories.enqueue_job",
      ["scene_id": sceneID, "input_text": inputText, "idempotency_key": idempotencyKey, "type": type])
  }

  /// `stories.claim_jobs`: hands `worker` up to `maxJobs` (1...1000) of the oldest queued jobs
  /// whose retry delay has passed, oldest first; concurrent workers never get the same job.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` (22023) for an empty
  ///   worker name or a count out of range.
  public func claimJobs(worker: String, maxJobs: Int = 1) async throws -> [ClaimedJob] {
    try await call("stories.claim_jobs", ["worker": worker, "max_jobs": try integerArgument(maxJobs)])
  }

  /// `stories.report_progress`: the holding worker's report (each nil leaves that column as it
  /// is), which also counts as its heartbeat.
  /// - Parameter progress: 0 to 100 (22023 otherwise).
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidState`` (55000) when `worker`
  ///   does not hold the job or the move skips back; ``ReelbaseError/Code/notFound`` (23503).
  @discardableResult
  public func reportProgress(
    jobID: UUID, worker: String, progress: Int? = nil, status: JobStatus? = nil, stage: JobStage? = nil,
    message: String? = nil
  ) async throws -> JobProgress {
    try await oneCall(
      "stories.report_progress",
      ["job_id": jobID, "worker": worker, "progress": try progress.map(integerArgument), "status": status,
       "stage": stage, "message": message])
  }

  /// `stories.complete_job`: the holding worker finishes the job (`final_ready` / `completed`,
  /// `resultData` stored) and its segment is appended, in one transaction.
  /// - Parameter resultData: What the pipeline produced; required because the SQL argument has
  ///   no default and a nil is left out of the call.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidState`` (55000) when `worker`
  ///   does not hold the job, and the refusals of ``appendSegment(jobID:media:)``.
  @discardableResult
  public func completeJob(jobID: UUID, worker: String, resultData: JSONValue, media: SegmentMedia)
    async throws -> AppendedSegment
  {
    try await oneCall(
      "stories.complete_job",
      try media.arguments(after: ["job_id": jobID, "worker": worker, "result_data": resultData]))
  }

  /// `stories.fail_job`: the holding worker reports a failure. The job is queued again after
  /// 30 s x 2^retries (at most an hour) while retries remain, else it is `failed`.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidState`` (55000) when `worker`
  ///   does not hold the job.
  @discardableResult
  public func failJob(jobID: UUID, worker: String, errorCode: String? = nil, errorMessage: String? = nil)
    async throws -> JobFailure
  {
    try await oneCall(
      "stories.fail_job",
      ["job_id": jobID, "worker": worker, "error_code": errorCode, "error_message": errorMessage])
  }

  /// `stories.cancel_job`: cancels an unfinished job of the current user (a moderator: any);
  /// returns its status, `cancelled`.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/notFound`` (23503) for a job that does
  ///   not exist or is not the user's; ``ReelbaseError/Code/invalidState`` (55000) for a
  ///   finished one.
  @discardableResult
  public func cancelJob(jobID: UUID) async throws -> JobStatus {
    try await required("stories.cancel_job", ["job_id": jobID])
  }

  /// `stories.requeue_stalled_jobs`: queues again the jobs in progress whose worker has not
  /// reported for `stalledAfter`; returns how many. A maintenance task runs it every minute
  /// (`reelbase.run_maintenance()`); call it to requeue at once.
  @discardableResult
  public func requeueStalledJobs(stalledAfter: SQLInterval = .minutes(10)) async throws -> Int {
    try await required("stories.requeue_stalled_jobs", ["stalled_after": stalledAfter])
  }
}
