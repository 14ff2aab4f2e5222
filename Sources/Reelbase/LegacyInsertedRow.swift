import PostgresNIO

// Transitional: removed once every product's calls are on ReelbaseRow.
extension ReelbaseQueryable {
  func insertedRow<T>(
    _ query: PostgresQuery, _ decode: (PostgresRow) throws -> T, _ table: String
  ) async throws -> T {
    guard let row = try await all(query, .write, decode).first else {
      throw ReelbaseError(.unexpectedResponse, "INSERT INTO \(table) returned no row")
    }
    return row
  }
}

extension ReelbaseRow {
  init(row: PostgresRow) throws { try self.init(row: row, context: "\(Self.self)") }
}
