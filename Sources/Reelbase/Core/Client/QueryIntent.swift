/// What a statement does, which decides where a ``ReelbaseClient`` runs it. Inside a
/// transaction every statement runs on the transaction's connection and the intent is ignored.
public enum QueryIntent: Sendable, Hashable {
  /// The statement changes data: it runs on the primary.
  case write
  /// The statement only reads: it runs where the preference says.
  case read(ReadPreference)
}
