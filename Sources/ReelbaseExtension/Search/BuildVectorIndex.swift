import CPostgres
import ReelbaseCore

/// `reelbase.build_vector_index(index_name, lists, sample_rows, iterations)`: spherical
/// k-means over a sample of the indexed column, centroids stored, and every row filed in its
/// list in the index's side table (the indexed rows themselves are not rewritten).
/// Table and column names come from the registry, quoted by format('%I') / regclass output.
/// The table is locked against writes (SHARE ROW EXCLUSIVE) for the build, so no row can be
/// filed under the old centroids after the new ones are in place; reads go on.
enum BuildVectorIndex {
  static let seed: UInt64 = 0x5EED_2026
  static let maxLists = 4096

  static let registry = PreparedStatement(
    """
    SELECT table_name::text AS table_name, quote_ident(vector_column) AS quoted_vector_column,
           format('INSERT INTO %1$s (%2$I, %3$I) SELECT %4$I, l FROM '
                  '(SELECT %4$I, reelbase.vector_list_for(%5$L, %6$I) AS l FROM %7$s) t WHERE l IS NOT NULL',
                  list_table, list_key_column, list_column, key_column, name, vector_column, table_name)
             AS assign_all,
           dimension,
           -- Fresh statistics, or the planner keeps believing every list column is NULL and
           -- probes by scanning the whole table. Only the owner may ANALYZE.
           CASE WHEN pg_catalog.pg_has_role((SELECT relowner FROM pg_catalog.pg_class
                                            WHERE oid = list_table), 'USAGE')
                THEN format('ANALYZE %s', list_table) END AS analyze_lists,
           format('DELETE FROM %s', list_table) AS clear_lists
    FROM reelbase.vector_indexes WHERE name = $1 FOR UPDATE
    """, [RbOid(RB_TEXTOID)])
  static let clear = PreparedStatement(
    "DELETE FROM reelbase.vector_index_centroids WHERE index_name = $1", [RbOid(RB_TEXTOID)])
  static let insertCentroid = PreparedStatement(
    "INSERT INTO reelbase.vector_index_centroids (index_name, list_no, centroid) VALUES ($1, $2, $3)",
    [RbOid(RB_TEXTOID), RbOid(RB_INT4OID), RbOid(RB_FLOAT4ARRAYOID)])
  static let publish = PreparedStatement(
    """
    UPDATE reelbase.vector_indexes SET lists = $2, version = version + 1, sample_rows = $3,
      built_at = now(), build_seconds = $4 WHERE name = $1
    """, [RbOid(RB_TEXTOID), RbOid(RB_INT4OID), RbOid(RB_INT4OID), RbOid(RB_FLOAT8OID)])

