import Testing

@testable import ReelbaseCore

/// Values a caller might pass from SQL: nothing here may trap, hang or return out-of-range
/// list numbers (the tests run in debug builds, where overflow and bounds are checked).
@Suite struct VectorHostileInputTests {
  static let hostile: [Float] = [
    .nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
    .leastNonzeroMagnitude, 0, -0.0, 1e30, -1e-30, 1,
  ]

  static func hostileRows(_ count: Int, dimension: Int, seed: UInt64) -> [Float] {
    var g = SeededGenerator(seed: seed)
    return (0..<(count * dimension)).map { _ in
      g.nextIndex(below: 3) == 0
        ? hostile[g.nextIndex(below: hostile.count)] : nextGaussian(using: &g)
    }
  }

  @Test(arguments: [1, 3, 17])
  func kMeansAndAssignmentSurviveHostileRows(dimension d: Int) {
    let rows = Self.hostileRows(200, dimension: d, seed: UInt64(d))
    rows.withUnsafeBufferPointer { vectors in
      for k in [1, 4, 300] {
        let centroids = SphericalKMeans.train(
          vectors: vectors, dimension: d, k: k, iterations: 4, seed: 1)
        #expect(centroids.count % d == 0 && centroids.count / d <= k)
        #expect(centroids.allSatisfy { $0.isFinite })
        let lists = centroids.count / d
        centroids.withUnsafeBufferPointer { table in
          for list in SphericalKMeans.assign(vectors, centroids: table, dimension: d) {
            #expect(list >= 0 && list < max(lists, 1))
          }
          for r in 0..<200 {
            let v = UnsafeBufferPointer(rebasing: vectors[(r * d)..<(r * d + d)])
            let nearest = SphericalKMeans.nearest(v, centroids: table, dimension: d)
            #expect(lists == 0 ? nearest == -1 : (nearest >= 0 && nearest < lists))
            #expect(SphericalKMeans.ranked(v, centroids: table, dimension: d).sorted()
              == Array(0..<lists))
          }
        }
      }
    }
  }

  @Test func mathAndValidationSurviveHostileVectors() {
    for seed in 0..<50 as Range<UInt64> {
      let a = Self.hostileRows(1, dimension: 37, seed: seed)
      let b = Self.hostileRows(1, dimension: 37, seed: seed &+ 100)
      a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
          _ = VectorMath.dot(pa, pb)
          _ = VectorMath.dotAndSquaredNorm(pa, pb)
          let c = VectorMath.cosine(pa, pb)
          #expect(c.isNaN || (c >= -1 && c <= 1))
          if let unit = VectorMath.normalized(pa) { #expect(unit.allSatisfy { $0.isFinite }) }
          let problem = VectorValidation.check(pa, dimension: 37)
          #expect((problem == nil) == (VectorMath.normalized(pa) != nil))
          _ = problem?.message(argument: "v")
        }
      }
    }
  }

  @Test func centroidTablesThatAreNotAWholeNumberOfRows() {
    let table: [Float] = [1, 0, 0, 1, 0.5]  // two centroids and a stray float
    let v: [Float] = [0, 2]
    table.withUnsafeBufferPointer { t in
      v.withUnsafeBufferPointer { q in
        #expect(SphericalKMeans.nearest(q, centroids: t, dimension: 2) == 1)
        #expect(SphericalKMeans.ranked(q, centroids: t, dimension: 2) == [1, 0])
        #expect(SphericalKMeans.nearest(q, centroids: t, dimension: 7) == -1)
        #expect(SphericalKMeans.assign(t, centroids: q, dimension: 2) == [0, 0])
      }
    }
  }
}
