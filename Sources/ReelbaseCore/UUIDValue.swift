/// A UUID as two big-endian 64-bit halves: no heap allocation, independent of Foundation so the
/// server module can use it.
public struct UUIDValue: Hashable, Sendable, CustomStringConvertible {
  /// Bytes 0...7 of the UUID, most significant first.
  public var high: UInt64
  /// Bytes 8...15 of the UUID, most significant first.
  public var low: UInt64

  public init(high: UInt64, low: UInt64) {
    self.high = high
    self.low = low
  }

  /// - Returns: nil unless `bytes` has exactly 16 elements (network order, as Postgres stores
  ///   a `uuid`).
  public init?<C: Collection>(bytes: C) where C.Element == UInt8 {
    guard bytes.count == 16 else { return nil }
    var h: UInt64 = 0
    var l: UInt64 = 0
    for (i, byte) in bytes.enumerated() {
      if i < 8 { h = h << 8 | UInt64(byte) } else { l = l << 8 | UInt64(byte) }
    }
    self.init(high: h, low: l)
  }

  /// The 16 bytes in network order.
  public var bytes: [UInt8] {
    (0..<16).map { i in
      let word = i < 8 ? high : low
      return UInt8(truncatingIfNeeded: word >> UInt64(8 * (7 - i % 8)))
    }
  }

  /// Parses 32 hex digits, optionally with hyphens between groups of four digits and
  /// optionally in braces (the forms Postgres' `uuid_in` accepts).
  public init?(string: String) {
    var string = string
    guard let parsed = string.withUTF8({ UUIDValue(utf8: $0) }) else { return nil }
    self = parsed
  }

  /// ``init(string:)`` over UTF-8 bytes: bytes, not Unicode scalars, because every accepted
  /// character is ASCII, and the server parses the identity setting on every call.
  public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    var bytes = bytes[...]
    if bytes.first == UInt8(ascii: "{") {
      guard bytes.last == UInt8(ascii: "}") else { return nil }
      bytes = bytes.dropFirst().dropLast()
    }
    var h: UInt64 = 0
    var l: UInt64 = 0
    var digits = 0
    var previousWasHyphen = true
    for byte in bytes {
      if byte == UInt8(ascii: "-") {
        // A hyphen may follow any group of four digits, never two in a row or at the ends.
        guard !previousWasHyphen, digits % 4 == 0, digits < 32 else { return nil }
        previousWasHyphen = true
        continue
      }
      guard let nibble = UUIDValue.hexValue(byte), digits < 32 else { return nil }
      if digits < 16 { h = h << 4 | nibble } else { l = l << 4 | nibble }
      digits += 1
      previousWasHyphen = false
    }
    guard digits == 32, !previousWasHyphen else { return nil }
    self.init(high: h, low: l)
  }

  /// A version 7 UUID: 48 bits of Unix milliseconds, then random bits. Time-ordered ids keep
  /// inserts at the right edge of a btree instead of scattering them across the index.
  /// - Parameters:
  ///   - unixMilliseconds: the timestamp to embed (clamped to 0...2^48-1).
  ///   - randomHigh: random bits for the low 16 bits of the first half (12 are used).
  ///   - randomLow: random bits for the second half (62 are used).
  public static func version7(unixMilliseconds: Int64, randomHigh: UInt64, randomLow: UInt64)
    -> UUIDValue
  {
    let ms = UInt64(clamping: max(0, unixMilliseconds)) & 0xFFFF_FFFF_FFFF
    let high = ms << 16 | 0x7000 | (randomHigh & 0x0FFF)
    let low = 0x8000_0000_0000_0000 | (randomLow & 0x3FFF_FFFF_FFFF_FFFF)
    return UUIDValue(high: high, low: low)
  }

  /// The canonical lower-case hyphenated form, as Postgres prints it.
  public var description: String {
    String(unsafeUninitializedCapacity: 36) { out in
      var at = 0
      for i in 0..<32 {
        if i == 8 || i == 12 || i == 16 || i == 20 {
          out[at] = UInt8(ascii: "-")
          at += 1
        }
        let word = i < 16 ? high : low
        let nibble = UInt8(truncatingIfNeeded: (word >> UInt64(4 * (15 - i % 16))) & 0xF)
        out[at] = nibble < 10 ? 0x30 + nibble : 0x61 - 10 + nibble
        at += 1
      }
      return at
    }
  }

  /// The version nibble (4 for random UUIDs, 7 for time-ordered ones).
  public var version: Int { Int((high >> 12) & 0xF) }

  private static func hexValue(_ b: UInt8) -> UInt64? {
    switch b {
    case 0x30...0x39: return UInt64(b - 0x30)
    case 0x41...0x46: return UInt64(b - 0x41 + 10)
    case 0x61...0x66: return UInt64(b - 0x61 + 10)
    default: return nil
    }
  }
}
