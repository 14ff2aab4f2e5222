import Testing

@testable import Reelbase

/// The replica choice itself, without a server.
@Suite struct ReplicaRouterTests {
  @Test func roundRobinRotatesAndSkipsUnavailableReplicas() async throws {
    let router = ReplicaRouter(count: 3, selection: .roundRobin, retryInterval: .milliseconds(200))
    #expect(router.candidates() == [0, 1, 2])
    #expect(router.candidates() == [1, 2, 0])
    #expect(router.candidates() == [2, 0, 1])
    router.markUnavailable(1)
    #expect(router.candidates() == [0, 2])
    #expect(router.candidates() == [2, 0])
    try await Task.sleep(for: .milliseconds(250))
    #expect(router.candidates() == [2, 0, 1])
    router.markUnavailable(0)
    router.markHealthy(0)
    #expect(router.candidates() == [0, 1, 2])
  }

  @Test func firstHealthyKeepsTheConfiguredOrder() {
    let router = ReplicaRouter(count: 2, selection: .firstHealthy, retryInterval: .seconds(60))
    #expect(router.candidates() == [0, 1])
    #expect(router.candidates() == [0, 1])
    router.markUnavailable(0)
    #expect(router.candidates() == [1])
    router.markUnavailable(1)
    #expect(router.candidates().isEmpty)
  }

  @Test func noReplicasMeansThePrimary() {
    #expect(ReplicaRouter(count: 0, selection: .roundRobin, retryInterval: .seconds(1)).candidates().isEmpty)
  }

  @Test func sqlStatesMapToStableCodes() {
    #expect(ReelbaseError.code(forSQLState: "22004") == .invalidInput)
    #expect(ReelbaseError.code(forSQLState: "22012") == .invalidInput)
    #expect(ReelbaseError.code(forSQLState: "28P01") == .permissionDenied)
    #expect(ReelbaseError.code(forSQLState: "08006") == .unavailable)
    #expect(ReelbaseError.code(forSQLState: "57P01") == .unavailable)
    #expect(ReelbaseError.code(forSQLState: "P0001") == .serverError)
    #expect(ReplicaRouter.isUnavailable(LeaseTimeout()))
    #expect(!ReplicaRouter.isUnavailable(ReelbaseError(.notFound, "x")))
    #expect(!ReplicaRouter.isUnavailable(CancellationError()))
  }
}
