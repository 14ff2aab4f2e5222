import CPostgres

/// The rows of one SPI execution, read by column name. Read values before `SPI.connect`'s body
/// returns: the Datums live in SPI's memory.
struct SPIResult {
  let status: Int32
  let rowCount: Int
  /// The statement's own tuple table: later statements replace SPI_tuptable, not this.
  fileprivate let table: UnsafeMutableRawPointer?
  /// nil when the statement returns no rows at all (no tuple table), as DDL or a plain UPDATE.
  let columns: ResultColumns?

  /// The result of the statement that just ran.
  /// - Parameter known: the columns of an earlier result of the same statement, reused while
  ///   they still describe this one.
  init(status: Int32, known: ResultColumns? = nil) {
    self.status = status
    self.rowCount = Int(clamping: rb_spi_processed())
    let table = rb_spi_tuptable()
    self.table = table
    if let table {
      columns = known.flatMap { $0.describes(table) ? $0 : nil } ?? ResultColumns(table)
    } else {
      columns = nil
    }
  }

  func row(_ index: Int) -> SPIRow { SPIRow(result: self, index: index) }

  var rows: LazyMapSequence<Range<Int>, SPIRow> { (0..<rowCount).lazy.map(row) }

  /// Looks a column up once, for loops over many rows (`SPIRow.value(_ column:)` then reads
  /// without a lookup).
  /// - Throws: XX000 when the result has no such column, or has it twice.
  func column(_ name: String) throws -> SPIColumn {
    guard let columns else {
      throw PGError.internalError("the statement returned no rows to read column \"\(name)\" from")
    }
    let column = try columns.column(name)
    return SPIColumn(name: name, index: column.index, type: column.type, owner: columns)
  }

  /// Frees the rows now; the result must not be read afterwards.
  /// - Throws: a server error (SPI_freetuptable can warn, and a warning can process a
  ///   pending query cancel).
  func free() throws { try guarded(rb_spi_free(table)) }
}

/// A column of one result's shape. It reads rows of results with that same shape only (the
/// same `ResultColumns`), so its cached position and type can never point at another column.
struct SPIColumn {
  let name: String
  fileprivate let index: Int32
  fileprivate let type: RbOid
  fileprivate let owner: ResultColumns
}

/// One row of an `SPIResult`.
struct SPIRow {
  fileprivate let result: SPIResult
  let index: Int

  /// Converts a value after checking the column really has T's type: reading a Datum as the
  /// wrong type would read memory that is not there, so a mismatch is an error, never a crash.
  /// The check is against the type cached with the column, so it costs no server call.
  /// - Returns: nil for SQL NULL.
  func value<T: DatumConvertible>(_ name: String, as: T.Type = T.self) throws -> T? {
    try value(result.column(name), as: T.self)
  }

  func value<T: DatumConvertible>(_ column: SPIColumn, as: T.Type = T.self) throws -> T? {
    try DatumType.check(column.type, readAs: T.self, what: "column \"\(column.name)\"")
    guard let raw = try datum(column) else { return nil }
    return try T(datum: raw)
  }

  /// The raw Datum of a value (nil for NULL), for passing on without conversion.
  func datum(_ name: String) throws -> RbDatum? { try datum(result.column(name)) }

  func datum(_ column: SPIColumn) throws -> RbDatum? {
    guard column.owner === result.columns else {
      throw PGError.internalError("column \"\(column.name)\" was looked up in a result of another shape")
    }
    var datum: RbDatum = 0
    var isNull = false
    try guarded(rb_spi_value(result.table, UInt64(max(0, index)), column.index, &datum, &isNull))
    return isNull ? nil : datum
  }
}
