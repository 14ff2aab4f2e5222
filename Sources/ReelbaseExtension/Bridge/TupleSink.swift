import CPostgres

/// The rows of a set-returning function (materialize mode). Values are copied into the
/// query's tuplestore as they are appended, so they may point into SPI results.
struct TupleSink {
  private let ref: RbTupleSinkRef
  let columnCount: Int

  init(_ call: FunctionCall) throws {
    var sink: RbTupleSinkRef? = nil
    var columns: Int32 = 0
    try guarded(rb_srf_begin(call.ref, &sink, &columns))
    guard let sink else { throw PGError.internalError("no tuplestore for a set-returning call") }
    ref = sink
    columnCount = Int(columns)
  }

  /// - Parameter values: one value per declared column (nil = NULL).
  func append(_ values: [RbDatum?]) throws {
    guard values.count == columnCount else {
      throw PGError.internalError("row has \(values.count) values, the result has \(columnCount) columns")
    }
    let datums = values.map { $0 ?? 0 }
    let nulls = values.map { $0 == nil }
    try guarded(rb_srf_put(ref, datums, nulls))
  }
}
