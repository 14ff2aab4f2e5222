/// `DailyMetricsRows` read straight from the JSON text, without building a `JSONValue` tree:
/// the common shape of an ingestion call (keys and strings without escapes, counts as plain
/// whole numbers, spend below 10,000,000 without an exponent), which is how jsonb prints the
/// rows an application sends. Building the tree and checking it cost about 3.4 million
/// instructions of a 100-row call, more than a tenth of it.
///
/// `scan` returns rows only for text that `validate(JSONParser.parse(text))` accepts with the
/// same rows; for anything else (a problem to report, or a valid form this reader leaves out,
/// such as `3.0`, `1e2`, an escaped key or a repeated one) it returns nil and the caller runs
/// parse and validate, which report the problem in their words or accept the row as before.
extension DailyMetricsRows {
  public static func scan(_ text: UnsafeBufferPointer<UInt8>) -> [Row]? {
    var s = MetricsTextScanner(b: text)
    guard s.take(UInt8(ascii: "[")) else { return nil }
    var out: [Row] = []
    var seen = Set<Key>()
    if s.take(UInt8(ascii: "]")) { return s.atEnd ? out : nil }
    repeat {
      guard s.take(UInt8(ascii: "{")) else { return nil }
      var id: UUIDValue?
      var date: CivilDate?
      var named: UInt8 = 0
      if !s.take(UInt8(ascii: "}")) {
        repeat {
          guard let key = s.string(), s.take(UInt8(ascii: ":")) else { return nil }
          if s.equals(key, MetricsTextScanner.idKey) {
            guard id == nil, let r = s.string(), let v = UUIDValue(utf8: s.bytes(r)) else { return nil }
            id = v
          } else if s.equals(key, MetricsTextScanner.dateKey) {
            guard date == nil, let r = s.string(), let v = civilDate(utf8: s.bytes(r)) else { return nil }
            date = v
          } else {
            guard let f = MetricsTextScanner.fieldKeys.firstIndex(where: { s.equals(key, $0) }),
                  named & (1 << f) == 0, let n = s.number() else { return nil }
            if f < counts.count {
              guard !n.fraction, n.whole <= 2_147_483_647 else { return nil }
            } else {
              guard n.wholeDigits <= 7 else { return nil }  // below 10,000,000, so within numeric(10,2)
            }
            named |= 1 << f
          }
        } while s.take(UInt8(ascii: ","))
        guard s.take(UInt8(ascii: "}")) else { return nil }
      }
      guard let id, let date, seen.insert(Key(id: id, date: date)).inserted else { return nil }
      out.append(Row(publishedContentID: id, date: date, named: named))
    } while s.take(UInt8(ascii: ","))
    guard s.take(UInt8(ascii: "]")), s.atEnd else { return nil }
    return out
  }
}

/// A cursor over JSON text for `DailyMetricsRows.scan`; every method fails (nil or false) on
/// what the fast path does not read.
struct MetricsTextScanner {
  static let idKey = Array("published_content_id".utf8)
  static let dateKey = Array("date".utf8)
  static let fieldKeys = DailyMetricsRows.fields.map { Array($0.utf8) }

  let b: UnsafeBufferPointer<UInt8>
  var i = 0

  var atEnd: Bool {
    mutating get {
      skipSpace()
      return i == b.count
    }
  }

  mutating func skipSpace() {
    while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
  }

  mutating func take(_ c: UInt8) -> Bool {
    skipSpace()
    guard i < b.count, b[i] == c else { return false }
    i += 1
    return true
  }

  /// The byte range of a string's contents; nil unless it has no escapes or control characters.
  mutating func string() -> Range<Int>? {
    guard take(UInt8(ascii: "\"")) else { return nil }
    let start = i
    while i < b.count {
      let c = b[i]
      if c == UInt8(ascii: "\"") {
        i += 1
        return start..<(i - 1)
      }
      if c == UInt8(ascii: "\\") || c < 0x20 { return nil }
      i += 1
    }
    return nil
  }

  func bytes(_ r: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: b[r]) }

  func equals(_ r: Range<Int>, _ key: [UInt8]) -> Bool { r.count == key.count && b[r].elementsEqual(key) }

  /// A JSON number without sign or exponent and with at most 10 digits before any fraction:
  /// the value of those digits, their count, and whether a fraction follows.
  mutating func number() -> (whole: Int, wholeDigits: Int, fraction: Bool)? {
    skipSpace()
    var whole = 0
    var digits = 0
    while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
      guard digits < 10, !(digits == 1 && whole == 0) else { return nil }  // no leading zero
      whole = whole * 10 + Int(b[i] &- 0x30)
      digits += 1
      i += 1
    }
    guard digits > 0 else { return nil }
    var fraction = false
    if i < b.count, b[i] == UInt8(ascii: ".") {
      i += 1
      let start = i
      while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
      guard i > start else { return nil }
      fraction = true
    }
    if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") { return nil }
    return (whole, digits, fraction)
  }
}
