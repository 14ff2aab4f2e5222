/// Where a dossier is (`factory.cf_product_dossiers.status`): draft -> active -> archived, for
/// every writer; any other move is ``ReelbaseError/Code/invalidState`` (55000).
public typealias DossierStatus = TextValue<DossierStatusKind>
/// The kind of ``DossierStatus``.
public enum DossierStatusKind: TextValueKind {}
extension TextValue where Kind == DossierStatusKind {
  /// Where every dossier `reelbase_app` inserts starts.
  public static var draft: Self { "draft" }
  public static var active: Self { "active" }
  /// Final.
  public static var archived: Self { "archived" }
}

/// Where a generated image or video is (`status` of `factory.cf_generated_images` and
/// `cf_generated_videos`): pending -> generating -> completed | failed, the last two final;
/// any other move is 55000. The work queue moves it
/// (``ReelbaseQueryable/claimGenerationJobs(kind:worker:max:)``).
public typealias GenerationStatus = TextValue<GenerationStatusKind>
/// The kind of ``GenerationStatus``.
public enum GenerationStatusKind: TextValueKind {}
extension TextValue where Kind == GenerationStatusKind {
  public static var pending: Self { "pending" }
  public static var generating: Self { "generating" }
  public static var completed: Self { "completed" }
  public static var failed: Self { "failed" }
}

/// Which queue a generation call works on: `cf_generated_images` or `cf_generated_videos`.
public typealias GenerationKind = TextValue<GenerationKindKind>
/// The kind of ``GenerationKind``.
public enum GenerationKindKind: TextValueKind {}
extension TextValue where Kind == GenerationKindKind {
  public static var image: Self { "image" }
  public static var video: Self { "video" }
}

/// What a generated image shows (`factory.cf_generated_images.type`).
public typealias GeneratedImageType = TextValue<GeneratedImageTypeKind>
/// The kind of ``GeneratedImageType``.
public enum GeneratedImageTypeKind: TextValueKind {}
extension TextValue where Kind == GeneratedImageTypeKind {
  /// The problem state.
  public static var before: Self { "before" }
  /// The solution state.
  public static var after: Self { "after" }
  public static var product: Self { "product" }
  public static var lifestyle: Self { "lifestyle" }
}

/// What a generated video shows (`factory.cf_generated_videos.type`).
public typealias GeneratedVideoType = TextValue<GeneratedVideoTypeKind>
/// The kind of ``GeneratedVideoType``.
public enum GeneratedVideoTypeKind: TextValueKind {}
extension TextValue where Kind == GeneratedVideoTypeKind {
  public static var reveal: Self { "reveal" }
  public static var demo: Self { "demo" }
  public static var transition: Self { "transition" }
  public static var testimonial: Self { "testimonial" }
}

/// A generated video's frame (`factory.cf_generated_videos.aspect_ratio`).
public typealias AspectRatio = TextValue<AspectRatioKind>
/// The kind of ``AspectRatio``.
public enum AspectRatioKind: TextValueKind {}
extension TextValue where Kind == AspectRatioKind {
  /// TikTok, Reels; the default.
  public static var portrait: Self { "9:16" }
  /// YouTube, Facebook.
  public static var landscape: Self { "16:9" }
  /// Instagram feed.
  public static var square: Self { "1:1" }
  /// Instagram story and feed.
  public static var fourByFive: Self { "4:5" }
}

/// Where content is assembled for and published (`platform` of `factory.cf_assembled_content`
/// and `cf_published_content`).
public typealias FactoryPlatform = TextValue<FactoryPlatformKind>
/// The kind of ``FactoryPlatform``.
public enum FactoryPlatformKind: TextValueKind {}
extension TextValue where Kind == FactoryPlatformKind {
  public static var tiktok: Self { "tiktok" }
  public static var instagram: Self { "instagram" }
  public static var facebook: Self { "facebook" }
  public static var youtube: Self { "youtube" }
}

/// Where assembled content is (`factory.cf_assembled_content.status`): draft -> rendering ->
/// ready -> published, failed from rendering or ready; published and failed are final, any
/// other move is 55000.
public typealias AssemblyStatus = TextValue<AssemblyStatusKind>
/// The kind of ``AssemblyStatus``.
public enum AssemblyStatusKind: TextValueKind {}
extension TextValue where Kind == AssemblyStatusKind {
  public static var draft: Self { "draft" }
  public static var rendering: Self { "rendering" }
  public static var ready: Self { "ready" }
  public static var published: Self { "published" }
  public static var failed: Self { "failed" }
}

/// A published content's paid promotion (`factory.cf_published_content.promotion_status`); no
/// flow is enforced.
public typealias PromotionStatus = TextValue<PromotionStatusKind>
/// The kind of ``PromotionStatus``.
public enum PromotionStatusKind: TextValueKind {}
extension TextValue where Kind == PromotionStatusKind {
  public static var none: Self { "none" }
  /// Scheduled.
  public static var pending: Self { "pending" }
  public static var active: Self { "active" }
  public static var completed: Self { "completed" }
  public static var failed: Self { "failed" }
}

/// Where an A/B test is (`factory.cf_ab_tests.status`); no flow is enforced on plain updates,
/// but ``ReelbaseQueryable/evaluateABTest(testID:metric:confidence:)`` refuses a completed or
/// cancelled test (55000) and completes a significant one.
public typealias ABTestStatus = TextValue<ABTestStatusKind>
/// The kind of ``ABTestStatus``.
public enum ABTestStatusKind: TextValueKind {}
extension TextValue where Kind == ABTestStatusKind {
  public static var draft: Self { "draft" }
  public static var running: Self { "running" }
  public static var completed: Self { "completed" }
  public static var cancelled: Self { "cancelled" }
}

/// The proportion an A/B test compares: `conversions` per click, `clicks` per view, or
/// `engagement` (likes, comments, shares and saves) per view.
public typealias ABTestMetric = TextValue<ABTestMetricKind>
/// The kind of ``ABTestMetric``.
public enum ABTestMetricKind: TextValueKind {}
extension TextValue where Kind == ABTestMetricKind {
  public static var conversions: Self { "conversions" }
  public static var clicks: Self { "clicks" }
  public static var engagement: Self { "engagement" }
}
