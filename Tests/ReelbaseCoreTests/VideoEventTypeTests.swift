import Testing

@testable import ReelbaseCore

/// `VideoEventType(utf8:)` must agree with `init(rawValue:)` on the decoded text, because
/// track_video_event matches the argument's bytes and decodes them only to explain a refusal.
struct VideoEventTypeTests {
  private func fromBytes(_ bytes: [UInt8]) -> VideoEventType? {
    bytes.withUnsafeBytes { VideoEventType(utf8: $0) }
  }

  @Test func everyNameMatchesItsBytes() {
    for type in VideoEventType.allCases {
      #expect(fromBytes(Array(type.rawValue.utf8)) == type)
    }
  }

  @Test func agreesWithRawValueOnNearMisses() {
    let texts = [
      "", "video_", "video_progres", "video_progresss", "VIDEO_PROGRESS", "video_progress ",
      " video_progress", "video-progress", "video_prögress", "video_added_to_cours",
      "video_added_to_coursf", "vidéo_started",
    ]
    for text in texts {
      #expect(fromBytes(Array(text.utf8)) == VideoEventType(rawValue: text), "\(text)")
      #expect(fromBytes(Array(text.utf8)) == nil, "\(text)")
    }
  }

  @Test func invalidUTF8MatchesNothing() {
    // What String(decoding:as:) repairs to U+FFFD can never equal an ASCII name.
    #expect(fromBytes([0x76, 0x69, 0x64, 0x65, 0x6F, 0x5F, 0xFF]) == nil)
    #expect(fromBytes(Array("video_progress".utf8) + [0xC3]) == nil)
  }
}
