import Foundation
import PostgresNIO

/// Leases a pooled connection with a time limit on getting it, but none on using it.
///
/// PostgresNIO's pool queues a lease while it keeps retrying a server that refuses
/// connections, for up to a minute. A replica that is down must not stall reads that long, so
/// the lease is taken in a child task that hands the connection over and then holds the lease
/// until the caller is done; the caller waits for the handover at most `timeout`. The caller's
/// code runs in the caller's task (no `@Sendable` needed), and the connection is back in the
/// pool before this returns.
enum ConnectionLeaser {
  static func withConnection<T: Sendable>(
    _ client: PostgresClient, timeout: Duration,
    _ body: (PostgresConnection) async throws -> T
  ) async throws -> T {
    let handoff = Handoff()
    return try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        do {
          try await client.withConnection { connection in
            // Hold the lease until the caller is done with it, even if this task is
            // cancelled: returning early would put a connection still in use back in the pool.
            if handoff.deliver(connection) { await handoff.waitUntilReleased() }
          }
        } catch {
          handoff.fail(error)
        }
      }
      group.addTask {
        do { try await Task.sleep(for: timeout) } catch { return }
        handoff.fail(LeaseTimeout())
      }
      defer {
        handoff.release()
        group.cancelAll()
      }
      let connection = try await handoff.connection()
      return try await body(connection)
    }
  }

  /// The meeting point of the leasing child task and the caller.
  private final class Handoff: @unchecked Sendable {
    private enum State {
      case waiting(CheckedContinuation<PostgresConnection, any Error>?)
      case delivered(PostgresConnection)
      case failed(any Error)
      case taken
    }

    private let lock = NSLock()
    private var state = State.waiting(nil)
    private var released = false
    private var releaseWaiter: CheckedContinuation<Void, Never>?

    /// The child task has a connection. Returns false when the caller has already given up,
    /// in which case the child releases it at once.
    func deliver(_ connection: PostgresConnection) -> Bool {
      let waiter: CheckedContinuation<PostgresConnection, any Error>?
      lock.lock()
      switch state {
      case .waiting(let continuation):
        waiter = continuation
        state = continuation == nil ? .delivered(connection) : .taken
      case .delivered, .failed, .taken:
        lock.unlock()
        return false
      }
      lock.unlock()
      waiter?.resume(returning: connection)
      return true
    }

    /// Getting a connection failed or took too long; the first failure wins.
    func fail(_ error: any Error) {
      let waiter: CheckedContinuation<PostgresConnection, any Error>?
      lock.lock()
      switch state {
      case .waiting(let continuation):
        waiter = continuation
        state = continuation == nil ? .failed(error) : .taken
      case .delivered, .failed, .taken:
        lock.unlock()
        return
      }
      lock.unlock()
      waiter?.resume(throwing: error)
    }

    /// Waits for the child task's connection or failure.
    func connection() async throws -> PostgresConnection {
      try await withCheckedThrowingContinuation { continuation in
        lock.lock()
        switch state {
        case .waiting:
          state = .waiting(continuation)
          lock.unlock()
        case .delivered(let connection):
          state = .taken
          lock.unlock()
          continuation.resume(returning: connection)
        case .failed(let error):
          state = .taken
          lock.unlock()
          continuation.resume(throwing: error)
        case .taken:
          lock.unlock()
          continuation.resume(throwing: LeaseTimeout())
        }
      }
    }

    /// The caller is done with the connection (or never got it).
    func release() {
      lock.lock()
      released = true
      let waiter = releaseWaiter
      releaseWaiter = nil
      lock.unlock()
      waiter?.resume()
    }

    /// Suspends the leasing child task until ``release()``.
    func waitUntilReleased() async {
      await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        lock.lock()
        if released {
          lock.unlock()
          continuation.resume()
        } else {
          releaseWaiter = continuation
          lock.unlock()
        }
      }
    }
  }
}
