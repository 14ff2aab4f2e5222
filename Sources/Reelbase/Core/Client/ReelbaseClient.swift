import Logging
import PostgresNIO
import ServiceLifecycle

/// The reelbase client: typed, async access to a reelbase database over PostgresNIO's
/// connection pools, one for the primary and one per replica.
///
/// Writes run on the primary; reads run on a replica unless they ask for the primary
/// (``ReadPreference``); a replica that cannot be reached is skipped and reads fall back to the
/// primary. ``withIdentity(_:on:level:_:)`` runs work for one end user under row-level
/// security.
///
/// The client's pools only work while ``run()`` is running, in a long-lived task or as a
/// ServiceLifecycle service; ``withClient(configuration:backgroundLogger:_:)`` does that for a
/// scope.
///
/// ```swift
/// try await ReelbaseClient.withClient(configuration: config) { client in
///   let videos = try await client.fetch(VideoSummary.self, where: "creator_id = \(creatorID)")
///   try await client.withIdentity(studentID) { tx in
///     try await tx.trackVideoEvent(
///       eventType: .videoStarted, videoID: videos[0].id, creatorID: creatorID, studentID: studentID)
///   }
/// }
/// ```
public final class ReelbaseClient: ReelbaseQueryable, Service {
  /// The configuration the client was made with.
  public let configuration: ReelbaseConfiguration
  let primary: PostgresClient
  let replicas: [PostgresClient]
  let router: ReplicaRouter
  let logger: Logger

  /// Makes a client. It connects lazily, once ``run()`` is running.
  /// - Parameters:
  ///   - configuration: The primary, the replicas and the routing settings.
  ///   - backgroundLogger: Where the pools and queries log; nothing is logged by default.
  public init(configuration: ReelbaseConfiguration, backgroundLogger: Logger? = nil) {
    let logger = backgroundLogger ?? Logger(label: "reelbase", factory: { _ in SwiftLogNoOpLogHandler() })
    self.configuration = configuration
    self.logger = logger
    self.primary = PostgresClient(configuration: configuration.primary, backgroundLogger: logger)
    self.replicas = configuration.replicas.map {
      PostgresClient(configuration: $0, backgroundLogger: logger)
    }
    self.router = ReplicaRouter(
      count: configuration.replicas.count, selection: configuration.replicaSelection,
      retryInterval: configuration.replicaRetryInterval)
  }

  /// Runs the connection pools until the task is cancelled (or, as a ServiceLifecycle
  /// service, until graceful shutdown). Calls wait for connections until this runs.
  public func run() async {
    await withDiscardingTaskGroup { group in
      group.addTask { await self.primary.run() }
      for replica in replicas {
        group.addTask { await replica.run() }
      }
    }
  }

  /// Makes a client, runs it for the duration of `body`, and shuts it down afterwards.
  /// - Parameters:
  ///   - configuration: The primary, the replicas and the routing settings.
  ///   - backgroundLogger: Where the pools and queries log; nothing is logged by default.
  ///   - body: The work to do with the client.
  /// - Returns: What `body` returns.
  /// - Throws: What `body` throws.
  public static func withClient<T: Sendable>(
    configuration: ReelbaseConfiguration, backgroundLogger: Logger? = nil,
    _ body: (ReelbaseClient) async throws -> T
  ) async throws -> T {
    let client = ReelbaseClient(configuration: configuration, backgroundLogger: backgroundLogger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { await client.run() }
      defer { group.cancelAll() }
      return try await body(client)
    }
  }

  /// Runs one statement on a pooled connection: writes and primary reads on the primary,
  /// replica reads on a replica (falling back to the primary).
  /// - Parameters:
  ///   - query: The statement, with its bound values.
  ///   - intent: Whether it writes or reads, and for reads where they may run.
  /// - Returns: The rows, all read into memory.
  /// - Throws: ``ReelbaseError``.
  public func rows(_ query: PostgresQuery, _ intent: QueryIntent) async throws -> [PostgresRow] {
    try await translatingErrors {
      switch intent {
      case .write, .read(.primary):
        return try await withPrimaryConnection { connection in
          try await connection.query(query, logger: logger).collect()
        }
      case .read(.replica):
        return try await withReadConnection { connection, _ in
          try await connection.query(query, logger: logger).collect()
        }
      }
    }
  }
}
