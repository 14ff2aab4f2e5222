/// Why counts or a confidence level cannot be tested. Every statistics entry point of the
/// factory returns one of these instead of trapping or answering NaN.
public enum ABTestError: Error, Equatable, Sendable {
  /// A variant's successes or trials is below zero (`variant` is its index).
  case negativeCount(variant: Int)
  /// A variant has more successes than trials.
  case successesExceedTrials(variant: Int)
  /// A test needs at least two variants; `count` were given.
  case tooFewVariants(count: Int)
  /// No variant has any trials (or, for a single proportion, trials is 0).
  case noTrials
  /// This variant has no trials while others do: it has no rate, and its expected counts
  /// would be 0. Refused rather than silently dropped, so the indices of a result always
  /// match the input; leave the variant out to test the others.
  case variantWithoutTrials(variant: Int)
  /// The confidence level is not strictly between 0 and 1.
  case invalidConfidence(Double)

  /// invalid_parameter_value, for when this reaches SQL.
  public var sqlstate: String { "22023" }

  public var message: String {
    switch self {
    case .negativeCount(let v): return "variant \(v) has a negative count of successes or trials"
    case .successesExceedTrials(let v): return "variant \(v) has more successes than trials"
    case .tooFewVariants(let n): return "an A/B test needs at least 2 variants, got \(n)"
    case .noTrials: return "there are no trials to test"
    case .variantWithoutTrials(let v): return "variant \(v) has no trials"
    case .invalidConfidence(let c): return "confidence level \(c) is not between 0 and 1 (exclusive)"
    }
  }
}
