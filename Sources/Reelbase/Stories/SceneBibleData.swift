import PostgresNIO

/// A scene bible's continuity data as seed 004 section 3 defines it (version 1 of
/// `stories.bible_schema`), bound as `jsonb`. The server checks it against the stored schema
/// (22023 naming the paths that fail); this type only gives it names. Members the schema
/// does not name are not kept: read them from ``SceneBible/data``.
public struct SceneBibleData: Sendable, Hashable, Codable, PostgresCodable {
  /// Must be the version the bible is written as (22023 otherwise).
  public var version: Int
  public var characters: [Character]
  public var setting: Setting
  public var timeline: Timeline
  public var plotThreads: [PlotThread]?
  public var styleGuide: StyleGuide?

  public init(
    version: Int, characters: [Character] = [], setting: Setting = .init(), timeline: Timeline = .init(),
    plotThreads: [PlotThread]? = nil, styleGuide: StyleGuide? = nil
  ) {
    (self.version, self.characters, self.setting, self.timeline) = (version, characters, setting, timeline)
    (self.plotThreads, self.styleGuide) = (plotThreads, styleGuide)
  }

  /// A character, by a stable entity id.
  public struct Character: Sendable, Hashable, Codable {
    /// `char_` and lower-case letters or digits (`char_abc123`).
    public var entityID: String
    /// The name the story uses.
    public var canonicalName: String
    public var aliases: [String]?
    public var description: String?
    public var traits: [String]?
    public var relationships: [Relationship]?
    public var referenceAssets: ReferenceAssets?
    public var introducedInSegment: Int?
    /// The schema's default is true.
    public var isActive: Bool?

    enum CodingKeys: String, CodingKey {
      case entityID = "entityId", canonicalName, aliases, description, traits, relationships
      case referenceAssets, introducedInSegment, isActive
    }

    public init(
      entityID: String, canonicalName: String, aliases: [String]? = nil, description: String? = nil,
      traits: [String]? = nil, relationships: [Relationship]? = nil, referenceAssets: ReferenceAssets? = nil,
      introducedInSegment: Int? = nil, isActive: Bool? = nil
    ) {
      (self.entityID, self.canonicalName, self.aliases, self.description) = (entityID, canonicalName, aliases, description)
      (self.traits, self.relationships, self.referenceAssets) = (traits, relationships, referenceAssets)
      (self.introducedInSegment, self.isActive) = (introducedInSegment, isActive)
    }
  }

  /// How a character relates to another.
  public struct Relationship: Sendable, Hashable, Codable {
    public var targetEntityID: String?
    public var relationshipType: String?

    enum CodingKeys: String, CodingKey { case targetEntityID = "targetEntityId", relationshipType }

    public init(targetEntityID: String? = nil, relationshipType: String? = nil) {
      (self.targetEntityID, self.relationshipType) = (targetEntityID, relationshipType)
    }
  }

  /// Media that keep a character looking and sounding the same across segments.
  public struct ReferenceAssets: Sendable, Hashable, Codable {
    public var portraitURL: String?
    public var voiceAnchorURL: String?
    public var styleFrameURL: String?

    enum CodingKeys: String, CodingKey {
      case portraitURL = "portraitUrl", voiceAnchorURL = "voiceAnchorUrl", styleFrameURL = "styleFrameUrl"
    }

    public init(portraitURL: String? = nil, voiceAnchorURL: String? = nil, styleFrameURL: String? = nil) {
      (self.portraitURL, self.voiceAnchorURL, self.styleFrameURL) = (portraitURL, voiceAnchorURL, styleFrameURL)
    }
  }

  /// Where and when the story happens.
  public struct Setting: Sendable, Hashable, Codable {
    public var primaryLocation: String?
    public var timePeriod: String?
    public var worldRules: [String]?
    public var locations: [Place]?

    public init(primaryLocation: String? = nil, timePeriod: String? = nil, worldRules: [String]? = nil,
                locations: [Place]? = nil) {
      (self.primaryLocation, self.timePeriod, self.worldRules, self.locations) =
        (primaryLocation, timePeriod, worldRules, locations)
    }
  }

  /// A named place of the setting.
  public struct Place: Sendable, Hashable, Codable {
    public var name: String?
    public var description: String?
    public init(name: String? = nil, description: String? = nil) { (self.name, self.description) = (name, description) }
  }

  /// Where the story is now and what happened so far.
  public struct Timeline: Sendable, Hashable, Codable {
    public var currentPoint: String?
    public var majorEvents: [MajorEvent]?
    public init(currentPoint: String? = nil, majorEvents: [MajorEvent]? = nil) {
      (self.currentPoint, self.majorEvents) = (currentPoint, majorEvents)
    }
  }

  /// An event of the timeline, by the segment it happened in.
  public struct MajorEvent: Sendable, Hashable, Codable {
    public var segmentNumber: Int?
    public var event: String?
    public var consequences: String?
    public init(segmentNumber: Int? = nil, event: String? = nil, consequences: String? = nil) {
      (self.segmentNumber, self.event, self.consequences) = (segmentNumber, event, consequences)
    }
  }

  /// A storyline and whether it is still open.
  public struct PlotThread: Sendable, Hashable, Codable {
    public var id: String?
    public var description: String?
    /// `active`, `resolved` or `abandoned` (the schema's enum).
    public var status: String?
    public init(id: String? = nil, description: String? = nil, status: String? = nil) {
      (self.id, self.description, self.status) = (id, description, status)
    }
  }

  /// How the segments should read and look.
  public struct StyleGuide: Sendable, Hashable, Codable {
    public var tone: String?
    public var genre: String?
    public var visualStyle: String?
    public var narrativeStyle: String?
    public init(tone: String? = nil, genre: String? = nil, visualStyle: String? = nil, narrativeStyle: String? = nil) {
      (self.tone, self.genre, self.visualStyle, self.narrativeStyle) = (tone, genre, visualStyle, narrativeStyle)
    }
  }
}
