import PostgresNIO

/// The arguments of a SQL function call, by parameter name (`p_video_id => $1`). A nil
/// value is left out, so the function's own default applies (NULL where it has none). A
/// name may carry a cast for types a Swift value does not bind as: `"parent::regclass"`.
struct SQLArguments: ExpressibleByDictionaryLiteral {
  let elements: [(String, (any PostgresThrowingDynamicTypeEncodable)?)]
  init(dictionaryLiteral elements: (String, (any PostgresThrowingDynamicTypeEncodable)?)...) {
    self.elements = elements
  }

  /// `schema.function(name => $1, ...)` with its bindings.
  func call(_ function: String) throws -> (sql: String, binds: PostgresBindings) {
    var binds = PostgresBindings()
    var list: [String] = []
    for case let (name, value?) in elements {
      try binds.append(value)
      let cast = name.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: true)
      list.append("\(cast[0]) => $\(list.count + 1)\(cast.count > 1 ? "::" + cast[1].dropFirst() : "")")
    }
    return ("\(function)(\(list.joined(separator: ", ")))", binds)
  }
}

/// The typed calls are built on these: one row type or one value per SQL function.
extension ReelbaseQueryable {
  /// The rows of `SELECT * FROM function(arguments)`.
  func call<R: ReelbaseRow>(
    _ function: String, _ arguments: SQLArguments = [:], _ intent: QueryIntent = .write,
    as type: R.Type = R.self
  ) async throws -> [R] {
    let (call, binds) = try arguments.call(function)
    return try await rows(PostgresQuery(unsafeSQL: "SELECT * FROM \(call)", binds: binds), intent)
      .map { try R(row: $0, context: function) }
  }

  /// The value of `SELECT function(arguments)`, nil for NULL.
  func value<T: PostgresDecodable>(
    _ function: String, _ arguments: SQLArguments = [:], _ intent: QueryIntent = .write,
    as type: T.Type = T.self
  ) async throws -> T? where T._DecodableType == T {
    let (call, binds) = try arguments.call(function)
    return try await scalar(PostgresQuery(unsafeSQL: "SELECT \(call)", binds: binds), intent, as: T.self, function)
  }

  /// Runs `SELECT function(arguments)` for its effect (a `void` function).
  func perform(_ function: String, _ arguments: SQLArguments = [:]) async throws {
    let (call, binds) = try arguments.call(function)
    _ = try await rows(PostgresQuery(unsafeSQL: "SELECT \(call)", binds: binds), .write)
  }

  /// The value of a function that never returns NULL.
  func required<T: PostgresDecodable>(
    _ function: String, _ arguments: SQLArguments = [:], _ intent: QueryIntent = .write,
    as type: T.Type = T.self
  ) async throws -> T where T._DecodableType == T {
    guard let value = try await value(function, arguments, intent, as: T.self) else {
      throw ReelbaseError(.unexpectedResponse, "\(function) returned NULL")
    }
    return value
  }
}
