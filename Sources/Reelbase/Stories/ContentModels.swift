import Foundation

/// A story idea, a prompt users start scenes from (`stories.ideas`). Public once `active` and
/// `approved`; the author sees their own in any state. The counters are the database's.
/// Administrators write every other column with ``ReelbaseQueryable/insert(_:only:)`` and
/// ``ReelbaseQueryable/update(_:only:)``; end users, who are granted fewer columns, with
/// ``ReelbaseQueryable/submitIdea(_:)``, ``ReelbaseQueryable/editIdea(_:)`` and (moderators)
/// ``ReelbaseQueryable/moderateIdea(_:)``.
public struct Idea: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "stories.ideas"
  public static var serverColumns: Set<String> {
    ["created_at", "updated_at", "scene_count", "like_count", "view_count"]
  }
  public var id = UUID()
  /// The author.
  public var userID = UUID()
  public var topicID = UUID()
  public var categoryID: UUID?
  public var title = ""
  public var prompt = ""
  public var tags: [String]?
  public var status = ContentStatus.active
  public var moderationStatus = ModerationStatus.pending
  /// Scenes started from the idea.
  public var sceneCount = 0
  public var likeCount = 0
  /// Views of the idea's scenes.
  public var viewCount = 0
  public var createdAt = Date()
  public var updatedAt = Date()
  public init() {}
}

/// A story thread started from an idea (`stories.scenes`), continued segment by segment.
/// Public while `active` or `locked` and its idea is public. The counters and `bibleVersion`
/// are the database's (the latter follows ``ReelbaseQueryable/updateSceneBible(sceneID:expectedVersion:data:createdBySegmentID:)``).
/// End users write through ``ReelbaseQueryable/startScene(_:)``, ``ReelbaseQueryable/editScene(_:)``
/// and (moderators) ``ReelbaseQueryable/moderateScene(_:)``.
public struct Scene: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "stories.scenes"
  public static var serverColumns: Set<String> {
    ["created_at", "updated_at", "segment_count", "total_duration", "contributor_count", "view_count",
     "like_count", "bible_version", "last_segment_at"]
  }
  public var id = UUID()
  public var ideaID = UUID()
  /// Who started it.
  public var userID = UUID()
  public var topicID = UUID()
  public var title = ""
  public var description: String?
  public var status = ContentStatus.active
  public var segmentCount = 0
  /// Seconds, the sum of the segments' durations.
  public var totalDuration = 0
  /// Distinct users with a segment in the scene.
  public var contributorCount = 0
  public var viewCount = 0
  public var likeCount = 0
  public var thumbnailURL: String?
  /// The current version of the scene's bible (optimistic locking).
  public var bibleVersion = 1
  public var createdAt = Date()
  public var updatedAt = Date()
  /// When the newest segment was made.
  public var lastSegmentAt: Date?
  public init() {}
}

/// One video segment of a scene (`stories.segments`, partitioned by month on `created_at`).
/// Found by `id` alone (a random UUID): a `Date` does not carry the key's microseconds back
/// exactly (PostgresNIO truncates when it binds one). Appended by the pipeline
/// (``ReelbaseQueryable/appendSegment(jobID:media:)``,
/// ``ReelbaseQueryable/completeJob(jobID:worker:resultData:media:)``);
/// after that only `duration` and `status` change (22023 otherwise).
public struct Segment: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "stories.segments"
  public var id = UUID()
  public var sceneID = UUID()
  /// The contributor: the job's user.
  public var userID = UUID()
  public var jobID = UUID()
  /// 1, 2, ... within the scene, without gaps.
  public var sequence = 0
  public var inputText = ""
  public var expandedScript = ""
  public var videoURL = ""
  public var hlsPlaylistURL: String?
  public var thumbnailURL: String?
  /// Seconds.
  public var duration = 0
  public var resolution: String?
  /// Bytes.
  public var fileSize: Int?
  /// The scene bible version it was made with.
  public var bibleVersion = 1
  public var status = ContentStatus.active
  public var createdAt = Date()
  public init() {}
}

/// A compressed summary of part of a scene's history (`stories.scene_summaries`), written by
/// the pipeline (administrators), readable where the scene is.
public struct SceneSummary: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "stories.scene_summaries"
  public var id = UUID()
  public var sceneID = UUID()
  public var summary = ""
  /// The sequence numbers of the segments it summarises.
  public var segmentsCovered: [Int] = []
  public var createdAt = Date()
  public var updatedAt = Date()
  public init() {}
}

/// How many segments a user contributed to a scene (`stories.scene_contributors`, kept by the
/// database): bookkeeping behind `Scene.contributorCount`, readable by administrators only.
public struct SceneContributor: ReelbaseTable, Hashable {
  public static let tableName = "stories.scene_contributors"
  public static var primaryKey: [String] { ["scene_id", "user_id"] }
  public var sceneID = UUID()
  public var userID = UUID()
  public var segments = 0
  public init() {}
}
