import PostgresNIO

/// How a ``ReelbaseClient`` reaches its databases: one primary and any number of streaming
/// replicas, each a PostgresNIO `PostgresClient.Configuration` (address, credentials, TLS,
/// pool size and timeouts are set there).
///
/// ```swift
/// func endpoint(_ host: String) -> PostgresClient.Configuration {
///   var c = PostgresClient.Configuration(
///     host: host, username: "app", password: secret, database: "reelbase", tls: .require(tls))
///   c.options.maximumConnections = 20
///   return c
/// }
/// let config = ReelbaseConfiguration(
///   primary: endpoint("db-primary"), replicas: [endpoint("db-replica-1"), endpoint("db-replica-2")])
/// ```
public struct ReelbaseConfiguration: Sendable {
  /// How reads pick a replica.
  public enum ReplicaSelection: Sendable, Hashable {
    /// Each read starts at the next replica in turn, spreading the load.
    case roundRobin
    /// Reads go to the first healthy replica in the configured order.
    case firstHealthy
  }

  /// The primary: every write, every transaction by default, and reads that ask for it.
  public var primary: PostgresClient.Configuration
  /// The replicas reads go to. Empty means every read goes to the primary.
  public var replicas: [PostgresClient.Configuration]
  /// How reads pick a replica. Default ``ReplicaSelection/roundRobin``.
  public var replicaSelection: ReplicaSelection = .roundRobin
  /// How long a read waits for a replica connection before it gives up on that replica and
  /// tries the next (then the primary). Default 2 seconds.
  public var replicaConnectTimeout: Duration = .seconds(2)
  /// How long a call waits for a primary connection before it fails with
  /// ``ReelbaseError/Code/unavailable``. nil (the default) waits as PostgresNIO's pool does,
  /// which keeps retrying a server that refuses connections for up to a minute.
  public var primaryConnectTimeout: Duration?
  /// How long a replica that failed is skipped before reads try it again. Default 10 seconds.
  public var replicaRetryInterval: Duration = .seconds(10)

  /// Makes a configuration.
  /// - Parameters:
  ///   - primary: The primary.
  ///   - replicas: The replicas; none by default.
  public init(primary: PostgresClient.Configuration, replicas: [PostgresClient.Configuration] = []) {
    self.primary = primary
    self.replicas = replicas
  }
}
