/// Quoting for SQL text that reelbase assembles from catalog names (never from user values,
/// which always travel as parameters of saved plans).
public enum SQLText {
  /// A double-quoted identifier: always quoted, embedded quotes doubled, so any name is safe.
  public static func identifier(_ name: String) -> String {
    "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }

  /// `schema.name`, each part quoted.
  public static func qualified(_ schema: String, _ name: String) -> String {
    identifier(schema) + "." + identifier(name)
  }

  /// A single-quoted literal with embedded quotes doubled (standard_conforming_strings).
  public static func literal(_ value: String) -> String {
    "'" + value.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
  }
}
