import CPostgres

/// A Swift value that converts to and from a Postgres Datum of one type.
///
/// `init(datum:)` copies what it needs, so the value stays valid after the memory the Datum
/// points into (an SPI result, a detoasted copy) is gone.
protocol DatumConvertible {
  /// The Postgres type this converts (`pg_type.oid`).
  static var typeOID: RbOid { get }
  /// The array type whose elements are this type, or 0 when the bridge has no array of it.
  static var arrayTypeOID: RbOid { get }
  init(datum: RbDatum) throws
  func makeDatum() throws -> RbDatum
}

extension DatumConvertible {
  static var arrayTypeOID: RbOid { 0 }
}

extension Bool: DatumConvertible {
  static var typeOID: RbOid { RbOid(RB_BOOLOID) }
  init(datum: RbDatum) { self = rb_datum_to_bool(datum) }
  func makeDatum() -> RbDatum { rb_datum_from_bool(self) }
}

extension Int16: DatumConvertible {
  static var typeOID: RbOid { RbOid(RB_INT2OID) }
  init(datum: RbDatum) { self = rb_datum_to_int16(datum) }
  func makeDatum() -> RbDatum { rb_datum_from_int16(self) }
}

extension Int32: DatumConvertible {
  static var typeOID: RbOid { RbOid(RB_INT4OID) }
  static var arrayTypeOID: RbOid { RbOid(RB_INT4ARRAYOID) }
  init(datum: RbDatum) { self = rb_datum_to_int32(datum) }
  func makeDatum() -> RbDatum { rb_datum_from_int32(self) }
}

extension Int64: DatumConvertible {
  static var typeOID: RbOid { RbOid(RB_INT8OID) }
  init(datum: RbDatum) { self = rb_datum_to_int64(datum) }
  func makeDatum() -> RbDatum { rb_datum_from_int64(self) }
}

extension Float: DatumConvertible {
  static var typeOID: RbOid { RbOid(RB_FLOAT4OID) }
  static var arrayTypeOID: RbOid { RbOid(RB_FLOAT4ARRAYOID) }
  init(datum: RbDatum) { self = rb_datum_to_float4(datum) }
  func makeDatum() -> RbDatum { rb_datum_from_float4(self) }
}

extension Double: DatumConvertible {
  static var typeOID: RbOid { RbOid(RB_FLOAT8OID) }
  init(datum: RbDatum) { self = rb_datum_to_float8(datum) }
  func makeDatum() -> RbDatum { rb_datum_from_float8(self) }
}

extension String: DatumConvertible {
  static var typeOID: RbOid { RbOid(RB_TEXTOID) }
  static var arrayTypeOID: RbOid { RbOid(RB_TEXTARRAYOID) }

  /// Reads any text-like varlena (text, varchar). Invalid UTF-8 is repaired, never trapped on.
  init(datum: RbDatum) throws {
    self = try String.withBytes(of: datum) { String(decoding: $0, as: UTF8.self) }
  }

  /// Lends the bytes of a text-like varlena without making a String. They point into the
  /// Datum (or its detoasted copy) and are valid only inside `body`.
  static func withBytes<R>(of datum: RbDatum, _ body: (UnsafeRawBufferPointer) throws -> R)
    throws -> R
  {
    var data: UnsafePointer<CChar>? = nil
    var length: Int32 = 0
    try guarded(rb_text_view(datum, &data, &length))
    guard let data, length > 0 else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
    return try body(UnsafeRawBufferPointer(start: data, count: Int(length)))
  }

  func makeDatum() throws -> RbDatum {
    var copy = self
    return try copy.withUTF8 { utf8 in
      guard let count = Int32(exactly: utf8.count) else {
        throw PGError(sqlstate: "54000", message: "string of \(utf8.count) bytes is too long")
      }
      var out: RbDatum = 0
      let base = UnsafeRawPointer(utf8.baseAddress)?.assumingMemoryBound(to: CChar.self)
      try guarded(rb_text_make(base, count, &out))
      return out
    }
  }
}
