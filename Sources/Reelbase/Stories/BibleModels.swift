import Foundation

/// One version of a scene's bible (`stories.scene_bibles`; unique per scene and version).
/// Version 1 is an administrator's ``ReelbaseQueryable/insert(_:only:)``; later ones come from
/// ``ReelbaseQueryable/updateSceneBible(sceneID:expectedVersion:data:createdBySegmentID:)``.
/// Readable where the scene is.
public struct SceneBible: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "stories.scene_bibles"
  public var id = UUID()
  public var sceneID = UUID()
  public var version = 1
  /// The bible exactly as stored (it matched the schema current when it was written).
  public var data: JSONValue = [:]
  public var createdAt = Date()
  /// The segment that led to this version.
  public var createdBySegmentID: UUID?

  /// The bible, typed; nil when the stored JSON is not of the shape of schema version 1.
  public var bible: SceneBibleData? {
    guard let json = try? JSONEncoder().encode(data) else { return nil }
    return try? JSONDecoder().decode(SceneBibleData.self, from: json)
  }

  public init() {}
}

/// A version of the bible JSON Schema (`stories.bible_schema`, draft-07); bibles are checked
/// against the highest. Administrators add versions with ``ReelbaseQueryable/insert(_:only:)`` (an
/// invalid schema is 22023); stored bibles are not checked again.
public struct BibleSchema: ReelbaseTable, Hashable {
  public static let tableName = "stories.bible_schema"
  public static var primaryKey: [String] { ["version"] }
  /// `registered_by_extension` marks the extension's own row, which a dump leaves out.
  public static var serverColumns: Set<String> { ["created_at", "registered_by_extension"] }
  public var version = 1
  public var schema: JSONValue = [:]
  public var description: String?
  public var createdAt = Date()
  public var registeredByExtension = false
  public init() {}
}

/// The bible version ``ReelbaseQueryable/updateSceneBible(sceneID:expectedVersion:data:createdBySegmentID:)``
/// wrote.
public struct SceneBibleVersion: ReelbaseRow, Hashable {
  public var bibleID: UUID
  public var version: Int
  public var createdAt: Date
}
