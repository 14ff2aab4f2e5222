/// The text values of `stories`, each defined once and shared by every column that holds it.
/// Extensible like the other products' values: the CHECK constraints, not the client, decide
/// what is valid, and a value a newer server adds still decodes.

/// A stories account's role (`stories.users.role`). Admins moderate too.
public typealias StoryUserRole = TextValue<StoryUserRoleKind>
/// The kind of ``StoryUserRole``.
public enum StoryUserRoleKind: TextValueKind {}
extension TextValue where Kind == StoryUserRoleKind {
  public static var user: Self { "user" }
  public static var moderator: Self { "moderator" }
  public static var admin: Self { "admin" }
}

/// Whether content is shown (`status` of ideas, scenes and segments). `locked` is for scenes
/// only: readable, but no new segments.
public typealias ContentStatus = TextValue<ContentStatusKind>
/// The kind of ``ContentStatus``.
public enum ContentStatusKind: TextValueKind {}
extension TextValue where Kind == ContentStatusKind {
  public static var active: Self { "active" }
  public static var hidden: Self { "hidden" }
  public static var removed: Self { "removed" }
  public static var locked: Self { "locked" }
}

/// A moderator's verdict on something users submitted: `ideas.moderation_status` and
/// `user_topics.status`, both pending until reviewed.
public typealias ModerationStatus = TextValue<ModerationStatusKind>
/// The kind of ``ModerationStatus``.
public enum ModerationStatusKind: TextValueKind {}
extension TextValue where Kind == ModerationStatusKind {
  public static var pending: Self { "pending" }
  public static var approved: Self { "approved" }
  public static var rejected: Self { "rejected" }
}

/// Where a job is in the pipeline (`stories.jobs.status`). It moves only forward (a step may be
/// skipped), to `failed` or `cancelled` from any live status, and back to `queued` only for a
/// retry; the server refuses any other move (55000).
public typealias JobStatus = TextValue<JobStatusKind>
/// The kind of ``JobStatus``.
public enum JobStatusKind: TextValueKind {}
extension TextValue where Kind == JobStatusKind {
  public static var queued: Self { "queued" }
  public static var processing: Self { "processing" }
  public static var scriptReady: Self { "script_ready" }
  public static var continuityChecked: Self { "continuity_checked" }
  public static var previewReady: Self { "preview_ready" }
  public static var finalReady: Self { "final_ready" }
  public static var failed: Self { "failed" }
  public static var cancelled: Self { "cancelled" }
}

/// The pipeline step a job is in (`stories.jobs.stage`); moves like ``JobStatus``, to `error`
/// on failure.
public typealias JobStage = TextValue<JobStageKind>
/// The kind of ``JobStage``.
public enum JobStageKind: TextValueKind {}
extension TextValue where Kind == JobStageKind {
  public static var pending: Self { "pending" }
  public static var scriptExpansion: Self { "script_expansion" }
  public static var continuityValidation: Self { "continuity_validation" }
  public static var videoGeneration: Self { "video_generation" }
  public static var upload: Self { "upload" }
  public static var finalization: Self { "finalization" }
  public static var completed: Self { "completed" }
  public static var error: Self { "error" }
}

/// What a job asks for (`stories.jobs.type`); the schema names one kind.
public typealias JobType = TextValue<JobTypeKind>
/// The kind of ``JobType``.
public enum JobTypeKind: TextValueKind {}
extension TextValue where Kind == JobTypeKind {
  public static var continuation: Self { "continuation" }
}

/// What a flag or a like points at (`target_type` of `moderation_flags` and `likes`); likes
/// take `idea` and `scene` only (22023 otherwise).
public typealias StoryTargetType = TextValue<StoryTargetTypeKind>
/// The kind of ``StoryTargetType``.
public enum StoryTargetTypeKind: TextValueKind {}
extension TextValue where Kind == StoryTargetTypeKind {
  public static var idea: Self { "idea" }
  public static var scene: Self { "scene" }
  public static var segment: Self { "segment" }
  public static var user: Self { "user" }
  public static var topic: Self { "topic" }
}

/// Where a report is (`stories.moderation_flags.status`); a resolution is `resolved` or
/// `dismissed`.
public typealias FlagStatus = TextValue<FlagStatusKind>
/// The kind of ``FlagStatus``.
public enum FlagStatusKind: TextValueKind {}
extension TextValue where Kind == FlagStatusKind {
  public static var pending: Self { "pending" }
  public static var reviewing: Self { "reviewing" }
  public static var resolved: Self { "resolved" }
  public static var dismissed: Self { "dismissed" }
}

/// What resolving a flag does to its idea, scene or segment (`action_taken`): `hide` sets it
/// `hidden`, `remove` sets it `removed`.
public typealias FlagAction = TextValue<FlagActionKind>
/// The kind of ``FlagAction``.
public enum FlagActionKind: TextValueKind {}
extension TextValue where Kind == FlagActionKind {
  public static var hide: Self { "hide" }
  public static var remove: Self { "remove" }
}

/// A review of a proposed topic: moderators approve or reject, admins promote it to a curated
/// topic.
public typealias TopicDecision = TextValue<TopicDecisionKind>
/// The kind of ``TopicDecision``.
public enum TopicDecisionKind: TextValueKind {}
extension TextValue where Kind == TopicDecisionKind {
  public static var approve: Self { "approve" }
  public static var reject: Self { "reject" }
  public static var promote: Self { "promote" }
}

/// An OAuth identity provider (`stories.oauth_accounts.provider`).
public typealias OAuthProvider = TextValue<OAuthProviderKind>
/// The kind of ``OAuthProvider``.
public enum OAuthProviderKind: TextValueKind {}
extension TextValue where Kind == OAuthProviderKind {
  public static var google: Self { "google" }
  public static var github: Self { "github" }
}
