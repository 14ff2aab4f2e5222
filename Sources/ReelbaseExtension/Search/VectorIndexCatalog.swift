import CPostgres
import ReelbaseCore

/// A built IVF index as this backend knows it: the registry row and its centroids, cached per
/// backend and reloaded when the registry's version moves (another backend rebuilt it).
struct VectorIndexState {
  let name: String
  let version: Int64
  let dimension: Int
  let lists: Int
  /// `lists` unit centroids back to back, `dimension` floats each.
  let centroids: [Float]
  /// The keys filed in the lists of an int4[] (`SELECT array_agg(key) FROM list_table ...`),
  /// run as the list table's owner (`listSchema`.`listTable`): a row's list is the nearest
  /// centroid, derived from every tenant's rows, so end users may not read the list table.
  let members: PreparedStatement
  let listSchema: String
  let listTable: String

  /// The keys filed in `lists` (an int4[] Datum); NULL when none are. Must be called with SPI
  /// connected; the Datum lives until SPI finishes.
  func keys(inLists lists: RbDatum) throws -> RbDatum? {
    var user: UInt32 = 0
    var context: Int32 = 0
    try guarded(rb_become_owner_of(listSchema, listTable, &user, &context))
    defer { rb_restore_user(user, context) }
    let result = try SPI.execute(members, [lists], readOnly: true)
    return result.rowCount == 1 ? try result.row(0).datum("array_agg") : nil
  }

  /// List numbers, most similar centroid first.
  func ranked(_ unitQuery: [Float]) -> [Int] {
    unitQuery.withUnsafeBufferPointer { q in
      centroids.withUnsafeBufferPointer { c in
        SphericalKMeans.ranked(q, centroids: c, dimension: dimension)
      }
    }
  }

  func nearest(_ vector: UnsafeBufferPointer<Float>) -> Int {
    centroids.withUnsafeBufferPointer { c in
      SphericalKMeans.nearest(vector, centroids: c, dimension: dimension)
    }
  }
}

enum VectorIndexCatalog {
  /// Keyed by index name. Backends are single-threaded (see PreparedStatement).
  nonisolated(unsafe) private static var cache: [String: VectorIndexState] = [:]

  static let registry = PreparedStatement(
    """
    SELECT i.version, i.dimension, i.lists, n.nspname::text AS list_schema, c.relname::text AS list_table,
           pg_catalog.format('SELECT pg_catalog.array_agg(%I) FROM %s WHERE %I OPERATOR(pg_catalog.=) ANY ($1)',
                             i.list_key_column, i.list_table, i.list_column) AS members_sql
    FROM reelbase.vector_indexes i
    JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) i.list_table
    JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
    WHERE i.name OPERATOR(pg_catalog.=) $1
    """,
    [RbOid(RB_TEXTOID)])
  /// Member lookups by their SQL text, so a rebuild (a new version) reuses the saved plan.
  nonisolated(unsafe) private static var memberStatements: [String: PreparedStatement] = [:]
  static let centroids = PreparedStatement(
    "SELECT list_no, centroid FROM reelbase.vector_index_centroids WHERE index_name = $1 ORDER BY list_no",
    [RbOid(RB_TEXTOID)])

  /// The index if it is built, else nil. Must be called with SPI connected.
  ///
  /// Read as the owner of the registry: centroids are averages of embeddings of every tenant,
  /// and the registry's figures count their rows, so no end-user role may read either (RLS
  /// cannot filter an average). Search uses them only to choose which lists to scan; the
  /// rows it returns are read with the caller's rights.
  /// - Throws: 22023 when no index has that name.
  static func current(_ name: String) throws -> VectorIndexState? {
    var user: UInt32 = 0
    var context: Int32 = 0
    try guarded(rb_become_owner_of("reelbase", "vector_index_centroids", &user, &context))
    defer { rb_restore_user(user, context) }
    return try currentAsOwner(name)
  }

  private static func currentAsOwner(_ name: String) throws -> VectorIndexState? {
    let nameDatum = try name.makeDatum()
    let result = try SPI.execute(registry, [nameDatum], readOnly: true)
    let r = result.row(0)
    guard result.rowCount == 1, let version: Int64 = try r.value("version"),
          let dimension: Int32 = try r.value("dimension")
    else {
      throw PGError.invalidParameter("no vector index named \"\(name)\"",
                                     hint: "Indexes are listed in reelbase.vector_indexes.")
    }
    guard let lists: Int32 = try r.value("lists"), lists > 0 else {
      cache[name] = nil
      return nil
    }
    if let cached = cache[name], cached.version == version { return cached }
    guard let sql: String = try r.value("members_sql"), let listSchema: String = try r.value("list_schema"),
          let listTable: String = try r.value("list_table")
    else { throw PGError.internalError("vector index \"\(name)\" has no list table") }
    let members = memberStatements[sql] ?? PreparedStatement(sql, [RbOid(RB_INT4ARRAYOID)])
    memberStatements[sql] = members
    let state = try load(name, nameDatum, version: version, dimension: Int(dimension), lists: Int(lists),
                         members: members, listSchema: listSchema, listTable: listTable)
    cache[name] = state
    return state
  }

  private static func load(_ name: String, _ nameDatum: RbDatum, version: Int64, dimension: Int,
                           lists: Int, members: PreparedStatement, listSchema: String,
                           listTable: String) throws -> VectorIndexState
  {
    let r = try SPI.execute(centroids, [nameDatum], readOnly: true)
    guard r.rowCount == lists else {
      throw PGError(sqlstate: "XX001", message: "vector index \"\(name)\" has \(r.rowCount) centroids, expected \(lists)",
                    hint: "Rebuild it with reelbase.build_vector_index('\(name)').")
    }
    var flat: [Float] = []
    flat.reserveCapacity(lists * dimension)
    let centroid = try r.column("centroid")
    for row in 0..<lists {
      guard let datum = try r.row(row).datum(centroid) else { throw PGError.internalError("NULL centroid") }
      try Float4ArrayView.read(datum) { view in
        guard view.buffer.count == dimension else {
          throw PGError.internalError("centroid \(row) of \(name) has \(view.buffer.count) values")
        }
        flat.append(contentsOf: view.buffer)
      }
    }
    return VectorIndexState(name: name, version: version, dimension: dimension, lists: lists, centroids: flat,
                            members: members, listSchema: listSchema, listTable: listTable)
  }
}
