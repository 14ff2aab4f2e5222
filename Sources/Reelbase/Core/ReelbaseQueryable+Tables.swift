import PostgresNIO

/// Typed access to any table or view through its model: a table gets client access by
/// declaring a ``ReelbaseTable``. Row-level security decides what each caller reads and
/// writes; filters are SQL over the table's columns with bound values:
///
/// ```swift
/// let videos = try await db.fetch(Video.self, where: "creator_id = \(id) AND NOT is_deleted",
///                                 orderBy: "created_at DESC", limit: 20)
/// let creator = try await db.insert(Creator { $0.whopCompanyID = "co_1"; $0.email = "a@b.c" })
/// ```
extension ReelbaseQueryable {
  /// The rows of `M`'s table that pass `filter`.
  /// - Parameters:
  ///   - type: The model.
  ///   - filter: A SQL condition with bound values; every row by default.
  ///   - orderBy: A SQL ORDER BY list (written by the program, never from input).
  ///   - limit: At most this many rows.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Throws: ``ReelbaseError``.
  public func fetch<M: ReelbaseTable>(
    _ type: M.Type, where filter: PostgresQuery = "TRUE", orderBy: String? = nil, limit: Int? = nil,
    readFrom: ReadPreference = .replica
  ) async throws -> [M] {
    var sql = "SELECT \(M.selectList) FROM \(M.tableName) WHERE \(filter.sql)"
    if let orderBy { sql += " ORDER BY \(orderBy)" }
    if let limit { sql += " LIMIT \(limit)" }
    return try await rows(PostgresQuery(unsafeSQL: sql, binds: filter.binds), .read(readFrom))
      .map { try M(row: $0, context: M.tableName) }
  }

  /// The row of `M`'s table with this `id`, or nil when there is none the caller may see.
  /// - Parameters:
  ///   - type: The model.
  ///   - id: The key.
  ///   - readFrom: Where the read runs; a replica by default.
  /// - Throws: ``ReelbaseError``.
  public func find<M: ReelbaseTable, ID: PostgresEncodable & Sendable>(
    _ type: M.Type, id: ID, readFrom: ReadPreference = .replica
  ) async throws -> M? {
    try await fetch(M.self, where: "id = \(id)", limit: 1, readFrom: readFrom).first
  }

  /// Inserts a row: every property but ``ReelbaseTable/serverColumns`` and nil optionals (which
  /// take the column's default), and returns it as stored.
  /// - Parameters:
  ///   - row: The new row.
  ///   - only: Only these columns, for a writer granted some columns of the table only.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/duplicate`` (23505),
  ///   ``ReelbaseError/Code/invalidInput`` (23514 and the like), ``ReelbaseError/Code/notFound``
  ///   (23503), ``ReelbaseError/Code/permissionDenied`` (42501).
  @discardableResult
  public func insert<M: ReelbaseTable>(_ row: M, only: Set<String>? = nil) async throws -> M {
    let values = try RowEncoder.columns(of: row, context: M.tableName)
      .filter { $0.value != nil && !M.serverColumns.contains($0.column) && only?.contains($0.column) != false }
    var binds = PostgresBindings()
    for value in values { try binds.append(column: value.value) }
    let columns = values.map(\.column).joined(separator: ", ")
    let placeholders = values.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
    let sql = """
      INSERT INTO \(M.tableName) \(values.isEmpty ? "DEFAULT VALUES" : "(\(columns)) VALUES (\(placeholders))")
      RETURNING \(M.selectList)
      """
    return try await oneRow(PostgresQuery(unsafeSQL: sql, binds: binds), M.self, "INSERT INTO")
  }

  /// Writes every column of a row but its key and ``ReelbaseTable/serverColumns`` (a nil
  /// optional writes NULL), found by ``ReelbaseTable/primaryKey``, and returns it as stored.
  /// - Parameters:
  ///   - row: The row, as read and then changed.
  ///   - only: Only these columns, for a writer granted some columns of the table only.
  /// - Returns: The stored row, or nil when there is no such row the caller may change.
  /// - Throws: ``ReelbaseError``, as ``insert(_:only:)``.
  @discardableResult
  public func update<M: ReelbaseTable>(_ row: M, only: Set<String>? = nil) async throws -> M? {
    let columns = try RowEncoder.columns(of: row, context: M.tableName)
    let keys = columns.filter { M.primaryKey.contains($0.column) }
    let values = columns.filter {
      !M.primaryKey.contains($0.column) && !M.serverColumns.contains($0.column) && only?.contains($0.column) != false
    }
    var binds = PostgresBindings()
    for value in keys + values { try binds.append(column: value.value) }
    let set = values.enumerated().map { "\($1.column) = $\(keys.count + $0 + 1)" }
    let key = keys.enumerated().map { "\($1.column) = $\($0 + 1)" }
    let sql = """
      UPDATE \(M.tableName) SET \(set.joined(separator: ", ")) WHERE \(key.joined(separator: " AND "))
      RETURNING \(M.selectList)
      """
    return try await rows(PostgresQuery(unsafeSQL: sql, binds: binds), .write)
      .first.map { try M(row: $0, context: M.tableName) }
  }

  /// Deletes the rows of `M`'s table that pass `filter`.
  /// - Returns: How many rows were deleted.
  /// - Throws: ``ReelbaseError``.
  @discardableResult
  public func delete<M: ReelbaseTable>(_ type: M.Type, where filter: PostgresQuery) async throws -> Int {
    let key = M.primaryKey.joined(separator: ", ")
    let sql = "DELETE FROM \(M.tableName) WHERE \(filter.sql) RETURNING \(key)"
    return try await rows(PostgresQuery(unsafeSQL: sql, binds: filter.binds), .write).count
  }

  func oneRow<M: ReelbaseRow>(_ query: PostgresQuery, _ type: M.Type, _ what: String) async throws -> M {
    guard let row = try await rows(query, .write).first else {
      throw ReelbaseError(.unexpectedResponse, "\(what) \(M.self) returned no row")
    }
    return try M(row: row, context: "\(M.self)")
  }
}
