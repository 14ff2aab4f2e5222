extension JSONSchema {
  /// Every violation of the instance, in schema order (or only the first when `limit` is 1).
  /// Failed `anyOf`/`oneOf`/`not` branches are reported as one violation of the combinator.
  /// - Throws: `JSONSchemaError.tooDeep`, or what `checkpoint` throws.
  public func violations(of instance: JSONValue, limit: Int = .max,
                         checkpoint: some ValidationCheckpoint = NoCheckpoint()) throws -> [JSONSchemaViolation] {
    var walk = SchemaWalk(nodes: nodes, checkpoint: checkpoint, limit: max(1, limit))
    _ = try walk.validate(0, instance)
    return walk.found
  }

  /// Whether the instance is valid; stops at the first violation.
  public func accepts(_ instance: JSONValue, checkpoint: some ValidationCheckpoint = NoCheckpoint()) throws -> Bool {
    try violations(of: instance, limit: 1, checkpoint: checkpoint).isEmpty
  }
}

/// One validation: the instance path so far, the violations found, and the depth guard. Not
/// generic over the checkpoint: called from another module, a generic walk runs unspecialised
/// and looks up its own type metadata on every call.
struct SchemaWalk {
  enum Step {
    case key(String)
    case index(Int)
  }

  let nodes: [SchemaNode]
  let checkpoint: any ValidationCheckpoint
  var limit: Int
  var found: [JSONSchemaViolation] = []
  var path: [Step] = []
  var depth = 0

  init(nodes: [SchemaNode], checkpoint: any ValidationCheckpoint, limit: Int) {
    self.nodes = nodes
    self.checkpoint = checkpoint
    self.limit = limit
  }

  var full: Bool { found.count >= limit }

  mutating func report(_ node: SchemaNode, _ keyword: String, _ message: String) {
    guard !full else { return }
    found.append(JSONSchemaViolation(path: Self.render(path), keyword: keyword, message: message,
                                     schemaPath: node.location + "/" + keyword))
  }

  static func render(_ path: [Step]) -> String {
    var out = "$"
    for step in path {
      switch step {
      case .index(let i): out += "[\(i)]"
      case .key(let k):
        let plain = !k.isEmpty && k.unicodeScalars.allSatisfy {
          ($0.properties.isAlphabetic && $0.isASCII) || $0 == "_" || ("0"..."9").contains($0)
        } && !("0"..."9").contains(k.unicodeScalars.first ?? "0")
        out += plain ? "." + k : ".\"" + k.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
      }
    }
    return out
  }

  /// Whether `value` passes node `index`, without reporting (for combinator branches).
  mutating func passes(_ index: Int, _ value: JSONValue) throws -> Bool {
    let saved = (found, limit)
    found = []
    limit = 1
    defer { (found, limit) = saved }
    return try validate(index, value)
  }

  /// Validates one child value under a path step.
  mutating func validate(_ index: Int, _ value: JSONValue, at step: Step) throws -> Bool {
    path.append(step)
    defer { path.removeLast() }
    return try validate(index, value)
  }

  mutating func validate(_ start: Int, _ value: JSONValue) throws -> Bool {
    // A $ref chain is followed without counting depth: the compiler refused chains that loop.
    var index = start
    while let target = nodes[index].ref { index = target }
    depth += 1
    defer { depth -= 1 }
    guard depth <= JSONSchema.depthLimit else { throw JSONSchemaError.tooDeep(limit: JSONSchema.depthLimit) }
    try checkpoint.check()
    let node = nodes[index]
    if let constant = node.constant {
      if !constant { report(node, "false", "no value is allowed here") }
      return constant
    }
    let before = found.count
    var ok = true
    func note(_ passed: Bool) { ok = ok && passed }
    note(try generic(node, value))
    if !full {
      switch value {
      case .number(let n): note(numeric(node, n))
      case .string(let s): note(try string(node, s))
      case .array(let a): note(try array(node, a))
      case .object(let o): note(try object(node, o))
      default: break
      }
    }
    if !full { note(try combinators(node, value)) }
    return ok && found.count == before
  }
}
