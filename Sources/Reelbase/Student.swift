import Foundation
import PostgresNIO

/// A student (`learning.students`): a Whop member who watches one creator's content.
public struct Student: Sendable, Hashable, Identifiable {
  /// Primary key; also the identity a student acts under (``ReelbaseClient/withIdentity(_:on:level:_:)``).
  public var id: UUID
  /// Unique Whop user identifier.
  public var whopUserID: String
  /// Active Whop membership id.
  public var whopMembershipID: String
  /// The creator whose content the student may see.
  public var creatorID: UUID
  /// Email address.
  public var email: String
  /// Display name.
  public var name: String?
  /// Student settings such as playback speed or theme (shape not defined by the seed).
  public var preferences: JSONValue
  /// Account creation time.
  public var createdAt: Date
  /// Last update time (stamped by the server).
  public var updatedAt: Date
  /// Last activity time.
  public var lastActiveAt: Date?
  /// Membership status.
  public var isActive: Bool

  static let columns = """
    id, whop_user_id, whop_membership_id, creator_id, email, name, preferences, created_at,
    updated_at, last_active_at, is_active
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "learning.students")
    id = try r("id")
    whopUserID = try r("whop_user_id")
    whopMembershipID = try r("whop_membership_id")
    creatorID = try r("creator_id")
    email = try r("email")
    name = try r.optional("name")
    preferences = try r("preferences")
    createdAt = try r("created_at")
    updatedAt = try r("updated_at")
    lastActiveAt = try r.optional("last_active_at")
    isActive = try r("is_active")
  }
}
