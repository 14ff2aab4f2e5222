/// Why a vector argument cannot be used for cosine similarity. `VectorValidation.check`
/// finds the first problem; `message(argument:)` turns it into an error message that names the
/// argument and the offending value.
public enum VectorProblem: Equatable, Sendable {
  /// Which non-finite value an element holds.
  public enum NonFiniteValue: Equatable, Sendable {
    case nan
    case infinity
    case negativeInfinity

    /// The value as PostgreSQL prints a `real`: `NaN`, `Infinity` or `-Infinity`.
    public var text: String {
      switch self {
      case .nan: return "NaN"
      case .infinity: return "Infinity"
      case .negativeInfinity: return "-Infinity"
      }
    }
  }

  /// The vector has `actual` elements where `expected` are required.
  case wrongDimension(expected: Int, actual: Int)
  /// Element `index` (1-based, as SQL arrays count) is NaN or infinite.
  case nonFinite(index: Int, value: NonFiniteValue)
  /// Every element is zero, so the vector has no direction.
  case zeroVector
  /// The elements are finite and not all zero, but the sum of their squares overflows `Float`
  /// (elements around 1e19 or larger) or underflows to 0 (all below about 1e-23), so the
  /// vector's length, and with it cosine similarity, cannot be computed in single precision.
  case normOutOfRange

  /// An error message naming the argument, e.g. "query_embedding has 3 dimensions, expected
  /// 1536" or "query_embedding element 7 is NaN".
  ///
  /// - Parameter argument: the name of the argument (or column) that holds the vector.
  /// - Returns: one sentence without a trailing period, in PostgreSQL's message style.
  public func message(argument: String) -> String {
    switch self {
    case .wrongDimension(let expected, let actual):
      let unit = actual == 1 ? "dimension" : "dimensions"
      return "\(argument) has \(actual) \(unit), expected \(expected)"
    case .nonFinite(let index, let value):
      return "\(argument) element \(index) is \(value.text)"
    case .zeroVector:
      return "\(argument) is a zero vector, which has no direction for cosine similarity"
    case .normOutOfRange:
      return
        "\(argument) has a length that single precision cannot represent "
        + "(the sum of its squared elements overflows or underflows real)"
    }
  }
}
