import Testing
@testable import ReelbaseCore

@Suite struct JSONSchemaKeywordTests {
  @Test func typesIncludingArraysOfTypesAndDraft07Integers() throws {
    #expect(try valid(##"{"type":"integer"}"##, "1.0"))
    #expect(try valid(##"{"type":"integer"}"##, "1e3"))
    #expect(try !valid(##"{"type":"integer"}"##, "1.5"))
    #expect(try valid(##"{"type":"number"}"##, "7"))
    #expect(try valid(##"{"type":["string","null"]}"##, "null"))
    #expect(try errors(##"{"type":["string","null"]}"##, "3") == ["$ type"])
    #expect(try !valid(##"{"type":"boolean"}"##, "0"))
  }

  @Test func enumAndConstCompareJSONValues() throws {
    #expect(try valid(##"{"enum":[1,"a",{"x":[1,2]}]}"##, ##"{"x":[1.0,2]}"##))
    #expect(try !valid(##"{"enum":[1,"a"]}"##, ##""b""##))
    #expect(try valid(##"{"const":{"a":1,"b":2}}"##, ##"{"b":2,"a":1}"##))
    #expect(try !valid(##"{"const":[1,2]}"##, "[2,1]"))
    #expect(try !valid(##"{"const":false}"##, "0"))
  }

  @Test func numbersAreComparedExactly() throws {
    #expect(try valid(##"{"multipleOf":0.1}"##, "0.3"))
    #expect(try !valid(##"{"multipleOf":0.1}"##, "0.31"))
    #expect(try valid(##"{"multipleOf":7}"##, "1e400") == false)
    #expect(try valid(##"{"multipleOf":5}"##, "1e400"))
    #expect(try valid(##"{"minimum":1,"maximum":2}"##, "2.0"))
    #expect(try errors(##"{"exclusiveMinimum":1,"exclusiveMaximum":2}"##, "2") == ["$ exclusiveMaximum"])
    #expect(try errors(##"{"exclusiveMinimum":1}"##, "1") == ["$ exclusiveMinimum"])
    #expect(try valid(##"{"maximum":-0.5}"##, "-0.50001"))
  }

  @Test func stringLengthsCountCodePoints() throws {
    #expect(try valid(##"{"maxLength":2}"##, ##""é😀""##))
    #expect(try errors(##"{"minLength":3,"maxLength":1}"##, ##""ab""##) == ["$ minLength", "$ maxLength"])
    #expect(try valid(##"{"pattern":"^char_[a-z0-9]+$"}"##, ##""char_abc123""##))
    #expect(try !valid(##"{"pattern":"^char_[a-z0-9]+$"}"##, ##""char_ABC""##))
    #expect(try valid(##"{"pattern":"b"}"##, ##""abc""##))  // patterns are not anchored
    #expect(try valid(##"{"minLength":5}"##, "3"))  // string keywords ignore other types
  }

  @Test func arraysInSchemaAndTupleForms() throws {
    #expect(try errors(##"{"items":{"type":"integer"}}"##, ##"[1,"x",3,true]"##) == ["$[1] type", "$[3] type"])
    let tuple = ##"{"items":[{"type":"string"},{"type":"integer"}],"additionalItems":false}"##
    #expect(try valid(tuple, ##"["a",1]"##))
    #expect(try valid(tuple, ##"["a"]"##))
    #expect(try errors(tuple, ##"["a",1,2]"##) == ["$[2] additionalItems"])
    #expect(try valid(##"{"items":[{"type":"string"}]}"##, ##"["a",1,2]"##))
    #expect(try errors(##"{"minItems":2,"maxItems":0}"##, "[1]") == ["$ minItems", "$ maxItems"])
    #expect(try errors(##"{"uniqueItems":true}"##, ##"[1,{"a":1},1.0]"##) == ["$ uniqueItems"])
    #expect(try valid(##"{"uniqueItems":true}"##, ##"[1,"1",[1],{"a":1},{"a":2}]"##))
    #expect(try valid(##"{"contains":{"const":3}}"##, "[1,3]"))
    #expect(try errors(##"{"contains":{"const":3}}"##, "[1,2]") == ["$ contains"])
  }

