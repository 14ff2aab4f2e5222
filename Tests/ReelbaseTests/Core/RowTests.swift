import Foundation
import PostgresNIO
import Reelbase
import Testing

/// The generic row mechanism: columns derived from a model, decoding by name with checked
/// types, and the typed table surface.
@Suite struct RowTests {
  let env: TestEnvironment
  init() throws { env = try TestEnvironment.load() }

  /// A model that reads `learning.creators` with a wrong type for one column.
  struct WrongCreator: ReelbaseTable {
    static let tableName = "learning.creators"
    var id = UUID()
    var email = 0
    init() {}
  }

  /// A model that reads a column the table does not have.
  struct MissingColumn: ReelbaseTable {
    static let tableName = "learning.creators"
    var id = UUID()
    var nickname = ""
    init() {}
  }

  @Test func columnsComeFromTheModel() {
    #expect(Creator.columns == [
      "id", "whop_company_id", "whop_user_id", "email", "name", "subscription_tier", "settings",
      "created_at", "updated_at", "last_login_at", "is_active",
    ])
  }

  @Test func insertFetchUpdateDelete() async throws {
    try await env.withClient { admin in
      let tag = UUID().uuidString.lowercased()
      let made = try await admin.insert(Creator {
        $0.whopCompanyID = "rows-\(tag)"; $0.whopUserID = "u-\(tag)"; $0.email = "r-\(tag)@example.com"
      })
      #expect(made.subscriptionTier == .basic && made.settings == [:] && made.isActive)
      var read = try #require(try await admin.find(Creator.self, id: made.id, readFrom: .primary))
      #expect(read == made)
      read.name = "Renamed"
      read.subscriptionTier = .enterprise
      let updated = try #require(try await admin.update(read))
      #expect(updated.name == "Renamed" && updated.subscriptionTier == .enterprise)
      #expect(updated.updatedAt >= made.updatedAt)
      let found = try await admin.fetch(
        Creator.self, where: "whop_company_id = \("rows-\(tag)")", orderBy: "id", readFrom: .primary)
      #expect(found.map(\.id) == [made.id])
      #expect(try await admin.delete(Creator.self, where: "id = \(made.id)") == 1)
      #expect(try await admin.find(Creator.self, id: made.id, readFrom: .primary) == nil)
    }
  }

  @Test func mismatchesAreClearErrors() async throws {
    try await env.withClient { admin in
      let tag = UUID().uuidString.lowercased()
      try await admin.insert(Creator {
        $0.whopCompanyID = "wrong-\(tag)"; $0.whopUserID = "w-\(tag)"; $0.email = "w-\(tag)@example.com"
      })
      let filter: PostgresQuery = "whop_company_id = \("wrong-\(tag)")"
      do {
        _ = try await admin.fetch(WrongCreator.self, where: filter, readFrom: .primary)
        Issue.record("a text column decoded as Int")
      } catch let error as ReelbaseError {
        #expect(error.code == .unexpectedResponse)
        #expect(error.message.contains("learning.creators.email"))
      }
      do {
        _ = try await admin.fetch(MissingColumn.self, where: filter, readFrom: .primary)
        Issue.record("a column the table does not have was read")
      } catch let error as ReelbaseError {
        #expect(error.sqlState == "42703")
      }
    }
  }
}
