import Foundation
import PostgresNIO

/// Who the current stories user is, as the policies see it, and their own private columns.
/// The identity is transaction-local, so outside ``ReelbaseClient/withIdentity(_:on:level:_:)``
/// these answer nil, false or nothing.
extension ReelbaseQueryable {
  /// `stories.current_user_id()`: the identity when it is an active `stories.users` account,
  /// else nil (an inactive account has no identity).
  /// - Throws: ``ReelbaseError``.
  public func currentStoryUserID(readFrom: ReadPreference = .replica) async throws -> UUID? {
    try await value("stories.current_user_id", [:], .read(readFrom))
  }

  /// `stories.current_user_role()`: the current active user's role, or nil.
  /// - Throws: ``ReelbaseError``.
  public func currentStoryUserRole(readFrom: ReadPreference = .replica) async throws -> StoryUserRole? {
    try await value("stories.current_user_role", [:], .read(readFrom))
  }

  /// `stories.is_moderator()`: whether the current active user moderates (role `moderator` or
  /// `admin`).
  /// - Throws: ``ReelbaseError``.
  public func isStoryModerator(readFrom: ReadPreference = .replica) async throws -> Bool {
    try await required("stories.is_moderator", [:], .read(readFrom))
  }

  /// `stories.is_admin()`: whether the current active user's role is `admin`.
  /// - Throws: ``ReelbaseError``.
  public func isStoryAdmin(readFrom: ReadPreference = .replica) async throws -> Bool {
    try await required("stories.is_admin", [:], .read(readFrom))
  }

  /// `stories.scene_is_public(p_scene)`: whether the scene is `active` or `locked` and its idea
  /// `active` and `approved`, whatever the caller may see; false for no such scene.
  /// - Throws: ``ReelbaseError``.
  public func sceneIsPublic(sceneID: UUID, readFrom: ReadPreference = .replica) async throws -> Bool {
    try await required("stories.scene_is_public", ["p_scene": sceneID], .read(readFrom))
  }

  /// `stories.scene_owner(p_scene)`: the user who started the scene, or nil for no such scene.
  /// - Throws: ``ReelbaseError``.
  public func sceneOwner(sceneID: UUID, readFrom: ReadPreference = .replica) async throws -> UUID? {
    try await value("stories.scene_owner", ["p_scene": sceneID], .read(readFrom))
  }

  /// `stories.my_account()`: the current user's own account with the columns other users may
  /// not read (`email`, `emailVerified`, `lastLoginAt`); `passwordHash` is nil (see
  /// ``myPasswordHash(readFrom:)``). Nil without an identity.
  /// - Throws: ``ReelbaseError``.
  public func myStoryAccount(readFrom: ReadPreference = .replica) async throws -> StoryUser? {
    try await call("stories.my_account", [:], .read(readFrom), as: StoryUser.self).first
  }

  /// `stories.my_oauth_accounts()`: the current user's OAuth identities with their tokens, by
  /// provider; none without an identity.
  /// - Throws: ``ReelbaseError``.
  public func myOAuthAccounts(readFrom: ReadPreference = .replica) async throws -> [MyOAuthAccount] {
    try await call("stories.my_oauth_accounts", [:], .read(readFrom))
  }

  /// `stories.my_password_hash()`: the current user's password hash; nil without an identity or
  /// for an OAuth-only account.
  /// - Throws: ``ReelbaseError``.
  public func myPasswordHash(readFrom: ReadPreference = .replica) async throws -> String? {
    try await value("stories.my_password_hash", [:], .read(readFrom))
  }
}
