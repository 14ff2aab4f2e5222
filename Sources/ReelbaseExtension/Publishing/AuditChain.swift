import CPostgres
import ReelbaseCore

/// The hash of a task_audit row (`publishing.audit_row_hash`, called by the chain trigger)
/// and the walk that checks every chain (`publishing.verify_audit`). Both build the message
/// with ReelbaseCore's AuditRecord, so the writer and the checker cannot disagree on it.
enum AuditChain {
  static func rowHash(_ call: FunctionCall) throws -> RbDatum? {
    guard let id: Int64 = try call.optional(0), let task: UUIDValue = try call.optional(1) else {
      throw PGError.nullArgument("id and task_id")
    }
    let before: PGJSONB? = try call.optional(4)
    let after: PGJSONB? = try call.optional(5)
    let record = AuditRecord(id: id, taskID: task.bytes, actor: try call.optional(2), action: try call.optional(3),
                             stateBefore: before?.text, stateAfter: after?.text, stateVersion: try call.optional(6),
                             timestamp: (try call.optional(7, as: PGTimestampTZ.self))?.microseconds)
    let previous: PGBytea? = try call.optional(8)
    return try PGBytea(bytes: record.hash(previous: previous?.bytes ?? AuditRecord.genesis)).makeDatum()
  }

  // jsonb as text in the query: the same jsonb_out the hash function's argument went through.
  private static let walk = """
    SELECT id, task_id, actor, action, state_before::text AS state_before, state_after::text AS state_after,
           state_version, "timestamp", prev_hash, row_hash
    FROM publishing.task_audit
    """

  struct Break {
    var id: Int64
    var task: UUIDValue
    var problem: String
  }

  static func verify(_ call: FunctionCall) throws -> RbDatum? {
    let only: UUIDValue? = try call.optional(0)
    let sink = try TupleSink(call)
    var chains: Int64 = 0, rows: Int64 = 0
    var broken: Break? = nil
    try SPI.connect {
      // The uuid is printed from its parsed value, so it cannot carry SQL.
      let sql = walk + (only.map { " WHERE task_id = '\($0)'::uuid" } ?? "") + " ORDER BY task_id, id"
      var task: UUIDValue? = nil
      var expected = AuditRecord.genesis
      try SPI.forEachBatch(sql, batchSize: 10_000, readOnly: true) { batch in
        guard broken == nil else { return }
        let c = try Columns(batch)
        for row in batch.rows {
          guard let id: Int64 = try row.value(c.id), let t: UUIDValue = try row.value(c.task) else { continue }
          if t != task { task = t; expected = AuditRecord.genesis; chains += 1 }
          rows += 1
          let prev = try row.value(c.prev, as: PGBytea.self)?.bytes ?? []
          let stored = try row.value(c.hash, as: PGBytea.self)?.bytes ?? []
          let record = AuditRecord(id: id, taskID: t.bytes, actor: try row.value(c.actor), action: try row.value(c.action),
                                   stateBefore: try row.value(c.before), stateAfter: try row.value(c.after),
                                   stateVersion: try row.value(c.version),
                                   timestamp: try row.value(c.timestamp, as: PGTimestampTZ.self)?.microseconds)
          if prev != expected {
            broken = Break(id: id, task: t, problem: expected == AuditRecord.genesis
              ? "the chain's first row does not follow the genesis hash (its predecessor was removed?)"
              : "prev_hash is not the previous row's row_hash (a row before it was removed, changed or reordered)")
            return
          }
          if record.hash(previous: prev) != stored {
            broken = Break(id: id, task: t, problem: "row_hash does not match the row (the row was changed)")
            return
          }
          expected = stored
        }
      }
    }
    try sink.append([try (broken == nil).makeDatum(), try chains.makeDatum(), try rows.makeDatum(),
                     try broken?.id.makeDatum(), try broken?.task.makeDatum(), try broken?.problem.makeDatum()])
    return nil
  }

  private struct Columns {
    let id, task, actor, action, before, after, version, timestamp, prev, hash: SPIColumn
    init(_ r: SPIResult) throws {
      (id, task, actor, action) = (try r.column("id"), try r.column("task_id"), try r.column("actor"), try r.column("action"))
      (before, after, version) = (try r.column("state_before"), try r.column("state_after"), try r.column("state_version"))
      (timestamp, prev, hash) = (try r.column("timestamp"), try r.column("prev_hash"), try r.column("row_hash"))
    }
  }
}

@_cdecl("rbx_publishing_audit_row_hash")
func rbx_publishing_audit_row_hash(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, AuditChain.rowHash)
}

@_cdecl("rbx_publishing_verify_audit")
func rbx_publishing_verify_audit(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, AuditChain.verify)
}
