import CPostgres
import ReelbaseCore

/// The default partition is the template of every partition the engine makes: its own indexes
/// and unique constraints (those not cloned from an index of the parent) are made again on the
/// new partition.
///
/// Why not indexes on the parent: an extension's partitioned table is recreated by CREATE
/// EXTENSION when a dump is restored, while the partitions maintenance made are ordinary tables
/// that pg_dump dumps with their own indexes. Indexes of the parent would be cloned onto each
/// partition when the restore attaches it, and the dump's own CREATE INDEX and ADD PRIMARY KEY
/// would then fail ("multiple primary keys"). With the indexes on the default partition, the
/// dump's statements are the only ones. A unique key that holds the partition key (as every
/// unique key of a partitioned table must) is as unique per partition as across them.
enum PartitionTemplate {
  static let definitions = PreparedStatement(
    """
    SELECT pg_catalog.pg_get_constraintdef(con.oid) AS constraint_def,
           pg_catalog.pg_get_indexdef(i.indexrelid) AS index_def,
           pg_catalog.concat('CREATE ', CASE WHEN i.indisunique THEN 'UNIQUE ' END, 'INDEX ',
                             pg_catalog.quote_ident(ic.relname), ' ON ',
                             pg_catalog.quote_ident(n.nspname), '.', pg_catalog.quote_ident(t.relname),
                             ' ') AS index_prefix,
           i.indisunique AS is_unique
    FROM pg_catalog.pg_index i
    JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
    LEFT JOIN pg_catalog.pg_constraint con
      ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
    WHERE i.indrelid = pg_catalog.to_regclass($1)
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.indexrelid)
    ORDER BY i.indexrelid
    """, [RbOid(RB_TEXTOID)])

  /// Makes the template's own indexes and unique constraints on `child` (unnamed, so
  /// PostgreSQL names them after the child as it names cloned ones).
  static func copyIndexes(from template: String, to child: String) throws {
    let r = try SPI.execute(definitions, [try template.makeDatum()], readOnly: false)
    for row in r.rows {
      if let constraint: String = try row.value("constraint_def") {
        try SPI.run("ALTER TABLE \(child) ADD \(constraint)", readOnly: false)
        continue
      }
      guard let definition: String = try row.value("index_def"),
        let prefix: String = try row.value("index_prefix"), definition.hasPrefix(prefix)
      else {
        throw PGError(sqlstate: "XX000", message: "cannot read an index definition of \(template)")
      }
      let unique: Bool = try row.value("is_unique") ?? false
      let rest = definition.dropFirst(prefix.count)
      try SPI.run("CREATE \(unique ? "UNIQUE " : "")INDEX ON \(child) \(rest)", readOnly: false)
    }
  }
}
