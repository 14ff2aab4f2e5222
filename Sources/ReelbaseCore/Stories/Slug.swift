/// URL slugs from names: lower-case ASCII letters and digits, words joined by "-", Latin
/// letters with diacritics folded to their base letter (é → e, ß → ss, Ø → o). Other
/// characters separate words. At most `maxLength` bytes, never ending in "-".
public enum Slug {
  public static func make(_ name: String, maxLength: Int = 100) -> String {
    var out = ""
    var pendingDash = false
    for scalar in name.unicodeScalars {
      let folded = fold(scalar)
      if folded.isEmpty {
        pendingDash = !out.isEmpty
        continue
      }
      if pendingDash { out += "-"; pendingDash = false }
      out += folded
    }
    var bytes = Array(out.utf8.prefix(max(1, maxLength)))
    while bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The slug with a numeric suffix ("name-2"), kept within `maxLength`.
  public static func withSuffix(_ slug: String, _ n: Int, maxLength: Int = 100) -> String {
    let suffix = "-\(n)"
    var base = Array(slug.utf8.prefix(max(0, maxLength - suffix.utf8.count)))
    while base.last == UInt8(ascii: "-") { base.removeLast() }
    return String(decoding: base, as: UTF8.self) + suffix
  }

  private static let latin: [Character: String] = {
    var table: [Character: String] = [:]
    let groups: [(String, String)] = [
      ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
      ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
      ("ŕŗř", "r"), ("śŝşš", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
    ]
    for (letters, base) in groups {
      for c in letters {
        table[c] = base
        for upper in String(c).uppercased() where upper != c { table[upper] = base }
      }
    }
    table["ß"] = "ss"; table["æ"] = "ae"; table["Æ"] = "ae"; table["œ"] = "oe"; table["Œ"] = "oe"
    table["þ"] = "th"; table["Þ"] = "th"; table["ð"] = "d"; table["Ð"] = "d"
    return table
  }()

  private static func fold(_ s: Unicode.Scalar) -> String {
    switch s.value {
    case 0x30...0x39, 0x61...0x7A: return String(Character(s))
    case 0x41...0x5A: return String(Character(Unicode.Scalar(s.value + 32) ?? s))
    default: return latin[Character(s)] ?? ""
    }
  }
}
