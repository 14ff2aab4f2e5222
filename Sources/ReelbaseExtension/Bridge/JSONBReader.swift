import CPostgres
import ReelbaseCore

/// A jsonb Datum as a `JSONValue`, built from the tokens of its binary form (`rb_jsonb_tokens`)
/// rather than from its text: the same tree as `JSONParser.parse(jsonb_out(value))`, members in
/// jsonb's key order, numbers with the digits numeric_out prints.
enum JSONBReader {
  enum Failure: Error {
    case tooDeep(limit: Int)
  }

  static func value(_ datum: RbDatum, depthLimit: Int) throws -> JSONValue {
    var tokens: UnsafeMutablePointer<RbJsonToken>?
    var count: Int32 = 0
    try guarded(rb_jsonb_tokens(datum, &tokens, &count))
    guard let tokens, count > 0 else { throw PGError.internalError("jsonb value without tokens") }
    var reader = Reader(tokens: UnsafeBufferPointer(start: tokens, count: Int(count)), depthLimit: depthLimit)
    let value = try reader.value(depth: 0)
    guard reader.position == reader.tokens.count else { throw PGError.internalError("jsonb tokens after the value") }
    return value
  }

  private struct Reader {
    let tokens: UnsafeBufferPointer<RbJsonToken>
    let depthLimit: Int
    var position = 0

    init(tokens: UnsafeBufferPointer<RbJsonToken>, depthLimit: Int) {
      self.tokens = tokens
      self.depthLimit = depthLimit
    }

    private func text(_ t: RbJsonToken) -> String {
      guard let p = t.text, t.length > 0 else { return "" }
      return String(decoding: UnsafeRawBufferPointer(start: p, count: Int(t.length)).bindMemory(to: UInt8.self), as: UTF8.self)
    }

    private func number(_ t: RbJsonToken) throws -> DecimalNumber {
      guard let p = t.text, t.length > 0 else { throw PGError.internalError("jsonb number without digits") }
      let bytes = UnsafeRawBufferPointer(start: p, count: Int(t.length)).bindMemory(to: UInt8.self)
      let negative = bytes[0] == UInt8(ascii: "-")
      let digits = negative ? bytes.dropFirst() : bytes[...]
      // An integer (most numbers): its digits as they stand, no text to re-read.
      if !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
        return DecimalNumber(digits: digits.map { $0 &- 0x30 }, exponent: 0, isNegative: negative)
      }
      guard let n = DecimalNumber(text: String(decoding: bytes, as: UTF8.self)) else {
        throw PGError.internalError("jsonb number unreadable: \(String(decoding: bytes, as: UTF8.self))")
      }
      return n
    }

    private mutating func next() throws -> RbJsonToken {
      guard position < tokens.count else { throw PGError.internalError("jsonb tokens end early") }
      defer { position += 1 }
      return tokens[position]
    }

    mutating func value(depth: Int) throws -> JSONValue {
      let t = try next()
      switch Int(t.kind) {
      case Int(RB_JSON_NULL): return .null
      case Int(RB_JSON_FALSE): return .bool(false)
      case Int(RB_JSON_TRUE): return .bool(true)
      case Int(RB_JSON_NUMBER): return .number(try number(t))
      case Int(RB_JSON_STRING): return .string(text(t))
      case Int(RB_JSON_BEGIN_ARRAY):
        guard depth < depthLimit else { throw Failure.tooDeep(limit: depthLimit) }
        var elements: [JSONValue] = []
        elements.reserveCapacity(Int(t.length))
        while position < tokens.count, tokens[position].kind != Int32(RB_JSON_END_ARRAY) {
          elements.append(try value(depth: depth + 1))
        }
        _ = try next()
        return .array(elements)
      case Int(RB_JSON_BEGIN_OBJECT):
        guard depth < depthLimit else { throw Failure.tooDeep(limit: depthLimit) }
        var object = JSONObject()
        while position < tokens.count, tokens[position].kind != Int32(RB_JSON_END_OBJECT) {
          let key = try next()
          guard key.kind == Int32(RB_JSON_KEY) else { throw PGError.internalError("jsonb object member without a key") }
          object[text(key)] = try value(depth: depth + 1)
        }
        _ = try next()
        return .object(object)
      default:
        throw PGError.internalError("unexpected jsonb token \(t.kind)")
      }
    }
  }
}
