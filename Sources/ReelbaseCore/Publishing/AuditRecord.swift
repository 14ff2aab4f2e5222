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
    var out = Self.version
    out.reserveCapacity(Self.version.count + 32 + 64 + (stateBefore?.utf8.count ?? 0) + (stateAfter?.utf8.count ?? 0))
    out += previous
    field(&out, bigEndian(UInt64(bitPattern: id)))
    field(&out, taskID)
    field(&out, actor.map { Array($0.utf8) })
    field(&out, action.map { Array($0.utf8) })
    field(&out, stateBefore.map { Array($0.utf8) })
    field(&out, stateAfter.map { Array($0.utf8) })
    field(&out, stateVersion.map { bigEndian(UInt64(UInt32(bitPattern: $0))).suffix(4) })
    field(&out, timestamp.map { bigEndian(UInt64(bitPattern: $0)) })
    return out
  }

  private func field<C: Collection<UInt8>>(_ out: inout [UInt8], _ bytes: C?) {
    guard let bytes else { out += [0xFF, 0xFF, 0xFF, 0xFF]; return }
    out += bigEndian(UInt64(bytes.count)).suffix(4)
    out += bytes
  }

  private func bigEndian(_ v: UInt64) -> [UInt8] {
    (0..<8).map { UInt8(truncatingIfNeeded: v >> (56 - 8 * UInt64($0))) }
  }
}
