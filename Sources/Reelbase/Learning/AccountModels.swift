import Foundation

/// A creator account (`learning.creators`): a Whop company owner who publishes videos. Its
/// `id` is also the identity a creator acts under (``ReelbaseClient/withIdentity(_:on:level:_:)``).
public struct Creator: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "learning.creators"
  public var id = UUID()
  /// Unique Whop company identifier.
  public var whopCompanyID = ""
  /// Whop user id used for authentication.
  public var whopUserID = ""
  public var email = ""
  public var name: String?
  public var subscriptionTier = SubscriptionTier.basic
  /// Preferences and configuration (shape not defined by the seed).
  public var settings: JSONValue = [:]
  public var createdAt = Date()
  /// Stamped by the server on every update.
  public var updatedAt = Date()
  public var lastLoginAt: Date?
  public var isActive = true
  public init() {}
}

/// A student (`learning.students`): a Whop member who watches one creator's content. Its `id`
/// is also the identity a student acts under.
public struct Student: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "learning.students"
  public var id = UUID()
  /// Unique Whop user identifier.
  public var whopUserID = ""
  /// Active Whop membership id.
  public var whopMembershipID = ""
  /// The creator whose content the student may see.
  public var creatorID = UUID()
  public var email = ""
  public var name: String?
  /// Settings such as playback speed or theme (shape not defined by the seed).
  public var preferences: JSONValue = [:]
  public var createdAt = Date()
  public var updatedAt = Date()
  public var lastActiveAt: Date?
  public var isActive = true
  public init() {}
}
