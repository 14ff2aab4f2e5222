/// The regularized upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a), and ln Γ, for the
/// chi-square tail (Q(k/2, x/2)). Pure Swift like the rest of the core (no libm lgamma).
///
/// Q by the classic pair (Numerical Recipes §6.2): below x = a + 1 the series for P = 1 − Q,
/// which converges fast there and leaves Q ≥ ~0.002 so 1 − P loses little; above, the continued
/// fraction for Q by the modified Lentz method. The common factor xᵃe⁻ˣ/Γ(a) is formed as one
/// exponential of a ln x − x − ln Γ(a), so it does not underflow or overflow in pieces: tails
/// stay correct down to about 1e-300 (then subnormal, then 0).
enum RegularizedGamma {
  /// Q(a, x) for a > 0: 1 for x ≤ 0, 0 at x = +infinity; nil for a ≤ 0, a not finite, or NaN x.
  static func upper(a: Double, x: Double) -> Double? {
    guard a > 0, a.isFinite, !x.isNaN else { return nil }
    if x <= 0 { return 1 }
    if x == .infinity { return 0 }
    let logFactor = a * deterministicLog(x) - x - logGamma(a)
    if x < a + 1 {
      // P = factor · Σₙ xⁿ / (a(a+1)…(a+n)).
      var term = 1 / a
      var sum = term
      var ap = a
      for _ in 0..<maxIterations {
        ap += 1
        term *= x / ap
        sum += term
        if term < sum * Double.ulpOfOne / 4 { break }
      }
      return max(0, 1 - sum * deterministicExp(logFactor))
    }
    // Q = factor · 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …))).
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1...maxIterations {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if d.magnitude < tiny { d = tiny }
      c = b + an / c
      if c.magnitude < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if (delta - 1).magnitude < Double.ulpOfOne / 2 { break }
    }
    return min(1, deterministicExp(logFactor) * h)
  }

  /// Far beyond what either expansion needs for a up to 1e6 (about √a·40 terms).
  static let maxIterations = 100_000

  /// ln Γ(a) for a > 0 (finite): shifted up to a ≥ 15 by Γ(a) = Γ(a + m)/(a(a+1)…(a+m−1)),
  /// then Stirling's series to the z⁻¹³ term, whose remainder there is below 1e-19.
  static func logGamma(_ a: Double) -> Double {
    var z = a
    var product = 1.0
    while z < 15 {
      product *= z
      z += 1
    }
    let w = 1 / (z * z)
    // Bernoulli terms B₂ₙ/(2n(2n−1)z²ⁿ⁻¹), n = 1…7, by Horner in 1/z².
    let series = (1.0 / 12 + w * (-1.0 / 360 + w * (1.0 / 1260 + w * (-1.0 / 1680
      + w * (1.0 / 1188 + w * (-691.0 / 360360 + w * (1.0 / 156))))))) / z
    let halfLogTwoPi = 0.918_938_533_204_672_741_780_329_736_405_617_639_861_397_5
    return (z - 0.5) * deterministicLog(z) - z + halfLogTwoPi + series - deterministicLog(product)
  }
}
