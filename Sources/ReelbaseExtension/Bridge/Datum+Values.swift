import CPostgres
import ReelbaseCore

extension UUIDValue: DatumConvertible {
  static var typeOID: RbOid { RbOid(RB_UUIDOID) }
  static var arrayTypeOID: RbOid { RbOid(RB_UUIDARRAYOID) }

  init(datum: RbDatum) {
    var raw: (UInt64, UInt64) = (0, 0)
    withUnsafeMutableBytes(of: &raw) { buffer in
      if let base = buffer.baseAddress {
        rb_uuid_read(datum, base.assumingMemoryBound(to: UInt8.self))
      }
    }
    self.init(high: UInt64(bigEndian: raw.0), low: UInt64(bigEndian: raw.1))
  }

  func makeDatum() throws -> RbDatum {
    var raw = (high.bigEndian, low.bigEndian)
    var out: RbDatum = 0
    try withUnsafeBytes(of: &raw) { buffer in
      guard let base = buffer.baseAddress else { throw PGError.internalError("uuid buffer") }
      try guarded(rb_uuid_make(base.assumingMemoryBound(to: UInt8.self), &out))
    }
    return out
  }
}

/// `date`: days since 2000-01-01; Int32.max and Int32.min are 'infinity' and '-infinity'.
struct PGDate: DatumConvertible, Equatable {
  static var typeOID: RbOid { RbOid(RB_DATEOID) }
  var days: Int32
  init(days: Int32) { self.days = days }
  init(datum: RbDatum) { days = rb_datum_to_int32(datum) }
  func makeDatum() -> RbDatum { rb_datum_from_int32(days) }
  var isFinite: Bool { days != PostgresTime.dateInfinity && days != PostgresTime.dateMinusInfinity }
  var civil: CivilDate { CivilDate(postgresDays: days) }
}

/// `timestamptz`: microseconds since 2000-01-01 00:00 UTC; Int64.max/min are the infinities.
struct PGTimestampTZ: DatumConvertible, Equatable {
  static var typeOID: RbOid { RbOid(RB_TIMESTAMPTZOID) }
  var microseconds: Int64
  init(microseconds: Int64) { self.microseconds = microseconds }
  init(datum: RbDatum) { microseconds = rb_datum_to_int64(datum) }
  func makeDatum() -> RbDatum { rb_datum_from_int64(microseconds) }
  var isFinite: Bool { PostgresTime.isFinite(timestamp: microseconds) }
}

/// `interval`: kept in Postgres' three fields, because months and days have no fixed length.
struct PGInterval: DatumConvertible, Equatable {
  static var typeOID: RbOid { RbOid(RB_INTERVALOID) }
  var microseconds: Int64
  var days: Int32
  var months: Int32

  init(microseconds: Int64, days: Int32, months: Int32) {
    self.microseconds = microseconds
    self.days = days
    self.months = months
  }

  init(datum: RbDatum) {
    var time: Int64 = 0
    var day: Int32 = 0
    var month: Int32 = 0
    rb_interval_read(datum, &time, &day, &month)
    self.init(microseconds: time, days: day, months: month)
  }

  func makeDatum() throws -> RbDatum {
    var out: RbDatum = 0
    try guarded(rb_interval_make(microseconds, days, months, &out))
    return out
  }
}

/// `numeric`, carried as its exact decimal text (numeric's range exceeds every Swift type).
struct PGNumeric: DatumConvertible, Equatable {
  static var typeOID: RbOid { RbOid(RB_NUMERICOID) }
  var text: String
  init(text: String) { self.text = text }
  init(datum: RbDatum) throws { text = try typeOutput(Self.typeOID, datum) }
  func makeDatum() throws -> RbDatum { try typeInput(Self.typeOID, text) }
  /// The nearest Double, or nil for NaN and the infinities.
  var doubleValue: Double? { Double(text).flatMap { $0.isFinite ? $0 : nil } }
}

/// `jsonb`, carried as text; `rootKind` inspects a Datum without converting it.
struct PGJSONB: DatumConvertible, Equatable {
  static var typeOID: RbOid { RbOid(RB_JSONBOID) }
  var text: String
  init(text: String) { self.text = text }
  init(datum: RbDatum) throws { text = try typeOutput(Self.typeOID, datum) }
  func makeDatum() throws -> RbDatum { try typeInput(Self.typeOID, text) }

  enum RootKind: Int32 {
    case scalar = 0, array = 1, object = 2
  }

  /// The kind of the top-level value, read from the jsonb header.
  static func rootKind(_ datum: RbDatum) throws -> RootKind {
    var kind: Int32 = 0
    try guarded(rb_jsonb_root_kind(datum, &kind))
    return RootKind(rawValue: kind) ?? .scalar
  }
}

/// Text output through the type's output function.
func typeOutput(_ type: RbOid, _ datum: RbDatum) throws -> String {
  var cstring: UnsafePointer<CChar>? = nil
  try guarded(rb_type_output(type, datum, &cstring))
  guard let cstring else { throw PGError.internalError("type output returned NULL") }
  return String(cString: cstring)
}

/// A Datum from text through the type's input function; bad text raises the type's own error.
func typeInput(_ type: RbOid, _ text: String, typmod: Int32 = -1) throws -> RbDatum {
  var out: RbDatum = 0
  try text.withCString { try guarded(rb_type_input(type, $0, typmod, &out)) }
  return out
}

/// `bytea`, copied into Swift bytes (the varlena layout is text's, so text's view and make
/// serve it).
struct PGBytea: DatumConvertible, Equatable {
  static var typeOID: RbOid { RbOid(RB_BYTEAOID) }
  var bytes: [UInt8]
  init(bytes: [UInt8]) { self.bytes = bytes }
  init(datum: RbDatum) throws { bytes = try String.withBytes(of: datum) { Array($0) } }
  func makeDatum() throws -> RbDatum {
    guard let count = Int32(exactly: bytes.count) else {
      throw PGError(sqlstate: "54000", message: "bytea of \(bytes.count) bytes is too long")
    }
    var out: RbDatum = 0
    try bytes.withUnsafeBufferPointer { buffer in
      try guarded(rb_text_make(UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self), count, &out))
    }
    return out
  }
}
