import CPostgres

/// Typed access to the arguments of a SQL function call.
struct FunctionCall {
  let ref: RbCallRef

  var argumentCount: Int32 { rb_arg_count(ref) }

  func isNull(_ index: Int32) -> Bool { rb_arg_isnull(ref, index) }

  /// The raw Datum, for passing an argument on to SPI unchanged. Check `isNull` first.
  func datum(_ index: Int32) -> RbDatum { rb_arg_datum(ref, index) }

  /// The argument's actual type (useful for polymorphic `anyelement` arguments).
  func type(_ index: Int32) -> RbOid { rb_arg_type(ref, index) }

  /// - Returns: nil for SQL NULL.
  func optional<T: DatumConvertible>(_ index: Int32, as: T.Type = T.self) throws -> T? {
    guard let raw = try checkedDatum(index, readAs: T.self) else { return nil }
    return try T(datum: raw)
  }

  /// - Throws: 22004 naming the argument when it is NULL.
  func required<T: DatumConvertible>(_ index: Int32, _ name: String, as: T.Type = T.self)
    throws -> T
  {
    guard let value: T = try optional(index) else { throw PGError.nullArgument(name) }
    return value
  }

  /// The bytes of a required text argument, for matching without making a String (valid only
  /// inside `body`). Checks and errors are those of `required(_:_:as: String.self)`.
  func requiredText<R>(_ index: Int32, _ name: String, _ body: (UnsafeRawBufferPointer) throws -> R)
    throws -> R
  {
    guard let raw = try checkedDatum(index, readAs: String.self) else {
      throw PGError.nullArgument(name)
    }
    return try String.withBytes(of: raw, body)
  }

  /// The raw Datum (nil for SQL NULL) once the argument's actual type is known to be T's:
  /// reading a Datum as the wrong type would read memory that is not there.
  private func checkedDatum<T: DatumConvertible>(_ index: Int32, readAs: T.Type) throws -> RbDatum? {
    if isNull(index) { return nil }
    let actual = type(index)
    if actual != 0 {
      try DatumType.check(actual, readAs: T.self, what: "argument \(index + 1)")
    }
    return datum(index)
  }
}
