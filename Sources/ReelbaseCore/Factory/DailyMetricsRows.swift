/// The `rows` argument of `factory.record_daily_metrics`: a JSON array of objects, one per
/// (published content, date), checked before anything is written so that a bad row refuses
/// the whole call with a message naming it (1-based) and its key.
public enum DailyMetricsRows {
  public static let counts = ["views", "likes", "comments", "shares", "saves", "clicks", "conversions"]
  /// numeric(10,2): at most 99,999,999.99.
  static let maxSpend = DecimalNumber(digits: [9, 9, 9, 9, 9, 9, 9, 9, 9, 9], exponent: -2)
  static let maxCount = DecimalNumber(digits: [2, 1, 4, 7, 4, 8, 3, 6, 4, 7], exponent: 0)

  public struct Row: Equatable, Sendable {
    public var publishedContentID: UUIDValue
    public var date: CivilDate
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
    var seen = Set<String>()
    for (i, element) in elements.enumerated() {
      let n = i + 1
      guard case .object(let o) = element else { throw Failure(row: n, message: "row \(n) is \(element.typeName), not an object") }
      for key in o.keys where key != "published_content_id" && key != "date" && key != "spend" && !counts.contains(key) {
        throw Failure(row: n, message: "row \(n): unknown key \"\(key)\"")
      }
      guard case .string(let idText) = o["published_content_id"] ?? .null, let id = UUIDValue(string: idText) else {
        throw Failure(row: n, message: "row \(n): published_content_id must be a uuid")
      }
      guard case .string(let dateText) = o["date"] ?? .null, let date = civilDate(dateText) else {
        throw Failure(row: n, message: "row \(n): date must be a date as YYYY-MM-DD")
      }
      for key in counts {
        guard let value = o[key] else { continue }
        guard case .number(let v) = value, v.isInteger, !v.isNegative, v.compare(maxCount) <= 0 else {
          throw Failure(row: n, message: "row \(n): \(key) must be a whole number from 0 to 2147483647, not \(shown(value))")
        }
      }
      if let spend = o["spend"] {
        guard case .number(let v) = spend, !v.isNegative, v.compare(maxSpend) <= 0 else {
          throw Failure(row: n, message: "row \(n): spend must be a finite number from 0 to 99999999.99, not \(shown(spend))")
        }
      }
      if !seen.insert("\(id) \(date)").inserted {
        throw Failure(row: n, message: "row \(n) repeats published content \(id) on \(date)")
      }
      out.append(Row(publishedContentID: id, date: date))
    }
    return out
  }

  private static func shown(_ v: JSONValue) -> String {
    switch v {
    case .number(let n): n.description
    case .string(let s): "\"\(s.prefix(40))\""
    default: v.typeName
    }
  }

  /// YYYY-MM-DD of a real calendar day (years 1 to 9999).
  static func civilDate(_ s: String) -> CivilDate? {
    let parts = s.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
          let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), y >= 1, (1...12).contains(m) else { return nil }
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    guard (1...days).contains(d) else { return nil }
    return CivilDate(year: y, month: m, day: d)
  }
}
