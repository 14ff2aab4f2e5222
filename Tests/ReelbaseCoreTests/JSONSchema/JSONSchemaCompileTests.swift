import Testing
@testable import ReelbaseCore

@Suite struct JSONSchemaCompileTests {
  @Test func invalidSchemasAreRefusedWithWhere() {
    #expect(invalidSchemaReason(##"{"type":5}"##) == .invalidSchema(at: "/type", reason: "must be a type name or an array of them"))
    #expect(invalidSchemaReason(##"{"type":"text"}"##) == .invalidSchema(at: "/type", reason: "unknown type \"text\""))
    #expect(invalidSchemaReason(##"{"minLength":-1}"##) == .invalidSchema(at: "/minLength", reason: "must be a non-negative integer"))
    #expect(invalidSchemaReason(##"{"minItems":1.5}"##) != nil)
    #expect(invalidSchemaReason(##"{"required":["a","a"]}"##) != nil)
    #expect(invalidSchemaReason(##"{"required":"a"}"##) != nil)
    #expect(invalidSchemaReason(##"{"enum":[]}"##) != nil)
    #expect(invalidSchemaReason(##"{"multipleOf":0}"##) != nil)
    #expect(invalidSchemaReason(##"{"exclusiveMinimum":true}"##) != nil)
    #expect(invalidSchemaReason(##"{"pattern":"(unclosed"}"##) != nil)
    #expect(invalidSchemaReason(##"{"properties":{"a":3}}"##) == .invalidSchema(
      at: "/properties/a", reason: "a schema must be an object or a boolean, not integer"))
    #expect(invalidSchemaReason(##"{"allOf":[]}"##) != nil)
    #expect(invalidSchemaReason("[]") != nil)
    #expect(invalidSchemaReason(##"{"$ref":"#/definitions/missing"}"##) != nil)
    #expect(invalidSchemaReason(##"{"$ref":"http://example.com/s.json"}"##) != nil)
    #expect(invalidSchemaReason(##"{"$ref":"#"}"##) != nil)
    #expect(invalidSchemaReason(##"{"definitions":{"a":{"$ref":"#/definitions/b"},"b":{"$ref":"#/definitions/a"}}}"##) != nil)
    // An unreferenced definition is still checked.
    #expect(invalidSchemaReason(##"{"definitions":{"unused":{"type":"nope"}}}"##) != nil)
  }

  @Test func unknownKeywordsAndAnnotationsAreIgnored() throws {
    #expect(try valid(##"{"title":"t","default":5,"format":"email","x-custom":{"type":1},"$comment":"c"}"##, ##""x""##))
  }

  @Test func parserReadsJSONAndRefusesJunk() throws {
    #expect(try JSONParser.parse(##"{"a":[1,-2.5e3,true,null,"\u00e9\ud83d\ude00\n"]}"##)
      == .object(JSONObject([("a", .array([
        .number(DecimalNumber(digits: [1], exponent: 0)), .number(DecimalNumber(digits: [2, 5], exponent: 2, isNegative: true)),
        .bool(true), .null, .string("é😀\n"),
      ]))])))
    for junk in ["", "{", "[1,]", "01", "1.", "\"\\x\"", "\"\\ud800\"", "nul", "1 2", "{\"a\" 1}"] {
      #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(junk) }
    }
  }
}
