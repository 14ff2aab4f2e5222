import Foundation
import PostgresNIO

/// The media of a segment, as the pipeline made it: the arguments
/// ``ReelbaseQueryable/appendSegment(jobID:media:)`` and
/// ``ReelbaseQueryable/completeJob(jobID:worker:resultData:media:)`` share.
public struct SegmentMedia: Sendable, Hashable {
  public var videoURL: String
  /// Seconds, not negative (22023).
  public var duration: Int
  public var expandedScript: String
  public var hlsPlaylistURL: String?
  public var thumbnailURL: String?
  /// `1080p`, ...
  public var resolution: String?
  /// Bytes.
  public var fileSize: Int?

  public init(
    videoURL: String, duration: Int, expandedScript: String, hlsPlaylistURL: String? = nil,
    thumbnailURL: String? = nil, resolution: String? = nil, fileSize: Int? = nil
  ) {
    (self.videoURL, self.duration, self.expandedScript) = (videoURL, duration, expandedScript)
    (self.hlsPlaylistURL, self.thumbnailURL, self.resolution, self.fileSize) =
      (hlsPlaylistURL, thumbnailURL, resolution, fileSize)
  }

  /// `leading`, then the media under the SQL argument names.
  func arguments(after leading: SQLArguments) throws -> SQLArguments {
    SQLArguments(leading.elements + [
      ("video_url", videoURL), ("duration", try integerArgument(duration)), ("expanded_script", expandedScript),
      ("hls_playlist_url", hlsPlaylistURL), ("thumbnail_url", thumbnailURL), ("resolution", resolution),
      ("file_size", fileSize),
    ])
  }
}

extension SQLArguments {
  fileprivate init(_ elements: [(String, (any PostgresThrowingDynamicTypeEncodable)?)]) { self.elements = elements }
}

/// The two writes that order a scene: its bible's next version and its next segment. The
/// pipeline's (`reelbase_admin`); end users get ``ReelbaseError/Code/permissionDenied``.
extension ReelbaseQueryable {
  /// `stories.update_scene_bible`: writes version `expectedVersion + 1` of the scene's bible
  /// under optimistic locking; `Scene.bibleVersion` follows. Of concurrent writers holding the
  /// same version exactly one wins.
  /// - Parameters:
  ///   - data: The new bible; its `version` must be `expectedVersion + 1`.
  ///   - createdBySegmentID: The segment that led to it.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/conflict`` (40001) when the bible moved on
  ///   (``ReelbaseError/currentBibleVersion`` says to what: read it, apply the change, retry);
  ///   ``ReelbaseError/Code/invalidInput`` (22023) for data the bible schema refuses (the detail
  ///   names the paths) or a wrong `version`; ``ReelbaseError/Code/notFound`` (23503) for a
  ///   scene that does not exist or is hidden; ``ReelbaseError/Code/invalidState`` (55000) for a
  ///   removed scene.
  @discardableResult
  public func updateSceneBible(
    sceneID: UUID, expectedVersion: Int, data: SceneBibleData, createdBySegmentID: UUID? = nil
  ) async throws -> SceneBibleVersion {
    try await oneCall(
      "stories.update_scene_bible",
      ["scene_id": sceneID, "expected_version": try integerArgument(expectedVersion), "data": data,
       "created_by_segment_id": createdBySegmentID])
  }

  /// `stories.append_segment`: the segment of a `final_ready` job as the next of its scene,
  /// with the job's user, text and bible version; the scene's counters follow. Sequences are
  /// 1...N without gaps under concurrent appenders; the same job again returns its segment.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidState`` (55000) for a job that is
  ///   not `final_ready` or a locked or removed scene; ``ReelbaseError/Code/notFound`` (23503);
  ///   ``ReelbaseError/Code/invalidInput`` (22023) for a negative duration.
  @discardableResult
  public func appendSegment(jobID: UUID, media: SegmentMedia) async throws -> AppendedSegment {
    try await oneCall("stories.append_segment", try media.arguments(after: ["job_id": jobID]))
  }
}

extension ReelbaseError {
  /// The scene's bible version named by a stale ``ReelbaseQueryable/updateSceneBible(sceneID:expectedVersion:data:createdBySegmentID:)``
  /// (40001, detail `current version: N`); nil for any other error.
  public var currentBibleVersion: Int? {
    guard sqlState == "40001", let detail, detail.hasPrefix("current version: ") else { return nil }
    return Int(detail.dropFirst("current version: ".count))
  }
}
