/// The isolation level of a transaction started by ``ReelbaseClient/withTransaction(on:level:_:)``
/// or ``ReelbaseClient/withIdentity(_:on:level:_:)``.
public enum IsolationLevel: String, Sendable, Hashable {
  /// PostgreSQL's default: each statement sees what was committed before it began.
  case readCommitted = "READ COMMITTED"
  /// Every statement sees the snapshot taken at the transaction's first statement.
  case repeatableRead = "REPEATABLE READ"
  /// As if transactions ran one at a time; conflicting ones fail with
  /// ``ReelbaseError/Code/conflict`` (SQLSTATE 40001) and can be retried.
  case serializable = "SERIALIZABLE"
}
