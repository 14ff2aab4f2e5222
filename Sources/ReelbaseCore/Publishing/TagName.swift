/// Tag names as `publishing.tags` keeps them: trimmed, inner runs of white space made one
/// space, 1 to 64 characters. Uniqueness is case-insensitive (the table's index on
/// lower(name)); the first spelling written is the one kept.
public enum TagName {
  public static let maxLength = 64

  public enum Failure: Error, Equatable, Sendable {
    case empty
    case tooLong(String)
  }

  public static func normalize(_ raw: String) throws(Failure) -> String {
    let words = raw.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
    let name = words.joined(separator: " ")
    if name.isEmpty { throw .empty }
    if name.count > maxLength { throw .tooLong(name) }
    return name
  }

  /// Normalised names without case-insensitive repeats, in first-seen order.
  public static func normalizeAll(_ raw: [String]) throws(Failure) -> [String] {
    var seen = Set<String>()
    var out: [String] = []
    for r in raw {
      let name = try normalize(r)
      if seen.insert(name.lowercased()).inserted { out.append(name) }
    }
    return out
  }
}
