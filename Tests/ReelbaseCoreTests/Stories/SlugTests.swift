import Testing
@testable import ReelbaseCore

@Suite struct SlugTests {
  @Test func foldsAndJoins() {
    #expect(Slug.make("Crème Brûlée & Friends!") == "creme-brulee-friends")
    #expect(Slug.make("  Straße der Ölmühle  ") == "strasse-der-olmuhle")
    #expect(Slug.make("ÆON Ødegård 2024") == "aeon-odegard-2024")
    #expect(Slug.make("日本語") == "")
    #expect(Slug.make("a---b") == "a-b")
  }

  @Test func lengthAndSuffix() {
    #expect(Slug.make(String(repeating: "ab ", count: 60), maxLength: 10) == "ab-ab-ab-a")
    #expect(Slug.make("abcd efgh", maxLength: 5) == "abcd")
    #expect(Slug.withSuffix("sea", 2) == "sea-2")
    #expect(Slug.withSuffix(String(repeating: "x", count: 100), 12).utf8.count == 100)
  }
}
