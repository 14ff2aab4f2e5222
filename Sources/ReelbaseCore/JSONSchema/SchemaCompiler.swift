/// Turns a schema document into `SchemaNode`s, checking every keyword it knows, including in
/// `definitions` that nothing references yet: a schema that is wrong anywhere is refused.
struct SchemaCompiler {
  let root: JSONValue
  let patterns: (String) throws -> any SchemaPattern
  var nodes: [SchemaNode?] = []
  var byLocation: [String: Int] = [:]

  init(root: JSONValue, patterns: @escaping (String) throws -> any SchemaPattern) {
    self.root = root
    self.patterns = patterns
  }

  static func pointer(_ components: [String]) -> String {
    components.map { "/" + $0.replacing("~", with: "~0").replacing("/", with: "~1") }.joined()
  }

  private func invalid(_ at: [String], _ reason: String) -> JSONSchemaError {
    SchemaCompilerFailure.at(at, reason)
  }

  mutating func compile(at path: [String]) throws -> Int {
    let location = Self.pointer(path)
    if let known = byLocation[location] { return known }
    let index = nodes.count
    nodes.append(nil)
    byLocation[location] = index
    guard let value = Self.resolve(path[...], in: root) else { throw invalid(path, "no schema here") }
    var node = SchemaNode(location: location)
    switch value {
    case .bool(let b): node.constant = b
    case .object(let o): try keywords(of: o, at: path, into: &node)
    default: throw invalid(path, "a schema must be an object or a boolean, not \(value.typeName)")
    }
    nodes[index] = node
    if node.ref != nil { try checkNoReferenceLoop(from: index, at: path) }
    return index
  }

  static func resolve(_ path: ArraySlice<String>, in value: JSONValue) -> JSONValue? {
    guard let first = path.first else { return value }
    switch value {
    case .object(let o): return o[first].flatMap { resolve(path.dropFirst(), in: $0) }
    case .array(let a):
      guard let i = Int(first), i >= 0, i < a.count, String(i) == first else { return nil }
      return resolve(path.dropFirst(), in: a[i])
    default: return nil
    }
  }

  /// A `$ref` chain that comes back to where it started would never reach the instance.
  private func checkNoReferenceLoop(from start: Int, at path: [String]) throws {
    var seen: Set<Int> = [start]
    var next = nodes[start]?.ref
    while let n = next {
      guard seen.insert(n).inserted else { throw invalid(path, "$ref loop: the references never reach a schema") }
      next = nodes[n]?.ref
    }
  }

  private mutating func keywords(of o: JSONObject, at path: [String], into node: inout SchemaNode) throws {
    if let defs = o["definitions"] {
      guard case .object(let d) = defs else { throw invalid(path + ["definitions"], "must be an object") }
      for key in d.keys { _ = try compile(at: path + ["definitions", key]) }
    }
    if let ref = o["$ref"] {
      guard case .string(let target) = ref else { throw invalid(path + ["$ref"], "must be a string") }
      node.ref = try compile(at: try referencePath(target, at: path + ["$ref"]))
      return  // draft-07: a $ref replaces every sibling keyword
    }
    try typeKeywords(o, path, &node)
    try numberKeywords(o, path, &node)
    try stringKeywords(o, path, &node)
    try arrayKeywords(o, path, &node)
    try objectKeywords(o, path, &node)
    try combinatorKeywords(o, path, &node)
  }

  private func referencePath(_ target: String, at path: [String]) throws -> [String] {
    guard target.first == "#" else {
      throw invalid(path, "only references within the document (#...) are supported, not \(target)")
    }
    let fragment = String(target.dropFirst())
    guard let decoded = Self.percentDecoded(fragment) else { throw invalid(path, "bad escape in \(target)") }
    if decoded.isEmpty { return [] }
    guard decoded.first == "/" else { throw invalid(path, "\(target) is not a JSON pointer (#/...)") }
    let components = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
      String($0).replacing("~1", with: "/").replacing("~0", with: "~")
    }
    guard Self.resolve(components[...], in: root) != nil else { throw invalid(path, "\(target) points at nothing") }
    return components
  }

  private static func percentDecoded(_ s: String) -> String? {
    var bytes: [UInt8] = []
    var it = Array(s.utf8)[...]
    while let b = it.popFirst() {
      if b != UInt8(ascii: "%") { bytes.append(b); continue }
      guard it.count >= 2, let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) else { return nil }
      bytes.append(v)
      it = it.dropFirst(2)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  // MARK: keyword readers

  func count(_ o: JSONObject, _ key: String, _ path: [String]) throws -> Int? {
    guard let v = o[key] else { return nil }
    guard case .number(let n) = v, n.isInteger, !n.isNegative else {
      throw invalid(path + [key], "must be a non-negative integer")
    }
    return n.rounded(shift: 0, limit: Int64(Int32.max)).map { Int($0) } ?? Int(Int32.max)
  }

  func number(_ o: JSONObject, _ key: String, _ path: [String]) throws -> DecimalNumber? {
    guard let v = o[key] else { return nil }
    guard case .number(let n) = v else { throw invalid(path + [key], "must be a number") }
    return n
  }

  func strings(_ v: JSONValue, _ path: [String]) throws -> [String] {
    guard case .array(let a) = v else { throw invalid(path, "must be an array of strings") }
    var out: [String] = []
    for case let element in a {
      guard case .string(let s) = element else { throw invalid(path, "must be an array of strings") }
      guard !out.contains(s) else { throw invalid(path, "repeats \"\(s)\"") }
      out.append(s)
    }
    return out
  }

  mutating func schemaList(_ o: JSONObject, _ key: String, _ path: [String]) throws -> [Int]? {
    guard let v = o[key] else { return nil }
    guard case .array(let a) = v, !a.isEmpty else { throw invalid(path + [key], "must be a non-empty array of schemas") }
    return try a.indices.map { try compile(at: path + [key, String($0)]) }
  }

  mutating func schema(_ o: JSONObject, _ key: String, _ path: [String]) throws -> Int? {
    o[key] == nil ? nil : try compile(at: path + [key])
  }

  func pattern(_ source: String, _ path: [String]) throws -> SchemaNode.Pattern {
    do {
      return SchemaNode.Pattern(source: source, matcher: try patterns(source))
    } catch {
      throw invalid(path, "invalid regular expression \(source): \(error)")
    }
  }
}
