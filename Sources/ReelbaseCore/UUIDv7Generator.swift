/// Makes version 7 UUIDs that increase strictly within one generator (one backend), even when
/// many are made in the same millisecond or the clock steps back (RFC 9562, section 6.2,
/// method 3: the random part is incremented instead of redrawn while time does not advance).
public struct UUIDv7Generator: Sendable {
  private var last: UUIDValue? = nil

  public init() {}

  /// - Parameters:
  ///   - unixMilliseconds: the wall clock now.
  ///   - randomHigh, randomLow: fresh random bits, used when time has advanced.
  /// - Returns: a UUIDv7 greater than every one this generator returned before.
  public mutating func next(unixMilliseconds: Int64, randomHigh: UInt64, randomLow: UInt64)
    -> UUIDValue
  {
    let fresh = UUIDValue.version7(
      unixMilliseconds: unixMilliseconds, randomHigh: randomHigh, randomLow: randomLow)
    guard let previous = last, (fresh.high, fresh.low) <= (previous.high, previous.low) else {
      last = fresh
      return fresh
    }
    let next = UUIDv7Generator.successor(of: previous)
    last = next
    return next
  }

  /// The next UUIDv7 after `u`: +1 in the 62 random bits of the second half, carrying into
  /// the 12 random bits and then the timestamp of the first half; version and variant stay.
  static func successor(of u: UUIDValue) -> UUIDValue {
    let randomMask: UInt64 = 0x3FFF_FFFF_FFFF_FFFF
    let lowRandom = u.low & randomMask
    if lowRandom < randomMask {
      return UUIDValue(high: u.high, low: (u.low & ~randomMask) | (lowRandom + 1))
    }
    let counter = u.high & 0x0FFF
    let millis = u.high >> 16
    let (newCounter, newMillis) = counter < 0x0FFF ? (counter + 1, millis) : (0, millis &+ 1)
    let high = (newMillis & 0xFFFF_FFFF_FFFF) << 16 | 0x7000 | newCounter
    return UUIDValue(high: high, low: u.low & ~randomMask)
  }
}
