import CPostgres

/// A statement whose plan is prepared once per backend and then reused (SPI_keepplan). The plan
/// cache revalidates it when the tables it uses change, so it is never stale.
///
/// `@unchecked Sendable`: a Postgres backend is single-threaded and reelbase starts no threads,
/// so the lazily stored plan is only ever touched by the backend's one thread.
final class PreparedStatement: @unchecked Sendable {
  let sql: String
  let argumentTypes: [RbOid]
  private var plan: RbPlanRef? = nil

  init(_ sql: String, _ argumentTypes: [RbOid]) {
    self.sql = sql
    self.argumentTypes = argumentTypes
  }

  /// Must be called while SPI is connected.
  fileprivate func preparedPlan() throws -> RbPlanRef {
    if let plan { return plan }
    var prepared: RbPlanRef? = nil
    try sql.withCString { text in
      try guarded(rb_spi_prepare(text, Int32(argumentTypes.count), argumentTypes, &prepared))
    }
    guard let prepared else { throw PGError.internalError("SPI_prepare returned no plan") }
    plan = prepared
    return prepared
  }
}

/// The rows of the last SPI execution. Read values before `SPI.connect`'s body returns: the
/// Datums live in SPI's memory.
struct SPIResult {
  let status: Int32
  let rowCount: Int
  /// The statement's own tuple table: later statements replace SPI_tuptable, not this.
  private let table: UnsafeMutableRawPointer?

  /// The result of the statement that just ran.
  init(status: Int32) {
    self.status = status
    self.rowCount = Int(clamping: rb_spi_processed())
    self.table = rb_spi_tuptable()
  }

  /// Converts a value after checking the column really has T's type: reading a Datum as the
  /// wrong type would read memory that is not there, so a mismatch is an error, never a crash.
  func value<T: DatumConvertible>(_ row: Int, _ column: Int32, as: T.Type = T.self) throws -> T? {
    guard let raw = try datum(row, column) else { return nil }
    try DatumType.check(rb_spi_column_type(table, column), readAs: T.self, what: "column \(column + 1)")
    return try T(datum: raw)
  }
}

enum SPI {
  /// Runs `body` inside SPI_connect / SPI_finish. After a server error SPI is left to the
  /// transaction abort that the re-raised error causes (the shim refuses further calls anyway).
  @discardableResult
  static func connect<R>(_ body: () throws -> R) throws -> R {
    try guarded(rb_spi_connect())
    let result: R
    do {
      result = try body()
    } catch {
      if !rb_error_pending() { _ = rb_spi_finish() }
      throw error
    }
    try guarded(rb_spi_finish())
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
    return SPIResult(status: status)
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
    while true {
      try guarded(rb_spi_cursor_fetch(portal, batchSize))
      let batch = SPIResult(status: 0)
      if batch.rowCount == 0 { break }
      try body(batch)
      // One batch in memory at a time, not the whole result until SPI_finish.
      try batch.free()
    }
    try guarded(rb_spi_cursor_close(portal))
  }
}

extension SPIResult {
  /// Frees the rows now; the result must not be read afterwards.
  /// - Throws: a server error (SPI_freetuptable can warn, and a warning can process a
  ///   pending query cancel).
  func free() throws { try guarded(rb_spi_free(table)) }

  /// The raw Datum of a value (nil for NULL), for passing on without conversion.
  func datum(_ row: Int, _ column: Int32) throws -> RbDatum? {
    var datum: RbDatum = 0
    var isNull = false
    try guarded(rb_spi_value(table, UInt64(max(0, row)), column, &datum, &isNull))
    return isNull ? nil : datum
  }
}
