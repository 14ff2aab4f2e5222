import Foundation
import PostgresNIO

extension ReelbaseClient {
  /// Runs `body` in one transaction on one pooled connection, acting for end user `userID`:
  /// the transaction starts with `SELECT reelbase.set_user_id(userID)`, so row-level security
  /// sees that user in every statement of the body.
  ///
  /// The identity is transaction-local and ends with the COMMIT or ROLLBACK, so it never
  /// reaches the next user of the pooled connection. If the transaction cannot be rolled back,
  /// the connection is closed rather than returned to the pool.
  ///
  /// With `on: .replica` the transaction is READ ONLY and runs on a healthy replica (the
  /// primary when none is); with the default `.primary` it can write.
  /// - Parameters:
  ///   - userID: The `learning.creators` or `learning.students` id to act for; nil acts for
  ///     nobody (every end-user policy is then false).
  ///   - target: Where the transaction runs: `.primary` (default) or a read-only `.replica`.
  ///   - level: The isolation level; PostgreSQL's default, read committed, by default.
  ///   - body: The work; it commits when `body` returns and rolls back when it throws.
  /// - Returns: What `body` returns.
  /// - Throws: What `body` throws (unchanged), or ``ReelbaseError``.
  public func withIdentity<T: Sendable>(
    _ userID: UUID?, on target: ReadPreference = .primary, level: IsolationLevel = .readCommitted,
    _ body: (ReelbaseTransaction) async throws -> T
  ) async throws -> T {
    try await transaction(target, level, identity: .some(userID), body)
  }

  /// Runs `body` in one transaction on one pooled connection, without setting an identity
  /// (for administrator roles, which see rows through their own policies).
  /// - Parameters:
  ///   - target: Where the transaction runs: `.primary` (default) or a read-only `.replica`.
  ///   - level: The isolation level; read committed by default.
  ///   - body: The work; it commits when `body` returns and rolls back when it throws.
  /// - Returns: What `body` returns.
  /// - Throws: What `body` throws (unchanged), or ``ReelbaseError``.
  public func withTransaction<T: Sendable>(
    on target: ReadPreference = .primary, level: IsolationLevel = .readCommitted,
    _ body: (ReelbaseTransaction) async throws -> T
  ) async throws -> T {
    try await transaction(target, level, identity: nil, body)
  }

  private func transaction<T: Sendable>(
    _ target: ReadPreference, _ level: IsolationLevel, identity: UUID??,
    _ body: (ReelbaseTransaction) async throws -> T
  ) async throws -> T {
    do {
      switch target {
      case .primary:
        return try await withPrimaryConnection { connection in
          try await run(connection, onReplica: false, level, identity, body)
        }
      case .replica:
        return try await withReadConnection { connection, onReplica in
          try await run(connection, onReplica: onReplica, level, identity, body)
        }
      }
    } catch let failure as NoFallback {
      throw failure.error
    } catch {
      throw ReelbaseError.from(error)
    }
  }

  /// Runs one transaction on `connection`. Failures after BEGIN come out as ``NoFallback``.
  private func run<T: Sendable>(
    _ connection: PostgresConnection, onReplica: Bool, _ level: IsolationLevel, _ identity: UUID??,
    _ body: (ReelbaseTransaction) async throws -> T
  ) async throws -> T {
    try await begin(connection, level: level, readOnly: onReplica, identity: identity)
    let state = ReelbaseTransaction.State()
    let tx = ReelbaseTransaction(
      isOnReplica: onReplica, connection: connection, logger: logger, state: state)
    let result: T
    do {
      result = try await body(tx)
    } catch {
      // The body's own error comes out unchanged (the calls it made already throw
      // ReelbaseError).
      state.close()
      await abandon(connection)
      throw NoFallback(error: error)
    }
    state.close()
    do {
      try await connection.query("COMMIT", logger: logger)
    } catch {
      await abandon(connection)
      throw NoFallback(error: ReelbaseError.from(error))
    }
    return result
  }

  /// BEGIN, then the identity. Errors here happen before the body ran, so a read-only
  /// transaction may still fall back to another server.
  private func begin(
    _ connection: PostgresConnection, level: IsolationLevel, readOnly: Bool, identity: UUID??
  ) async throws {
    let mode = readOnly ? " READ ONLY" : ""
    try await connection.query(
      PostgresQuery(unsafeSQL: "BEGIN ISOLATION LEVEL \(level.rawValue)\(mode)"), logger: logger)
    guard case .some(let userID) = identity else { return }
    do {
      try await connection.query("SELECT reelbase.set_user_id(\(userID))", logger: logger)
    } catch {
      await abandon(connection)
      throw NoFallback(error: ReelbaseError.from(error))
    }
  }

  /// Rolls back; if that fails the connection's state is unknown, so it is closed instead of
  /// going back to the pool with a transaction (and an identity) still open.
  private func abandon(_ connection: PostgresConnection) async {
    do {
      try await connection.query("ROLLBACK", logger: logger)
    } catch {
      logger.warning("reelbase: ROLLBACK failed, closing the connection", metadata: ["error": "\(error)"])
      try? await connection.close()
    }
  }
}
