import CPostgres

/// A statement whose plan is prepared once per backend and then reused (SPI_keepplan). The plan
/// cache revalidates it when the tables it uses change, so it is never stale.
///
/// `@unchecked Sendable`: a Postgres backend is single-threaded and reelbase starts no threads,
/// so the lazily stored plan is only ever touched by the backend's one thread.
final class PreparedStatement: @unchecked Sendable {
  let sql: String
  let argumentTypes: [RbOid]
  /// Whether the planner may run it in parallel: for the big read-only aggregates only.
  let parallel: Bool
  private var plan: RbPlanRef? = nil
  /// The result's columns, named once from the first execution's result (see ResultColumns).
  fileprivate var columns: ResultColumns? = nil

  init(_ sql: String, _ argumentTypes: [RbOid], parallel: Bool = false) {
    self.sql = sql
    self.argumentTypes = argumentTypes
    self.parallel = parallel
  }

  /// Must be called while SPI is connected.
  fileprivate func preparedPlan() throws -> RbPlanRef {
    if let plan { return plan }
    var prepared: RbPlanRef? = nil
    try sql.withCString { text in
      try guarded(rb_spi_prepare(text, Int32(argumentTypes.count), argumentTypes, parallel, &prepared))
    }
    guard let prepared else { throw PGError.internalError("SPI_prepare returned no plan") }
    plan = prepared
    return prepared
  }
}

enum SPI {
  /// Runs `body` inside SPI_connect / SPI_finish, with search_path pinned to
  /// `pg_catalog, pg_temp` (see rb_spi_connect): write every name schema-qualified. After a server error SPI is left to the
  /// transaction abort that the re-raised error causes (the shim refuses further calls anyway).
  @discardableResult
  static func connect<R>(_ body: () throws -> R) throws -> R {
    var gucLevel: Int32 = 0
    try guarded(rb_spi_connect(&gucLevel))
    let result: R
    do {
      result = try body()
    } catch {
      if !rb_error_pending() { _ = rb_spi_finish(gucLevel) }
      throw error
    }
    try guarded(rb_spi_finish(gucLevel))
    return result
  }

  /// Executes a saved plan with arguments (nil = SQL NULL), passed without copying.
  /// - Parameters:
  ///   - readOnly: true for STABLE callers: no command-counter increment, caller's snapshot.
  ///   - maxRows: 0 for all rows.
  @discardableResult
  static func execute(_ statement: PreparedStatement, _ arguments: [RbDatum?],
                      readOnly: Bool, maxRows: Int64 = 0) throws -> SPIResult
  {
    guard arguments.count == statement.argumentTypes.count else {
      throw PGError.internalError(
        "statement takes \(statement.argumentTypes.count) arguments, got \(arguments.count)")
    }
    let plan = try statement.preparedPlan()
    var status: Int32 = 0
    try withUnsafeTemporaryAllocation(of: RbDatum.self, capacity: max(1, arguments.count)) {
      values in
      try withUnsafeTemporaryAllocation(of: CChar.self, capacity: max(1, arguments.count)) {
        nulls in
        for (i, argument) in arguments.enumerated() {
          values[i] = argument ?? 0
          nulls[i] = argument == nil ? CChar(UInt8(ascii: "n")) : CChar(UInt8(ascii: " "))
        }
        try guarded(
          rb_spi_execute(plan, values.baseAddress, nulls.baseAddress, readOnly, maxRows, &status))
      }
    }
    let result = SPIResult(status: status, known: statement.columns)
    if let columns = result.columns { statement.columns = columns }
    return result
  }
}

extension SPI {
  /// Runs SQL text once. Only for statements assembled from catalog identifiers (quoted with
  /// format('%I')); values always go through saved plans.
  @discardableResult
  static func run(_ sql: String, readOnly: Bool) throws -> SPIResult {
    var status: Int32 = 0
    try sql.withCString { try guarded(rb_spi_exec($0, readOnly, &status)) }
    return SPIResult(status: status)
  }

  /// Streams the rows of `sql` in batches of `batchSize`; `body` reads each batch (values are
  /// valid only inside it).
  static func forEachBatch(_ sql: String, batchSize: Int64, readOnly: Bool,
                           _ body: (SPIResult) throws -> Void) throws
  {
    var portal: UnsafeMutableRawPointer? = nil
    try sql.withCString { try guarded(rb_spi_cursor_open($0, readOnly, &portal)) }
    guard let portal else { throw PGError.internalError("SPI returned no cursor") }
    // A cursor's batches share one shape: its columns are named once, not once per batch.
    var columns: ResultColumns? = nil
    while true {
      try guarded(rb_spi_cursor_fetch(portal, batchSize))
      let batch = SPIResult(status: 0, known: columns)
      columns = batch.columns
      if batch.rowCount == 0 { break }
      try body(batch)
      // One batch in memory at a time, not the whole result until SPI_finish.
      try batch.free()
    }
    try guarded(rb_spi_cursor_close(portal))
  }
}
