/// No pooled connection became available in time (``ReelbaseConfiguration/replicaConnectTimeout``
/// or ``ReelbaseConfiguration/primaryConnectTimeout``).
struct LeaseTimeout: Error, CustomStringConvertible {
  var description: String { "no connection to the server became available in time" }
}
