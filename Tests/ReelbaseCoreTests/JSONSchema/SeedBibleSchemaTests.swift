import Testing
@testable import ReelbaseCore

/// The scene bible schema of seed 004, as written there.
@Suite struct SeedBibleSchemaTests {
  static let bibleSchema = ##"""
  {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["version", "characters", "setting", "timeline"],
    "properties": {
      "version": {
        "type": "integer",
        "description": "Bible version number for optimistic locking"
      },
      "characters": {
        "type": "array",
        "items": {
          "type": "object",
          "required": ["entityId", "canonicalName"],
          "properties": {
            "entityId": {
              "type": "string",
              "pattern": "^char_[a-z0-9]+$",
              "description": "Stable entity ID (e.g., char_abc123)"
            },
            "canonicalName": {
              "type": "string",
              "description": "Official name used in story"
            },
            "aliases": {
              "type": "array",
              "items": { "type": "string" },
              "description": "Alternative names/nicknames"
            },
            "description": {
              "type": "string",
              "description": "Physical/personality description"
            },
            "traits": {
              "type": "array",
              "items": { "type": "string" }
            },
            "relationships": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "targetEntityId": { "type": "string" },
                  "relationshipType": { "type": "string" }
                }
              }
            },
            "referenceAssets": {
              "type": "object",
              "properties": {
                "portraitUrl": { "type": "string" },
                "voiceAnchorUrl": { "type": "string" },
                "styleFrameUrl": { "type": "string" }
              }
            },
            "introducedInSegment": { "type": "integer" },
            "isActive": { "type": "boolean", "default": true }
          }
        }
      },
      "setting": {
        "type": "object",
        "properties": {
          "primaryLocation": { "type": "string" },
          "timePeriod": { "type": "string" },
          "worldRules": {
            "type": "array",
            "items": { "type": "string" }
          },
          "locations": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "name": { "type": "string" },
                "description": { "type": "string" }
              }
            }
          }
        }
      },
      "timeline": {
        "type": "object",
        "properties": {
          "currentPoint": { "type": "string" },
          "majorEvents": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "segmentNumber": { "type": "integer" },
                "event": { "type": "string" },
                "consequences": { "type": "string" }
              }
            }
          }
        }
      },
      "plotThreads": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "id": { "type": "string" },
            "description": { "type": "string" },
            "status": { 
              "type": "string",
              "enum": ["active", "resolved", "abandoned"]
            }
          }
        }
      },
      "styleGuide": {
        "type": "object",
        "properties": {
          "tone": { "type": "string" },
          "genre": { "type": "string" },
          "visualStyle": { "type": "string" },
          "narrativeStyle": { "type": "string" }
        }
      }
    }
  }
  """##

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
