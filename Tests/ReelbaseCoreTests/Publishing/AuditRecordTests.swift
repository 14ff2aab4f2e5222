import Testing
@testable import ReelbaseCore

@Suite struct AuditRecordTests {
  let record = AuditRecord(id: 7, taskID: [UInt8](repeating: 0xAB, count: 16), actor: "worker-1",
                           action: "video.update", stateBefore: #"{"title": "a"}"#,
                           stateAfter: #"{"title": "b"}"#, stateVersion: 3, timestamp: 1_000_000)

  @Test func layout() {
    let m = record.message(previous: AuditRecord.genesis)
    #expect(Array(m.prefix(AuditRecord.version.count)) == AuditRecord.version)
    var rest = Array(m.dropFirst(AuditRecord.version.count + 32))
    // id: length 8, then 7 big-endian
    #expect(Array(rest.prefix(12)) == [0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 7])
    rest.removeFirst(12)
    #expect(Array(rest.prefix(4)) == [0, 0, 0, 16])
    #expect(Array(m.suffix(12)) == [0, 0, 0, 8, 0, 0, 0, 0, 0, 0x0F, 0x42, 0x40])
  }

  @Test func nullIsNotEmpty() {
    var a = record, b = record
    a.actor = nil
    b.actor = ""
    #expect(a.hash(previous: AuditRecord.genesis) != b.hash(previous: AuditRecord.genesis))
  }

  @Test func everyFieldAndThePredecessorCount() {
    let base = record.hash(previous: AuditRecord.genesis)
    #expect(base.count == 32)
    var changes: [AuditRecord] = []
    for edit in 0..<8 {
      var r = record
      switch edit {
      case 0: r.id = 8
      case 1: r.taskID[15] = 0
      case 2: r.actor = "worker-2"
      case 3: r.action = "video.insert"
      case 4: r.stateBefore = #"{"title": "c"}"#
      case 5: r.stateAfter = nil
      case 6: r.stateVersion = 4
      default: r.timestamp = 1_000_001
      }
      changes.append(r)
    }
    for r in changes { #expect(r.hash(previous: AuditRecord.genesis) != base) }
    var other = AuditRecord.genesis
    other[31] = 1
    #expect(record.hash(previous: other) != base)
    // Moving bytes between adjacent fields changes the hash: lengths are part of the message.
    var shifted = record
    shifted.actor = "worker-1video"
    shifted.action = ".update"
    #expect(shifted.hash(previous: AuditRecord.genesis) != base)
  }
}
