import Testing
@testable import ReelbaseCore

@Suite struct JobRetryTests {
  @Test func delaysDoubleUpToAnHour() {
    #expect(JobRetry.after(retryCount: 0, maxRetries: 3) == .retry(afterSeconds: 30))
    #expect(JobRetry.after(retryCount: 1, maxRetries: 3) == .retry(afterSeconds: 60))
    #expect(JobRetry.after(retryCount: 2, maxRetries: 3) == .retry(afterSeconds: 120))
    #expect(JobRetry.after(retryCount: 7, maxRetries: 100) == .retry(afterSeconds: 3600))
    #expect(JobRetry.after(retryCount: Int.max - 1, maxRetries: Int.max) == .retry(afterSeconds: 3600))
  }

  @Test func noRetriesLeftMeansFailed() {
    #expect(JobRetry.after(retryCount: 3, maxRetries: 3) == .fail)
    #expect(JobRetry.after(retryCount: 0, maxRetries: 0) == .fail)
    #expect(JobRetry.after(retryCount: -1, maxRetries: 3) == .fail)
  }
}
