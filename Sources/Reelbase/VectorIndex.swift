import Foundation
import PostgresNIO

/// An IVF vector index registered with the vector engine (`reelbase.vector_indexes`).
public struct VectorIndex: Sendable, Hashable, Identifiable {
  /// The index name, e.g. `learning.video_chunks`.
  public var name: String
  /// The indexed table.
  public var tableName: String
  /// The `real[]` column indexed.
  public var vectorColumn: String
  /// The integer column holding each row's list.
  public var listColumn: String
  /// The embedding dimension.
  public var dimension: Int
  /// The number of lists; nil until built (search then scans exactly).
  public var lists: Int?
  /// Bumped by every build.
  public var version: Int64
  /// The rows the last build trained on.
  public var sampleRows: Int?
  /// When the last build finished.
  public var builtAt: Date?
  /// How long the last build took, in seconds.
  public var buildSeconds: Double?

  /// The index name.
  public var id: String { name }

  static let columns = """
    name, table_name::text AS table_name, vector_column::text AS vector_column,
    list_column::text AS list_column, dimension, lists, version, sample_rows, built_at, build_seconds
    """

  init(row: PostgresRow) throws {
    let r = RowReader(row, "reelbase.vector_indexes")
    name = try r("name")
    tableName = try r("table_name")
    vectorColumn = try r("vector_column")
    listColumn = try r("list_column")
    dimension = try r("dimension")
    lists = try r.optional("lists")
    version = try r("version")
    sampleRows = try r.optional("sample_rows")
    builtAt = try r.optional("built_at")
    buildSeconds = try r.optional("build_seconds")
  }
}
