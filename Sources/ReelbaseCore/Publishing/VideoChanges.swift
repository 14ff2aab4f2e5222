/// The `changes` argument of `publishing.update_video`: a JSON object of the columns to set.
/// Checked here, before any statement runs, so a bad key or value is a 22023 that names it
/// rather than a cast error from the middle of the UPDATE.
public enum VideoChanges {
  public enum Kind: Sendable { case uuid, text, integer, number, status }

  /// The writable columns of publishing.videos; every one but status may be set to null.
  public static let writable: [String: Kind] = [
    "persona_id": .uuid, "title": .text, "description": .text, "video_url": .text,
    "thumbnail_url": .text, "duration_seconds": .integer, "confidence": .number, "status": .status,
  ]
  /// Kept by the database: state_version and updated_at advance with every update.
  public static let readOnly: Set<String> = ["id", "state_version", "created_at", "updated_at"]
  public static let statuses: Set<String> = ["draft", "pending_review", "published", "rejected"]

  public struct Failure: Error, Equatable, Sendable {
    public var key: String?
    public var message: String
  }

  /// The keys of a valid changes object, in its order.
  public static func validate(_ changes: JSONValue) throws(Failure) -> [String] {
    guard case .object(let object) = changes else {
      throw Failure(key: nil, message: "changes must be a JSON object of columns, not \(changes.typeName)")
    }
    if object.count == 0 { throw Failure(key: nil, message: "changes names no column") }
    for (key, value) in object.members {
      if readOnly.contains(key) {
        throw Failure(key: key, message: "\(key) is kept by the database and cannot be set")
      }
      guard let kind = writable[key] else {
        throw Failure(key: key, message: "videos has no writable column \"\(key)\"")
      }
      if let problem = problem(kind, value) { throw Failure(key: key, message: "\(key): \(problem)") }
    }
    return object.keys
  }

  private static func problem(_ kind: Kind, _ value: JSONValue) -> String? {
    if case .null = value { return kind == .status ? "status cannot be null" : nil }
    switch (kind, value) {
    case (.text, .string):
      return nil
    case (.uuid, .string(let s)):
      return UUIDValue(string: s) == nil ? "\"\(s)\" is not a uuid" : nil
    case (.status, .string(let s)):
      return statuses.contains(s) ? nil : "\"\(s)\" is not one of draft, pending_review, published, rejected"
    case (.integer, .number(let n)):
      guard n.isInteger, let i = Int64(n.description), i >= 0, i <= Int64(Int32.max) else {
        return "\(n.description) is not a whole number of seconds from 0 to \(Int32.max)"
      }
      return nil
    case (.number, .number(let n)):
      return Double(n.description)?.isFinite == true ? nil : "\(n.description) is not a finite number"
    default:
      return "expected \(kind == .integer || kind == .number ? "a number" : "a string") or null, got \(value.typeName)"
    }
  }
}
