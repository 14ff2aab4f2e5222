import Testing

@testable import ReelbaseCore

@Suite struct SeededGeneratorTests {
  @Test func matchesTheReferenceImplementation() {
    // From the reference C code of xoshiro256** seeded by four SplitMix64 outputs.
    var zero = SeededGenerator(seed: 0)
    #expect(
      (0..<4).map { _ in zero.next() } == [
        0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0, 0x6AA5_94F1_262D_2D2C,
      ])
    var answer = SeededGenerator(seed: 42)
    #expect(
      (0..<4).map { _ in answer.next() } == [
        0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1, 0xECB8_AD47_03B3_60A1,
      ])
  }

  @Test func sameSeedSameSequenceDifferentSeedDifferent() {
    var a = SeededGenerator(seed: 7)
    var b = SeededGenerator(seed: 7)
    var c = SeededGenerator(seed: 8)
    let sa = (0..<100).map { _ in a.next() }
    #expect(sa == (0..<100).map { _ in b.next() })
    #expect(sa != (0..<100).map { _ in c.next() })
  }

  @Test func unitDoublesAndIndicesStayInRange() {
    var g = SeededGenerator(seed: 1)
    var counts = [Int](repeating: 0, count: 10)
    for _ in 0..<100_000 {
      let u = g.nextUnitDouble()
      #expect(u >= 0 && u < 1)
      let i = g.nextIndex(below: 10)
      #expect(i >= 0 && i < 10)
      if i >= 0 && i < 10 { counts[i] += 1 }
    }
    #expect(counts.allSatisfy { $0 > 9_500 && $0 < 10_500 })
    #expect(g.nextIndex(below: 0) == 0)
    #expect(g.nextIndex(below: -3) == 0)
    #expect(g.nextIndex(below: 1) == 0)
  }

  @Test func gaussianHasMeanZeroAndVarianceOne() {
    var g = SeededGenerator(seed: 2)
    let n = 200_000
    var sum = 0.0
    var squares = 0.0
    var beyondTwo = 0
    for _ in 0..<n {
      let x: Double = nextGaussian(using: &g)
      sum += x
      squares += x * x
      if abs(x) > 2 { beyondTwo += 1 }
    }
    let mean = sum / Double(n)
    #expect(abs(mean) < 0.01)
    #expect(abs(squares / Double(n) - mean * mean - 1) < 0.02)
    // P(|x| > 2) = 4.55 % for a standard normal.
    #expect(abs(Double(beyondTwo) / Double(n) - 0.0455) < 0.003)
  }

  @Test func gaussianIsReproducible() {
    var a = SeededGenerator(seed: 123)
    var b = SeededGenerator(seed: 123)
    let xs: [Float] = (0..<50).map { _ in nextGaussian(using: &a) }
    let ys: [Double] = (0..<50).map { _ in nextGaussian(using: &b) }
    #expect(xs == ys.map { Float($0) })
  }

  @Test func gaussianGivesUpOnABrokenGenerator() {
    struct Stuck: RandomNumberGenerator { mutating func next() -> UInt64 { 0 } }
    var stuck = Stuck()
    let x: Double = nextGaussian(using: &stuck)
    #expect(x == 0)
  }

  @Test func deterministicLogIsAccurate() {
    let known: [(Double, Double)] = [
      (1, 0), (2, 0.6931471805599453), (0.5, -0.6931471805599453), (10, 2.302585092994046),
      (0.1, -2.3025850929940455), (1e-300, -690.7755278982137),
      (Double.leastNonzeroMagnitude, -744.4400719213812),
      (1.7976931348623157e308, 709.782712893384),
      (1.4142135623730951, 0.3465735902799727), (0.7, -0.35667494393873245),
    ]
    for (x, want) in known {
      let got = deterministicLog(x)
      #expect(abs(got - want) <= 4 * max(want.ulp, Double.leastNormalMagnitude), "log(\(x))")
    }
    var g = SeededGenerator(seed: 4)
    for _ in 0..<1000 {
      let a = g.nextUnitDouble() + 0.01
      let b = g.nextUnitDouble() * 100 + 0.01
      #expect(abs(deterministicLog(a * b) - deterministicLog(a) - deterministicLog(b)) < 1e-13)
    }
    #expect(deterministicLog(0).isNaN)
    #expect(deterministicLog(-1).isNaN)
    #expect(deterministicLog(.infinity).isNaN)
  }
}
