import Foundation

/// A product dossier (`factory.cf_product_dossiers`), where content generation starts, and the
/// unit of ownership: an identity sees and changes the dossiers it owns and every row made from
/// them. `ownerID` is a server column: the dossier belongs to the identity that inserts it.
/// `reelbase_app` may not insert `status`: leave it nil, a new dossier is a draft. Every change
/// is audited (``FactoryAuditEntry``).
public struct ProductDossier: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "factory.cf_product_dossiers"
  public static var serverColumns: Set<String> { ["created_at", "updated_at", "owner_id"] }
  public var id = UUID()
  /// Unique across every owner's dossiers: lower-case ASCII words joined by "-", at most 100
  /// bytes (23514 otherwise, 23505 when taken). Nil on insert makes it from `name`
  /// (``ReelbaseQueryable/slugify(_:suffix:readFrom:)``) with the lowest free suffix -2, -3, ...;
  /// a name without a letter or digit is then 22023.
  public var slug: String?
  public var name = ""
  public var benefits: [String]?
  public var painPoints: [String]?
  /// before_after (the default), testimonial, demo.
  public var proofTypes: [String]?
  public var targetAudience: String?
  public var category: String?
  public var niche: String?
  /// USD, two decimals.
  public var price: Decimal?
  public var tiktokShopURL: String?
  public var affiliateLink: String?
  /// Nil on insert (draft); moved by an update of it alone (`update(_:only: ["status"])`).
  public var status: DossierStatus?
  public var createdAt: Date?
  /// Stamped by the server on every update.
  public var updatedAt: Date?
  /// Only administrators reassign it, and everything made from the dossier goes along.
  public var ownerID = UUID()
  public init() {}
}

/// An AI-generated image of a dossier (`factory.cf_generated_images`). `reelbase_app` inserts
/// it without `status` (nil: pending) and updates only the columns other than `dossierID`
/// (`update(_:only:)`); the work queue moves the status.
public struct GeneratedImage: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "factory.cf_generated_images"
  public var id = UUID()
  public var dossierID = UUID()
  public var type = GeneratedImageType.product
  public var prompt = ""
  /// `nano-banana` by default.
  public var model: String?
  public var imageURL: String?
  /// The Remotion job, for status polling.
  public var remotionJobID: String?
  public var status: GenerationStatus?
  /// Remotion's response; the queue adds `claimed_by`, `claimed_at`, and `error`, `failed_at`.
  public var metadata: JSONValue?
  public var createdAt: Date?
  public init() {}
}

/// An AI-generated video of a dossier (`factory.cf_generated_videos`), optionally from one of
/// its images; `status` and updates as for ``GeneratedImage``.
public struct GeneratedVideo: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "factory.cf_generated_videos"
  public var id = UUID()
  public var dossierID = UUID()
  /// Becomes nil when the image is deleted.
  public var sourceImageID: UUID?
  public var type = GeneratedVideoType.demo
  public var prompt = ""
  /// `veo-3.1` by default.
  public var model: String?
  /// Seconds, above 0.
  public var duration: Int?
  /// 9:16 by default.
  public var aspectRatio: AspectRatio?
  public var videoURL: String?
  public var remotionJobID: String?
  public var status: GenerationStatus?
  public var metadata: JSONValue?
  public var createdAt: Date?
  public init() {}
}

/// A script of a dossier (`factory.cf_scripts`) for one awareness level and market
/// sophistication (each 1 to 5, 23514 otherwise).
public struct FactoryScript: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "factory.cf_scripts"
  public static var serverColumns: Set<String> { ["created_at", "full_script"] }
  public var id = UUID()
  public var dossierID = UUID()
  /// 1 unaware .. 5 most aware.
  public var awarenessLevel = 1
  /// 1 direct claim .. 5 identity.
  public var marketSophistication: Int?
  public var hook = ""
  public var body = ""
  public var cta = ""
  /// Generated: hook, body and cta joined by blank lines.
  public var fullScript: String?
  /// Reading time in seconds.
  public var estimatedDuration: Int?
  public var createdAt: Date?
  public init() {}
}

/// Content assembled for one platform from a dossier's script, videos and images
/// (`factory.cf_assembled_content`). The ids name only rows of the same dossier (23503
/// otherwise); a deleted image or video leaves the arrays. `status` is nil on insert (draft);
/// `dossierID` never changes.
public struct AssembledContent: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "factory.cf_assembled_content"
  public var id = UUID()
  public var dossierID = UUID()
  public var scriptID: UUID?
  /// ``GeneratedVideo``s; no NULL element (22004).
  public var videoIDs: [UUID]?
  /// ``GeneratedImage``s; no NULL element (22004).
  public var imageIDs: [UUID]?
  public var platform = FactoryPlatform.tiktok
  public var caption: String?
  /// Without the # prefix.
  public var hashtags: [String]?
  /// The FTC or platform-required disclosure.
  public var complianceDisclosure: String?
  public var remotionRenderID: String?
  public var finalVideoURL: String?
  public var status: AssemblyStatus?
  public var metadata: JSONValue?
  public var createdAt: Date?
  public init() {}
}

/// Assembled content as published on a platform (`factory.cf_published_content`), with its
/// paid promotion; visible with its assembled content.
public struct PublishedContent: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "factory.cf_published_content"
  public var id = UUID()
  public var assembledContentID = UUID()
  public var platform = FactoryPlatform.tiktok
  /// The platform's post id (TikTok video id, Instagram media id).
  public var platformPostID: String?
  public var platformURL: String?
  /// USD, not negative.
  public var promotionBudget: Decimal?
  public var promotionStatus: PromotionStatus?
  public var promotionStartedAt: Date?
  public var promotionEndedAt: Date?
  public var publishedAt: Date?
  public init() {}
}
