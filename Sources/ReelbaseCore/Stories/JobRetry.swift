/// What a failed stories job does next: back to the queue after an exponentially growing
/// delay while it has retries left, else failed for good.
public enum JobRetry: Equatable, Sendable {
  case retry(afterSeconds: Int)
  case fail

  /// The first retry waits this long; each further one twice as long as the one before.
  public static let baseDelaySeconds = 30
  /// No retry waits longer.
  public static let maxDelaySeconds = 3600

  /// - Parameters:
  ///   - retryCount: retries already made before this failure.
  ///   - maxRetries: the job's limit (`jobs.max_retries`).
  public static func after(retryCount: Int, maxRetries: Int) -> JobRetry {
    guard retryCount >= 0, retryCount < maxRetries else { return .fail }
    // 30 s x 2^retryCount, computed without overflow for any count.
    var delay = baseDelaySeconds
    for _ in 0..<min(retryCount, 16) where delay < maxDelaySeconds { delay *= 2 }
    return .retry(afterSeconds: min(delay, maxDelaySeconds))
  }
}
