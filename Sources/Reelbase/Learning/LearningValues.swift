import ReelbaseCore

/// A creator's pricing tier (`learning.creators.subscription_tier`).
public typealias SubscriptionTier = TextValue<SubscriptionTierKind>
/// The kind of ``SubscriptionTier``.
public enum SubscriptionTierKind: TextValueKind {}
extension TextValue where Kind == SubscriptionTierKind {
  public static var basic: Self { "basic" }
  public static var pro: Self { "pro" }
  public static var enterprise: Self { "enterprise" }
}

/// Where a video is in processing (`learning.videos.status`).
public typealias VideoStatus = TextValue<VideoStatusKind>
/// The kind of ``VideoStatus``.
public enum VideoStatusKind: TextValueKind {}
extension TextValue where Kind == VideoStatusKind {
  /// Added, waiting for processing (the default).
  public static var pending: Self { "pending" }
  /// File upload in progress (uploads only).
  public static var uploading: Self { "uploading" }
  public static var transcribing: Self { "transcribing" }
  /// Transcript chunking in progress.
  public static var processing: Self { "processing" }
  /// Embeddings being generated.
  public static var embedding: Self { "embedding" }
  /// Fully processed and ready.
  public static var completed: Self { "completed" }
  /// Processing failed; see `errorMessage`.
  public static var failed: Self { "failed" }
}

/// Where a video comes from (`learning.videos.source_type`); the server requires the
/// identifier that goes with it.
public typealias VideoSourceType = TextValue<VideoSourceTypeKind>
/// The kind of ``VideoSourceType``.
public enum VideoSourceTypeKind: TextValueKind {}
extension TextValue where Kind == VideoSourceTypeKind {
  /// Needs `youtubeVideoID`.
  public static var youtube: Self { "youtube" }
  /// Needs `muxPlaybackID`.
  public static var mux: Self { "mux" }
  /// Needs `embedID`.
  public static var loom: Self { "loom" }
  /// A direct upload (the default); needs `storagePath`.
  public static var upload: Self { "upload" }
}

/// The platform a video is embedded from (`learning.videos.embed_type`).
public typealias EmbedType = TextValue<EmbedTypeKind>
/// The kind of ``EmbedType``.
public enum EmbedTypeKind: TextValueKind {}
extension TextValue where Kind == EmbedTypeKind {
  public static var youtube: Self { "youtube" }
  public static var loom: Self { "loom" }
  public static var vimeo: Self { "vimeo" }
  public static var wistia: Self { "wistia" }
}

/// The device a watch session ran on (`learning.video_watch_sessions.device_type`).
public typealias DeviceType = TextValue<DeviceTypeKind>
/// The kind of ``DeviceType``.
public enum DeviceTypeKind: TextValueKind {}
extension TextValue where Kind == DeviceTypeKind {
  public static var desktop: Self { "desktop" }
  public static var mobile: Self { "mobile" }
  public static var tablet: Self { "tablet" }
}

/// How a student reached a video (`learning.video_watch_sessions.referrer_type`).
public typealias ReferrerType = TextValue<ReferrerTypeKind>
/// The kind of ``ReferrerType``.
public enum ReferrerTypeKind: TextValueKind {}
extension TextValue where Kind == ReferrerTypeKind {
  public static var coursePage: Self { "course_page" }
  public static var directLink: Self { "direct_link" }
  public static var search: Self { "search" }
  /// From a citation in an AI chat answer.
  public static var chatReference: Self { "chat_reference" }
}

/// Who wrote a chat message (`learning.chat_messages.role`).
public typealias ChatRole = TextValue<ChatRoleKind>
/// The kind of ``ChatRole``.
public enum ChatRoleKind: TextValueKind {}
extension TextValue where Kind == ChatRoleKind {
  /// The student.
  public static var user: Self { "user" }
  /// The AI assistant.
  public static var assistant: Self { "assistant" }
  /// A system prompt.
  public static var system: Self { "system" }
}

/// The kind of a video analytics event (`learning.video_analytics_events.event_type`): the
/// core's enum, the list `learning.track_video_event` and the table's CHECK accept, so client
/// and extension cannot disagree. Lifecycle events (imported, transcribed, embedded, added to
/// course) are recorded without a student; watching events (``VideoEventType/isStudentEvent``)
/// need one. Closed, unlike the text values above: a type this client does not know (added by
/// a newer server) does not decode (``ReelbaseError/Code/unexpectedResponse``).
public typealias VideoEventType = ReelbaseCore.VideoEventType

extension VideoEventType: Codable, TextColumn {}
