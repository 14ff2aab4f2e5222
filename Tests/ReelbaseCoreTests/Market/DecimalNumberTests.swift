import Testing
@testable import ReelbaseCore

@Suite struct DecimalNumberTests {
  @Test func readsNumericAndDoubleText() {
    #expect(DecimalNumber(text: "41.00") == DecimalNumber(digits: [4, 1, 0, 0], exponent: -2))
    #expect(DecimalNumber(text: "-0.5") == DecimalNumber(digits: [5], exponent: -1, isNegative: true))
    #expect(DecimalNumber(text: "1e-05") == DecimalNumber(digits: [1], exponent: -5))
    #expect(DecimalNumber(text: "2.5e+16") == DecimalNumber(digits: [2, 5], exponent: 15))
    #expect(DecimalNumber(text: "007") == DecimalNumber(digits: [7], exponent: 0))
    #expect(DecimalNumber(text: "-0")?.isNegative == false)
    #expect(DecimalNumber(shortest: 0.28) == DecimalNumber(digits: [2, 8], exponent: -2))
  }

  @Test func refusesWhatIsNotAFiniteNumber() {
    for text in ["", "-", ".", "NaN", "Infinity", "-Infinity", "inf", "nan", "1e", "1e+", "1.2.3",
                 "12a", " 1", "1 ", "1e9999999999", "--1", "0x10"] {
      #expect(DecimalNumber(text: text) == nil, "\(text)")
    }
    #expect(DecimalNumber(shortest: .infinity) == nil)
    #expect(DecimalNumber(shortest: .nan) == nil)
  }

  @Test func multipliesExactly() {
    let a = DecimalNumber(text: "4100")!
    let b = DecimalNumber(text: "0.28")!
    #expect((a * b).rounded(shift: 0, limit: 1_000_000) == 1148)
    let big = DecimalNumber(text: "999999999999")! * DecimalNumber(text: "99.99999999999999")!
    #expect(big.rounded(shift: 0, limit: 999_999_999_999) == nil)
    #expect((DecimalNumber(text: "-3")! * DecimalNumber(text: "0.5")!).rounded(shift: 0, limit: 10) == -2)
  }

  @Test func roundsHalfAwayFromZero() {
    #expect(DecimalNumber(text: "0.5")!.rounded(shift: 0, limit: 10) == 1)
    #expect(DecimalNumber(text: "0.49999")!.rounded(shift: 0, limit: 10) == 0)
    #expect(DecimalNumber(text: "-0.5")!.rounded(shift: 0, limit: 10) == -1)
    #expect(DecimalNumber(text: "0.05")!.rounded(shift: 0, limit: 10) == 0)
    #expect(DecimalNumber(text: "9.5")!.rounded(shift: 0, limit: 10) == 10)
    #expect(DecimalNumber(text: "10.5")!.rounded(shift: 0, limit: 10) == nil)
    #expect(DecimalNumber(text: "1e3")!.rounded(shift: 2, limit: 1_000_000) == 100_000)
  }
}
