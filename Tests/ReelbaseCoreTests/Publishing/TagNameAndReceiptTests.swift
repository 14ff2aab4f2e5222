import Testing
@testable import ReelbaseCore

@Suite struct TagNameAndReceiptTests {
  @Test func tagNames() throws {
    #expect(try TagName.normalize("  Behind   the\tScenes ") == "Behind the Scenes")
    #expect(throws: TagName.Failure.empty) { try TagName.normalize(" \n ") }
    #expect(throws: TagName.Failure.self) { try TagName.normalize(String(repeating: "x", count: 65)) }
    #expect(try TagName.normalize(String(repeating: "é", count: 64)).count == 64)
    #expect(try TagName.normalizeAll(["Cats", "cats ", "DOGS", "Cats"]) == ["Cats", "DOGS"])
  }

  @Test func receiptsMoveForwardOnly() {
    #expect(ReceiptStatus.pending.canMove(to: .submitted))
    #expect(ReceiptStatus.submitted.canMove(to: .published))
    #expect(ReceiptStatus.published.canMove(to: .withdrawn))
    #expect(ReceiptStatus.submitted.canMove(to: .failed))
    #expect(!ReceiptStatus.published.canMove(to: .submitted))
    #expect(!ReceiptStatus.published.canMove(to: .failed))
    #expect(!ReceiptStatus.failed.canMove(to: .published))
    #expect(!ReceiptStatus.withdrawn.canMove(to: .published))
    for s in ReceiptStatus.allCases { #expect(!s.canMove(to: s)) }
  }
}
