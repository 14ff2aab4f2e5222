/// The scoring rule of a preference model (`market.model_versions.feature_weights`) applied to
/// one video's `visual_analysis`.
///
/// The database does the path lookups (jsonb_each over the weights, jsonb_extract_path on the
/// dotted key) and hands over, per weight, the JSON kinds and the text of numbers and booleans.
/// Everything that decides the score lives here, free of server code:
///
/// - raw = sum over the weights of weight x feature value, in jsonb's key order;
/// - a feature value is a JSON number, or a boolean as 1 / 0; a missing path, JSON null, a
///   string, an object or an array adds nothing and is counted as missing;
/// - virality = 10 / (1 + exp(-raw)), a logistic onto the seed's 0-10 scale: raw 0 is 5, and the
///   result is finite and within [0, 10] for every finite raw.
public enum FeatureScoring {
  /// The kinds `jsonb_typeof` reports.
  public enum Kind: String, Sendable {
    case object, array, string, number, boolean, null
  }

  /// One weight and the feature its key addresses.
  public struct Term: Sendable, Equatable {
    /// The dotted path, e.g. "script.replicability.score".
    public var key: String
    public var weightKind: Kind?
    /// The weight's text when it is a number (jsonb's decimal output), else nil.
    public var weightText: String?
    /// nil when the path does not exist in visual_analysis.
    public var valueKind: Kind?
    /// The value's text when it is a number or a boolean ("true" / "false"), else nil.
    public var valueText: String?

    public init(key: String, weightKind: Kind?, weightText: String?, valueKind: Kind?, valueText: String?) {
      self.key = key
      self.weightKind = weightKind
      self.weightText = weightText
      self.valueKind = valueKind
      self.valueText = valueText
    }
  }

  public struct Score: Sendable, Equatable {
    public var raw: Double
    public var virality: Double
    public var featuresUsed: Int
    public var featuresMissing: Int
  }

  /// Why a model cannot score a video.
  public enum Problem: Error, Equatable, Sendable {
    /// A weight that is not a JSON number (22023).
    case weightNotNumeric(key: String, kind: String)
    /// A weight beyond double precision (22003).
    case weightOutOfRange(key: String)
    /// A feature value beyond double precision (22003).
    case featureOutOfRange(key: String)
    /// The products or their sum overflowed double precision (22003).
    case rawOutOfRange

    public var sqlstate: String {
      switch self {
      case .weightNotNumeric: return "22023"
      case .weightOutOfRange, .featureOutOfRange, .rawOutOfRange: return "22003"
      }
    }

    public var message: String {
      switch self {
      case .weightNotNumeric(let key, let kind):
        return "feature weight \"\(FeatureScoring.shown(key))\" is not a number (it is \(kind))"
      case .weightOutOfRange(let key):
        return "feature weight \"\(FeatureScoring.shown(key))\" is out of range for double precision"
      case .featureOutOfRange(let key):
        return "feature \"\(FeatureScoring.shown(key))\" of the video is out of range for double precision"
      case .rawOutOfRange:
        return "the model's raw score is out of range for double precision"
      }
    }

    public var hint: String? {
      switch self {
      case .weightNotNumeric:
        return "feature_weights maps dotted paths into visual_analysis to numbers, e.g. {\"script.replicability.score\": 0.82}."
      case .weightOutOfRange, .featureOutOfRange, .rawOutOfRange:
        return nil
      }
    }
  }

  /// Scores the terms; the first problem in jsonb key order is reported.
  public static func score(_ terms: [Term]) -> Result<Score, Problem> {
    var raw = 0.0
    var used = 0
    var missing = 0
    for term in terms {
      guard term.weightKind == .number, let weightText = term.weightText else {
        return .failure(.weightNotNumeric(key: term.key, kind: term.weightKind?.rawValue ?? "missing"))
      }
      guard let weight = finiteDouble(weightText) else { return .failure(.weightOutOfRange(key: term.key)) }
      let value: Double
      switch (term.valueKind, term.valueText) {
      case (.number?, let text?):
        guard let v = finiteDouble(text) else { return .failure(.featureOutOfRange(key: term.key)) }
        value = v
      case (.boolean?, "true"?): value = 1
      case (.boolean?, "false"?): value = 0
      default:
        missing += 1
        continue
      }
      used += 1
      raw += weight * value
      // Checked as it goes: inf - inf would turn into NaN and hide the overflow.
      guard raw.isFinite else { return .failure(.rawOutOfRange) }
    }
    return .success(Score(raw: raw, virality: virality(raw: raw), featuresUsed: used, featuresMissing: missing))
  }

  /// 10 / (1 + exp(-raw)): 5 at 0, towards 0 and 10 at the extremes, never outside [0, 10].
  public static func virality(raw: Double) -> Double {
    guard !raw.isNaN else { return 5 }
    let v = 10 / (1 + deterministicExp(-raw))
    return min(10, max(0, v))
  }

  /// A decimal's nearest double; nil when it is not a number or exceeds double precision
  /// (tiny values underflow to zero, which is the nearest double).
  static func finiteDouble(_ text: String) -> Double? {
    // Double(String) also accepts "nan", "inf" and hexadecimal, which JSON numbers never are:
    // only the characters of JSON's number grammar, starting with a sign or a digit.
    guard let first = text.utf8.first, first == UInt8(ascii: "-") || isDigit(first),
      text.utf8.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+")
                             || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
    else { return nil }
    guard let v = Double(text), v.isFinite else { return nil }
    return v
  }

  private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

  /// Keys in messages are cut short, so a hostile key cannot flood the log.
  static func shown(_ key: String) -> String {
    key.count <= 200 ? key : String(key.prefix(200)) + "..."
  }
}

/// e^x from IEEE basic operations, like `deterministicLog`: the core imports no libm, and a
/// stored score then has the same bits on Linux and macOS. Accurate to a few ulps; beyond
/// about ±709 it saturates to infinity / 0, which the logistic turns into 0 / 10.
func deterministicExp(_ x: Double) -> Double {
  if x > 709.78 { return .infinity }
  if x < -745.13 { return 0 }
  // e^x = 2^k * e^r with |r| <= ln2/2; e^r by its Taylor series (20 terms is far past
  // convergence for |r| < 0.35).
  let ln2 = 0.693_147_180_559_945_3
  let k = (x / ln2).rounded()
  let r = x - k * ln2
  var term = 1.0
  var sum = 1.0
  for n in 1...20 {
    term *= r / Double(n)
    sum += term
  }
  return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
}
