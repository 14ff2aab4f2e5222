@testable import ReelbaseCore

/// Swift's Regex stands in for the server's PostgreSQL regular expressions in these tests.
struct SwiftRegexPattern: SchemaPattern {
  let regex: Regex<AnyRegexOutput>
  init(_ source: String) throws { regex = try Regex(source) }
  func matches(_ string: String) -> Bool { string.contains(regex) }
}

func schema(_ text: String) throws -> JSONSchema {
  try JSONSchema(try JSONParser.parse(text), patterns: { try SwiftRegexPattern($0) })
}

func errors(_ schemaText: String, _ instance: String) throws -> [String] {
  try schema(schemaText).violations(of: try JSONParser.parse(instance)).map { "\($0.path) \($0.keyword)" }
}

func valid(_ schemaText: String, _ instance: String) throws -> Bool {
  try schema(schemaText).accepts(try JSONParser.parse(instance))
}

func invalidSchemaReason(_ text: String) -> JSONSchemaError? {
  do {
    _ = try schema(text)
    return nil
  } catch let e as JSONSchemaError {
    return e
  } catch {
    return nil
  }
}
