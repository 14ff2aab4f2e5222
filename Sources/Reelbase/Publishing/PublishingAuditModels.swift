import Foundation

/// One change of a video, or of its assets, tags or receipts (`publishing.task_audit`), written
/// by the server's triggers in the change's transaction. Append-only for every role, and
/// hash-chained per video so that ``ReelbaseQueryable/verifyAudit(videoID:readFrom:)`` exposes
/// an edited, removed or reordered row. `reelbase_app` reads the trail of a video it can see.
public struct TaskAuditEntry: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "publishing.task_audit"
  /// Rises in the order a chain's rows were linked (with gaps).
  public var id = 0
  /// The video.
  public var taskID = UUID()
  /// What the writer named (update_video's `actor`, the setting `publishing.actor`), else the
  /// identity, else the login role.
  public var actor: String?
  /// `<table>.<insert|update|delete>`, e.g. `videos.update`, `assets.insert`.
  public var action: String?
  /// An update's changed columns as they were; a delete's whole row; nil for an insert.
  public var stateBefore: JSONValue?
  /// An update's changed columns as they became; an insert's whole row; nil for a delete.
  public var stateAfter: JSONValue?
  /// The video's state_version after the change.
  public var stateVersion: Int?
  public var timestamp: Date?
  /// The previous row's `rowHash` in this video's chain; 32 zero bytes for the first.
  public var prevHash = Data()
  /// SHA-256 over the row's fields and `prevHash` (`ReelbaseCore.AuditRecord`).
  public var rowHash = Data()
  public init() {}
}

/// What ``ReelbaseQueryable/verifyAudit(videoID:readFrom:)`` found: the first broken link, if
/// any, of the chains the caller can see.
public struct AuditVerification: ReelbaseRow, Hashable {
  /// True when no visible chain is broken.
  public var ok: Bool
  public var chainsChecked: Int
  public var rowsChecked: Int
  /// The first row whose link or hash does not hold.
  public var brokenID: Int?
  /// The video of that row.
  public var brokenTaskID: UUID?
  /// What is wrong: a changed row, or a removed or reordered predecessor.
  public var problem: String?
}
