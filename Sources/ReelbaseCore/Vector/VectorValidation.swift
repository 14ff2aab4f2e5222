/// Checks a vector argument before it is stored, compared or normalised.
public enum VectorValidation {
  /// Finds the first reason a vector cannot be used for cosine similarity.
  ///
  /// The checks run in this order: the dimension, then the first non-finite element, then
  /// whether the vector has a usable length. A vector that passes has `dimension` finite
  /// elements whose squared norm is finite and positive, so `VectorMath.normalized` succeeds
  /// on it and its cosine with any other such vector is defined.
  ///
  /// Valid vectors cost one vectorised pass (the squared norm); only an invalid one is scanned
  /// element by element to name the problem.
  ///
  /// - Parameters:
  ///   - v: the vector.
  ///   - dimension: the required number of elements.
  /// - Returns: nil when the vector is usable, otherwise the problem.
  public static func check(_ v: UnsafeBufferPointer<Float>, dimension: Int) -> VectorProblem? {
    guard v.count == dimension else {
      return .wrongDimension(expected: dimension, actual: v.count)
    }
    let squared = VectorMath.squaredNorm(v)
    if squared > 0 && squared.isFinite { return nil }
    // NaN or infinity anywhere makes the squared norm non-finite, so only this path can find one.
    var allZero = true
    for (offset, x) in v.enumerated() {
      if x.isNaN { return .nonFinite(index: offset &+ 1, value: .nan) }
      if x.isInfinite {
        return .nonFinite(index: offset &+ 1, value: x > 0 ? .infinity : .negativeInfinity)
      }
      if x != 0 { allZero = false }
    }
    return allZero ? .zeroVector : .normOutOfRange
  }
}
