import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PostgresNIO
import Reelbase
import Testing

/// Where the client tests find their database. scripts/test-client.sh sets these up; run
/// outside it, every test fails (never skips) and says so.
struct TestEnvironment {
  let database: String
  let appRole: String
  let adminRole: String
  /// The cluster's superuser (PGUSER), who installed the extension.
  let superuser: String
  let replicaHost: String
  let replicaPort: Int
  let replicaScript: String

  struct Missing: Error, CustomStringConvertible {
    let variable: String
    var description: String {
      "\(variable) is not set: run the client tests through scripts/test-client.sh"
    }
  }

  static func load() throws -> TestEnvironment {
    let env = ProcessInfo.processInfo.environment
    func value(_ name: String) throws -> String {
      guard let value = env[name], !value.isEmpty else { throw Missing(variable: name) }
      return value
    }
    let replicaPortText = try value("REELBASE_REPLICA_PORT")
    guard let replicaPort = Int(replicaPortText) else { throw Missing(variable: "REELBASE_REPLICA_PORT") }
    _ = try value("PGHOST")
    _ = try value("PGPORT")
    return TestEnvironment(
      database: try value("REELBASE_CLIENT_DB"),
      appRole: try value("REELBASE_TEST_APP_ROLE"),
      adminRole: try value("REELBASE_TEST_ADMIN_ROLE"),
      superuser: try value("PGUSER"),
      replicaHost: "127.0.0.1",
      replicaPort: replicaPort,
      replicaScript: try value("REELBASE_REPLICA_SCRIPT"))
  }

  /// The primary, over the cluster's unix socket (PGHOST, PGPORT).
  func primary(_ role: String, maxConnections: Int = 4) throws -> PostgresClient.Configuration {
    var config = try PostgresClient.Configuration.libpqEnvironment(username: role, database: database)
    config.options.maximumConnections = maxConnections
    return config
  }

  /// The streaming replica, over TCP on 127.0.0.1.
  func replica(_ role: String, port: Int? = nil) -> PostgresClient.Configuration {
    var config = PostgresClient.Configuration(
      host: replicaHost, port: port ?? replicaPort, username: role, password: nil,
      database: database, tls: .disable)
    config.options.maximumConnections = 4
    config.options.connectTimeout = .seconds(2)
    return config
  }

  /// Runs `body` with a client logged in as `role` (the admin role by default), primary only.
  func withClient<T: Sendable>(
    _ role: String? = nil, maxConnections: Int = 4, _ body: (ReelbaseClient) async throws -> T
  ) async throws -> T {
    var config = ReelbaseConfiguration(
      primary: try primary(role ?? adminRole, maxConnections: maxConnections))
    // A server that is not there fails the test in seconds rather than after the pool's
    // minute of retries.
    config.primaryConnectTimeout = .seconds(10)
    return try await ReelbaseClient.withClient(configuration: config, body)
  }

  /// Runs replica.sh with `command` (start, stop) and waits for it.
  ///
  /// Not Foundation's Process: it watches for the child's exit through a socket the child
  /// inherits, and the server that `start` leaves running inherits it too, so it never sees
  /// the script end.
  func replicaScript(_ command: String) throws {
    let arguments = ["/bin/bash", replicaScript, command]
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/bin/bash", nil, nil, &argv, environ)
    guard spawned == 0 else {
      throw ReelbaseError(.serverError, "could not run replica.sh \(command): error \(spawned)")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let exited = status & 0x7f == 0
    let code = (status >> 8) & 0xff
    guard exited && code == 0 else {
      throw ReelbaseError(.serverError, "replica.sh \(command) failed (wait status \(status))")
    }
  }
}

/// Asserts that `body` throws a ``ReelbaseError`` with `code` (and `sqlState`, if given) and
/// returns it for further checks.
@discardableResult
func expectReelbaseError(
  _ code: ReelbaseError.Code, sqlState: String? = nil,
  sourceLocation: SourceLocation = #_sourceLocation,
  _ body: () async throws -> Void
) async -> ReelbaseError? {
  do {
    try await body()
    Issue.record("expected a ReelbaseError \(code), nothing was thrown", sourceLocation: sourceLocation)
    return nil
  } catch let error as ReelbaseError {
    #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    if let sqlState {
      #expect(error.sqlState == sqlState, "\(error)", sourceLocation: sourceLocation)
    }
    return error
  } catch {
    Issue.record("expected a ReelbaseError \(code), got \(error)", sourceLocation: sourceLocation)
    return nil
  }
}
