/// The keyword checks of one node against one value; each returns whether the value passed.
extension SchemaWalk {
  mutating func generic(_ node: SchemaNode, _ value: JSONValue) throws -> Bool {
    var ok = true
    if let types = node.types, !types.admits(value) {
      report(node, "type", "expected \(types.names), got \(value.typeName)")
      ok = false
    }
    if let values = node.enumValues, !values.contains(value) {
      report(node, "enum", "\(Self.excerpt(value)) is not one of the allowed values")
      ok = false
    }
    if let c = node.constValue, c != value {
      report(node, "const", "\(Self.excerpt(value)) is not the required value")
      ok = false
    }
    return ok
  }

  static func excerpt(_ value: JSONValue) -> String {
    switch value {
    case .string(let s): s.unicodeScalars.count <= 40 ? "\"\(s)\"" : "\"\(String(s.unicodeScalars.prefix(40)))...\""
    case .number(let n): n.description
    case .bool(let b): b ? "true" : "false"
    case .null: "null"
    case .array: "an array"
    case .object: "an object"
    }
  }

  mutating func numeric(_ node: SchemaNode, _ n: DecimalNumber) -> Bool {
    var ok = true
    func check(_ bound: DecimalNumber?, _ keyword: String, _ passes: (Int) -> Bool, _ words: String) {
      guard let bound, !passes(n.compare(bound)) else { return }
      report(node, keyword, "\(n.description) is \(words) \(bound.description)")
      ok = false
    }
    check(node.minimum, "minimum", { $0 >= 0 }, "less than")
    check(node.maximum, "maximum", { $0 <= 0 }, "greater than")
    check(node.exclusiveMinimum, "exclusiveMinimum", { $0 > 0 }, "not greater than")
    check(node.exclusiveMaximum, "exclusiveMaximum", { $0 < 0 }, "not less than")
    if let m = node.multipleOf, n.isMultiple(of: m) == false {
      report(node, "multipleOf", "\(n.description) is not a multiple of \(m.description)")
      ok = false
    }
    return ok
  }

  mutating func string(_ node: SchemaNode, _ s: String) throws -> Bool {
    var ok = true
    if node.minLength != nil || node.maxLength != nil {
      let length = s.unicodeScalars.count
      if let min = node.minLength, length < min {
        report(node, "minLength", "\(length) characters, fewer than \(min)")
        ok = false
      }
      if let max = node.maxLength, length > max {
        report(node, "maxLength", "\(length) characters, more than \(max)")
        ok = false
      }
    }
    if let p = node.pattern, try !p.matcher.matches(s) {
      report(node, "pattern", "\(Self.excerpt(.string(s))) does not match \(p.source)")
      ok = false
    }
    return ok
  }

  mutating func array(_ node: SchemaNode, _ a: [JSONValue]) throws -> Bool {
    var ok = true
    if let min = node.minItems, a.count < min { report(node, "minItems", "\(a.count) items, fewer than \(min)"); ok = false }
    if let max = node.maxItems, a.count > max { report(node, "maxItems", "\(a.count) items, more than \(max)"); ok = false }
    if node.uniqueItems, let (i, j) = Self.firstRepeat(a) {
      report(node, "uniqueItems", "items \(i) and \(j) are equal")
      ok = false
    }
    switch node.items {
    case .all(let child)?:
      for (i, element) in a.enumerated() where !full { ok = try validate(child, element, at: .index(i)) && ok }
    case .tuple(let children)?:
      for (i, element) in a.enumerated() where !full {
        if i < children.count {
          ok = try validate(children[i], element, at: .index(i)) && ok
        } else if let extra = node.additionalItems {
          ok = try extraMember(node, "additionalItems", extra, element, .index(i)) && ok
        }
      }
    case nil: break
    }
    if let c = node.contains, !full {
      var any = false
      for element in a where !any { any = try passes(c, element) }
      if !any { report(node, "contains", "no item matches the contains schema"); ok = false }
    }
    return ok
  }

  static func firstRepeat(_ a: [JSONValue]) -> (Int, Int)? {
    var seen: [JSONValue: Int] = [:]
    for (i, v) in a.enumerated() {
      if let j = seen[v] { return (j, i) }
      seen[v] = i
    }
    return nil
  }

  mutating func object(_ node: SchemaNode, _ o: JSONObject) throws -> Bool {
    var ok = true
    for name in node.required where o[name] == nil {
      report(node, "required", "missing required property \"\(name)\"")
      ok = false
    }
    if let min = node.minProperties, o.count < min { report(node, "minProperties", "\(o.count) properties, fewer than \(min)"); ok = false }
    if let max = node.maxProperties, o.count > max { report(node, "maxProperties", "\(o.count) properties, more than \(max)"); ok = false }
    for (name, dependency) in node.dependencies where o[name] != nil && !full {
      switch dependency {
      case .properties(let names):
        for missing in names where o[missing] == nil {
          report(node, "dependencies", "\"\(name)\" requires property \"\(missing)\"")
          ok = false
        }
      case .schema(let child): ok = try validate(child, .object(o)) && ok
      }
    }
    for (key, value) in o.members where !full {
      if let names = node.propertyNames, !(try passes(names, .string(key))) {
        report(node, "propertyNames", "property name \(Self.excerpt(.string(key))) is not allowed")
        ok = false
      }
      var matched = false
      if let child = node.propertyIndex[key] {
        matched = true
        ok = try validate(child, value, at: .key(key)) && ok
      }
      for (pattern, child) in node.patternProperties where !full {
        guard try pattern.matcher.matches(key) else { continue }
        matched = true
        ok = try validate(child, value, at: .key(key)) && ok
      }
      if !matched, let extra = node.additionalProperties {
        ok = try extraMember(node, "additionalProperties", extra, value, .key(key)) && ok
      }
    }
    return ok
  }

  /// An item or property beyond the listed ones; `false` is reported as the keyword itself.
  mutating func extraMember(_ node: SchemaNode, _ keyword: String, _ extra: Int, _ value: JSONValue,
                            _ step: Step) throws -> Bool {
    guard nodes[extra].constant == false else { return try validate(extra, value, at: step) }
    path.append(step)
    report(node, keyword, "no more \(keyword == "additionalItems" ? "items" : "properties") are allowed here")
    path.removeLast()
    return false
  }

  mutating func combinators(_ node: SchemaNode, _ value: JSONValue) throws -> Bool {
    var ok = true
    for child in node.allOf where !full { ok = try validate(child, value) && ok }
    if let branches = node.anyOf, !full {
      var any = false
      for child in branches where !any { any = try passes(child, value) }
      if !any { report(node, "anyOf", "matches none of the anyOf schemas"); ok = false }
    }
    if let branches = node.oneOf, !full {
      var matching: [Int] = []
      for (i, child) in branches.enumerated() where matching.count < 2 {
        if try passes(child, value) { matching.append(i) }
      }
      if matching.count != 1 {
        report(node, "oneOf", matching.isEmpty ? "matches none of the oneOf schemas"
          : "matches oneOf schemas \(matching[0]) and \(matching[1]), not exactly one")
        ok = false
      }
    }
    if let child = node.not, !full, try passes(child, value) {
      report(node, "not", "matches the schema it must not match")
      ok = false
    }
    if let condition = node.ifNode, !full {
      let branch = try passes(condition, value) ? node.thenNode : node.elseNode
      if let branch { ok = try validate(branch, value) && ok }
    }
    return ok
  }
}
