/// Where a read may run.
///
/// Reads default to ``replica``. Pass ``primary`` to read your own writes: a replica applies
/// the primary's changes shortly after they commit, not at once.
public enum ReadPreference: Sendable, Hashable {
  /// A healthy replica, chosen by ``ReelbaseConfiguration/replicaSelection``; the primary
  /// when no replica is configured or none is reachable.
  case replica
  /// The primary, which has every committed write.
  case primary
}
