import CPostgres
import ReelbaseCore

/// The search strategy shared by every registered vector column: an exact scan when the index
/// is not built or `reelbase.exact_search` is on, else the nearest `reelbase.search_probes`
/// lists first, doubling the probed set while fewer than `wanted` rows qualify, until it covers
/// every list (so filters or RLS never silently shorten an answer).
///
/// The caller supplies two saved statements over the same arguments: `exact`, and `probe`,
/// which takes one more argument, the array of keys filed in the lists to scan (looked up as
/// the list table's owner, see `VectorIndexState.keys`).
enum VectorSearch {
  /// Must be called with SPI connected.
  /// - Returns: the result of the last statement run (read it before SPI finishes).
  static func run(index indexName: String, query: QueryVector, exact: PreparedStatement,
                  probe: PreparedStatement, arguments: [RbDatum?], wanted: Int) throws -> SPIResult
  {
    guard !rb_setting_exact_search(), let index = try VectorIndexCatalog.current(indexName) else {
      return try SPI.execute(exact, arguments, readOnly: true)
    }
    let order = index.ranked(query.unit)
    var probed = min(order.count, max(1, Int(rb_setting_search_probes())))
    while true {
      let lists = try PGArray<Int32>(order.prefix(probed).map { Int32(clamping: $0) }).makeDatum()
      let result = try SPI.execute(probe, arguments + [try index.keys(inLists: lists)], readOnly: true)
      if result.rowCount >= wanted || probed >= order.count { return result }
      probed = min(order.count, probed * 2)
      try guarded(rb_check_for_interrupts())
    }
  }
}
