import CPostgres
import ReelbaseCore

/// `publishing.attach_asset` and `publishing.tag_video`. The formats are the table's CHECK
/// constraints (they hold for plain INSERTs too); what these add is the answer to a repeat.
enum AssetsAndTags {
  private static let uuid = RbOid(RB_UUIDOID), text = RbOid(RB_TEXTOID)
  private static let insertAsset = PreparedStatement(
    """
    INSERT INTO publishing.assets (video_id, type, url, checksum) VALUES ($1, $2, $3, $4)
    ON CONFLICT (video_id, checksum) DO NOTHING
    RETURNING \(PublishingRows.list(PublishingRows.assets))
    """, [uuid, text, text, text])
  private static let sameChecksum = PreparedStatement(
    "SELECT id FROM publishing.assets WHERE video_id = $1 AND checksum = $2", [uuid, text])

  static func attach(_ call: FunctionCall) throws -> RbDatum? {
    let video: UUIDValue = try call.required(0, "video_id")
    let args = [try video.makeDatum(), try call.required(1, "type", as: String.self).makeDatum(),
                try call.required(2, "url", as: String.self).makeDatum(),
                try call.required(3, "checksum", as: String.self).makeDatum()]
    let sink = try TupleSink(call)
    try SPI.connect {
      if let row = try SPI.execute(insertAsset, args, readOnly: false).rows.first {
        return try PublishingRows.append(row, PublishingRows.assets, to: sink)
      }
      let other: UUIDValue? = try SPI.execute(sameChecksum, [args[0], args[3]], readOnly: false).rows.first?.value("id")
      throw PGError(sqlstate: "23505", message: "video \(video) already has an asset with this checksum",
                    detail: other.map { "asset \($0)" })
    }
    return nil
  }

  private static let insertTags = PreparedStatement(
    "INSERT INTO publishing.tags (name) SELECT unnest($1::text[]) ON CONFLICT ((pg_catalog.lower(name))) DO NOTHING",
    [RbOid(RB_TEXTARRAYOID)])
  private static let link = PreparedStatement(
    """
    INSERT INTO publishing.video_tags (video_id, tag_id)
    SELECT $1, t.id FROM publishing.tags t
    WHERE pg_catalog.lower(t.name) = ANY (SELECT pg_catalog.lower(n) FROM unnest($2::text[]) n)
    ON CONFLICT DO NOTHING
    """, [uuid, RbOid(RB_TEXTARRAYOID)])
  private static let tagsOf = PreparedStatement(
    """
    SELECT t.id, t.name FROM publishing.video_tags vt JOIN publishing.tags t ON t.id = vt.tag_id
    WHERE vt.video_id = $1 ORDER BY pg_catalog.lower(t.name)
    """, [uuid])

  static func tag(_ call: FunctionCall) throws -> RbDatum? {
    let video: UUIDValue = try call.required(0, "video_id")
    let raw = try call.required(1, "tags", as: PGArray<String>.self).nonNull("tags")
    let names: [String]
    do {
      names = try TagName.normalizeAll(raw)
    } catch .empty {
      throw PGError.invalidParameter("a tag name is empty (after trimming)")
    } catch .tooLong(let name) {
      throw PGError.invalidParameter("tag \"\(name)\" is longer than \(TagName.maxLength) characters")
    }
    let sink = try TupleSink(call)
    try SPI.connect {
      let array = try PGArray(names).makeDatum()
      if !names.isEmpty {
        try SPI.execute(insertTags, [array], readOnly: false)
        try SPI.execute(link, [try video.makeDatum(), array], readOnly: false)
      }
      for row in try SPI.execute(tagsOf, [try video.makeDatum()], readOnly: false).rows {
        try PublishingRows.append(row, PublishingRows.tags, to: sink)
      }
    }
    return nil
  }
}

@_cdecl("rbx_publishing_attach_asset")
func rbx_publishing_attach_asset(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, AssetsAndTags.attach)
}

@_cdecl("rbx_publishing_tag_video")
func rbx_publishing_tag_video(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, AssetsAndTags.tag)
}
