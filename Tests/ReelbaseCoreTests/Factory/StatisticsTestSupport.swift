import Testing
@testable import ReelbaseCore

/// |got − want| / |want| (|got − want| when want is 0); infinity for nil or NaN.
func relativeError(_ got: Double?, _ want: Double) -> Double {
  guard let got, !got.isNaN else { return .infinity }
  if want == 0 { return got.magnitude }
  return (got - want).magnitude / want.magnitude
}

/// Reference values are asserted to 1e-12 relative, well inside the 1e-9 the factory needs;
/// the worst measured against mpmath is about 2.5e-13 (normal tail near 1e-285).
func expectClose(_ got: Double?, _ want: Double, tolerance: Double = 1e-12, _ comment: String = "",
                 sourceLocation: SourceLocation = #_sourceLocation)
{
  let e = relativeError(got, want)
  #expect(e <= tolerance, "\(comment) got \(String(describing: got)), want \(want), relative error \(e)",
          sourceLocation: sourceLocation)
}
