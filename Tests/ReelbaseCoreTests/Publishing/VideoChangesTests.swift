import Testing
@testable import ReelbaseCore

@Suite struct VideoChangesTests {
  func check(_ json: String) -> VideoChanges.Failure? {
    do {
      _ = try VideoChanges.validate(try JSONParser.parse(json))
      return nil
    } catch let failure as VideoChanges.Failure {
      return failure
    } catch {
      return VideoChanges.Failure(key: nil, message: "parse: \(error)")
    }
  }

  @Test func accepts() throws {
    #expect(check(#"{"title": "x", "description": null, "duration_seconds": 12, "confidence": 0.5}"#) == nil)
    #expect(check(#"{"status": "pending_review", "persona_id": "0190a4b8-7c3e-7d2a-9b1f-123456789abc"}"#) == nil)
    #expect(check(#"{"duration_seconds": 3.0}"#) == nil)
    #expect(try VideoChanges.validate(try JSONParser.parse(#"{"title": "t", "status": "draft"}"#)) == ["title", "status"])
  }

  @Test func refuses() {
    #expect(check("[]")?.message.contains("JSON object") == true)
    #expect(check("{}")?.message == "changes names no column")
    #expect(check(#"{"state_version": 3}"#)?.key == "state_version")
    #expect(check(#"{"updated_at": "2026-01-01"}"#)?.key == "updated_at")
    #expect(check(#"{"titel": "x"}"#)?.message == #"videos has no writable column "titel""#)
    #expect(check(#"{"status": null}"#)?.key == "status")
    #expect(check(#"{"status": "live"}"#)?.key == "status")
    #expect(check(#"{"duration_seconds": -1}"#)?.key == "duration_seconds")
    #expect(check(#"{"duration_seconds": 2.5}"#)?.key == "duration_seconds")
    #expect(check(#"{"duration_seconds": 3000000000}"#)?.key == "duration_seconds")
    #expect(check(#"{"confidence": "high"}"#)?.key == "confidence")
    #expect(check(#"{"confidence": 1e400}"#)?.key == "confidence")
    #expect(check(#"{"persona_id": "not-a-uuid"}"#)?.key == "persona_id")
    #expect(check(#"{"title": 5}"#)?.message == "title: expected a string or null, got integer")
  }
}
