import CPostgres
import ReelbaseCore

/// The per-row scoring functions. They run once per scanned row inside the executor, so they
/// read the stored embedding in place (no copy when stored inline, see STORAGE MAIN) and return
/// NULL, not an error, for rows that cannot be scored (NULL elements, non-finite values, zero
/// vectors, a different length, more than one dimension): one bad row must not fail a whole search.
enum VectorKernels {
  /// `reelbase.unit_cosine(embedding, unit_query)`.
  static func unitCosine(_ call: FunctionCall) throws -> RbDatum? {
    try Float4ArrayView.read(call.datum(0)) { row in
      try Float4ArrayView.read(call.datum(1)) { query in
        guard !row.hasNulls, !query.hasNulls, row.dimensions <= 1, query.dimensions <= 1,
          row.buffer.count == query.buffer.count,
          let base = row.buffer.baseAddress
        else { return nil }
        rb_prefetch(base, row.buffer.count * MemoryLayout<Float>.stride)
        let (dot, squaredNorm) = VectorMath.dotAndSquaredNorm(query.buffer, row.buffer)
        return score(dot: dot, squaredNorms: squaredNorm)
      }
    }
  }

  /// `reelbase.cosine_similarity(a, b)`: the general function, so exact for every finite
  /// vector (in Double) and strict about shape.
  /// - Throws: 22023 for an array of more than one dimension.
  static func cosine(_ call: FunctionCall) throws -> RbDatum? {
    try Float4ArrayView.read(call.datum(0)) { a in
      try Float4ArrayView.read(call.datum(1)) { b in
        for (name, v) in [("a", a), ("b", b)] where v.dimensions > 1 {
          throw PGError.invalidParameter(
            "\(name) has \(v.dimensions) dimensions; cosine_similarity takes one-dimensional real[]")
        }
        guard !a.hasNulls, !b.hasNulls, let similarity = VectorMath.exactCosine(a.buffer, b.buffer)
        else { return nil }
        return Float(similarity).makeDatum()
      }
    }
  }

  private static func score(dot: Float, squaredNorms: Float) -> RbDatum? {
    guard squaredNorms > 0, squaredNorms.isFinite, dot.isFinite else { return nil }
    let similarity = dot / squaredNorms.squareRoot()
    guard similarity.isFinite else { return nil }
    // Rounding can overshoot by an ulp; keep the documented range.
    return min(1, max(-1, similarity)).makeDatum()
  }
}

@_cdecl("rbx_reelbase_unit_cosine")
func rbx_reelbase_unit_cosine(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, VectorKernels.unitCosine)
}

@_cdecl("rbx_reelbase_cosine_similarity")
func rbx_reelbase_cosine_similarity(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, VectorKernels.cosine)
}
