@testable import ReelbaseCore

/// Random vectors and Double references shared by the vector tests.
enum VectorTestData {
  /// `count` standard normal floats from a seeded generator.
  static func gaussian(_ count: Int, generator: inout SeededGenerator) -> [Float] {
    (0..<count).map { _ in nextGaussian(using: &generator) }
  }

  /// Σ aᵢbᵢ and Σ|aᵢbᵢ| in Double over the common prefix.
  static func referenceDot(_ a: ArraySlice<Float>, _ b: ArraySlice<Float>)
    -> (dot: Double, magnitude: Double)
  {
    var dot = 0.0
    var magnitude = 0.0
    for (x, y) in zip(a, b) {
      dot += Double(x) * Double(y)
      magnitude += abs(Double(x) * Double(y))
    }
    return (dot, magnitude)
  }

  /// The cosine in Double.
  static func referenceCosine(_ a: ArraySlice<Float>, _ b: ArraySlice<Float>) -> Double {
    let ab = referenceDot(a, b).dot
    let aa = referenceDot(a, a).dot
    let bb = referenceDot(b, b).dot
    return ab / (aa.squareRoot() * bb.squareRoot())
  }

  /// Calls `body` with `values` as a buffer that starts `offset` floats into a larger one, so
  /// offset 1 gives an address that is only 4-byte aligned.
  static func withBuffer<R>(
    _ values: [Float], offset: Int, _ body: (UnsafeBufferPointer<Float>) throws -> R
  ) rethrows -> R {
    let padded = [Float](repeating: 0, count: offset) + values
    return try padded.withUnsafeBufferPointer { all in
      try body(UnsafeBufferPointer(rebasing: all[offset...]))
    }
  }

  /// `values` normalised in Double, rounded to Float.
  static func unit(_ values: ArraySlice<Float>) -> [Float] {
    let norm = referenceDot(values, values).dot.squareRoot()
    return values.map { Float(Double($0) / norm) }
  }
}
