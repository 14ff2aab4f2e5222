import CPostgres
import ReelbaseCore

/// `reelbase.manage_partitions(parent, premake, retention, retention_mode, archive_schema)`:
/// registers a set and gives it a default partition, so no insert ever fails for want of a
/// partition.
enum ManagePartitions {
  static let register = PreparedStatement(
    """
    INSERT INTO reelbase.partition_sets (parent, premake, retention, retention_mode, archive_schema,
                                         registered_by_extension)
    VALUES ($1::regclass, $2, $3, $4, $5, $6)
    ON CONFLICT (parent) DO UPDATE SET premake = EXCLUDED.premake, retention = EXCLUDED.retention,
      retention_mode = EXCLUDED.retention_mode, archive_schema = EXCLUDED.archive_schema
    """,
    [RbOid(RB_TEXTOID), RbOid(RB_INT4OID), RbOid(RB_INTERVALOID), RbOid(RB_TEXTOID), RbOid(RB_TEXTOID),
     RbOid(RB_BOOLOID)])

  static func call(_ call: FunctionCall) throws -> RbDatum? {
    if call.isNull(0) { throw PGError.nullArgument("parent") }
    let premake: Int32 = try call.optional(1) ?? 4
    guard (0...120).contains(premake) else {
      throw PGError.invalidParameter("premake must be between 0 and 120 months, got \(premake)")
    }
    if let retention: PGInterval = try call.optional(2) {
      // Compared as interval's own ordering does (a month counts 30 days).
      let span = (Double(retention.months) * 30 + Double(retention.days)) * 86_400e6 + Double(retention.microseconds)
      guard span > 0 else {
        throw PGError.invalidParameter("retention must be a positive interval, got \(try typeOutput(PGInterval.typeOID, call.datum(2)))",
                                       hint: "Leave it NULL to keep every partition.")
      }
    }
    let mode: String = try call.optional(3) ?? "detach"
    guard ["detach", "drop", "archive"].contains(mode) else {
      throw PGError.invalidParameter("retention_mode must be detach, drop or archive, got \"\(mode)\"")
    }
    let archive: String? = try call.optional(4)
    if (mode == "archive") != (archive != nil) {
      throw PGError.invalidParameter(
        mode == "archive" ? "retention_mode archive needs archive_schema" : "archive_schema is only used with retention_mode archive")
    }
    try SPI.connect {
      // Printed under the pinned path, so schema-qualified.
      let table = try PartitionedTable.load(try typeOutput(RbOid(2205), call.datum(0)))
      if table.defaultPartition == nil {
        let name = table.name + "_default"
        guard name.utf8.count <= PartitionPlanner.maxIdentifierBytes else {
          throw PGError(sqlstate: "42622", message: "partition name \"\(table.name)_default\" would be too long")
        }
        try SPI.run("CREATE TABLE \(SQLText.qualified(table.schema, name)) PARTITION OF \(table.parent) DEFAULT",
                    readOnly: false)
      }
      try SPI.execute(register, [try table.parent.makeDatum(), premake.makeDatum(),
                                 call.isNull(2) ? nil : call.datum(2), try mode.makeDatum(),
                                 try archive?.makeDatum(),
                                 // Registered by the install script: CREATE EXTENSION recreates it,
                                 // so pg_dump must not (see the config dump filter).
                                 rb_creating_extension().makeDatum()], readOnly: false)
    }
    return nil
  }
}

@_cdecl("rbx_reelbase_manage_partitions")
func rbx_reelbase_manage_partitions(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, ManagePartitions.call)
}