  @Test func objectKeywords() throws {
    let s = ##"""
      {"required":["a","b"],"properties":{"a":{"type":"integer"}},
       "patternProperties":{"^x_":{"type":"string"}},"additionalProperties":false}
      """##
    #expect(try valid(s, ##"{"a":1,"b":2}"##) == false)  // b is neither a property nor x_
    #expect(try errors(s, ##"{"a":"1","x_1":2,"c":3}"##)
      == ["$ required", "$.a type", "$.x_1 type", "$.c additionalProperties"])
    #expect(try valid(##"{"additionalProperties":{"type":"integer"}}"##, ##"{"q":1}"##))
    #expect(try errors(##"{"minProperties":2,"maxProperties":0}"##, ##"{"a":1}"##) == ["$ minProperties", "$ maxProperties"])
    #expect(try errors(##"{"propertyNames":{"maxLength":2}}"##, ##"{"ab":1,"abc":2}"##) == ["$ propertyNames"])
    let deps = ##"{"dependencies":{"card":["billing"],"vip":{"required":["level"]}}}"##
    #expect(try errors(deps, ##"{"card":1,"vip":true}"##) == ["$ dependencies", "$ required"])
    #expect(try valid(deps, ##"{"billing":1}"##))
    #expect(try errors(##"{"properties":{"a b":{"type":"null"}}}"##, ##"{"a b":1}"##) == [##"$."a b" type"##])
  }

  @Test func combinators() throws {
    #expect(try valid(##"{"allOf":[{"minimum":1},{"maximum":3}]}"##, "2"))
    #expect(try errors(##"{"allOf":[{"minimum":1},{"maximum":3}]}"##, "4") == ["$ maximum"])
    #expect(try errors(##"{"anyOf":[{"type":"string"},{"minimum":5}]}"##, "1") == ["$ anyOf"])
    #expect(try errors(##"{"oneOf":[{"minimum":1},{"maximum":3}]}"##, "2") == ["$ oneOf"])
    #expect(try valid(##"{"oneOf":[{"minimum":1},{"maximum":3}]}"##, "5"))
    #expect(try errors(##"{"not":{"type":"null"}}"##, "null") == ["$ not"])
    let cond = ##"{"if":{"properties":{"kind":{"const":"a"}}},"then":{"required":["x"]},"else":{"required":["y"]}}"##
    #expect(try errors(cond, ##"{"kind":"a"}"##) == ["$ required"])
    #expect(try valid(cond, ##"{"kind":"b","y":1}"##))
    #expect(try valid(##"true"##, "[1]"))
    #expect(try errors(##"false"##, "1") == ["$ false"])
  }

  @Test func localReferencesIncludingRecursion() throws {
    let tree = ##"""
      {"definitions":{"node":{"type":"object","required":["v"],
        "properties":{"v":{"type":"integer"},"children":{"type":"array","items":{"$ref":"#/definitions/node"}}}}},
       "$ref":"#/definitions/node"}
      """##
    #expect(try valid(tree, ##"{"v":1,"children":[{"v":2,"children":[{"v":3}]}]}"##))
    #expect(try errors(tree, ##"{"v":1,"children":[{"v":2,"children":[{"v":"x"}]}]}"##)
      == ["$.children[0].children[0].v type"])
    // draft-07: siblings of $ref are ignored
    #expect(try valid(##"{"definitions":{"s":{"type":"string"}},"$ref":"#/definitions/s","minLength":9}"##, ##""ab""##))
    #expect(try valid(##"{"properties":{"a":{"type":"integer"},"b":{"$ref":"#/properties/a"}}}"##, ##"{"b":1}"##))
    #expect(try !valid(##"{"properties":{"a~b":{"type":"integer"},"c":{"$ref":"#/properties/a~0b"}}}"##, ##"{"c":"x"}"##))
  }

  @Test func deepInstancesAndReferenceLoopsEndInErrors() throws {
    let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
    #expect(throws: JSONParser.Failure.tooDeep(limit: 256)) { try JSONParser.parse(deep) }
    #expect(try schema(##"{"items":{"$ref":"#"}}"##).accepts(try JSONParser.parse(deep, depthLimit: 1000)))
    let nested = try JSONParser.parse(String(repeating: "[", count: 600) + String(repeating: "]", count: 600), depthLimit: 1000)
    #expect(throws: JSONSchemaError.tooDeep(limit: JSONSchema.depthLimit)) {
      try schema(##"{"items":{"$ref":"#"}}"##).accepts(nested)
    }
    // Recursion through a combinator that never consumes the instance.
    #expect(throws: JSONSchemaError.tooDeep(limit: JSONSchema.depthLimit)) {
      try schema(##"{"anyOf":[{"$ref":"#"}]}"##).accepts(.null)
    }
  }

  @Test func everyViolationIsReportedWithItsSchemaPath() throws {
    let found = try schema(##"{"properties":{"a":{"type":"string","minLength":2}}}"##)
      .violations(of: try JSONParser.parse(##"{"a":5}"##))
    #expect(found == [JSONSchemaViolation(path: "$.a", keyword: "type", message: "expected string, got integer",
                                          schemaPath: "/properties/a/type")])
    let limited = try schema(##"{"items":{"type":"string"}}"##).violations(of: try JSONParser.parse("[1,2,3]"), limit: 2)
    #expect(limited.count == 2)
  }
}
