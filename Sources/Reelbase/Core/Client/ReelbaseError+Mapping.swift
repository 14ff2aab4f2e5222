import PostgresNIO

extension ReelbaseError {
  /// Turns any error thrown while talking to the database into a ``ReelbaseError``.
  ///
  /// A ``ReelbaseError`` passes through unchanged. A server error keeps its SQLSTATE,
  /// message, detail, hint and constraint; its ``Code`` comes from ``code(forSQLState:)``.
  /// Anything else (a refused connection, a closed pool, a decoding failure) gets the code
  /// that describes it.
  /// - Parameter error: The error to translate.
  /// - Returns: The translated error.
  public static func from(_ error: any Error) -> ReelbaseError {
    if let error = error as? ReelbaseError { return error }
    if let error = error as? PSQLError { return from(psql: error) }
    if error is PostgresDecodingError || error is DecodingError {
      return ReelbaseError(
        .unexpectedResponse, "could not decode the server's answer: \(error)", underlying: error)
    }
    if error is CancellationError {
      return ReelbaseError(.cancelled, "the task was cancelled", underlying: error)
    }
    // Connection-level failures (NIO channel errors, a connection pool that gave up).
    return ReelbaseError(.unavailable, "database unavailable: \(error)", underlying: error)
  }

  /// The stable code for a SQLSTATE the server raised, including reelbase's own SQLSTATEs
  /// (class RB: RB001 ``Code/listingNotActive``, RB002 ``Code/marketCapReached``, RB003
  /// ``Code/globalCapReached``).
  /// - Parameter sqlState: A five-character SQLSTATE.
  /// - Returns: The code a caller switches on.
  public static func code(forSQLState sqlState: String) -> Code {
    switch sqlState {
    case "22003": return .outOfRange
    case "23503", "P0002", "42P01": return .notFound
    case "23505", "42P07": return .duplicate
    case "40001", "40P01", "55P03", "23P01": return .conflict
    case "55000", "42P17": return .invalidState
    case "42501": return .permissionDenied
    case "23502", "23514", "42883", "42804", "42809", "42622": return .invalidInput
    case "RB001": return .listingNotActive
    case "RB002": return .marketCapReached
    case "RB003": return .globalCapReached
    case "57014": return .cancelled
    case "57P01", "57P02", "57P03": return .unavailable
    default: break
    }
    switch sqlState.prefix(2) {
    case "22": return .invalidInput
    case "28": return .permissionDenied
    case "08": return .unavailable
    default: return .serverError
    }
  }

  private static func from(psql error: PSQLError) -> ReelbaseError {
    guard error.code == .server, let info = error.serverInfo else {
      let code: Code
      switch error.code {
      case .queryCancelled: code = .cancelled
      case .messageDecodingFailure, .unexpectedBackendMessage, .invalidCommandTag:
        code = .unexpectedResponse
      case .tooManyParameters: code = .misuse
      default: code = .unavailable
      }
      let reason = error.underlying.map { ": \($0)" } ?? ""
      return ReelbaseError(code, "\(error.code)\(reason)", underlying: error)
    }
    let sqlState = info[.sqlState] ?? "XX000"
    return ReelbaseError(
      code(forSQLState: sqlState), info[.message] ?? "server error", sqlState: sqlState,
      detail: info[.detail], hint: info[.hint], constraintName: info[.constraintName],
      underlying: error)
  }
}

/// Runs `body`, translating whatever it throws into a ``ReelbaseError``.
/// - Parameter body: The database work.
/// - Returns: What `body` returns.
/// - Throws: ``ReelbaseError``.
func translatingErrors<T>(_ body: () async throws -> T) async throws -> T {
  do {
    return try await body()
  } catch {
    throw ReelbaseError.from(error)
  }
}
