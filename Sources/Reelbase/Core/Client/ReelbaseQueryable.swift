import Foundation
import PostgresNIO

/// Something that runs reelbase statements: a ``ReelbaseClient`` (each statement on a pooled
/// connection, reads routed to replicas) or a ``ReelbaseTransaction`` (every statement on the
/// transaction's connection, under its identity).
///
/// The typed calls (``trackVideoEvent(eventType:videoID:creatorID:studentID:courseID:moduleID:metadata:timestamp:)``,
/// ``fetch(_:where:orderBy:limit:readFrom:)``, ...) are extensions of this protocol, in each
/// product's folder, so each works both on the client and inside a transaction.
public protocol ReelbaseQueryable: Sendable {
  /// Runs one statement and returns all its rows. This is the escape hatch for SQL the typed
  /// calls do not cover; bind values through `PostgresQuery` interpolation, never by
  /// building SQL text from them.
  /// - Parameters:
  ///   - query: The statement, with its bound values.
  ///   - intent: Whether it writes or reads, and for reads where they may run. Ignored
  ///     inside a transaction.
  /// - Returns: The rows, all read into memory.
  /// - Throws: ``ReelbaseError``.
  func rows(_ query: PostgresQuery, _ intent: QueryIntent) async throws -> [PostgresRow]
}

extension ReelbaseQueryable {
  /// The first column of the first row, or nil when there is no row or it is NULL.
  func scalar<T: PostgresDecodable>(
    _ query: PostgresQuery, _ intent: QueryIntent, as type: T.Type, _ context: String
  ) async throws -> T? where T._DecodableType == T {
    guard let row = try await rows(query, intent).first else { return nil }
    guard let cell = row.first(where: { _ in true }) else {
      throw ReelbaseError(.unexpectedResponse, "\(context) returned a row without columns")
    }
    do {
      return try cell.decode(T?.self)
    } catch {
      throw ReelbaseError(
        .unexpectedResponse, "\(context) returned a value that is not \(T.self): \(error)",
        underlying: error)
    }
  }

  /// The value of a function that always returns one row and a non-NULL value.
  func requiredScalar<T: PostgresDecodable>(
    _ query: PostgresQuery, _ intent: QueryIntent, as type: T.Type, _ context: String
  ) async throws -> T where T._DecodableType == T {
    guard let value = try await scalar(query, intent, as: T.self, context) else {
      throw ReelbaseError(.unexpectedResponse, "\(context) returned NULL")
    }
    return value
  }

  /// `reelbase.current_user_id()`: the end user the current transaction acts for, or nil.
  /// Outside ``ReelbaseClient/withIdentity(_:on:level:_:)`` this is always nil: the identity is
  /// transaction-local.
  /// - Parameter readFrom: Where the read runs (outside a transaction); a replica by default.
  /// - Throws: ``ReelbaseError``.
  public func currentUserID(readFrom: ReadPreference = .replica) async throws -> UUID? {
    try await value("reelbase.current_user_id", [:], .read(readFrom))
  }
}
