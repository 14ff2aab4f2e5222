import Testing

@testable import ReelbaseCore

@Suite struct VectorMathTests {
  static let lengths = [1, 2, 3, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 1536, 1537]

  @Test(arguments: lengths)
  func dotMatchesDoubleReferenceAlignedAndUnaligned(length: Int) {
    var g = SeededGenerator(seed: UInt64(length))
    for trial in 0..<20 {
      let a = VectorTestData.gaussian(length, generator: &g)
      let b = VectorTestData.gaussian(length, generator: &g)
      let (reference, magnitude) = VectorTestData.referenceDot(a[...], b[...])
      for offset in [0, 1, 3] {
        let got = VectorTestData.withBuffer(a, offset: offset) { pa in
          VectorTestData.withBuffer(b, offset: 1 - offset % 2) { pb in VectorMath.dot(pa, pb) }
        }
        let error = abs(Double(got) - reference)
        #expect(error <= 1e-5 * magnitude, "length \(length) trial \(trial) offset \(offset)")
      }
    }
  }

  @Test func precisionAt1536DimensionsIsBelowOneInAHundredThousand() {
    var g = SeededGenerator(seed: 1536)
    var worstOfSum = 0.0
    var worstOfResult = 0.0
    for _ in 0..<200 {
      let a = VectorTestData.gaussian(1536, generator: &g)
      // Correlated pairs (cosine about 0.7), where the result is not a cancellation.
      let noise = VectorTestData.gaussian(1536, generator: &g)
      let b = zip(a, noise).map { $0 + $1 }
      let (reference, magnitude) = VectorTestData.referenceDot(a[...], b[...])
      let got = a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in VectorMath.dot(pa, pb) }
      }
      let error = abs(Double(got) - reference)
      worstOfSum = max(worstOfSum, error / magnitude)
      worstOfResult = max(worstOfResult, error / abs(reference))
    }
    #expect(worstOfSum < 1e-5)
    #expect(worstOfResult < 1e-5)
  }

  @Test(arguments: lengths)
  func dotAndSquaredNormMatchReference(length: Int) {
    var g = SeededGenerator(seed: 7 &+ UInt64(length))
    let q = VectorTestData.gaussian(length, generator: &g)
    let r = VectorTestData.gaussian(length, generator: &g)
    let (dot, dotMagnitude) = VectorTestData.referenceDot(q[...], r[...])
    let (norm, _) = VectorTestData.referenceDot(r[...], r[...])
    for offset in [0, 1] {
      let got = VectorTestData.withBuffer(q, offset: offset) { pq in
        VectorTestData.withBuffer(r, offset: 1 &- offset) { pr in
          (VectorMath.dotAndSquaredNorm(pq, pr), VectorMath.squaredNorm(pr))
        }
      }
      #expect(abs(Double(got.0.dot) - dot) <= 1e-5 * dotMagnitude)
      #expect(abs(Double(got.0.rowSquaredNorm) - norm) <= 1e-5 * norm)
      #expect(abs(Double(got.1) - norm) <= 1e-5 * norm)
    }
  }

  @Test func blockedKernelsMatchReference() {
    var g = SeededGenerator(seed: 99)
    for length in [1, 3, 4, 5, 8, 9, 33, 1536, 1537] {
      let rows = (0..<4).map { _ in VectorTestData.gaussian(length, generator: &g) }
      let cents = (0..<4).map { _ in VectorTestData.gaussian(length, generator: &g) }
      let all = (rows + cents).flatMap { $0 }
      VectorTestData.withBuffer(all, offset: 1) { buffer in
        guard let base = buffer.baseAddress else { return }
        let r = (0..<4).map { base + $0 * length }
        let c = (0..<4).map { base + (4 + $0) * length }
        let (s, t) = VectorMath.dot4x2(r[0], r[1], r[2], r[3], c[0], c[1], count: length)
        let u = VectorMath.dot1x4(r[2], c[0], c[1], c[2], c[3], count: length)
        for lane in 0..<4 {
          let expectS = VectorTestData.referenceDot(rows[lane][...], cents[0][...])
          let expectT = VectorTestData.referenceDot(rows[lane][...], cents[1][...])
          let expectU = VectorTestData.referenceDot(rows[2][...], cents[lane][...])
          #expect(abs(Double(s[lane]) - expectS.dot) <= 1e-5 * expectS.magnitude)
          #expect(abs(Double(t[lane]) - expectT.dot) <= 1e-5 * expectT.magnitude)
          #expect(abs(Double(u[lane]) - expectU.dot) <= 1e-5 * expectU.magnitude)
        }
      }
    }
  }

  @Test func differentLengthsUseTheCommonPrefixAndEmptyGivesZero() {
    let a: [Float] = [1, 2, 3, 4, 5]
    let b: [Float] = [10, 20]
    a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        #expect(VectorMath.dot(pa, pb) == 50)
        #expect(VectorMath.dotAndSquaredNorm(pa, pb) == (50, 500))
        #expect(VectorMath.cosine(pa, pb) == 1)
        let empty = UnsafeBufferPointer<Float>(start: nil, count: 0)
        #expect(VectorMath.dot(pa, empty) == 0)
        #expect(VectorMath.squaredNorm(empty) == 0)
        #expect(VectorMath.cosine(empty, pb) == 0)
        #expect(VectorMath.dotAndSquaredNorm(empty, pb) == (0, 0))
        #expect(VectorMath.normalized(empty) == nil)
      }
    }
  }

  @Test func cosineMatchesReferenceAndStaysInRange() {
    var g = SeededGenerator(seed: 3)
    for length in [1, 17, 1536] {
      for _ in 0..<20 {
        let a = VectorTestData.gaussian(length, generator: &g)
        let b = VectorTestData.gaussian(length, generator: &g)
        VectorTestData.withBuffer(a, offset: 1) { pa in
          b.withUnsafeBufferPointer { pb in
            let c = VectorMath.cosine(pa, pb)
            #expect(abs(Double(c) - VectorTestData.referenceCosine(a[...], b[...])) < 1e-5)
            let same = VectorMath.cosine(pa, pa)
            #expect(same <= 1 && same > 1 - 1e-6)
            let negated = a.map { -$0 }
            negated.withUnsafeBufferPointer { pn in
              let opposite = VectorMath.cosine(pa, pn)
              #expect(opposite >= -1 && opposite < -1 + 1e-6)
            }
          }
        }
      }
    }
  }

  @Test func cosineOfAZeroVectorIsZero() {
    let zero = [Float](repeating: 0, count: 20)
    let other = [Float](repeating: 1, count: 20)
    zero.withUnsafeBufferPointer { pz in
      other.withUnsafeBufferPointer { po in
        #expect(VectorMath.cosine(pz, po) == 0)
        #expect(VectorMath.cosine(po, pz) == 0)
        #expect(VectorMath.cosine(pz, pz) == 0)
      }
    }
  }

  @Test func normalizedHasUnitLengthOrIsNil() throws {
    var g = SeededGenerator(seed: 11)
    for length in [1, 16, 33, 1536] {
      let a = VectorTestData.gaussian(length, generator: &g).map { $0 * 1000 }
      let unit = try #require(VectorTestData.withBuffer(a, offset: 1) { VectorMath.normalized($0) })
      #expect(unit.count == length)
      let norm = VectorTestData.referenceDot(unit[...], unit[...]).dot.squareRoot()
      #expect(abs(norm - 1) < 1e-6)
      #expect(VectorTestData.referenceCosine(unit[...], a[...]) > 1 - 1e-6)
    }
    for bad: [Float] in [
      [0, 0, 0], [1, .nan, 1], [1, .infinity], [-.infinity], [1e30, 1], [1e-30, 0],
    ] {
      #expect(bad.withUnsafeBufferPointer { VectorMath.normalized($0) } == nil, "\(bad)")
    }
  }
}
