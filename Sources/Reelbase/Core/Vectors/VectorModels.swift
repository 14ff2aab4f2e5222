import Foundation

/// A registered IVF vector index (`reelbase.vector_indexes`); administrators only.
public struct VectorIndex: ReelbaseTable, Hashable, Identifiable {
  public static let tableName = "reelbase.vector_indexes"
  public static let primaryKey = ["name"]
  public static let serverColumns: Set<String> = []
  public static let columnExpressions = [
    "table_name": "table_name::text", "vector_column": "vector_column::text",
    "key_column": "key_column::text", "list_table": "list_table::text",
    "list_key_column": "list_key_column::text", "list_column": "list_column::text",
  ]
  public var name = ""
  /// The table of the vectors, and its `real[]` column and key.
  public var tableName = ""
  public var vectorColumn = ""
  public var keyColumn = ""
  /// The side table holding each row's list, and its key and list columns.
  public var listTable = ""
  public var listKeyColumn = ""
  public var listColumn = ""
  public var dimension = 0
  /// The number of lists; nil until built (search then scans exactly).
  public var lists: Int?
  /// Bumped by every build, so backends drop centroids cached from an older one.
  public var version: Int64 = 0
  public var sampleRows: Int?
  public var builtAt: Date?
  public var buildSeconds: Double?
  public var id: String { name }
  public init() {}
}

/// One list's centroid of a built index (`reelbase.vector_index_centroids`). Derived from
/// every tenant's vectors, so only the owner and administrators may read it.
public struct VectorIndexCentroid: ReelbaseTable, Hashable {
  public static let tableName = "reelbase.vector_index_centroids"
  public static let primaryKey = ["index_name", "list_no"]
  public static let serverColumns: Set<String> = []
  public var indexName = ""
  public var listNo = 0
  public var centroid: [Float] = []
  public init() {}
}

/// What an index build did (`reelbase.build_vector_index` and the products' wrappers).
public struct VectorIndexBuild: ReelbaseRow, Hashable {
  public var listCount: Int
  /// Rows k-means trained on.
  public var sampledRows: Int
  /// Rows given a list.
  public var assignedRows: Int64
  public var seconds: Double
}
