import Foundation
import PostgresNIO

/// A periodic task that `reelbase.run_maintenance()` runs when due
/// (`reelbase.maintenance_tasks`), registered with
/// ``ReelbaseQueryable/registerMaintenanceTask(name:function:runEvery:)``.
public struct MaintenanceTask: Sendable, Hashable, Identifiable {
  /// The task's name.
  public var name: String
  /// The function it calls (taking no arguments), as `regprocedure` text such as
  /// `ops.nightly()` (schema-qualified unless its schema is on the session's `search_path`).
  public var function: String
  /// How often it runs: it is due when `run_every` has passed since it last started.
  public var runEvery: SQLInterval
  /// Whether it runs at all. Registering a task again enables it.
  public var enabled: Bool
  /// When it last started.
  public var lastStartedAt: Date?
  /// When it last finished (whether it succeeded or failed).
  public var lastFinishedAt: Date?
  /// `ok` or `failed` after a run; nil before the first.
  public var lastStatus: String?
  /// `<sqlstate>: <message>` of the last failure; nil after a success.
  public var lastError: String?
  /// Registered by the extension's install script, which `pg_dump` therefore leaves out.
  public var registeredByExtension: Bool

  /// The task's name.
  public var id: String { name }

  static let columns = """
    name, function::text AS function, run_every, enabled, last_started_at, last_finished_at,
    last_status, last_error, registered_by_extension
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "reelbase.maintenance_tasks")
    name = try r("name")
    function = try r("function")
    runEvery = try r("run_every")
    enabled = try r("enabled")
    lastStartedAt = try r.optional("last_started_at")
    lastFinishedAt = try r.optional("last_finished_at")
    lastStatus = try r.optional("last_status")
    lastError = try r.optional("last_error")
    registeredByExtension = try r("registered_by_extension")
  }
}
