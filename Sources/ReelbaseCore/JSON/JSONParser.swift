/// Reads JSON text (RFC 8259) into a `JSONValue`. In the server the text is jsonb's own
/// output, so it is valid; the checks are for everyone else. Nesting is limited, so a hostile
/// document ends in an error, never in a stack overflow.
public struct JSONParser {
  public enum Failure: Error, Equatable, Sendable {
    case invalid(offset: Int, reason: String)
    case tooDeep(limit: Int)
  }

  public static let defaultDepthLimit = 256

  private let bytes: [UInt8]
  private var position = 0
  private let depthLimit: Int

  private init(_ bytes: [UInt8], depthLimit: Int) {
    self.bytes = bytes
    self.depthLimit = depthLimit
  }

  public static func parse(_ text: String, depthLimit: Int = defaultDepthLimit) throws(Failure) -> JSONValue {
    try parse(Array(text.utf8), depthLimit: depthLimit)
  }

  public static func parse(_ bytes: [UInt8], depthLimit: Int = defaultDepthLimit) throws(Failure) -> JSONValue {
    var parser = JSONParser(bytes, depthLimit: depthLimit)
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    guard parser.position == bytes.count else { throw parser.fail("text after the value") }
    return value
  }

  private func fail(_ reason: String) -> Failure { .invalid(offset: position, reason: reason) }

  private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func skipSpace() {
    while let c = current, c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { position += 1 }
  }

  private mutating func expect(_ literal: String, _ value: JSONValue) throws(Failure) -> JSONValue {
    for b in literal.utf8 {
      guard current == b else { throw fail("expected \(literal)") }
      position += 1
    }
    return value
  }

  private mutating func value(depth: Int) throws(Failure) -> JSONValue {
    skipSpace()
    guard let c = current else { throw fail("unexpected end") }
    switch c {
    case UInt8(ascii: "{"): return try object(depth: depth + 1)
    case UInt8(ascii: "["): return try array(depth: depth + 1)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try expect("true", .bool(true))
    case UInt8(ascii: "f"): return try expect("false", .bool(false))
    case UInt8(ascii: "n"): return try expect("null", .null)
    default: return .number(try number())
    }
  }

  private mutating func array(depth: Int) throws(Failure) -> JSONValue {
    guard depth <= depthLimit else { throw .tooDeep(limit: depthLimit) }
    position += 1
    var elements: [JSONValue] = []
    skipSpace()
    if current == UInt8(ascii: "]") { position += 1; return .array(elements) }
    while true {
      elements.append(try value(depth: depth))
      skipSpace()
      switch current {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "]"): position += 1; return .array(elements)
      default: throw fail("expected , or ]")
      }
    }
  }

  private mutating func object(depth: Int) throws(Failure) -> JSONValue {
    guard depth <= depthLimit else { throw .tooDeep(limit: depthLimit) }
    position += 1
    var object = JSONObject()
    skipSpace()
    if current == UInt8(ascii: "}") { position += 1; return .object(object) }
    while true {
      skipSpace()
      guard current == UInt8(ascii: "\"") else { throw fail("expected a member name") }
      let key = try string()
      skipSpace()
      guard current == UInt8(ascii: ":") else { throw fail("expected :") }
      position += 1
      object[key] = try value(depth: depth)
      skipSpace()
      switch current {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "}"): position += 1; return .object(object)
      default: throw fail("expected , or }")
      }
    }
  }

  private mutating func number() throws(Failure) -> DecimalNumber {
    let start = position
    func digits(_ p: inout Int, _ b: [UInt8]) -> Int {
      let s = p
      while p < b.count, b[p] >= 0x30, b[p] <= 0x39 { p += 1 }
      return p - s
    }
    if current == UInt8(ascii: "-") { position += 1 }
    let integerStart = position
    let integerDigits = digits(&position, bytes)
    guard integerDigits > 0 else { throw fail("expected a value") }
    if integerDigits > 1 && bytes[integerStart] == 0x30 { throw fail("leading zero in a number") }
    let integerEnd = position
    if current != UInt8(ascii: "."), current != UInt8(ascii: "e"), current != UInt8(ascii: "E") {
      // A plain integer (most numbers of real input): its digits as they stand, no text to re-read.
      return DecimalNumber(digits: bytes[integerStart..<integerEnd].map { $0 &- 0x30 }, exponent: 0,
                           isNegative: start != integerStart)
    }
    if current == UInt8(ascii: ".") {
      position += 1
      guard digits(&position, bytes) > 0 else { throw fail("expected digits after .") }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      position += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
      guard digits(&position, bytes) > 0 else { throw fail("expected exponent digits") }
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    guard let n = DecimalNumber(text: text) else { throw .invalid(offset: start, reason: "number out of range") }
    return n
  }

  /// Strings are decoded from their UTF-8 bytes at once: a string without escapes (nearly
  /// every string of jsonb output) is one slice, and the escaped rest go through one byte buffer.
  private mutating func string() throws(Failure) -> String {
    position += 1
    let start = position
    while let c = current, c != UInt8(ascii: "\""), c != UInt8(ascii: "\\"), c >= 0x20 { position += 1 }
    if current == UInt8(ascii: "\"") {
      position += 1
      return String(decoding: bytes[start..<position - 1], as: UTF8.self)
    }
    var buffer = Array(bytes[start..<position])
    while true {
      guard let c = current else { throw fail("unterminated string") }
      if c == UInt8(ascii: "\"") {
        position += 1
        return String(decoding: buffer, as: UTF8.self)
      }
      if c < 0x20 { throw fail("control character in a string") }
      position += 1
      if c != UInt8(ascii: "\\") { buffer.append(c); continue }
      guard let e = current else { throw fail("unterminated escape") }
      position += 1
      switch e {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(e)
      case UInt8(ascii: "b"): buffer.append(0x08)
      case UInt8(ascii: "f"): buffer.append(0x0C)
      case UInt8(ascii: "n"): buffer.append(0x0A)
      case UInt8(ascii: "r"): buffer.append(0x0D)
      case UInt8(ascii: "t"): buffer.append(0x09)
      case UInt8(ascii: "u"): buffer.append(contentsOf: UTF8.encode(try unicodeEscape())!)
      default: throw fail("unknown escape")
      }
    }
  }

  private mutating func hex4() throws(Failure) -> UInt32 {
    var v: UInt32 = 0
    for _ in 0..<4 {
      guard let c = current else { throw fail("short \\u escape") }
      let d: UInt32
      switch c {
      case 0x30...0x39: d = UInt32(c - 0x30)
      case 0x41...0x46: d = UInt32(c - 0x41 + 10)
      case 0x61...0x66: d = UInt32(c - 0x61 + 10)
      default: throw fail("bad \\u escape")
      }
      v = v << 4 | d
      position += 1
    }
    return v
  }

  private mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
    let first = try hex4()
    if (0xD800..<0xDC00).contains(first) {
      guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u")
      else { throw fail("lone surrogate") }
      position += 2
      let second = try hex4()
      guard (0xDC00..<0xE000).contains(second),
        let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
      else { throw fail("bad surrogate pair") }
      return scalar
    }
    guard let scalar = Unicode.Scalar(first) else { throw fail("lone surrogate") }
    return scalar
  }
}
