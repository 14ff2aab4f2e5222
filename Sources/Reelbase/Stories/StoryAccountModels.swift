import Foundation

/// A stories account (`stories.users`), every column: for administrators (`reelbase_admin`),
/// who create accounts and change `role`, `isActive` and `emailVerified`. End users read
/// ``UserProfile`` (the columns they are granted) and their own account with
/// ``ReelbaseQueryable/myStoryAccount(readFrom:)``. The id is the identity of
/// ``ReelbaseClient/withIdentity(_:on:level:_:)``; an inactive account has none.
public struct StoryUser: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "stories.users"
  public var id = UUID()
  /// Unique; one's own (42501 to other end users).
  public var email = ""
  /// A secret: never granted to `reelbase_app`. Nil for OAuth-only accounts, and in
  /// ``ReelbaseQueryable/myStoryAccount(readFrom:)`` (read it with
  /// ``ReelbaseQueryable/myPasswordHash(readFrom:)``).
  public var passwordHash: String?
  /// Unique.
  public var username = ""
  public var displayName: String?
  public var avatarURL: String?
  public var bio: String?
  public var role = StoryUserRole.user
  public var emailVerified = false
  /// False: the account has no identity and sees nothing.
  public var isActive = true
  public var createdAt = Date()
  public var updatedAt = Date()
  public var lastLoginAt: Date?
  public init() {}
}

/// A public profile (`stories.users`, the columns `reelbase_app` is granted): what users read
/// of each other, and what a user edits of their own account with
/// ``ReelbaseQueryable/update(_:only:)`` (username, display name, avatar, bio). `role` and
/// `isActive` are the administrators' to change, so an update leaves them out.
public struct UserProfile: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "stories.users"
  public static var serverColumns: Set<String> { ["created_at", "updated_at", "role", "is_active"] }
  public var id = UUID()
  public var username = ""
  public var displayName: String?
  public var avatarURL: String?
  public var bio: String?
  public var role = StoryUserRole.user
  public var isActive = true
  public var createdAt = Date()
  public var updatedAt = Date()
  public init() {}
}

/// An OAuth identity linked to an account (`stories.oauth_accounts`), every column: for
/// administrators. The tokens are secrets no end user selects; users read
/// ``OAuthAccountSummary`` and their own tokens with
/// ``ReelbaseQueryable/myOAuthAccounts(readFrom:)``.
public struct OAuthAccount: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "stories.oauth_accounts"
  public var id = UUID()
  public var userID = UUID()
  public var provider = OAuthProvider.google
  /// The provider's id of the user; unique per provider.
  public var providerID = ""
  public var accessToken: String?
  public var refreshToken: String?
  public var expiresAt: Date?
  public var createdAt = Date()
  public init() {}
}

/// A linked OAuth identity without its tokens (`stories.oauth_accounts`, the columns
/// `reelbase_app` is granted): a user sees their own, moderators every one.
public struct OAuthAccountSummary: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "stories.oauth_accounts"
  public var id = UUID()
  public var userID = UUID()
  public var provider = OAuthProvider.google
  public var providerID = ""
  public var expiresAt: Date?
  public var createdAt = Date()
  public init() {}
}

/// One of the current user's OAuth identities with its tokens
/// (``ReelbaseQueryable/myOAuthAccounts(readFrom:)``): the only way an end user reads a token.
public struct MyOAuthAccount: ReelbaseRow, Hashable, Identifiable {
  public var id: UUID
  public var provider: OAuthProvider
  public var providerID: String
  public var accessToken: String?
  public var refreshToken: String?
  public var expiresAt: Date?
  public var createdAt: Date
}
