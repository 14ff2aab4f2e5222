import CPostgres
import ReelbaseCore

/// The memory context holding one compiled schema's patterns; deleting it frees them all.
/// Owned by the cached schema, so it goes when the cache lets the schema go.
final class PatternArena {
  private let context: UnsafeMutableRawPointer

  init() throws {
    var context: UnsafeMutableRawPointer? = nil
    try guarded(rb_regex_context_create(&context))
    guard let context else { throw PGError.internalError("no memory context for patterns") }
    self.context = context
  }

  deinit { _ = rb_regex_context_delete(context) }

  /// - Throws: `PatternError` for an invalid expression (the schema compiler reports it as an
  ///   invalid schema), a PGError for a server failure.
  func compile(_ source: String) throws -> any SchemaPattern {
    var regex: UnsafeMutableRawPointer? = nil
    var message = [CChar](repeating: 0, count: 256)
    let length = Int32(clamping: source.utf8.count)
    try source.withCString { try guarded(rb_regex_compile(context, $0, length, &regex, &message, message.count)) }
    guard let regex else {
      throw PatternError(reason: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    return ServerPattern(regex: regex, arena: self)
  }
}

struct PatternError: Error, CustomStringConvertible {
  var reason: String
  var description: String { reason }
}

/// A pattern compiled by PostgreSQL's engine (advanced syntax, C collation): it agrees with
/// ECMA-262 on the common syntax and, unlike a backtracking engine, can be cancelled.
struct ServerPattern: SchemaPattern {
  let regex: UnsafeMutableRawPointer
  let arena: PatternArena

  func matches(_ string: String) throws -> Bool {
    var matched = false
    let length = Int32(clamping: string.utf8.count)
    try string.withCString { try guarded(rb_regex_match(regex, $0, length, &matched)) }
    return matched
  }
}

/// Stack and cancel checks while a schema is applied.
final class ServerCheckpoint: ValidationCheckpoint {
  private var calls = 0

  func check() throws {
    try guarded(rb_check_stack_depth())
    calls &+= 1
    if calls & 1023 == 0 { try guarded(rb_check_for_interrupts()) }
  }
}
