import Foundation
import Logging
import PostgresNIO

/// A transaction on one connection, handed to the body of
/// ``ReelbaseClient/withIdentity(_:on:level:_:)`` and
/// ``ReelbaseClient/withTransaction(on:level:_:)``.
///
/// Every call runs on the transaction's connection, inside the transaction, under its
/// identity; the read preference of read calls is ignored. The transaction is only valid
/// inside the body: a call after the body returned throws ``ReelbaseError/Code/misuse``
/// instead of running on a connection that by then belongs to someone else.
public struct ReelbaseTransaction: ReelbaseQueryable {
  /// Whether the transaction runs on a replica (it is then read-only).
  public let isOnReplica: Bool
  let connection: PostgresConnection
  let logger: Logger
  let state: State

  /// Runs one statement inside the transaction.
  /// - Parameters:
  ///   - query: The statement, with its bound values.
  ///   - intent: Ignored: everything runs on the transaction's connection.
  /// - Returns: The rows, all read into memory.
  /// - Throws: ``ReelbaseError``; ``ReelbaseError/Code/misuse`` after the body returned.
  public func rows(_ query: PostgresQuery, _ intent: QueryIntent) async throws -> [PostgresRow] {
    guard state.isOpen else {
      throw ReelbaseError(.misuse, "the transaction was used after its body returned")
    }
    return try await translatingErrors {
      try await connection.query(query, logger: logger).collect()
    }
  }

  /// Switches the identity the rest of the transaction acts for (`reelbase.set_user_id`).
  /// The identity is transaction-local: it ends with the transaction.
  /// - Parameter userID: A `learning.creators` or `learning.students` id; nil clears it.
  /// - Returns: The identity now in effect.
  /// - Throws: ``ReelbaseError``.
  @discardableResult
  public func setUserID(_ userID: UUID?) async throws -> UUID? {
    try await scalar(
      "SELECT reelbase.set_user_id(\(userID))", .write, as: UUID.self, "reelbase.set_user_id")
  }

  /// Whether a transaction is still inside its body.
  final class State: @unchecked Sendable {
    private let lock = NSLock()
    private var open = true

    var isOpen: Bool { lock.withLock { open } }

    func close() { lock.withLock { open = false } }
  }
}
