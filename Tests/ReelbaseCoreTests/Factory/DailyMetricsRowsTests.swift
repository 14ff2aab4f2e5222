import Testing
@testable import ReelbaseCore

@Suite struct DailyMetricsRowsTests {
  let id = "0190a4b8-7c3e-7d2a-9b1f-123456789abc"

  func failure(_ json: String) -> DailyMetricsRows.Failure? {
    do {
      _ = try DailyMetricsRows.validate(try JSONParser.parse(json))
      return nil
    } catch let f as DailyMetricsRows.Failure {
      return f
    } catch {
      return DailyMetricsRows.Failure(row: nil, message: "parse: \(error)")
    }
  }

  func scanned(_ json: String) -> [DailyMetricsRows.Row]? {
    var json = json
    return json.withUTF8 { DailyMetricsRows.scan($0) }
  }

  @Test func accepts() throws {
    let rows = try DailyMetricsRows.validate(try JSONParser.parse(
      #"[{"published_content_id": "\#(id)", "date": "2024-02-29", "views": 2147483647, "spend": 99999999.99, "likes": 0}]"#))
    #expect(rows == [.init(publishedContentID: UUIDValue(string: id)!, date: CivilDate(year: 2024, month: 2, day: 29),
                           named: 0b1000_0011)])
    #expect(DailyMetricsRows.fieldNames(rows[0].named) == ["views", "likes", "spend"])
    #expect(DailyMetricsRows.fieldNames(0) == [])
    #expect(failure("[]") == nil)
  }

  @Test func refusesNamingTheRow() {
    #expect(failure("{}")?.message == "rows must be a JSON array of objects, not object")
    #expect(failure("[1]")?.row == 1)
    #expect(failure(#"[{"published_content_id": "\#(id)", "date": "2026-01-01", "view": 1}]"#)?.message == #"row 1: unknown key "view""#)
    #expect(failure(#"[{"published_content_id": "x", "date": "2026-01-01"}]"#)?.message.contains("uuid") == true)
    // The first problem in check order, not in key order.
    #expect(failure(#"[{"views": -1, "date": "x", "published_content_id": "x"}]"#)?.message.contains("uuid") == true)
    #expect(failure(#"[{"views": -1, "date": "x", "published_content_id": "x", "v": 1}]"#)?.message == #"row 1: unknown key "v""#)
    for bad in ["2026-02-29", "2026-13-01", "26-01-01", "2026-1-01", "tomorrow", "+026-01-01", "2026-0a-01", "2026-01-00"] {
      #expect(failure(#"[{"published_content_id": "\#(id)", "date": "\#(bad)"}]"#)?.message.contains("YYYY-MM-DD") == true, "\(bad)")
    }
    #expect(failure(#"[{"published_content_id": "\#(id)", "date": "2026-01-01", "views": -1}]"#)?.message
      == "row 1: views must be a whole number from 0 to 2147483647, not -1")
    #expect(failure(#"[{"published_content_id": "\#(id)", "date": "2026-01-01", "clicks": 2147483648}]"#) != nil)
    #expect(failure(#"[{"published_content_id": "\#(id)", "date": "2026-01-01", "saves": 1.5}]"#) != nil)
    #expect(failure(#"[{"published_content_id": "\#(id)", "date": "2026-01-01", "spend": "NaN"}]"#)?.message
      == #"row 1: spend must be a finite number from 0 to 99999999.99, not "NaN""#)
    #expect(failure(#"[{"published_content_id": "\#(id)", "date": "2026-01-01", "spend": 1e400}]"#) != nil)
    #expect(failure(#"[{"published_content_id": "\#(id)", "date": "2026-01-01"}, {"published_content_id": "\#(id)", "date": "2026-01-01"}]"#)?.row == 2)
  }

  /// The text reader gives validate's rows for the shapes it reads, and nil (so validate runs
  /// and reports) for every other input, refused or not.
  @Test func scanAgreesWithValidate() throws {
    let other = "0190a4b8-7c3e-7d2a-9b1f-00000000beef"
    let read = [
      "[]", " [ ] ",
      #"[{"published_content_id": "\#(id)", "date": "2024-02-29", "views": 2147483647, "spend": 9999999.99, "likes": 0}]"#,
      #"[{"date":"2026-01-31","published_content_id":"\#(id)"},{"clicks":3,"published_content_id":"\#(other)","date":"2026-01-31","spend":0.125}]"#,
      #"[{"published_content_id": "\#(id)", "date": "2026-01-01", "views": 1, "likes": 2, "comments": 3, "shares": 4, "saves": 5, "clicks": 6, "conversions": 7, "spend": 8}]"#,
      #"[{"published_content_id": "{\#(id)}", "date": "2026-01-01"}]"#,
      "[\n {\"published_content_id\" :\t\"\(id.uppercased())\", \"date\": \"2026-12-07\"}\r\n]",
    ]
    for json in read {
      let expected = try DailyMetricsRows.validate(try JSONParser.parse(json))
      #expect(scanned(json) == expected, "\(json)")
    }
    // Valid, left to validate: a whole number written with a fraction or exponent, spend from
    // 10,000,000, an escaped key, a repeated key.
    let leftToValidate = [
      #"[{"published_content_id": "\#(id)", "date": "2026-01-01", "views": 3.0}]"#,
      #"[{"published_content_id": "\#(id)", "date": "2026-01-01", "views": 1e2}]"#,
      #"[{"published_content_id": "\#(id)", "date": "2026-01-01", "spend": 99999999.99}]"#,
      #"[{"published_content_id": "\#(id)", "d\u0061te": "2026-01-01"}]"#,
      #"[{"published_content_id": "\#(id)", "date": "2026-01-01", "views": 1, "views": 2}]"#,
    ]
    for json in leftToValidate {
      #expect(failure(json) == nil, "\(json)")
      #expect(scanned(json) == nil, "\(json)")
    }
    let refused = [
      "{}", "[1]", "[", "[{}", "[{}] x", #"[{"date": "2026-01-01"}]"#, #"[{"published_content_id": "\#(id)"}]"#,
      #"[{"published_content_id": "\#(id)", "date": "2026-01-01", "view": 1}]"#,
      #"[{"published_content_id": "x", "date": "2026-01-01"}]"#,
      #"[{"published_content_id": "\#(id)", "date": "2026-02-29"}]"#,
      #"[{"published_content_id": "\#(id)", "date": "2026-01-01", "views": -1}]"#,
      #"[{"published_content_id": "\#(id)", "date": "2026-01-01", "views": 01}]"#,
      #"[{"published_content_id": "\#(id)", "date": "2026-01-01", "views": null}]"#,
      #"[{"published_content_id": "\#(id)", "date": "2026-01-01", "views": "1"}]"#,
      #"[{"published_content_id": "\#(id)", "date": "2026-01-01", "clicks": 2147483648}]"#,
      #"[{"published_content_id": "\#(id)", "date": "2026-01-01", "clicks": 99999999999}]"#,
      #"[{"published_content_id": "\#(id)", "date": "2026-01-01", "saves": 1.5}]"#,
      #"[{"published_content_id": "\#(id)", "date": "2026-01-01", "spend": 100000000}]"#,
      #"[{"published_content_id": "\#(id)", "date": "2026-01-01", "spend": 1.}]"#,
      #"[{"published_content_id": "\#(id)", "date": "2026-01-01"}, {"published_content_id": "\#(id)", "date": "2026-01-01"}]"#,
      #"[{"published_content_id": "\#(id)", "date": "2026-01-01"},]"#,
    ]
    for json in refused {
      #expect(failure(json) != nil, "\(json)")
      #expect(scanned(json) == nil, "\(json)")
    }
  }
}