  static func call(_ call: FunctionCall) throws -> RbDatum? {
    let name: String = try call.required(0, "index_name")
    let requestedLists: Int32? = try call.optional(1)
    let requestedSample: Int32? = try call.optional(2)
    let iterations: Int32 = try call.optional(3) ?? 10
    if let l = requestedLists, !(1...Int32(maxLists)).contains(l) {
      throw PGError.invalidParameter("lists must be between 1 and \(maxLists), got \(l)")
    }
    if let s = requestedSample, s < 1 {
      throw PGError.invalidParameter("sample_rows must be positive, got \(s)")
    }
    guard (1...100).contains(iterations) else {
      throw PGError.invalidParameter("iterations must be between 1 and 100, got \(iterations)")
    }
    let sink = try TupleSink(call)
    let started = rb_current_timestamp()
    let nameDatum = try name.makeDatum()
    let row: [RbDatum?] = try SPI.connect {
      let registered = try SPI.execute(registry, [nameDatum], readOnly: false)
      let r = registered.row(0)
      guard registered.rowCount == 1, let table: String = try r.value("table_name"),
        let column: String = try r.value("quoted_vector_column"),
        let assignAll: String = try r.value("assign_all"), let dimension: Int32 = try r.value("dimension")
      else {
        throw PGError.invalidParameter("no vector index named \"\(name)\"",
                                       hint: "Indexes are listed in reelbase.vector_indexes.")
      }
      try SPI.run("LOCK TABLE \(table) IN SHARE ROW EXCLUSIVE MODE", readOnly: false)
      let counted = try SPI.run("SELECT count(*) AS vectors FROM \(table) WHERE \(column) IS NOT NULL",
                                readOnly: true)
      let rows = Int(try counted.row(0).value("vectors") ?? Int64(0))
      guard rows > 0 else {
        throw PGError(sqlstate: "55000", message: "\(table) has no \(column) values to build \"\(name)\" from")
      }
      let lists = Int(requestedLists ?? Int32(clamping: min(maxLists, max(1, Int(Double(rows).squareRoot())))))
      let sampleTarget = min(rows, Int(requestedSample ?? Int32(clamping: max(10_000, lists * 50))))
      let sample = try readSample(table, column, rows: rows, target: sampleTarget, dimension: Int(dimension))
      guard sample.rows > 0 else {
        throw PGError(sqlstate: "55000", message: "\(table) has no usable \(column) values (all zero or non-finite)")
      }
      let centroids = try sample.vectors.withUnsafeBufferPointer { v in
        try SphericalKMeans.train(
          vectors: v, dimension: Int(dimension), k: lists, iterations: Int(iterations), seed: seed,
          checkInterrupt: { try guarded(rb_check_for_interrupts()) })
      }
      let built = centroids.count / Int(dimension)
      try SPI.execute(clear, [nameDatum], readOnly: false)
      for list in 0..<built {
        let slice = centroids[(list * Int(dimension))..<((list + 1) * Int(dimension))]
        let datum = try PGArray<Float>(slice.map { Optional($0) }).makeDatum()
        try SPI.execute(insertCentroid, [nameDatum, Int32(list).makeDatum(), datum], readOnly: false)
      }
      let seconds = Double(rb_current_timestamp() - started) / 1_000_000
      try SPI.execute(publish, [nameDatum, Int32(built).makeDatum(), Int32(clamping: sample.rows).makeDatum(),
                                seconds.makeDatum()], readOnly: false)
      if let clearLists: String = try r.value("clear_lists") { try SPI.run(clearLists, readOnly: false) }
      let assigned = try SPI.run(assignAll, readOnly: false)
      if let analyze: String = try r.value("analyze_lists") { try SPI.run(analyze, readOnly: false) }
      let total = Double(rb_current_timestamp() - started) / 1_000_000
      return [Int32(built).makeDatum(), Int32(clamping: sample.rows).makeDatum(),
              Int64(assigned.rowCount).makeDatum(), total.makeDatum()]
    }
    try sink.append(row)
    return nil
  }

  /// Up to `target` usable rows, drawn reproducibly (TABLESAMPLE ... REPEATABLE) and streamed in
  /// batches so the sample is never held twice.
  private static func readSample(_ table: String, _ column: String, rows: Int, target: Int,
                                 dimension: Int) throws -> (vectors: [Float], rows: Int)
  {
    let percent = min(100.0, Double(target) / Double(rows) * 100 * 1.25)
    let sampling = target >= rows ? "" : " TABLESAMPLE BERNOULLI (\(percent)) REPEATABLE (\(seed % 1_000_000))"
    let sql = "SELECT \(column) AS vector FROM \(table)\(sampling) WHERE \(column) IS NOT NULL LIMIT \(target)"
    var vectors: [Float] = []
    vectors.reserveCapacity(target * dimension)
    var taken = 0
    try SPI.forEachBatch(sql, batchSize: 1000, readOnly: true) { batch in
      let vector = try batch.column("vector")
      for row in batch.rows {
        guard let datum = try row.datum(vector) else { continue }
        // The floats are copied out and a detoasted copy freed row by row: this loop runs
        // inside one SPI connection, whose memory is only reset at SPI_finish.
        let usable = try Float4ArrayView.read(datum) { view in
          guard !view.hasNulls, VectorValidation.check(view.buffer, dimension: dimension) == nil else {
            return false
          }
          vectors.append(contentsOf: view.buffer)
          return true
        }
        if usable { taken += 1 }
      }
      try guarded(rb_check_for_interrupts())
    }
    return (vectors, taken)
  }
}

@_cdecl("rbx_reelbase_build_vector_index")
func rbx_reelbase_build_vector_index(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, BuildVectorIndex.call)
}
