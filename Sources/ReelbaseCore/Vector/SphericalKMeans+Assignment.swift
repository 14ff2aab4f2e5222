extension SphericalKMeans {
  /// The list whose centroid is most similar to `v` (highest dot product; ties to the lower
  /// list number).
  ///
  /// `v` need not be normalised: scaling it by a positive factor does not change the answer.
  /// Validate it first (`VectorValidation.check`): a NaN in `v` makes every comparison false
  /// and the answer 0.
  ///
  /// - Parameters:
  ///   - v: the vector; only its first `dimension` elements are read (if it is shorter, the
  ///     centroids' missing tail is ignored).
  ///   - centroids: `centroids.count / dimension` unit centroids back to back, as `train`
  ///     returns them.
  ///   - dimension: the number of floats per centroid.
  /// - Returns: a list number in 0..<(centroids.count / dimension), or -1 when there is no
  ///   complete centroid (or `dimension` < 1).
  public static func nearest(
    _ v: UnsafeBufferPointer<Float>, centroids: UnsafeBufferPointer<Float>, dimension: Int
  ) -> Int {
    var best = -1
    var bestDot = -Float.infinity
    forEachSimilarity(v, centroids: centroids, dimension: dimension) { list, dot in
      if best < 0 || dot > bestDot {
        best = list
        bestDot = dot
      }
    }
    return best
  }

  /// Every list number, from the most similar centroid to the least (dot product descending,
  /// ties by lower list number, a NaN dot ranked as −infinity), for probing several lists.
  ///
  /// - Parameters: as for `nearest`.
  /// - Returns: a permutation of 0..<(centroids.count / dimension); empty when there is no
  ///   complete centroid.
  public static func ranked(
    _ v: UnsafeBufferPointer<Float>, centroids: UnsafeBufferPointer<Float>, dimension: Int
  ) -> [Int] {
    var dots: [Float] = []
    forEachSimilarity(v, centroids: centroids, dimension: dimension) { _, dot in
      dots.append(dot.isNaN ? -.infinity : dot)
    }
    return dots.indices.sorted { a, b in dots[a] > dots[b] || (dots[a] == dots[b] && a < b) }
  }

  /// `nearest` for many rows at once: four rows share every centroid load, which makes this
  /// about 1.3 times as fast as calling `nearest` per row (100,000 rows of 1,536 dimensions
  /// against 316 centroids: 2.2 s against 2.8 s).
  ///
  /// - Parameters:
  ///   - vectors: rows of `dimension` floats back to back (a trailing partial row is ignored).
  ///   - centroids: unit centroids of `dimension` floats back to back.
  ///   - dimension: the number of floats per row and per centroid.
  ///   - checkInterrupt: called every 4,096 rows; throw from it to stop.
  /// - Returns: one list number per row, as `nearest` would choose it up to rounding in the
  ///   last bits (so a row almost equidistant from two centroids may land in either); empty
  ///   when there is no complete centroid or row.
  /// - Throws: only what `checkInterrupt` throws.
  public static func assign(
    _ vectors: UnsafeBufferPointer<Float>, centroids: UnsafeBufferPointer<Float>, dimension: Int,
    checkInterrupt: () throws -> Void
  ) rethrows -> [Int] {
    guard dimension > 0, let rowBase = vectors.baseAddress, let table = centroids.baseAddress
    else { return [] }
    let rowCount = vectors.count / dimension
    let listCount = centroids.count / dimension
    guard rowCount > 0, listCount > 0 else { return [] }
    var lists = [Int](repeating: 0, count: rowCount)
    try assignBlocks(
      rowCount: rowCount, row: { rowBase + $0 &* dimension }, centroids: table,
      listCount: listCount, dimension: dimension, checkInterrupt: checkInterrupt
    ) { i, list, _ in lists[i] = list }
    return lists
  }

  /// `assign` without an interrupt callback (a defaulted closure argument would make every
  /// call need `try`, since Swift treats the default as a throwing closure).
  public static func assign(
    _ vectors: UnsafeBufferPointer<Float>, centroids: UnsafeBufferPointer<Float>, dimension: Int
  ) -> [Int] {
    assign(vectors, centroids: centroids, dimension: dimension, checkInterrupt: {})
  }

  /// Calls `body` with every complete centroid's list number and dot product with `v`, in
  /// list order, computing four at a time.
  static func forEachSimilarity(
    _ v: UnsafeBufferPointer<Float>, centroids: UnsafeBufferPointer<Float>, dimension: Int,
    _ body: (Int, Float) -> Void
  ) {
    guard dimension > 0, let table = centroids.baseAddress else { return }
    let listCount = centroids.count / dimension
    let n = Swift.min(v.count, dimension)
    guard let row = v.baseAddress, n > 0 else {
      for list in 0..<listCount { body(list, 0) }
      return
    }
    let last = listCount &- 1
    var list = 0
    while list < listCount {
      let s = VectorMath.dot1x4(
        row, table + list &* dimension, table + Swift.min(list &+ 1, last) &* dimension,
        table + Swift.min(list &+ 2, last) &* dimension,
        table + Swift.min(list &+ 3, last) &* dimension, count: n)
      for lane in 0..<Swift.min(4, listCount &- list) { body(list &+ lane, s[lane]) }
      list &+= 4
    }
  }

  /// Assigns rows to their most similar centroid in blocks of four rows against two
  /// centroids, calling `result(row, list, dot)` once per row in row order.
  ///
  /// The caller guarantees that `row(i)` for 0 ≤ i < rowCount and the `listCount` centroids
  /// at `centroids` each have `dimension` readable floats.
  static func assignBlocks(
    rowCount: Int, row: (Int) -> UnsafePointer<Float>, centroids: UnsafePointer<Float>,
    listCount: Int, dimension: Int, checkInterrupt: () throws -> Void,
    result: (Int, Int, Float) -> Void
  ) rethrows {
    guard rowCount > 0, listCount > 0, dimension > 0 else { return }
    let lastRow = rowCount &- 1
    let lastList = listCount &- 1
    var i = 0
    while i < rowCount {
      if i % interruptInterval == 0 { try checkInterrupt() }
      let r0 = row(i)
      let r1 = row(Swift.min(i &+ 1, lastRow))
      let r2 = row(Swift.min(i &+ 2, lastRow))
      let r3 = row(Swift.min(i &+ 3, lastRow))
      var bestDot = SIMD4<Float>(repeating: -.infinity)
      var best = SIMD4<Int32>(repeating: 0)
      var list = 0
      while list < listCount {
        let next = Swift.min(list &+ 1, lastList)
        let (s, t) = VectorMath.dot4x2(
          r0, r1, r2, r3, centroids + list &* dimension, centroids + next &* dimension,
          count: dimension)
        // Strictly greater, in list order: ties stay with the lower list number.
        let first = s .> bestDot
        bestDot.replace(with: s, where: first)
        best.replace(with: Int32(truncatingIfNeeded: list), where: first)
        let second = t .> bestDot
        bestDot.replace(with: t, where: second)
        best.replace(with: Int32(truncatingIfNeeded: next), where: second)
        list &+= 2
      }
      for lane in 0..<Swift.min(4, rowCount &- i) {
        result(i &+ lane, Int(best[lane]), bestDot[lane])
      }
      i &+= 4
    }
  }
}
