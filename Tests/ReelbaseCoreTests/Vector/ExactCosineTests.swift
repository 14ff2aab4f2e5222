import Testing
@testable import ReelbaseCore

@Suite struct ExactCosineTests {
  func cosine(_ a: [Float], _ b: [Float]) -> Double? {
    a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in VectorMath.exactCosine(pa, pb) } }
  }

  @Test func scoresTheExtremesOfFloat() {
    #expect(cosine([3e38, 3e38], [3e38, 3e38]) == 1)
    #expect(cosine([Float.greatestFiniteMagnitude, 0], [0, 1]) == 0)
    #expect(cosine([Float.leastNonzeroMagnitude, Float.leastNonzeroMagnitude], [1, 1]).map { abs($0 - 1) < 1e-12 } == true)
    #expect(cosine([-3e38, 0], [3e38, 0]) == -1)
  }

  @Test func refusesWhatHasNoCosine() {
    #expect(cosine([], []) == nil)
    #expect(cosine([1, 2], [1, 2, 3]) == nil)
    #expect(cosine([0, 0], [1, 1]) == nil)
    #expect(cosine([.nan, 1], [1, 1]) == nil)
    #expect(cosine([.infinity, 1], [1, 1]) == nil)
  }

  @Test func agreesWithTheFloatKernelOnOrdinaryVectors() {
    let a: [Float] = (0..<1536).map { Float(($0 * 7919) % 1000) / 1000 - 0.5 }
    let b: [Float] = (0..<1536).map { Float(($0 * 104729) % 1000) / 1000 - 0.5 }
    let fast = a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in VectorMath.cosine(pa, pb) } }
    #expect(abs((cosine(a, b) ?? 9) - Double(fast)) < 1e-5)
  }
}
