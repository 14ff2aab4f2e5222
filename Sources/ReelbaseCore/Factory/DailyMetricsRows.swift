/// The `rows` argument of `factory.record_daily_metrics`: a JSON array of objects, one per
/// (published content, date), checked before anything is written so that a bad row refuses
/// the whole call with a message naming it (1-based) and its key.
public enum DailyMetricsRows {
  public static let counts = ["views", "likes", "comments", "shares", "saves", "clicks", "conversions"]
  /// The value keys a row may name: the counts, then spend. Bit i of `Row.named` is `fields[i]`.
  public static let fields = counts + ["spend"]
  /// numeric(10,2): at most 99,999,999.99.
  static let maxSpend = DecimalNumber(digits: [9, 9, 9, 9, 9, 9, 9, 9, 9, 9], exponent: -2)
  static let maxCount = DecimalNumber(digits: [2, 1, 4, 7, 4, 8, 3, 6, 4, 7], exponent: 0)

  public struct Row: Equatable, Sendable {
    public var publishedContentID: UUIDValue
    public var date: CivilDate
    /// Which of `fields` the row names: an upsert must keep the stored value of the others.
    public var named: UInt8

    public init(publishedContentID: UUIDValue, date: CivilDate, named: UInt8) {
      self.publishedContentID = publishedContentID
      self.date = date
      self.named = named
    }
  }

  /// The names of the fields a `named` mask holds, in `fields` order.
  public static func fieldNames(_ named: UInt8) -> [String] {
    fields.indices.filter { named & (1 << $0) != 0 }.map { fields[$0] }
  }

  public struct Failure: Error, Equatable, Sendable {
    public var row: Int?
    public var message: String
  }

  public static func validate(_ rows: JSONValue) throws(Failure) -> [Row] {
    guard case .array(let elements) = rows else {
      throw Failure(row: nil, message: "rows must be a JSON array of objects, not \(rows.typeName)")
    }
    var out: [Row] = []
    out.reserveCapacity(elements.count)
    var seen = Set<Key>(minimumCapacity: elements.count)
    // One pass over each row's members, then the checks in a fixed order (unknown keys, id,
    // date, counts, spend), so a row's first problem is the one reported whatever its key order.
    var values = [JSONValue?](repeating: nil, count: fields.count)
    for (i, element) in elements.enumerated() {
      let n = i + 1
      guard case .object(let o) = element else { throw Failure(row: n, message: "row \(n) is \(element.typeName), not an object") }
      var idValue = JSONValue.null
      var dateValue = JSONValue.null
      for f in values.indices { values[f] = nil }
      for (key, value) in o.members {
        if key == "published_content_id" {
          idValue = value
        } else if key == "date" {
          dateValue = value
        } else if let f = fields.firstIndex(of: key) {
          values[f] = value
        } else {
          throw Failure(row: n, message: "row \(n): unknown key \"\(key)\"")
        }
      }
      guard case .string(let idText) = idValue, let id = UUIDValue(string: idText) else {
        throw Failure(row: n, message: "row \(n): published_content_id must be a uuid")
      }
      guard case .string(let dateText) = dateValue, let date = civilDate(dateText) else {
        throw Failure(row: n, message: "row \(n): date must be a date as YYYY-MM-DD")
      }
      var named: UInt8 = 0
      for (bit, key) in counts.enumerated() {
        guard let value = values[bit] else { continue }
        named |= 1 << bit
        guard case .number(let v) = value, v.isInteger, !v.isNegative, v.compare(maxCount) <= 0 else {
          throw Failure(row: n, message: "row \(n): \(key) must be a whole number from 0 to 2147483647, not \(shown(value))")
        }
      }
      if let spend = values[counts.count] {
        named |= 1 << counts.count
        guard case .number(let v) = spend, !v.isNegative, v.compare(maxSpend) <= 0 else {
          throw Failure(row: n, message: "row \(n): spend must be a finite number from 0 to 99999999.99, not \(shown(spend))")
        }
      }
      if !seen.insert(Key(id: id, date: date)).inserted {
        throw Failure(row: n, message: "row \(n) repeats published content \(id) on \(date)")
      }
      out.append(Row(publishedContentID: id, date: date, named: named))
    }
    return out
  }

  struct Key: Hashable {
    var id: UUIDValue
    var date: CivilDate
  }

  private static func shown(_ v: JSONValue) -> String {
    switch v {
    case .number(let n): n.description
    case .string(let s): "\"\(s.prefix(40))\""
    default: v.typeName
    }
  }

  private static let monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

  /// YYYY-MM-DD of a real calendar day (years 1 to 9999).
  static func civilDate(_ s: String) -> CivilDate? {
    var s = s
    return s.withUTF8 { civilDate(utf8: $0) }
  }

  /// ``civilDate(_:)`` of UTF-8 bytes: one call checks a date per row.
  static func civilDate(utf8 b: UnsafeBufferPointer<UInt8>) -> CivilDate? {
    guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
    func number(_ r: Range<Int>) -> Int? {
      var v = 0
      for i in r {
        guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
        v = v * 10 + Int(b[i] &- 0x30)
      }
      return v
    }
    guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10), y >= 1, (1...12).contains(m) else { return nil }
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
    let days = m == 2 && leap ? 29 : monthDays[m - 1]
    guard (1...days).contains(d) else { return nil }
    return CivilDate(year: y, month: m, day: d)
  }
}
