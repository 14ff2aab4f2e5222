/// Where a video is in processing (`learning.videos.status`).
public struct VideoStatus: StringBackedValue {
  /// The text stored in the column.
  public let rawValue: String

  /// Makes a value from its text; values this client does not list are kept as they are.
  /// - Parameter rawValue: The text stored in the column.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// `pending`: Added, waiting for processing.
  public static let pending: VideoStatus = "pending"
  /// `uploading`: File upload in progress (uploads only).
  public static let uploading: VideoStatus = "uploading"
  /// `transcribing`: Transcript extraction in progress.
  public static let transcribing: VideoStatus = "transcribing"
  /// `processing`: Transcript chunking in progress.
  public static let processing: VideoStatus = "processing"
  /// `embedding`: Embeddings being generated.
  public static let embedding: VideoStatus = "embedding"
  /// `completed`: Fully processed and ready.
  public static let completed: VideoStatus = "completed"
  /// `failed`: Processing failed; see `errorMessage`.
  public static let failed: VideoStatus = "failed"
}
