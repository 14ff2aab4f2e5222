import CPostgres
import ReelbaseCore

/// `publishing.record_receipt(video_id, channel, external_id, status, details)`: idempotent on
/// (channel, external_id). INSERT ... ON CONFLICT DO NOTHING settles racing callers (the
/// second waits for the first's commit); a repeat then locks the stored receipt and moves it
/// only forward (ReceiptStatus, which the receipts_forward trigger applies to every writer).
enum Receipts {
  private static let uuid = RbOid(RB_UUIDOID), text = RbOid(RB_TEXTOID)
  private static let columns = PublishingRows.list(PublishingRows.receipts)
  private static let insert = PreparedStatement(
    """
    INSERT INTO publishing.publish_receipts (video_id, channel, external_id, status, details)
    VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (channel, external_id) DO NOTHING
    RETURNING \(columns)
    """, [uuid, text, text, text, RbOid(RB_JSONBOID)])
  private static let stored = PreparedStatement(
    "SELECT \(columns) FROM publishing.publish_receipts WHERE channel = $1 AND external_id = $2 FOR UPDATE",
    [text, text])
  private static let advance = PreparedStatement(
    """
    UPDATE publishing.publish_receipts SET status = $2, details = coalesce($3, details)
    WHERE id = $1 RETURNING \(columns)
    """, [uuid, text, RbOid(RB_JSONBOID)])

  static func record(_ call: FunctionCall) throws -> RbDatum? {
    let video: UUIDValue = try call.required(0, "video_id")
    let channel: String = try call.required(1, "channel")
    let external: String = try call.required(2, "external_id")
    let statusText: String = try call.optional(3) ?? "pending"
    let details: PGJSONB? = try call.optional(4)
    guard let status = ReceiptStatus(rawValue: statusText) else {
      throw PGError.invalidParameter("\"\(statusText)\" is not a receipt status",
                                     hint: "pending, submitted, published, failed or withdrawn.")
    }
    if channel.isEmpty || external.isEmpty { throw PGError.invalidParameter("channel and external_id must not be empty") }
    let sink = try TupleSink(call)
    try SPI.connect {
      let args = [try video.makeDatum(), try channel.makeDatum(), try external.makeDatum(), try status.rawValue.makeDatum(),
                  try details?.makeDatum()]
      if let row = try SPI.execute(insert, args, readOnly: false).rows.first {
        return try PublishingRows.append(row, PublishingRows.receipts, to: sink)
      }
      // ON CONFLICT waited for a racing inserter's commit, so a receipt not found here is one
      // of a video the caller cannot see.
      guard let row = try SPI.execute(stored, [args[1], args[2]], readOnly: false).rows.first else {
        throw PGError(sqlstate: "23505", message: "\(channel) receipt \(external) belongs to another video")
      }
      guard try row.value("video_id", as: UUIDValue.self) == video else {
        throw PGError(sqlstate: "23505", message: "\(channel) receipt \(external) belongs to another video")
      }
      let now = try row.value("status", as: String.self).flatMap(ReceiptStatus.init(rawValue:))
      guard let now, now.canMove(to: status) else {
        return try PublishingRows.append(row, PublishingRows.receipts, to: sink)
      }
      let moved = try SPI.execute(advance, [try row.datum("id"), args[3], args[4]], readOnly: false).row(0)
      try PublishingRows.append(moved, PublishingRows.receipts, to: sink)
    }
    return nil
  }

  static func advances(_ call: FunctionCall) throws -> RbDatum? {
    let from = ReceiptStatus(rawValue: try call.required(0, "from_status"))
    let to = ReceiptStatus(rawValue: try call.required(1, "to_status"))
    guard let from, let to else { return try false.makeDatum() }
    return try from.canMove(to: to).makeDatum()
  }
}

@_cdecl("rbx_publishing_record_receipt")
func rbx_publishing_record_receipt(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, Receipts.record)
}

@_cdecl("rbx_publishing_receipt_status_advances")
func rbx_publishing_receipt_status_advances(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, Receipts.advances)
}
