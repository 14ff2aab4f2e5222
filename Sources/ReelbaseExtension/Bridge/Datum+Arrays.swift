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

/// A `real[]` read in place: no element is copied. A value stored compressed or out of line
/// (TOAST) is detoasted into one copy, which `read` frees when its body returns, so a loop over
/// many rows inside one SPI connection keeps at most one copy at a time. The view is therefore
/// valid only inside `read`'s body: copy the floats out, never the buffer. With NULL elements
/// the data is not a plain run of floats, so `buffer` is empty and `hasNulls` is true: callers
/// reject such arrays.
struct Float4ArrayView {
  let buffer: UnsafeBufferPointer<Float>
  let dimensions: Int32
  let hasNulls: Bool

  private init(buffer: UnsafeBufferPointer<Float>, dimensions: Int32, hasNulls: Bool) {
    self.buffer = buffer
    self.dimensions = dimensions
    self.hasNulls = hasNulls
  }

  /// Calls `body` with a view of the `real[]` Datum, then frees the detoasted copy if one was
  /// made. After a server error the copy is left to the memory context it was made in (the
  /// transaction abort resets it), since the shim refuses further calls until it is raised.
  static func read<R>(_ datum: RbDatum, _ body: (Float4ArrayView) throws -> R) throws -> R {
    var data: UnsafePointer<Float>? = nil
    var count: Int32 = 0
    var ndim: Int32 = 0
    var nulls = false
    var owned: UnsafeMutableRawPointer? = nil
    try guarded(rb_float4_array_view(datum, &data, &count, &ndim, &nulls, &owned))
    let usable = data != nil && !nulls
    let view = Float4ArrayView(
      buffer: UnsafeBufferPointer(start: usable ? data : nil, count: usable ? Int(max(0, count)) : 0),
      dimensions: ndim, hasNulls: nulls)
    let result: R
    do {
      result = try body(view)
    } catch {
      if let owned, !rb_error_pending() { _ = rb_pfree(owned) }
      throw error
    }
    // In place (the common case: inline, uncompressed): no server call at all.
    if let owned { try guarded(rb_pfree(owned)) }
    return result
  }
}
