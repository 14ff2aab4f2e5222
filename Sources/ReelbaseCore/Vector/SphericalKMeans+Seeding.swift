extension SphericalKMeans {
  /// How many candidates greedy k-means++ weighs for each centroid: four share one pass over
  /// the rows (two `VectorMath.dot4x2` blocks per four rows).
  static let seedingCandidates = 4

  /// Seeding looks at no more than max(this, 4 × lists) rows, drawn uniformly at random.
  /// Each seeding step depends on the previous one, so it cannot be blocked like a Lloyd
  /// iteration and is bound by memory bandwidth: on all 20,000 rows of 1,536 dimensions every
  /// step would stream 123 MB, 316 times. 2,048 such rows are 12.5 MB, which can stay in the
  /// last-level cache; the seeds only start Lloyd's iterations, which use every row.
  static let seedingSampleMinimum = 2048

  /// Greedy k-means++ seeding with 1 − cos as the distance (Arthur and Vassilvitskii 2007; the
  /// greedy variant is scikit-learn's default), on a uniform sample of the rows.
  ///
  /// The first centroid is a uniformly chosen sample row. For each next one, four candidate
  /// rows are drawn with probability proportional to their distance to the nearest centroid
  /// so far, and the candidate that most lowers the total of those distances is kept. Plain
  /// k-means++ (one candidate) now and then puts two seeds in one tight cluster and none in
  /// another, which Lloyd iterations cannot undo; with four candidates that takes four bad
  /// draws in a row. For unit vectors 1 − cos is half the squared Euclidean distance, so this
  /// is the usual D² weighting.
  ///
  /// - Returns: `listCount` unit centroids (normalised copies of chosen rows), back to back.
  static func seedCentroids(
    _ rows: Rows, listCount: Int, generator: inout SeededGenerator,
    checkInterrupt: () throws -> Void
  ) rethrows -> [Float] {
    guard rows.count > 0, listCount > 0 else { return [] }
    let (scaled, overflow) = listCount.multipliedReportingOverflow(by: 4)
    let limit = overflow ? Int.max : Swift.max(seedingSampleMinimum, scaled)
    let sample = sampleIndices(rows.count, limit: limit, generator: &generator)
    let s = sample.count  // ≥ listCount, since listCount ≤ rows.count
    let d = rows.dimension
    var centroids = [Float](repeating: 0, count: listCount &* d)
    // Each sample row's distance to its nearest centroid so far (chosen rows: 0).
    var distance = [Float](repeating: .infinity, count: s)
    // The distances each candidate would leave.
    var trial = [[Float]](repeating: [Float](repeating: 0, count: s), count: seedingCandidates)
    var chosen = [Bool](repeating: false, count: s)
    var cumulative = [Double](repeating: 0, count: s)

    for c in 0..<listCount {
      try checkInterrupt()
      var candidates: [Int] = []
      if c == 0 {
        candidates = [generator.nextIndex(below: s)]
      } else {
        var total = 0.0
        for i in 0..<s {
          total += Double(distance[i])
          cumulative[i] = total
        }
        if total > 0 {
          for _ in 0..<seedingCandidates {
            let target = generator.nextUnitDouble() * total
            candidates.append(firstIndex(in: cumulative, above: target, distance: distance))
          }
        } else {
          // Every sample row coincides with a chosen centroid: duplicate the first one not
          // chosen yet (one exists, since s ≥ listCount).
          candidates = [chosen.firstIndex(of: false) ?? 0]
        }
      }
      // The candidates are rows as stored; their inverse norms scale the dots below.
      let candidateRows = (0..<seedingCandidates).map { l in
        sample[candidates[Swift.min(l, candidates.count &- 1)]]
      }
      let pointers = candidateRows.map { rows.pointer($0) }
      var candidateScale = SIMD4<Float>()
      for l in 0..<seedingCandidates { candidateScale[l] = rows.inverseNorms[candidateRows[l]] }
      var potential = [Double](repeating: 0, count: seedingCandidates)
      var block = 0
      while block < s {
        if block % interruptInterval == 0 { try checkInterrupt() }
        let r0 = rows.pointer(sample[block])
        let r1 = rows.pointer(sample[Swift.min(block &+ 1, s &- 1)])
        let r2 = rows.pointer(sample[Swift.min(block &+ 2, s &- 1)])
        let r3 = rows.pointer(sample[Swift.min(block &+ 3, s &- 1)])
        let (a, b) = VectorMath.dot4x2(r0, r1, r2, r3, pointers[0], pointers[1], count: d)
        let (e, f) = VectorMath.dot4x2(r0, r1, r2, r3, pointers[2], pointers[3], count: d)
        for lane in 0..<Swift.min(4, s &- block) {
          let i = block &+ lane
          let old = distance[i]
          let similarity =
            SIMD4<Float>(a[lane], b[lane], e[lane], f[lane]) * candidateScale
            * rows.inverseNorms[sample[i]]
          for l in 0..<seedingCandidates {
            let gap = Swift.min(old, Swift.max(0, 1 - similarity[l]))
            trial[l][i] = gap
            potential[l] += Double(gap)
          }
        }
        block &+= 4
      }
      // The candidate leaving the lowest total (the first of equals).
      var best = 0
      for l in 1..<candidates.count where potential[l] < potential[best] { best = l }
      let pick = candidates[best]
      swap(&distance, &trial[best])
      distance[pick] = 0
      chosen[pick] = true
      copyNormalised(rows, row: sample[pick], into: &centroids, at: c &* d)
    }
    return centroids
  }

  /// `min(count, limit)` distinct indices in 0..<count, uniformly chosen, in ascending order
  /// (all of them when count ≤ limit).
  static func sampleIndices(_ count: Int, limit: Int, generator: inout SeededGenerator) -> [Int] {
    var indices = Array(0..<Swift.max(0, count))
    guard limit < indices.count else { return indices }
    // A partial Fisher–Yates shuffle: the first `limit` places get a uniform sample.
    for i in 0..<Swift.max(0, limit) {
      indices.swapAt(i, i &+ generator.nextIndex(below: indices.count &- i))
    }
    return indices.prefix(Swift.max(0, limit)).sorted()
  }

  /// The first index whose running total of distances exceeds `target`, which always has a
  /// positive distance; the last positive one if rounding leaves the target at the very end.
  static func firstIndex(in cumulative: [Double], above target: Double, distance: [Float]) -> Int {
    var low = 0
    var high = cumulative.count
    while low < high {
      let mid = low &+ (high &- low) / 2
      if cumulative[mid] > target { high = mid } else { low = mid &+ 1 }
    }
    var i = Swift.min(low, cumulative.count &- 1)
    while i > 0 && distance[i] <= 0 { i &-= 1 }
    return Swift.max(0, i)
  }

  /// Writes usable row `row`, normalised, at `offset` in `centroids`.
  static func copyNormalised(_ rows: Rows, row: Int, into centroids: inout [Float], at offset: Int)
  {
    let source = rows.pointer(row)
    let scale = rows.inverseNorms[row]
    for j in 0..<rows.dimension { centroids[offset &+ j] = source[j] * scale }
  }
}
