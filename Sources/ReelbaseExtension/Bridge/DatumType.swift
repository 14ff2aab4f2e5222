import CPostgres

/// Which Postgres types a Swift type may read. Text-like varlenas (varchar, bpchar) read as
/// String; everything else must match exactly.
enum DatumType {
  private static let textLike: Set<RbOid> = [RbOid(RB_TEXTOID), 1043, 1042]

  /// `what` names the value in the error; it is built only when the check fails (it runs on
  /// every argument read, where an eager string interpolation cost more than the check).
  static func check<T: DatumConvertible>(
    _ actual: RbOid, readAs: T.Type, what: @autoclosure () -> String
  ) throws {
    if actual == T.typeOID { return }
    if T.typeOID == RbOid(RB_TEXTOID) && textLike.contains(actual) { return }
    throw PGError(
      sqlstate: "XX000",
      message: "reelbase: \(what()) has type oid \(actual), read as \(T.self) (type oid \(T.typeOID))",
      hint: "Cast it in the query (name and other non-varlena types to text).")
  }
}
