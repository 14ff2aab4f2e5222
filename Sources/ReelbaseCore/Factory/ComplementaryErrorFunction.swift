/// erfc(x) = 1 − erf(x), by W. J. Cody's rational Chebyshev approximations ("Rational
/// Chebyshev approximation for the error function", Math. Comp. 23 (1969); the CALERF routine
/// of netlib SPECFUN). The rational functions are good to about 1e-16; measured against mpmath
/// (50 digits) the result is within 6e-15 relative for |x| ≤ 8 and 8e-14 down to 1e-300, the
/// rest coming from `deterministicExp` of large arguments.
///
/// Why not `1 - erf`: the normal and chi-square tails the A/B tests need are erfc of large
/// arguments, where 1 − erf cancels to nothing. Why not libm's erfc: the core imports no libm
/// (see `deterministicExp`), so results are the same bits on Linux and macOS.
///
/// Three intervals of |x|: up to 0.46875 erf by a rational function of x², up to 4 erfc by a
/// rational function of |x| times e^(−x²), beyond that erfc = e^(−x²)/|x| · (1/√π − R(1/x²)).
/// e^(−x²) is formed as e^(−s²)·e^(−(|x|−s)(|x|+s)) with s = |x| rounded down to a 16th, so
/// the rounding of x² does not enter (Cody's trick). Beyond |x| = 27.3 erfc is below the
/// smallest subnormal and 0 is returned; for x < 0, 2 − erfc(−x). NaN gives NaN.
func complementaryErrorFunction(_ x: Double) -> Double {
  guard !x.isNaN else { return .nan }
  let y = x.magnitude
  var result: Double
  if y <= 0.46875 {
    // erf(x) is below 0.5 here: 1 − erf loses nothing.
    return 1 - smallErrorFunction(x)
  } else if y <= 4 {
    var num = erfC[8] * y
    var den = y
    for i in 0..<7 {
      num = (num + erfC[i]) * y
      den = (den + erfD[i]) * y
    }
    result = (num + erfC[7]) / (den + erfD[7]) * expMinusSquare(y)
  } else if y < 27.3 {
    let ysq = 1 / (y * y)
    var num = erfP[5] * ysq
    var den = ysq
    for i in 0..<4 {
      num = (num + erfP[i]) * ysq
      den = (den + erfQ[i]) * ysq
    }
    let r = ysq * (num + erfP[4]) / (den + erfQ[4])
    result = (oneOverSqrtPi - r) / y * expMinusSquare(y)
  } else {
    result = 0
  }
  return x < 0 ? 2 - result : result
}

/// erf(x) for |x| ≤ 0.46875, to full relative precision (Cody's first interval): x·R(x²).
/// For Φ(x) − ½ near the median, where erfc's absolute error would swamp a small difference.
func smallErrorFunction(_ x: Double) -> Double {
  let ysq = x.magnitude > 1.1e-16 ? x * x : 0
  var num = erfA[4] * ysq
  var den = ysq
  for i in 0..<3 {
    num = (num + erfA[i]) * ysq
    den = (den + erfB[i]) * ysq
  }
  return x * (num + erfA[3]) / (den + erfB[3])
}

/// e^(−y²) for y ≥ 0 without rounding y² first: y = s + t with s a multiple of 1/16, s² exact.
private func expMinusSquare(_ y: Double) -> Double {
  let s = (y * 16).rounded(.towardZero) / 16
  let del = (y - s) * (y + s)
  return deterministicExp(-s * s) * deterministicExp(-del)
}

private let oneOverSqrtPi = 0.564_189_583_547_756_286_948_079_451_560_772_585_844

// Cody's coefficients, as published (SPECFUN CALERF, IEEE double).
private let erfA: [Double] = [
  3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02,
  3.20937758913846947e03, 1.85777706184603153e-1,
]
private let erfB: [Double] = [
  2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03,
  2.84423683343917062e03,
]
private let erfC: [Double] = [
  5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
  2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03,
  2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8,
]
private let erfD: [Double] = [
  1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
  1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03,
  3.43936767414372164e03, 1.23033935480374942e03,
]
private let erfP: [Double] = [
  3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
  1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2,
]
private let erfQ: [Double] = [
  2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1,
  6.05183413124413191e-2, 2.33520497626869185e-3,
]
