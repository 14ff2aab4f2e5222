/// One row of `publishing.task_audit` as its hash chain sees it, and the SHA-256 that links it
/// to its predecessor. The message is a fixed binary layout, not the row's text, so the hash
/// cannot depend on a client's DateStyle, TimeZone or extra_float_digits: a version tag, the
/// predecessor's hash, then each field as a 4-byte big-endian length (0xFFFFFFFF for NULL)
/// and its bytes. Integers are big-endian, the uuid its 16 bytes, the timestamp PostgreSQL's
/// microseconds since 2000-01-01 UTC, jsonb its canonical text (keys sorted, one spacing).
public struct AuditRecord: Equatable, Sendable {
  public static let version = Array("reelbase.publishing.task_audit.v1".utf8)
  /// The predecessor of a chain's first row.
  public static let genesis = [UInt8](repeating: 0, count: 32)

  public var id: Int64
  public var taskID: [UInt8]
  public var actor: String?
  public var action: String?
  public var stateBefore: String?
  public var stateAfter: String?
  public var stateVersion: Int32?
  public var timestamp: Int64?

  public init(id: Int64, taskID: [UInt8], actor: String?, action: String?, stateBefore: String?,
              stateAfter: String?, stateVersion: Int32?, timestamp: Int64?) {
    self.id = id
    self.taskID = taskID
    self.actor = actor
    self.action = action
    self.stateBefore = stateBefore
    self.stateAfter = stateAfter
    self.stateVersion = stateVersion
    self.timestamp = timestamp
  }

  /// The row's hash given its predecessor's (`genesis` for the first row of a chain).
  public func hash(previous: [UInt8]) -> [UInt8] { SHA256.hash(message(previous: previous)) }

  public func message(previous: [UInt8]) -> [UInt8] {
    var out = [UInt8]()
    out.reserveCapacity(Self.version.count + previous.count + 8 * 4 + 8 + 16 + 4 + 8
                        + (actor?.utf8.count ?? 0) + (action?.utf8.count ?? 0)
                        + (stateBefore?.utf8.count ?? 0) + (stateAfter?.utf8.count ?? 0))
    out += Self.version
    out += previous
    integer(&out, UInt64(bitPattern: id), bytes: 8)
    length(&out, taskID.count)
    out += taskID
    text(&out, actor)
    text(&out, action)
    text(&out, stateBefore)
    text(&out, stateAfter)
    if let stateVersion { integer(&out, UInt64(UInt32(bitPattern: stateVersion)), bytes: 4) } else { null(&out) }
    if let timestamp { integer(&out, UInt64(bitPattern: timestamp), bytes: 8) } else { null(&out) }
    return out
  }

  private func null(_ out: inout [UInt8]) { out += [0xFF, 0xFF, 0xFF, 0xFF] }

  private func length(_ out: inout [UInt8], _ n: Int) { append(&out, UInt64(truncatingIfNeeded: n), bytes: 4) }

  /// A fixed-width integer field: its length, then its big-endian bytes.
  private func integer(_ out: inout [UInt8], _ v: UInt64, bytes: Int) {
    length(&out, bytes)
    append(&out, v, bytes: bytes)
  }

  private func text(_ out: inout [UInt8], _ s: String?) {
    guard let s else { return null(&out) }
    length(&out, s.utf8.count)
    out.append(contentsOf: s.utf8)
  }

  private func append(_ out: inout [UInt8], _ v: UInt64, bytes: Int) {
    for i in stride(from: bytes - 1, through: 0, by: -1) { out.append(UInt8(truncatingIfNeeded: v >> UInt64(8 * i))) }
  }
}
