import CPostgres

/// The columns of a result by name, as its tuple descriptor names them.
///
/// A saved plan keeps the one its first execution built (`PreparedStatement`), so reading by
/// name asks the server for names once per plan, not once per execution or row. Names and
/// positions are fixed by the query text (reelbase's statements select no `*`), but types are
/// not: the plan cache re-plans after `ALTER TABLE ... TYPE` and may then return another type
/// in the same place. Reading a Datum as the wrong type reads memory that is not there, so
/// every execution confirms the types (`describes`) and rebuilds the map when they moved.
final class ResultColumns: Sendable {
  struct Column: Sendable {
    let index: Int32
    let type: RbOid
  }

  /// In column order, for error messages.
  let names: [String]
  private let types: [RbOid]
  private let byName: [String: Column]
  /// Names more than one column has: reading them would pick one silently.
  private let ambiguous: Set<String>

  init(_ table: UnsafeMutableRawPointer) {
    var names: [String] = []
    var types: [RbOid] = []
    var byName: [String: Column] = [:]
    var ambiguous: Set<String> = []
    let count = max(0, rb_spi_column_count(table))
    names.reserveCapacity(Int(count))
    types.reserveCapacity(Int(count))
    for index in 0..<count {
      let name = rb_spi_column_name(table, index).map { String(cString: $0) } ?? ""
      let type = rb_spi_column_type(table, index)
      names.append(name)
      types.append(type)
      if byName.updateValue(Column(index: index, type: type), forKey: name) != nil {
        ambiguous.insert(name)
      }
    }
    self.names = names
    self.types = types
    self.byName = byName
    self.ambiguous = ambiguous
  }

  /// Whether `table` has this many columns of these types (see the type comment).
  func describes(_ table: UnsafeMutableRawPointer) -> Bool {
    guard rb_spi_column_count(table) == types.count else { return false }
    for (index, type) in types.enumerated() where rb_spi_column_type(table, Int32(index)) != type {
      return false
    }
    return true
  }

  /// - Throws: XX000 naming the column when the result has none or several of that name.
  func column(_ name: String) throws -> Column {
    if ambiguous.contains(name) {
      throw PGError(sqlstate: "XX000", message: "reelbase: the result has more than one column named \"\(name)\"",
                    hint: "Give each selected expression its own alias.")
    }
    guard let column = byName[name] else {
      throw PGError(sqlstate: "XX000",
                    message: "reelbase: the result has no column named \"\(name)\" (its columns: \(names.joined(separator: ", ")))",
                    hint: "Name the selected expression with AS \(name).")
    }
    return column
  }
}
