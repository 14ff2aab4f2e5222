import Testing
@testable import ReelbaseCore

@Suite struct FeatureScoringTests {
  typealias Term = FeatureScoring.Term

  func term(_ key: String, _ weight: String, _ kind: FeatureScoring.Kind?, _ value: String?) -> Term {
    Term(key: key, weightKind: .number, weightText: weight, valueKind: kind, valueText: value)
  }

  func score(_ terms: [Term]) throws -> FeatureScoring.Score {
    try FeatureScoring.score(terms).get()
  }

  @Test func numbersAndBooleansAreWeighted() throws {
    let s = try score([
      term("script.replicability.score", "0.82", .number, "0.5"),
      term("comedyStyle.contrastMechanism.present", "0.52", .boolean, "true"),
      term("trends.memeDependent", "-0.68", .boolean, "false"),
      term("audio.soundEffects_count", "-0.38", .number, "3"),
    ])
    #expect(abs(s.raw - (0.82 * 0.5 + 0.52 - 0.38 * 3)) < 1e-12)
    #expect(s.featuresUsed == 4)
    #expect(s.featuresMissing == 0)
  }

  @Test func missingNullStringObjectArrayCountAsMissing() throws {
    let s = try score([
      term("a", "1", nil, nil),
      term("b", "1", .null, nil),
      term("c", "1", .string, nil),
      term("d", "1", .object, nil),
      term("e", "1", .array, nil),
      term("f", "2", .number, "1.5"),
    ])
    #expect(s.raw == 3)
    #expect(s.featuresUsed == 1)
    #expect(s.featuresMissing == 5)
  }

  @Test func noWeightsScoreFive() throws {
    let s = try score([])
    #expect(s.raw == 0)
    #expect(s.virality == 5)
  }

  @Test func nonNumericWeightIsNamed() {
    let t = Term(key: "script.humor", weightKind: .string, weightText: nil, valueKind: .number, valueText: "1")
    let r = FeatureScoring.score([term("ok", "1", .number, "1"), t])
    #expect(r == .failure(.weightNotNumeric(key: "script.humor", kind: "string")))
    if case .failure(let p) = r {
      #expect(p.sqlstate == "22023")
      #expect(p.message.contains("script.humor"))
      #expect(p.hint != nil)
    }
    for kind in [FeatureScoring.Kind.boolean, .null, .object, .array] {
      let w = Term(key: "k", weightKind: kind, weightText: nil, valueKind: nil, valueText: nil)
      #expect(FeatureScoring.score([w]) == .failure(.weightNotNumeric(key: "k", kind: kind.rawValue)))
    }
    // A number kind without its text is not trusted either.
    let noText = Term(key: "k", weightKind: .number, weightText: nil, valueKind: nil, valueText: nil)
    #expect(FeatureScoring.score([noText]) == .failure(.weightNotNumeric(key: "k", kind: "number")))
  }

  @Test func hugeNumbersAreRangeErrorsNotInfinity() {
    let huge = "1" + String(repeating: "0", count: 400)
    #expect(FeatureScoring.score([term("w", huge, .number, "1")]) == .failure(.weightOutOfRange(key: "w")))
    #expect(FeatureScoring.score([term("v", "1", .number, huge)]) == .failure(.featureOutOfRange(key: "v")))
    #expect(FeatureScoring.score([term("v", "1", .number, "-" + huge)]) == .failure(.featureOutOfRange(key: "v")))
    // Each finite, the product overflows.
    let big = "1" + String(repeating: "0", count: 300)
    #expect(FeatureScoring.score([term("v", big, .number, big)]) == .failure(.rawOutOfRange))
    // +max then -max would be inf - inf = NaN without the running check.
    let r = FeatureScoring.score([term("a", big, .number, big), term("b", "-" + big, .number, big)])
    #expect(r == .failure(.rawOutOfRange))
    #expect(FeatureScoring.Problem.rawOutOfRange.sqlstate == "22003")
  }

  @Test func tinyNumbersUnderflowToZero() throws {
    let tiny = "0." + String(repeating: "0", count: 400) + "1"
    let s = try score([term("t", "1", .number, tiny)])
    #expect(s.raw == 0)
    #expect(s.featuresUsed == 1)
  }

  @Test func nonJSONNumberTextIsRejected() {
    for text in ["nan", "NaN", "inf", "infinity", "-inf", "", " 1", "0x10", "1e5x"] {
      #expect(FeatureScoring.finiteDouble(text) == nil, "\(text)")
    }
    #expect(FeatureScoring.finiteDouble("-0.5") == -0.5)
    #expect(FeatureScoring.finiteDouble("12") == 12)
  }

  @Test func booleanTextOtherThanTrueFalseIsMissing() throws {
    let s = try score([term("b", "1", .boolean, "yes"), term("c", "1", .boolean, nil)])
    #expect(s.featuresMissing == 2)
  }

  @Test func viralityIsALogisticWithinZeroToTen() {
    #expect(FeatureScoring.virality(raw: 0) == 5)
    #expect(abs(FeatureScoring.virality(raw: 1) - 10 / (1 + 0.36787944117144233)) < 1e-12)
    #expect(abs(FeatureScoring.virality(raw: -2) - 10 / (1 + 7.38905609893065)) < 1e-12)
    for raw in [-1e308, -1000, -746, -709.9, -40, 40, 709.9, 746, 1000, 1e308, .greatestFiniteMagnitude] {
      let v = FeatureScoring.virality(raw: raw)
      #expect(v.isFinite && v >= 0 && v <= 10, "\(raw) -> \(v)")
    }
    #expect(FeatureScoring.virality(raw: -1000) == 0)
    #expect(FeatureScoring.virality(raw: 1000) == 10)
    // Monotone.
    var last = -1.0
    for i in -200...200 {
      let v = FeatureScoring.virality(raw: Double(i) / 10)
      #expect(v >= last)
      last = v
    }
  }

  @Test func deterministicExpMatchesKnownValues() {
    let cases: [(Double, Double)] = [
      (0, 1), (1, 2.718281828459045), (-1, 0.36787944117144233), (10, 22026.465794806718),
      (-10, 4.5399929762484854e-05), (0.5, 1.6487212707001282), (100, 2.6881171418161356e+43),
    ]
    for (x, expected) in cases {
      let got = deterministicExp(x)
      #expect(abs(got - expected) / expected < 1e-14, "exp(\(x)) = \(got)")
    }
    #expect(deterministicExp(800) == .infinity)
    #expect(deterministicExp(-800) == 0)
  }

  @Test func longKeysAreCutInMessages() {
    let key = String(repeating: "k", count: 10_000)
    let p = FeatureScoring.Problem.weightNotNumeric(key: key, kind: "string")
    #expect(p.message.count < 400)
  }
}
