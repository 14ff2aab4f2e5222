import Foundation
import PostgresNIO

/// A creator account (`learning.creators`): a Whop company owner who publishes videos.
public struct Creator: Sendable, Hashable, Identifiable {
  /// Primary key; also the identity a creator acts under (``ReelbaseClient/withIdentity(_:on:level:_:)``).
  public var id: UUID
  /// Unique Whop company identifier.
  public var whopCompanyID: String
  /// Whop user id used for authentication.
  public var whopUserID: String
  /// Email address.
  public var email: String
  /// Display name.
  public var name: String?
  /// Pricing tier.
  public var subscriptionTier: SubscriptionTier
  /// Preferences and configuration (shape not defined by the seed).
  public var settings: JSONValue
  /// Account creation time.
  public var createdAt: Date
  /// Last update time (stamped by the server).
  public var updatedAt: Date
  /// Last authentication time.
  public var lastLoginAt: Date?
  /// Account status.
  public var isActive: Bool

  static let columns = """
    id, whop_company_id, whop_user_id, email, name, subscription_tier, settings, created_at,
    updated_at, last_login_at, is_active
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "learning.creators")
    id = try r("id")
    whopCompanyID = try r("whop_company_id")
    whopUserID = try r("whop_user_id")
    email = try r("email")
    name = try r.optional("name")
    subscriptionTier = try r("subscription_tier")
    settings = try r("settings")
    createdAt = try r("created_at")
    updatedAt = try r("updated_at")
    lastLoginAt = try r.optional("last_login_at")
    isActive = try r("is_active")
  }
}
