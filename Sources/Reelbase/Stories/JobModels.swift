import Foundation

/// A job of the AI pipeline (`stories.jobs`, partitioned by month on `created_at`; found by `id`
/// alone, as ``Segment``): a user's continuation of a scene, from
/// ``ReelbaseQueryable/enqueueJob(sceneID:inputText:idempotencyKey:type:)`` to a segment.
/// Its user and moderators read it; the pipeline moves it with the job calls, and the server
/// refuses a status or stage that skips back (55000).
public struct StoryJob: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "stories.jobs"
  public var id = UUID()
  public var sceneID = UUID()
  public var userID = UUID()
  public var type = JobType.continuation
  public var status = JobStatus.queued
  public var stage = JobStage.pending
  /// 0 to 100.
  public var progress = 0
  /// The worker's last message.
  public var message: String?
  public var inputText = ""
  /// The scene bible version when the job was made.
  public var bibleVersion = 1
  /// What the pipeline is handed (shape not defined by the seed).
  public var contextData: JSONValue?
  /// What the pipeline produced (shape not defined by the seed).
  public var resultData: JSONValue?
  public var errorCode: String?
  public var errorMessage: String?
  public var retryCount = 0
  public var maxRetries = 3
  public var createdAt = Date()
  public var startedAt: Date?
  public var completedAt: Date?
  /// The worker holding the job; nil while queued.
  public var claimedBy: String?
  /// The holding worker's last report.
  public var heartbeatAt: Date?
  /// A retried job waits until then.
  public var runAfter: Date?
  /// Unique across every partition.
  public var idempotencyKey: String?
  public init() {}
}

/// The job an idempotency key names (`stories.job_idempotency_keys`, kept by the database so a
/// key is unique across every partition of `stories.jobs`). Administrators read it; nobody
/// writes it.
public struct JobIdempotencyKey: ReelbaseTable, Hashable {
  public static let tableName = "stories.job_idempotency_keys"
  public static var primaryKey: [String] { ["idempotency_key"] }
  public var idempotencyKey = ""
  public var jobID = UUID()
  /// The job's `created_at`, which locates its partition.
  public var createdAt = Date()
  public init() {}
}

/// What ``ReelbaseQueryable/enqueueJob(sceneID:inputText:idempotencyKey:type:)`` returns.
public struct EnqueuedJob: ReelbaseRow, Hashable {
  public var jobID: UUID
  public var createdAt: Date
  public var status: JobStatus
  /// False when the idempotency key already named this job: nothing new was queued.
  public var enqueued: Bool
}

/// A job handed to a worker by ``ReelbaseQueryable/claimJobs(worker:maxJobs:)``, now
/// `processing` / `script_expansion`.
public struct ClaimedJob: ReelbaseRow, Hashable {
  public var jobID: UUID
  public var sceneID: UUID
  public var userID: UUID
  public var type: JobType
  public var inputText: String
  public var bibleVersion: Int
  public var contextData: JSONValue?
  public var retryCount: Int
  public var createdAt: Date
}

/// A job's state after ``ReelbaseQueryable/reportProgress(jobID:worker:progress:status:stage:message:)``.
public struct JobProgress: ReelbaseRow, Hashable {
  public var status: JobStatus
  public var stage: JobStage
  public var progress: Int

  enum CodingKeys: String, CodingKey {
    case status = "job_status", stage = "job_stage", progress = "job_progress"
  }
}

/// A job's state after ``ReelbaseQueryable/failJob(jobID:worker:errorCode:errorMessage:)``:
/// `queued` again with the time of its retry, or `failed` once its retries are spent.
public struct JobFailure: ReelbaseRow, Hashable {
  public var status: JobStatus
  public var retryCount: Int
  public var runAfter: Date?
}

/// The segment a job became (``ReelbaseQueryable/completeJob(jobID:worker:resultData:media:)``,
/// ``ReelbaseQueryable/appendSegment(jobID:media:)``).
public struct AppendedSegment: ReelbaseRow, Hashable {
  public var segmentID: UUID
  public var sceneID: UUID
  /// Its place in the scene: 1, 2, ...
  public var sequence: Int
  public var createdAt: Date
}
