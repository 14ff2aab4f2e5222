/// The event types `learning.video_analytics_events` accepts (seed 003). The table's CHECK
/// constraint holds the same list; `track_video_event` checks first so a caller gets a message
/// that lists the valid values instead of a bare constraint violation.
public enum VideoEventType: String, CaseIterable, Sendable {
  case videoImported = "video_imported"
  case videoTranscribed = "video_transcribed"
  case videoEmbedded = "video_embedded"
  case videoAddedToCourse = "video_added_to_course"
  case videoStarted = "video_started"
  case videoProgress = "video_progress"
  case videoCompleted = "video_completed"
  case videoRewatched = "video_rewatched"

  /// Events a student causes by watching; the others describe the creator's pipeline.
  public var isStudentEvent: Bool {
    switch self {
    case .videoStarted, .videoProgress, .videoCompleted, .videoRewatched: return true
    default: return false
    }
  }

  /// The type named exactly by these UTF-8 bytes, or nil: the same answer as
  /// `init(rawValue:)` on the decoded text (every name is plain ASCII, and no other byte
  /// sequence decodes to a string equal to one), without making a String on the hot path.
  public init?(utf8 bytes: UnsafeRawBufferPointer) {
    for (type, name) in Self.utf8Names where name.count == bytes.count {
      // A plain index loop: Sequence.elementsEqual's iterators cost twice as much per byte.
      let equal = name.withUnsafeBufferPointer { name in
        var i = 0
        while i < name.count, name[i] == bytes[i] { i += 1 }
        return i == name.count
      }
      if equal {
        self = type
        return
      }
    }
    return nil
  }

  private static let utf8Names: [(VideoEventType, [UInt8])] =
    allCases.map { ($0, Array($0.rawValue.utf8)) }

  /// The valid names, comma-separated, for error hints.
  public static var validNames: String {
    allCases.map(\.rawValue).joined(separator: ", ")
  }
}
