import PostgresNIO

/// What building an IVF vector index did (`reelbase.build_vector_index`,
/// `learning.build_chunk_index`).
public struct VectorIndexBuild: Sendable, Hashable {
  /// The number of lists (centroids) built.
  public var listCount: Int
  /// The rows k-means was trained on.
  public var sampledRows: Int
  /// The rows filed in their list.
  public var assignedRows: Int64
  /// Wall-clock seconds the build took.
  public var seconds: Double

  init(row: PostgresRow) throws {
    let r = RowReader(row, "reelbase.build_vector_index")
    listCount = try r("list_count")
    sampledRows = try r("sampled_rows")
    assignedRows = try r("assigned_rows")
    seconds = try r("seconds")
  }
}
