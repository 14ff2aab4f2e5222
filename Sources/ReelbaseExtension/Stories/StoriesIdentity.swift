import CPostgres
import ReelbaseCore

/// Who is acting in stories (stories.current_user_id(): an active user's id, else NULL).
enum StoriesIdentity {
  static let current = PreparedStatement("SELECT stories.current_user_id() AS id", [])
  static let moderator = PreparedStatement("SELECT stories.current_user_id() AS id, stories.is_moderator() AS moderator", [])

  /// The current identity when it is an active stories user.
  /// - Throws: 42501 otherwise.
  static func activeUser(for function: String) throws -> UUIDValue {
    guard let id = try optionalUser() else { throw noActiveUser(function) }
    return id
  }

  static func noActiveUser(_ function: String) -> PGError {
    PGError(sqlstate: "42501", message: "stories.\(function) acts for the current user, and there is no active one",
            hint: "Call reelbase.set_user_id() with the id of an active stories.users row first.")
  }

  static func optionalUser() throws -> UUIDValue? {
    try SPI.execute(current, [], readOnly: false).row(0).value("id")
  }

  /// - Throws: 42501 unless the current user is an active moderator or admin.
  static func requireModerator(for function: String) throws -> UUIDValue {
    let r = try SPI.execute(moderator, [], readOnly: false).row(0)
    guard let id: UUIDValue = try r.value("id"), try r.value("moderator", as: Bool.self) == true else {
      throw PGError(sqlstate: "42501", message: "stories.\(function) is for moderators and admins")
    }
    return id
  }
}
