/// Whether a test could say anything. With every trial a success (or every trial a failure)
/// the pooled variance is 0 and the rates cannot differ: instead of 0/0 the tests answer
/// statistic 0 and p-value 1, and say so with `.noVariation`.
public enum ABTestOutcome: String, Sendable, Equatable {
  /// The statistic and p-value were computed.
  case tested
  /// All trials succeeded, or none did: no test is possible (statistic 0, p-value 1).
  case noVariation = "no_variation"
}
