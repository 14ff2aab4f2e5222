import Foundation
import PostgresNIO

/// Plain reads and writes of `learning.creators` and `learning.students`. Row-level security
/// decides what each caller sees: a creator themselves and their students, a student
/// themselves; only administrators create accounts.
extension ReelbaseQueryable {
  /// Reads one creator.
  /// - Parameters:
  ///   - id: The creator's id.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The creator, or nil when it does not exist or is hidden from the caller.
  /// - Throws: ``ReelbaseError``.
  public func getCreator(id: UUID, readFrom: ReadPreference = .replica) async throws -> Creator? {
    try await all(
      "SELECT \(unescaped: Creator.columns) FROM learning.creators WHERE id = \(id)",
      .read(readFrom), Creator.init(row:)
    ).first
  }

  /// Reads the creator with a Whop company id.
  /// - Parameters:
  ///   - whopCompanyID: The unique Whop company identifier.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The creator, or nil when there is none visible to the caller.
  /// - Throws: ``ReelbaseError``.
  public func findCreator(whopCompanyID: String, readFrom: ReadPreference = .replica)
    async throws -> Creator?
  {
    try await all(
      """
      SELECT \(unescaped: Creator.columns) FROM learning.creators
      WHERE whop_company_id = \(whopCompanyID)
      """,
      .read(readFrom), Creator.init(row:)
    ).first
  }

  /// Creates a creator account (administrators only under row-level security).
  /// - Parameters:
  ///   - whopCompanyID: Unique Whop company identifier.
  ///   - whopUserID: Whop user id used for authentication.
  ///   - email: Email address.
  ///   - name: Display name.
  ///   - subscriptionTier: Pricing tier; `basic` by default, as in SQL.
  ///   - settings: Preferences; `{}` by default.
  /// - Returns: The new creator.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/duplicate`` for a taken Whop company
  ///   id, ``ReelbaseError/Code/invalidInput`` for an unknown tier,
  ///   ``ReelbaseError/Code/permissionDenied`` for a caller that may not create accounts.
  public func createCreator(
    whopCompanyID: String, whopUserID: String, email: String, name: String? = nil,
    subscriptionTier: SubscriptionTier = .basic, settings: JSONValue = [:]
  ) async throws -> Creator {
    let query: PostgresQuery = try """
      INSERT INTO learning.creators
        (whop_company_id, whop_user_id, email, name, subscription_tier, settings)
      VALUES (\(whopCompanyID), \(whopUserID), \(email), \(name), \(subscriptionTier), \(settings))
      RETURNING \(unescaped: Creator.columns)
      """
    return try await insertedRow(query, Creator.init(row:), "learning.creators")
  }

  /// Reads one student.
  /// - Parameters:
  ///   - id: The student's id.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The student, or nil when it does not exist or is hidden from the caller.
  /// - Throws: ``ReelbaseError``.
  public func getStudent(id: UUID, readFrom: ReadPreference = .replica) async throws -> Student? {
    try await all(
      "SELECT \(unescaped: Student.columns) FROM learning.students WHERE id = \(id)",
      .read(readFrom), Student.init(row:)
    ).first
  }

  /// Reads the student with a Whop user id.
  /// - Parameters:
  ///   - whopUserID: The unique Whop user identifier.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The student, or nil when there is none visible to the caller.
  /// - Throws: ``ReelbaseError``.
  public func findStudent(whopUserID: String, readFrom: ReadPreference = .replica)
    async throws -> Student?
  {
    try await all(
      """
      SELECT \(unescaped: Student.columns) FROM learning.students WHERE whop_user_id = \(whopUserID)
      """,
      .read(readFrom), Student.init(row:)
    ).first
  }

  /// Lists a creator's students, oldest first.
  /// - Parameters:
  ///   - creatorID: The creator.
  ///   - limit: At most this many; 100 by default.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Returns: The students visible to the caller.
  /// - Throws: ``ReelbaseError``.
  public func listStudents(creatorID: UUID, limit: Int = 100, readFrom: ReadPreference = .replica)
    async throws -> [Student]
  {
    try await all(
      """
      SELECT \(unescaped: Student.columns) FROM learning.students
      WHERE creator_id = \(creatorID) ORDER BY created_at, id LIMIT \(limit)
      """,
      .read(readFrom), Student.init(row:))
  }

  /// Creates a student of a creator (administrators only under row-level security).
  /// - Parameters:
  ///   - creatorID: The creator whose content the student may see.
  ///   - whopUserID: Unique Whop user identifier.
  ///   - whopMembershipID: Active Whop membership id.
  ///   - email: Email address.
  ///   - name: Display name.
  ///   - preferences: Settings; `{}` by default.
  /// - Returns: The new student.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/duplicate`` for a taken Whop user id,
  ///   ``ReelbaseError/Code/notFound`` for a missing creator.
  public func createStudent(
    creatorID: UUID, whopUserID: String, whopMembershipID: String, email: String,
    name: String? = nil, preferences: JSONValue = [:]
  ) async throws -> Student {
    let query: PostgresQuery = try """
      INSERT INTO learning.students
        (creator_id, whop_user_id, whop_membership_id, email, name, preferences)
      VALUES (\(creatorID), \(whopUserID), \(whopMembershipID), \(email), \(name), \(preferences))
      RETURNING \(unescaped: Student.columns)
      """
    return try await insertedRow(query, Student.init(row:), "learning.students")
  }

  /// The one row an INSERT ... RETURNING produced.
  func insertedRow<T>(
    _ query: PostgresQuery, _ decode: (PostgresRow) throws -> T, _ table: String
  ) async throws -> T {
    guard let row = try await all(query, .write, decode).first else {
      throw ReelbaseError(.unexpectedResponse, "INSERT INTO \(table) returned no row")
    }
    return row
  }
}
