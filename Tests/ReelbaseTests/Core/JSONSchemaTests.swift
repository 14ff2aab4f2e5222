import Reelbase
import Testing

/// reelbase.jsonb_matches_schema and reelbase.jsonschema_validation_errors through the client.
@Suite struct JSONSchemaTests {
  let env: TestEnvironment

  init() throws { env = try TestEnvironment.load() }

  static let schema: JSONValue = [
    "type": "object", "required": ["entityId"],
    "properties": ["entityId": ["type": "string", "pattern": "^char_[a-z0-9]+$"], "age": ["minimum": 0]],
  ]

  @Test func validAndInvalidInstances() async throws {
    try await env.withClient(env.appRole) { client in
      #expect(try await client.jsonbMatchesSchema(schema: Self.schema, instance: ["entityId": "char_a1"]))
      #expect(try await !client.jsonbMatchesSchema(schema: Self.schema, instance: ["entityId": "Char"]))
      let found = try await client.jsonschemaValidationErrors(
        schema: Self.schema, instance: ["entityId": "Char", "age": -1])
      #expect(found.map(\.path).sorted() == ["$.age", "$.entityId"])
      #expect(Set(found.map(\.keyword)) == ["minimum", "pattern"])
      #expect(found.first { $0.keyword == "pattern" }?.schemaPath == "/properties/entityId/pattern")
      #expect(try await client.jsonschemaValidationErrors(schema: Self.schema, instance: ["entityId": "char_b"]).isEmpty)
    }
  }

  @Test func anInvalidSchemaIsInvalidInput() async throws {
    try await env.withClient(env.appRole) { client in
      let error = await expectReelbaseError(.invalidInput, sqlState: "22023") {
        _ = try await client.jsonbMatchesSchema(schema: ["type": "text"], instance: 1)
      }
      #expect(error?.message.contains("unknown type") == true)
    }
  }
}
