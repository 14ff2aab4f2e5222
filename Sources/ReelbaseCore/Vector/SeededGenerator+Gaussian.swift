/// A standard normal sample (mean 0, variance 1), by the polar form of the Box–Muller
/// transform (Marsaglia): draw a point uniformly in the unit disc and scale it by
/// √(−2 ln s / s). Only one of the pair it makes is returned, so no state is hidden between
/// calls.
///
/// The logarithm is computed here from IEEE basic operations (see `deterministicLog`) rather
/// than by the platform's libm, whose last bits differ between systems, so a given generator
/// state gives bit-identical samples on Linux and macOS.
///
/// - Parameter generator: the source of randomness; a `SeededGenerator` for reproducible data.
/// - Returns: a normally distributed `Double`; 0 if the generator fails to produce a point in
///   the disc 100 times in a row (which a working generator does with probability 10⁻⁶⁷, and
///   which keeps a broken one, say one that always returns 0, from looping forever).
public func nextGaussian<G: RandomNumberGenerator>(using generator: inout G) -> Double {
  for _ in 0..<100 {
    let u = 2 * unitDouble(&generator) - 1
    let v = 2 * unitDouble(&generator) - 1
    let s = u * u + v * v
    if s > 0 && s < 1 {
      return u * (-2 * deterministicLog(s) / s).squareRoot()
    }
  }
  return 0
}

/// A standard normal sample in single precision: `nextGaussian(using:)` as `Double`, rounded.
///
/// - Parameter generator: the source of randomness.
/// - Returns: a normally distributed `Float`.
public func nextGaussian<G: RandomNumberGenerator>(using generator: inout G) -> Float {
  let d: Double = nextGaussian(using: &generator)
  return Float(d)
}

/// A uniform `Double` in [0, 1) from the top 53 bits of the generator's next value.
func unitDouble<G: RandomNumberGenerator>(_ generator: inout G) -> Double {
  Double(generator.next() >> 11) * 0x1p-53
}

/// The natural logarithm of a positive finite `Double`, to within a few ulps, from IEEE basic
/// operations only, so the result is the same on every platform.
///
/// x = m·2ᵉ with m in [√½, √2); ln m = 2·atanh(t) with t = (m − 1)/(m + 1), |t| ≤ 0.172,
/// summed as the odd series t + t³/3 + … to t²³ (the next term is below 1e-19 of the result).
/// Returns NaN for 0, negative, infinite or NaN input.
func deterministicLog(_ x: Double) -> Double {
  guard x > 0, x.isFinite else { return .nan }
  var m = x.significand  // [1, 2), exact
  var e = Double(x.exponent)  // exact, also for subnormals
  if m > 1.4142135623730951 {
    m /= 2
    e += 1
  }
  let t = (m - 1) / (m + 1)
  let t2 = t * t
  var series = 1.0 / 23
  for k in stride(from: 21, through: 1, by: -2) {
    series = series * t2 + 1 / Double(k)
  }
  return e * 0.6931471805599453 + 2 * t * series
}
