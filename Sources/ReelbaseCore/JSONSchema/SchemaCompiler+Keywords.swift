/// The keyword groups of a schema object, each checked for its draft-07 shape.
extension SchemaCompiler {
  mutating func typeKeywords(_ o: JSONObject, _ path: [String], _ node: inout SchemaNode) throws {
    if let t = o["type"] {
      let names: [String]
      switch t {
      case .string(let s): names = [s]
      case .array: names = try strings(t, path + ["type"])
      default: throw SchemaCompilerFailure.at(path + ["type"], "must be a type name or an array of them")
      }
      var set = TypeSet()
      for name in names {
        guard let one = TypeSet(name: name) else {
          throw SchemaCompilerFailure.at(path + ["type"], "unknown type \"\(name)\"")
        }
        set.insert(one)
      }
      node.types = set
    }
    if let e = o["enum"] {
      guard case .array(let values) = e, !values.isEmpty else {
        throw SchemaCompilerFailure.at(path + ["enum"], "must be a non-empty array")
      }
      node.enumValues = values
    }
    node.constValue = o["const"]
  }

  mutating func numberKeywords(_ o: JSONObject, _ path: [String], _ node: inout SchemaNode) throws {
    node.minimum = try number(o, "minimum", path)
    node.maximum = try number(o, "maximum", path)
    for key in ["exclusiveMinimum", "exclusiveMaximum"] {
      if case .bool = o[key] {
        throw SchemaCompilerFailure.at(path + [key], "is a number in draft-07 (the boolean form is draft-04)")
      }
    }
    node.exclusiveMinimum = try number(o, "exclusiveMinimum", path)
    node.exclusiveMaximum = try number(o, "exclusiveMaximum", path)
    if let m = try number(o, "multipleOf", path) {
      guard !m.isNegative, !m.isZero else { throw SchemaCompilerFailure.at(path + ["multipleOf"], "must be greater than 0") }
      guard m.isMultiple(of: m) != nil else {
        throw SchemaCompilerFailure.at(path + ["multipleOf"], "has more than 18 significant digits")
      }
      node.multipleOf = m
    }
  }

  mutating func stringKeywords(_ o: JSONObject, _ path: [String], _ node: inout SchemaNode) throws {
    node.minLength = try count(o, "minLength", path)
    node.maxLength = try count(o, "maxLength", path)
    if let p = o["pattern"] {
      guard case .string(let source) = p else { throw SchemaCompilerFailure.at(path + ["pattern"], "must be a string") }
      node.pattern = try pattern(source, path + ["pattern"])
    }
  }

  mutating func arrayKeywords(_ o: JSONObject, _ path: [String], _ node: inout SchemaNode) throws {
    switch o["items"] {
    case nil: break
    case .array(let list)?: node.items = .tuple(try list.indices.map { try compile(at: path + ["items", String($0)]) })
    default: node.items = .all(try compile(at: path + ["items"]))
    }
    node.additionalItems = try schema(o, "additionalItems", path)
    node.contains = try schema(o, "contains", path)
    node.minItems = try count(o, "minItems", path)
    node.maxItems = try count(o, "maxItems", path)
    if let u = o["uniqueItems"] {
      guard case .bool(let b) = u else { throw SchemaCompilerFailure.at(path + ["uniqueItems"], "must be a boolean") }
      node.uniqueItems = b
    }
  }

  mutating func objectKeywords(_ o: JSONObject, _ path: [String], _ node: inout SchemaNode) throws {
    if let r = o["required"] { node.required = try strings(r, path + ["required"]) }
    for (key, group) in [("properties", false), ("patternProperties", true)] {
      guard let v = o[key] else { continue }
      guard case .object(let members) = v else { throw SchemaCompilerFailure.at(path + [key], "must be an object") }
      for name in members.keys {
        let child = try compile(at: path + [key, name])
        if group {
          node.patternProperties.append((try pattern(name, path + [key, name]), child))
        } else {
          node.properties.append((name, child))
          node.propertyIndex[name] = child
        }
      }
    }
    node.additionalProperties = try schema(o, "additionalProperties", path)
    node.minProperties = try count(o, "minProperties", path)
    node.maxProperties = try count(o, "maxProperties", path)
    node.propertyNames = try schema(o, "propertyNames", path)
    if let d = o["dependencies"] {
      guard case .object(let members) = d else { throw SchemaCompilerFailure.at(path + ["dependencies"], "must be an object") }
      for (name, value) in members.members {
        if case .array = value {
          node.dependencies.append((name, .properties(try strings(value, path + ["dependencies", name]))))
        } else {
          node.dependencies.append((name, .schema(try compile(at: path + ["dependencies", name]))))
        }
      }
    }
  }

  mutating func combinatorKeywords(_ o: JSONObject, _ path: [String], _ node: inout SchemaNode) throws {
    node.allOf = try schemaList(o, "allOf", path) ?? []
    node.anyOf = try schemaList(o, "anyOf", path)
    node.oneOf = try schemaList(o, "oneOf", path)
    node.not = try schema(o, "not", path)
    node.ifNode = try schema(o, "if", path)
    node.thenNode = try schema(o, "then", path)
    node.elseNode = try schema(o, "else", path)
  }
}

/// Lets the keyword readers throw with a path; converted where the pointer is made.
enum SchemaCompilerFailure {
  static func at(_ path: [String], _ reason: String) -> JSONSchemaError {
    let p = SchemaCompiler.pointer(path)
    return .invalidSchema(at: p.isEmpty ? "/" : p, reason: reason)
  }
}
