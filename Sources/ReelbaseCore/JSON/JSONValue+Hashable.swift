/// Hashing that agrees with JSON equality (numbers by value, objects in any member order), so
/// `uniqueItems` is one pass over the array instead of comparing every pair.
extension JSONValue: Hashable {
  public func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool(let b): hasher.combine(b)
    case .number(let n):
      let t = n.trimmed
      hasher.combine(t.digits)
      hasher.combine(t.isZero ? 0 : t.exponent)
      hasher.combine(t.isNegative)
    case .string(let s):
      for scalar in s.unicodeScalars { hasher.combine(scalar.value) }
    case .array(let a):
      hasher.combine(a.count)
      for element in a { hasher.combine(element) }
    case .object(let o):
      // Member order does not count: combine the members' hashes commutatively.
      var sum = 0
      for (key, value) in o.members {
        var member = Hasher()
        for scalar in key.unicodeScalars { member.combine(scalar.value) }
        member.combine(value)
        sum = sum &+ member.finalize()
      }
      hasher.combine(o.count)
      hasher.combine(sum)
    }
  }
}

extension DecimalNumber: CustomStringConvertible {
  /// Plain decimal notation for everyday magnitudes, scientific beyond them.
  public var description: String {
    let t = trimmed
    if t.isZero { return "0" }
    let sign = t.isNegative ? "-" : ""
    let digits = t.digits.map { String($0) }.joined()
    if t.exponent >= 0 && t.exponent <= 20 { return sign + digits + String(repeating: "0", count: t.exponent) }
    let point = digits.count + t.exponent
    if t.exponent < 0 && point > 0 { return sign + String(digits.prefix(point)) + "." + String(digits.dropFirst(point)) }
    if t.exponent < 0 && point > -6 { return sign + "0." + String(repeating: "0", count: -point) + digits }
    let mantissa = digits.count > 1 ? String(digits.prefix(1)) + "." + String(digits.dropFirst()) : digits
    return sign + mantissa + "e" + String(point - 1)
  }
}
