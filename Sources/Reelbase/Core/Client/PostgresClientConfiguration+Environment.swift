import Foundation
import PostgresNIO

extension PostgresClient.Configuration {
  /// A configuration from libpq's environment variables, as `psql` reads them: `PGHOST` (a
  /// directory means a unix socket, `PGHOST/.s.PGSQL.PGPORT`), `PGPORT` (5432), `PGUSER`
  /// (`postgres`), `PGPASSWORD`, `PGDATABASE` (the user name) and `PGSSLMODE` (`disable`,
  /// `require`; anything else prefers TLS). Arguments override the environment.
  /// - Parameters:
  ///   - environment: The variables to read; the process environment by default.
  ///   - host: Overrides `PGHOST`.
  ///   - port: Overrides `PGPORT`.
  ///   - username: Overrides `PGUSER`.
  ///   - database: Overrides `PGDATABASE`.
  /// - Returns: The configuration.
  /// - Throws: ``ReelbaseError`` with code ``ReelbaseError/Code/invalidInput`` when `PGPORT`
  ///   is not a port number.
  public static func libpqEnvironment(
    _ environment: [String: String] = ProcessInfo.processInfo.environment,
    host: String? = nil, port: Int? = nil, username: String? = nil, database: String? = nil
  ) throws -> PostgresClient.Configuration {
    let host = host ?? environment["PGHOST"] ?? "localhost"
    let port = try port ?? environment["PGPORT"].map(parsePort) ?? 5432
    let username = username ?? environment["PGUSER"] ?? "postgres"
    let database = database ?? environment["PGDATABASE"] ?? username
    let password = environment["PGPASSWORD"]
    if host.hasPrefix("/") {
      return PostgresClient.Configuration(
        unixSocketPath: "\(host)/.s.PGSQL.\(port)", username: username, password: password,
        database: database)
    }
    let tls: PostgresClient.Configuration.TLS
    switch environment["PGSSLMODE"] {
    case "disable": tls = .disable
    case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
    default: tls = .prefer(.makeClientConfiguration())
    }
    return PostgresClient.Configuration(
      host: host, port: port, username: username, password: password, database: database, tls: tls)
  }

  private static func parsePort(_ text: String) throws -> Int {
    guard let port = Int(text), (1...65535).contains(port) else {
      throw ReelbaseError(.invalidInput, "PGPORT \"\(text)\" is not a port number")
    }
    return port
  }
}
