import CPostgres

/// A one-dimensional Postgres array whose elements may be NULL.
struct PGArray<Element: DatumConvertible>: DatumConvertible {
  static var typeOID: RbOid { Element.arrayTypeOID }
  var elements: [Element?]

  init(_ elements: [Element?]) { self.elements = elements }

  init(datum: RbDatum) throws {
    guard Element.arrayTypeOID != 0 else {
      throw PGError.internalError("no array type for \(Element.self)")
    }
    var count: Int32 = 0
    var values: UnsafeMutablePointer<RbDatum>? = nil
    var nulls: UnsafeMutablePointer<Bool>? = nil
    try guarded(rb_array_elements(datum, Element.typeOID, &count, &values, &nulls))
    var out: [Element?] = []
    out.reserveCapacity(Int(count))
    for i in 0..<Int(count) {
      if let nulls, nulls[i] {
        out.append(nil)
      } else if let values {
        out.append(try Element(datum: values[i]))
      }
    }
    elements = out
  }

  func makeDatum() throws -> RbDatum {
    guard Element.arrayTypeOID != 0 else {
      throw PGError.internalError("no array type for \(Element.self)")
    }
    guard let count = Int32(exactly: elements.count) else {
      throw PGError(sqlstate: "54000", message: "array of \(elements.count) elements is too long")
    }
    var datums: [RbDatum] = []
    var nulls: [Bool] = []
    datums.reserveCapacity(elements.count)
    nulls.reserveCapacity(elements.count)
    for element in elements {
      datums.append(try element?.makeDatum() ?? 0)
      nulls.append(element == nil)
    }
    var out: RbDatum = 0
    try guarded(rb_array_make(Element.typeOID, datums, nulls, count, &out))
    return out
  }

  /// The elements, or 22004 naming `argument` if any is NULL.
  func nonNull(_ argument: String) throws -> [Element] {
    var out: [Element] = []
    out.reserveCapacity(elements.count)
    for (i, element) in elements.enumerated() {
      guard let element else {
        throw PGError(sqlstate: "22004", message: "\(argument) has a NULL element at position \(i + 1)")
      }
      out.append(element)
    }
    return out
  }
}

/// A `real[]` read in place: no element is copied. Valid only while the Datum is (the call, or
/// until SPI_finish for SPI results). With NULL elements the data is not a plain run of floats,
/// so `buffer` is empty and `hasNulls` is true: callers reject such arrays.
struct Float4ArrayView {
  let buffer: UnsafeBufferPointer<Float>
  let dimensions: Int32
  let hasNulls: Bool

  init(datum: RbDatum) throws {
    var data: UnsafePointer<Float>? = nil
    var count: Int32 = 0
    var ndim: Int32 = 0
    var nulls = false
    try guarded(rb_float4_array_view(datum, &data, &count, &ndim, &nulls))
    let usable = data != nil && !nulls
    buffer = UnsafeBufferPointer(start: usable ? data : nil, count: usable ? Int(max(0, count)) : 0)
    dimensions = ndim
    hasNulls = nulls
  }
}
