import Testing

@testable import ReelbaseCore

@Suite struct VectorValidationTests {
  func check(_ v: [Float], dimension: Int) -> VectorProblem? {
    v.withUnsafeBufferPointer { VectorValidation.check($0, dimension: dimension) }
  }

  @Test func acceptsFiniteNonZeroVectorsOfTheRightDimension() {
    var g = SeededGenerator(seed: 5)
    #expect(check(VectorTestData.gaussian(1536, generator: &g), dimension: 1536) == nil)
    #expect(check([0, 0, 1e-3], dimension: 3) == nil)
    #expect(check([-1e18, 1e18], dimension: 2) == nil)
  }

  @Test func wrongDimension() {
    let problem = check([1, 2, 3], dimension: 1536)
    #expect(problem == .wrongDimension(expected: 1536, actual: 3))
    #expect(
      problem?.message(argument: "query_embedding")
        == "query_embedding has 3 dimensions, expected 1536")
    #expect(check([1], dimension: 2)?.message(argument: "v") == "v has 1 dimension, expected 2")
    #expect(check([], dimension: 2) == .wrongDimension(expected: 2, actual: 0))
    // The dimension is checked before the elements.
    #expect(check([.nan], dimension: 2) == .wrongDimension(expected: 2, actual: 1))
  }

  @Test func nonFiniteElementsAreNamedByTheirOneBasedIndex() {
    var v = [Float](repeating: 1, count: 10)
    v[6] = .nan
    #expect(check(v, dimension: 10) == .nonFinite(index: 7, value: .nan))
    #expect(
      check(v, dimension: 10)?.message(argument: "query_embedding")
        == "query_embedding element 7 is NaN")
    v[6] = 1
    v[9] = .infinity
    #expect(check(v, dimension: 10) == .nonFinite(index: 10, value: .infinity))
    #expect(
      check(v, dimension: 10)?.message(argument: "embedding") == "embedding element 10 is Infinity")
    v[0] = -.infinity
    #expect(check(v, dimension: 10) == .nonFinite(index: 1, value: .negativeInfinity))
    #expect(check(v, dimension: 10)?.message(argument: "e") == "e element 1 is -Infinity")
    #expect(check([0, .signalingNaN, 0], dimension: 3) == .nonFinite(index: 2, value: .nan))
    // A NaN beside values whose squares overflow is still reported as the NaN.
    #expect(check([1e30, .nan], dimension: 2) == .nonFinite(index: 2, value: .nan))
  }

  @Test func zeroVector() {
    #expect(check([0, -0.0, 0], dimension: 3) == .zeroVector)
    #expect(check([], dimension: 0) == .zeroVector)
    let message = VectorProblem.zeroVector.message(argument: "query_embedding")
    #expect(message.hasPrefix("query_embedding is a zero vector"))
  }

  @Test func normOutOfRange() {
    #expect(check([1e30, 1], dimension: 2) == .normOutOfRange)
    #expect(check([1e-30, 0], dimension: 2) == .normOutOfRange)
    let message = VectorProblem.normOutOfRange.message(argument: "embedding")
    #expect(message.hasPrefix("embedding has a length"))
  }

  @Test func everyVectorThatPassesNormalises() {
    var g = SeededGenerator(seed: 8)
    for scale: Float in [1e-20, 1e-10, 1, 1e10, 1e18] {
      let v = VectorTestData.gaussian(64, generator: &g).map { $0 * scale }
      v.withUnsafeBufferPointer { p in
        if VectorValidation.check(p, dimension: 64) == nil {
          #expect(VectorMath.normalized(p) != nil, "scale \(scale)")
        } else {
          #expect(VectorMath.normalized(p) == nil, "scale \(scale)")
        }
      }
    }
  }
}
