extension SphericalKMeans {
  /// k-means++ seeding (Arthur and Vassilvitskii 2007) with 1 − cos as the distance.
  ///
  /// Costs `listCount` passes over the rows (one dot product per row and centroid), which is
  /// about a tenth of one Lloyd iteration's work for typical sizes, but reads every row from
  /// memory once per centroid, since each choice depends on the previous one.
  ///
  /// - Returns: `listCount` unit centroids (normalised copies of chosen rows), back to back.
  static func seedCentroids(
    _ rows: Rows, listCount: Int, generator: inout SeededGenerator,
    checkInterrupt: () throws -> Void
  ) rethrows -> [Float] {
    let m = rows.count
    let d = rows.dimension
    guard m > 0, listCount > 0 else { return [] }
    var centroids = [Float](repeating: 0, count: listCount &* d)
    // Distance of each row to its nearest centroid so far; chosen rows are pinned at 0.
    var distance = [Float](repeating: .infinity, count: m)
    var chosen = [Bool](repeating: false, count: m)
    var pick = generator.nextIndex(below: m)
    for c in 0..<listCount {
      try checkInterrupt()
      chosen[pick] = true
      let source = rows.pointer(pick)
      let scale = rows.inverseNorms[pick]
      let offset = c &* d
      for j in 0..<d { centroids[offset &+ j] = source[j] * scale }
      if c == listCount &- 1 { break }

      try centroids.withUnsafeBufferPointer { table in
        guard let centroid = table.baseAddress.map({ $0 + offset }) else { return }
        for i in 0..<m {
          if i % interruptInterval == 0 { try checkInterrupt() }
          let similarity = VectorMath.dot(rows.pointer(i), centroid, count: d) * rows.inverseNorms[i]
          let gap = Swift.max(0, 1 - similarity)
          if gap < distance[i] { distance[i] = gap }
        }
      }
      distance[pick] = 0

      var total = 0.0
      for gap in distance { total += Double(gap) }
      pick = -1
      if total > 0 {
        let target = generator.nextUnitDouble() * total
        var running = 0.0
        var lastPositive = -1
        for i in 0..<m where distance[i] > 0 && !chosen[i] {
          running += Double(distance[i])
          lastPositive = i
          if running > target {
            pick = i
            break
          }
        }
        if pick < 0 { pick = lastPositive }  // rounding left the target just past the end
      }
      if pick < 0 {
        // Every row coincides with a chosen centroid: duplicate the first row not chosen yet.
        // One exists, since listCount ≤ m.
        pick = chosen.firstIndex(of: false) ?? 0
      }
    }
    return centroids
  }
}
