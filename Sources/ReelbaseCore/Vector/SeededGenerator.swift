/// A small, fast, seedable random number generator (xoshiro256**, Blackman and Vigna 2018),
/// for k-means seeding, sampling and synthetic benchmark data.
///
/// The same seed gives the same sequence on every platform and Swift version: the state is
/// expanded from the seed with SplitMix64, and every helper here (`nextUnitDouble`,
/// `nextIndex(below:)`, `nextGaussian(using:)`) uses only integer and IEEE basic arithmetic, not
/// the standard library's `random(in:using:)`, whose algorithm is not promised to stay fixed.
///
/// Not for secrets: the output is predictable from a few values.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// - Parameter seed: any value, including 0 (SplitMix64 turns it into a non-zero state).
  public init(seed: UInt64) {
    var x = seed
    s0 = SeededGenerator.splitMix64(&x)
    s1 = SeededGenerator.splitMix64(&x)
    s2 = SeededGenerator.splitMix64(&x)
    s3 = SeededGenerator.splitMix64(&x)
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = s3 << 45 | s3 >> 19
    return result
  }

  /// A uniform `Double` in [0, 1) with 53 random bits.
  public mutating func nextUnitDouble() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A uniform index in 0..<n (Lemire's multiply-shift, with a bias below n / 2⁶⁴, which is
  /// immaterial for sampling); 0 when n ≤ 0.
  public mutating func nextIndex(below n: Int) -> Int {
    guard n > 0 else { return 0 }
    return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
  }

  /// One step of SplitMix64 (Steele, Lea and Flood 2014), used to expand a seed.
  static func splitMix64(_ x: inout UInt64) -> UInt64 {
    x &+= 0x9E37_79B9_7F4A_7C15
    var z = x
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
