import Foundation
import Testing
@testable import ReelbaseCore

/// The scene bible schema of seed 004, as the stories extension stores it.
@Suite struct SeedBibleSchemaTests {
  /// Read from the extension's SQL, where the schema is stored once
  /// (sql/reelbase_stories/30_bible_schema.sql, between the $schema$ quotes).
  static let bibleSchema: String = {
    let root = String(#filePath).split(separator: "/").dropLast(4).joined(separator: "/")
    guard let file = fopen("/" + root + "/sql/reelbase_stories/30_bible_schema.sql", "r") else { return "" }
    defer { fclose(file) }
    var text = ""
    var buffer = [CChar](repeating: 0, count: 4096)
    while fgets(&buffer, Int32(buffer.count), file) != nil { text += String(cString: buffer) }
    let parts = text.components(separatedBy: "$schema$")
    return parts.count >= 3 ? parts[1] : ""
  }()

  static let example = ##"""
    {"version": 3,
     "characters": [{"entityId": "char_mira01", "canonicalName": "Mira", "aliases": ["the cartographer"],
                     "traits": ["curious"], "relationships": [{"targetEntityId": "char_oak", "relationshipType": "mentor"}],
                     "referenceAssets": {"portraitUrl": "s3://b/mira.png"}, "introducedInSegment": 1, "isActive": true}],
     "setting": {"primaryLocation": "Lighthouse", "worldRules": ["no magic"], "locations": [{"name": "Pier"}]},
     "timeline": {"currentPoint": "dawn", "majorEvents": [{"segmentNumber": 2, "event": "storm"}]},
     "plotThreads": [{"id": "t1", "status": "active"}],
     "styleGuide": {"tone": "warm"}}
    """##

  @Test func theExampleBibleIsValid() throws {
    #expect(try valid(Self.bibleSchema, Self.example))
  }

  @Test func brokenBiblesReportEveryPath() throws {
    let broken = ##"""
      {"version": 1.5, "characters": [{"entityId": "Char_X", "canonicalName": 7, "isActive": "yes"}, {}],
       "setting": [], "plotThreads": [{"status": "paused"}]}
      """##
    #expect(try errors(Self.bibleSchema, broken) == [
      "$ required",
      "$.version type",
      "$.characters[0].entityId pattern",
      "$.characters[0].canonicalName type",
      "$.characters[0].isActive type",
      "$.characters[1] required",
      "$.characters[1] required",
      "$.setting type",
      "$.plotThreads[0].status enum",
    ])
  }
}
