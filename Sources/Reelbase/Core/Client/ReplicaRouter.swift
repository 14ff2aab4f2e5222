import Foundation
import PostgresNIO

/// Chooses the replica a read goes to and remembers which replicas failed recently.
///
/// A replica that could not be reached (refused, timed out, connection lost, shutting down)
/// is skipped for ``ReelbaseConfiguration/replicaRetryInterval``; the next read after that
/// tries it again. When no replica is healthy, reads go to the primary.
final class ReplicaRouter: @unchecked Sendable {
  private let lock = NSLock()
  private let count: Int
  private let selection: ReelbaseConfiguration.ReplicaSelection
  private let retryInterval: Duration
  private var next = 0
  private var skipUntil: [ContinuousClock.Instant?]

  init(count: Int, selection: ReelbaseConfiguration.ReplicaSelection, retryInterval: Duration) {
    self.count = count
    self.selection = selection
    self.retryInterval = retryInterval
    self.skipUntil = Array(repeating: nil, count: count)
  }

  /// The replicas to try for one read, in order; empty when none is healthy.
  func candidates() -> [Int] {
    let now = ContinuousClock.now
    return lock.withLock {
      guard count > 0 else { return [] }
      let start: Int
      switch selection {
      case .roundRobin:
        start = next
        next = (next + 1) % count
      case .firstHealthy:
        start = 0
      }
      return (0..<count).map { (start + $0) % count }.filter { index in
        guard let until = skipUntil[index] else { return true }
        return until <= now
      }
    }
  }

  /// Records that `index` answered.
  func markHealthy(_ index: Int) {
    lock.withLock { skipUntil[index] = nil }
  }

  /// Records that `index` could not be reached.
  func markUnavailable(_ index: Int) {
    let until = ContinuousClock.now.advanced(by: retryInterval)
    lock.withLock { skipUntil[index] = until }
  }

  /// Whether `error` means the replica could not be used (as opposed to the server answering
  /// the statement with an error, which is the caller's to see).
  static func isUnavailable(_ error: any Error) -> Bool {
    if error is LeaseTimeout { return true }
    if let error = error as? ReelbaseError { return error.code == .unavailable }
    guard let error = error as? PSQLError else {
      // NIO channel errors and connection-pool errors: nothing reached the server.
      return !(error is CancellationError)
    }
    guard error.code == .server else { return error.code != .queryCancelled }
    let sqlState = error.serverInfo?[.sqlState] ?? ""
    return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
  }
}
