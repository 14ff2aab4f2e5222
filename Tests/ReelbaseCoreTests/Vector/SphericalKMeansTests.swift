import Testing

@testable import ReelbaseCore

@Suite struct SphericalKMeansTests {
  struct Stop: Error {}

  /// `perCentre` noisy points around each of `centres` random directions, in shuffled order.
  static func clusters(centres: Int, perCentre: Int, dimension: Int, noise: Float, seed: UInt64)
    -> (rows: [Float], labels: [Int])
  {
    var g = SeededGenerator(seed: seed)
    let directions = (0..<centres).map { _ in VectorTestData.gaussian(dimension, generator: &g) }
    var labels = (0..<(centres * perCentre)).map { $0 % centres }
    for i in stride(from: labels.count - 1, to: 0, by: -1) {
      labels.swapAt(i, g.nextIndex(below: i + 1))
    }
    var rows: [Float] = []
    for label in labels {
      let scale = Float(g.nextUnitDouble() * 3 + 0.5)  // rows are not normalised
      for x in directions[label] { rows.append(scale * (x + noise * nextGaussian(using: &g))) }
    }
    return (rows, labels)
  }

  static func isUnit(_ v: ArraySlice<Float>) -> Bool {
    abs(VectorTestData.referenceDot(v, v).dot - 1) < 1e-5
  }

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func recoversWellSeparatedClusters(seed: UInt64) {
    let d = 32
    let (rows, labels) = Self.clusters(
      centres: 8, perCentre: 50, dimension: d, noise: 0.1, seed: seed)
    rows.withUnsafeBufferPointer { vectors in
      let centroids = SphericalKMeans.train(
        vectors: vectors, dimension: d, k: 8, iterations: 20, seed: seed)
      #expect(centroids.count == 8 * d)
      for c in 0..<8 { #expect(Self.isUnit(centroids[(c * d)..<(c * d + d)])) }
      centroids.withUnsafeBufferPointer { table in
        let lists = SphericalKMeans.assign(vectors, centroids: table, dimension: d)
        #expect(lists.count == labels.count)
        var listOfLabel = [Int: Int]()
        for (label, list) in zip(labels, lists) {
          #expect(listOfLabel[label, default: list] == list, "centre \(label) split")
          listOfLabel[label] = list
        }
        #expect(Set(listOfLabel.values).count == 8, "two centres share a list")
        for r in 0..<labels.count {
          let row = UnsafeBufferPointer(rebasing: vectors[(r * d)..<(r * d + d)])
          #expect(SphericalKMeans.nearest(row, centroids: table, dimension: d) == lists[r])
        }
      }
    }
  }

  @Test func isDeterministicAndSeedsAreNormalisedRows() {
    let d = 19
    let (rows, _) = Self.clusters(centres: 5, perCentre: 20, dimension: d, noise: 0.5, seed: 9)
    rows.withUnsafeBufferPointer { vectors in
      let a = SphericalKMeans.train(vectors: vectors, dimension: d, k: 6, iterations: 5, seed: 1)
      let b = SphericalKMeans.train(vectors: vectors, dimension: d, k: 6, iterations: 5, seed: 1)
      #expect(a == b)
      let seeds = SphericalKMeans.train(
        vectors: vectors, dimension: d, k: 6, iterations: 0, seed: 1)
      #expect(seeds.count == 6 * d)
      for c in 0..<6 {
        let seed = seeds[(c * d)..<(c * d + d)]
        let matches = (0..<100).contains { r in
          VectorTestData.referenceCosine(seed, rows[(r * d)..<(r * d + d)]) > 1 - 1e-6
        }
        #expect(matches, "seed \(c) is not a row")
      }
    }
  }

  @Test func moreListsThanDistinctRowsGivesDuplicateCentroids() {
    let d = 5
    let points: [[Float]] = [[1, 0, 0, 0, 0], [0, 2, 0, 0, 0], [0, 0, 0, 3, 3]]
    let rows = (0..<12).flatMap { points[$0 % 3] }
    rows.withUnsafeBufferPointer { vectors in
      let centroids = SphericalKMeans.train(
        vectors: vectors, dimension: d, k: 5, iterations: 10, seed: 3)
      #expect(centroids.count == 5 * d)
      #expect(centroids.allSatisfy { $0.isFinite })
      for c in 0..<5 { #expect(Self.isUnit(centroids[(c * d)..<(c * d + d)])) }
      for p in points {
        let covered = (0..<5).contains { c in
          VectorTestData.referenceCosine(centroids[(c * d)..<(c * d + d)], p[...]) > 1 - 1e-6
        }
        #expect(covered, "\(p) has no centroid")
      }
      // Fewer usable rows than k: k is clamped.
      let few = UnsafeBufferPointer(rebasing: vectors[0..<(2 * d)])
      #expect(
        SphericalKMeans.train(vectors: few, dimension: d, k: 10, iterations: 3, seed: 0).count == 2
          * d)
    }
  }

  @Test func anEmptyListTakesTheFarthestRow() throws {
    let d = 2
    let rows: [Float] = [1, 0, 0.9, 0.1, 0, 1, 0.1, 0.9, 0.6, 0.8]
    try rows.withUnsafeBufferPointer { vectors in
      let base = try #require(vectors.baseAddress)
      let usable = SphericalKMeans.Rows(base: base, count: 5, dimension: d, checkInterrupt: {})
      var centroids: [Float] = [1, 0, 0, 1, -1, 0]
      var assignment = [0, 0, 1, 1, 1]
      // Row 4 is the least similar to its own centroid, and list 1 keeps two members.
      var similarity: [Float] = [1, 0.99, 1, 0.99, 0.8]
      SphericalKMeans.updateCentroids(
        &centroids, rows: usable, listCount: 3, assignment: &assignment,
        similarity: &similarity, checkInterrupt: {})
      #expect(assignment == [0, 0, 1, 1, 2])
      #expect(abs(centroids[4] - 0.6) < 1e-6 && abs(centroids[5] - 0.8) < 1e-6)
      #expect(Self.isUnit(centroids[0..<2]) && Self.isUnit(centroids[2..<4]))
    }
  }

  @Test func skipsZeroAndNonFiniteRowsAndIgnoresAPartialRow() {
    let rows: [Float] = [0, 0, 0, .nan, 1, 1, 3, 4, 0, .infinity, 0, 0, 1e30, 1, 0, 0, 0, 5, 7]
    rows.withUnsafeBufferPointer { vectors in
      let centroids = SphericalKMeans.train(
        vectors: vectors, dimension: 3, k: 4, iterations: 5, seed: 0)
      #expect(centroids.count == 2 * 3)
      #expect(centroids.allSatisfy { $0.isFinite })
    }
  }

  @Test func degenerateArgumentsGiveNothing() {
    let rows: [Float] = [1, 2, 3, 4]
    rows.withUnsafeBufferPointer { v in
      #expect(SphericalKMeans.train(vectors: v, dimension: 0, k: 2, iterations: 1, seed: 0).isEmpty)
      #expect(
        SphericalKMeans.train(vectors: v, dimension: -2, k: 2, iterations: 1, seed: 0).isEmpty)
      #expect(SphericalKMeans.train(vectors: v, dimension: 2, k: 0, iterations: 1, seed: 0).isEmpty)
      #expect(SphericalKMeans.train(vectors: v, dimension: 5, k: 2, iterations: 1, seed: 0).isEmpty)
      let empty = UnsafeBufferPointer<Float>(start: nil, count: 0)
      #expect(
        SphericalKMeans.train(vectors: empty, dimension: 2, k: 2, iterations: 1, seed: 0).isEmpty)
      #expect(SphericalKMeans.nearest(v, centroids: empty, dimension: 2) == -1)
      #expect(SphericalKMeans.nearest(v, centroids: v, dimension: 0) == -1)
      #expect(SphericalKMeans.ranked(v, centroids: empty, dimension: 2).isEmpty)
      #expect(SphericalKMeans.assign(v, centroids: empty, dimension: 2).isEmpty)
      #expect(SphericalKMeans.assign(empty, centroids: v, dimension: 2).isEmpty)
      // A vector shorter than the dimension reads only what it has.
      let short = UnsafeBufferPointer(rebasing: v[0..<1])
      #expect(SphericalKMeans.nearest(short, centroids: v, dimension: 2) == 1)
      #expect(SphericalKMeans.nearest(empty, centroids: v, dimension: 2) == 0)
    }
  }

  @Test(arguments: [(24, 37), (1536, 10), (5, 1), (33, 316)])
  func nearestRankedAndAssignMatchBruteForce(dimension d: Int, lists k: Int) {
    var g = SeededGenerator(seed: UInt64(d * 1000 + k))
    let table = (0..<k).flatMap { _ in
      VectorTestData.unit(VectorTestData.gaussian(d, generator: &g)[...])
    }
    let queries = (0..<41).flatMap { _ in VectorTestData.gaussian(d, generator: &g) }
    func reference(_ q: Int) -> [Double] {
      (0..<k).map { c in
        VectorTestData.referenceDot(queries[(q * d)..<(q * d + d)], table[(c * d)..<(c * d + d)])
          .dot
      }
    }
    VectorTestData.withBuffer(table, offset: 1) { centroids in
      VectorTestData.withBuffer(queries, offset: 1) { rows in
        let assigned = SphericalKMeans.assign(rows, centroids: centroids, dimension: d)
        #expect(assigned.count == 41)
        for q in 0..<41 {
          let sims = reference(q)
          let best = sims.max() ?? 0
          let v = UnsafeBufferPointer(rebasing: rows[(q * d)..<(q * d + d)])
          let nearest = SphericalKMeans.nearest(v, centroids: centroids, dimension: d)
          #expect(sims[nearest] >= best - 1e-5)
          #expect(sims[assigned[q]] >= best - 1e-5)
          let ranked = SphericalKMeans.ranked(v, centroids: centroids, dimension: d)
          #expect(ranked.sorted() == Array(0..<k))
          #expect(ranked.first == nearest)
          for (a, b) in zip(ranked, ranked.dropFirst()) { #expect(sims[a] >= sims[b] - 1e-5) }
        }
      }
    }
  }

  @Test func tiesGoToTheLowerListNumber() {
    let table: [Float] = [0, 1, 1, 0, 0, 1, 1, 0, -1, 0]
    let v: [Float] = [1, 1]
    table.withUnsafeBufferPointer { centroids in
      v.withUnsafeBufferPointer { q in
        #expect(SphericalKMeans.nearest(q, centroids: centroids, dimension: 2) == 0)
        #expect(SphericalKMeans.ranked(q, centroids: centroids, dimension: 2) == [0, 1, 2, 3, 4])
        #expect(SphericalKMeans.assign(q, centroids: centroids, dimension: 2) == [0])
      }
      let x: [Float] = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0]
      x.withUnsafeBufferPointer { rows in
        #expect(
          SphericalKMeans.ranked(
            UnsafeBufferPointer(rebasing: rows[0..<2]), centroids: centroids, dimension: 2) == [
              1, 3, 0, 2, 4,
            ])
        #expect(
          SphericalKMeans.assign(rows, centroids: centroids, dimension: 2) == [1, 1, 1, 1, 1])
      }
    }
  }

  @Test func interruptIsCalledAndAThrowPropagates() {
    let d = 16
    let (rows, _) = Self.clusters(centres: 4, perCentre: 2500, dimension: d, noise: 2, seed: 4)
    rows.withUnsafeBufferPointer { vectors in
      var calls = 0
      let centroids = SphericalKMeans.train(
        vectors: vectors, dimension: d, k: 4, iterations: 3, seed: 0,
        checkInterrupt: { calls += 1 })
      #expect(centroids.count == 4 * d)
      // Row scan (3 calls for 10,000 rows) + seeding (2 per centroid) + at least one
      // iteration (1 + 3 while assigning + 3 while averaging).
      #expect(calls >= 18)
      for stopAt in [1, 3, 4, 11, 12, 18, calls] {
        var seen = 0
        #expect(throws: Stop.self) {
          _ = try SphericalKMeans.train(
            vectors: vectors, dimension: d, k: 4, iterations: 3, seed: 0,
            checkInterrupt: {
              seen += 1
              if seen == stopAt { throw Stop() }
            })
        }
        #expect(seen == stopAt)
      }
      centroids.withUnsafeBufferPointer { table in
        var assignCalls = 0
        _ = SphericalKMeans.assign(vectors, centroids: table, dimension: d) { assignCalls += 1 }
        #expect(assignCalls == 3)  // rows 0, 4096 and 8192 of 10,000
        #expect(throws: Stop.self) {
          _ = try SphericalKMeans.assign(vectors, centroids: table, dimension: d) { throw Stop() }
        }
      }
    }
  }
}
