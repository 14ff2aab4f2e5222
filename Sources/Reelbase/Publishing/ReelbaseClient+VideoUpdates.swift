import Foundation

extension ReelbaseClient {
  /// ``ReelbaseQueryable/updateVideo(id:expectedVersion:changes:actor:)`` with its optimistic
  /// concurrency handled. Each attempt is one transaction acting for `userID` that reads the
  /// video, asks `change` what to set given that state, and writes with the version it read.
  /// A lost race aborts the transaction, so it cannot be retried inside one: an attempt that
  /// fails with a retryable ``ReelbaseError/Code/conflict`` (40001: the version or the audit
  /// trail moved on; 40P01, 55P03) is rolled back whole and the next starts from what is
  /// committed then. A lost connection is not retried: the first write may have committed.
  ///
  /// ```swift
  /// let video = try await client.updateVideoRetrying(id: videoID, actingFor: ownerID) { current in
  ///   [.title((current.title ?? "Untitled") + " (final cut)")]
  /// }
  /// ```
  /// - Parameters:
  ///   - userID: The owner or worker to act for; nil for an administrator role.
  ///   - actor: The audit trail's actor; the identity by default.
  ///   - attempts: At most this many transactions.
  ///   - change: May run once per attempt, with each attempt's reading, so it should only
  ///     compute the changes.
  /// - Returns: The video as written.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/notFound`` when the video does not exist
  ///   or is hidden from `userID`; the last conflict when every attempt lost; update_video's
  ///   other refusals at once, since they would fail again; what `change` throws.
  @discardableResult
  public func updateVideoRetrying(
    id: UUID, actingFor userID: UUID?, actor: String? = nil, attempts: Int = 5,
    _ change: (PublishingVideo) async throws -> [VideoChange]
  ) async throws -> PublishingVideo {
    var attempt = 1
    while true {
      do {
        return try await withIdentity(userID) { tx in
          guard let current = try await tx.find(PublishingVideo.self, id: id) else {
            throw ReelbaseError(.notFound, "no video \(id) visible to the identity")
          }
          return try await tx.updateVideo(
            id: id, expectedVersion: current.stateVersion, changes: try await change(current), actor: actor)
        }
      } catch let error as ReelbaseError where error.code == .conflict && error.isRetryable && attempt < attempts {
        attempt += 1
      }
    }
  }
}
