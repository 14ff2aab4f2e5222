import PostgresNIO

extension ReelbaseClient {
  /// Marks an error that happened after a transaction's body started, so the router does not
  /// run the body a second time on another server.
  struct NoFallback: Error {
    let error: any Error
  }

  /// Runs `body` on a replica connection, trying the healthy replicas in order and then the
  /// primary. A replica that cannot be reached, or whose connection is lost, is marked
  /// unavailable and the next one is tried. `body` gets the connection and whether it is a
  /// replica. Errors wrapped in ``NoFallback`` are unwrapped and thrown without a retry; so are
  /// server errors, which are answers, not unavailability.
  func withReadConnection<T: Sendable>(
    _ body: (PostgresConnection, Bool) async throws -> T
  ) async throws -> T {
    for index in router.candidates() {
      do {
        let result = try await ConnectionLeaser.withConnection(
          replicas[index], timeout: configuration.replicaConnectTimeout
        ) { connection in
          try await body(connection, true)
        }
        router.markHealthy(index)
        return result
      } catch let failure as NoFallback {
        throw failure.error
      } catch {
        guard !Task.isCancelled, ReplicaRouter.isUnavailable(error) else { throw error }
        router.markUnavailable(index)
        logger.warning(
          "reelbase: replica unavailable, trying the next server",
          metadata: ["replica": "\(index)", "error": "\(error)"])
      }
    }
    do {
      return try await withPrimaryConnection { connection in
        try await body(connection, false)
      }
    } catch let failure as NoFallback {
      throw failure.error
    }
  }

  /// Runs `body` on a primary connection, waiting at most
  /// ``ReelbaseConfiguration/primaryConnectTimeout`` for it when that is set.
  func withPrimaryConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T)
    async throws -> T
  {
    if let timeout = configuration.primaryConnectTimeout {
      return try await ConnectionLeaser.withConnection(primary, timeout: timeout, body)
    }
    return try await primary.withConnection { connection in try await body(connection) }
  }
}
