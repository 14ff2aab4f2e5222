/// The metadata of a `video_transcribed` event, as seed 003 documents it:
/// `{"transcript_method": "youtube_captions", "cost": 0, "duration_seconds": 3600, "word_count": 5400}`.
public struct VideoTranscribedMetadata: Sendable, Hashable, Codable {
  /// How the transcript was made (e.g. `youtube_captions`).
  public var transcriptMethod: String
  /// What the transcription cost, when known.
  public var cost: Double?
  /// The transcribed length in seconds, when known.
  public var durationSeconds: Int?
  /// The transcript's word count, when known.
  public var wordCount: Int?

  /// Makes the metadata.
  /// - Parameters:
  ///   - transcriptMethod: How the transcript was made.
  ///   - cost: What the transcription cost.
  ///   - durationSeconds: The transcribed length in seconds.
  ///   - wordCount: The transcript's word count.
  public init(transcriptMethod: String, cost: Double? = nil, durationSeconds: Int? = nil,
              wordCount: Int? = nil) {
    self.transcriptMethod = transcriptMethod
    self.cost = cost
    self.durationSeconds = durationSeconds
    self.wordCount = wordCount
  }

  private enum CodingKeys: String, CodingKey {
    case transcriptMethod = "transcript_method"
    case cost
    case durationSeconds = "duration_seconds"
    case wordCount = "word_count"
  }
}
