import Testing
@testable import ReelbaseCore

@Suite struct UUIDValueTests {
  @Test func parsesAndPrintsCanonicalForm() throws {
    let text = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"
    let u = try #require(UUIDValue(string: text))
    #expect(u.description == text)
    #expect(u.version == 4)
  }

  @Test func acceptsPostgresInputVariants() throws {
    let canonical = try #require(UUIDValue(string: "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"))
    for variant in ["A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}",
                    "a0eebc999c0b4ef8bb6d6bb9bd380a11", "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11"] {
      #expect(UUIDValue(string: variant) == canonical, "\(variant)")
    }
  }

  @Test func rejectsMalformedText() {
    for bad in ["", "-", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111",
                "g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "-a0eebc999c0b4ef8bb6d6bb9bd380a11",
                "a0eebc999c0b4ef8bb6d6bb9bd380a11-", "a0e-ebc999c0b4ef8bb6d6bb9bd380a11",
                "{a0eebc999c0b4ef8bb6d6bb9bd380a11", "a0eebc99--9c0b4ef8bb6d6bb9bd380a11",
                "ä0eebc999c0b4ef8bb6d6bb9bd380a11"] {
      #expect(UUIDValue(string: bad) == nil, "\(bad)")
    }
  }

  @Test func bytesRoundTrip() throws {
    let bytes: [UInt8] = Array(0..<16)
    let u = try #require(UUIDValue(bytes: bytes))
    #expect(u.bytes == bytes)
    #expect(u.description == "00010203-0405-0607-0809-0a0b0c0d0e0f")
    #expect(UUIDValue(bytes: [1, 2, 3]) == nil)
  }

  @Test func version7IsTimeOrderedWithVersionAndVariantBits() {
    let a = UUIDValue.version7(unixMilliseconds: 1_700_000_000_000, randomHigh: .max, randomLow: .max)
    let b = UUIDValue.version7(unixMilliseconds: 1_700_000_000_001, randomHigh: 0, randomLow: 0)
    #expect(a.version == 7)
    #expect(b.version == 7)
    #expect(a.low >> 62 == 0b10)
    #expect(b.low >> 62 == 0b10)
    #expect((a.high, a.low) < (b.high, b.low))
    #expect(a.high >> 16 == 1_700_000_000_000)
    // Out-of-range clocks are clamped, never trapped on.
    #expect(UUIDValue.version7(unixMilliseconds: -5, randomHigh: 0, randomLow: 0).high >> 16 == 0)
  }
}

@Suite struct UUIDv7GeneratorTests {
  @Test func idsIncreaseWithinOneMillisecondAndWhenTheClockStepsBack() {
    var g = UUIDv7Generator()
    var previous = g.next(unixMilliseconds: 1_000, randomHigh: 0xABC, randomLow: 0x1234)
    for (ms, r) in [(1_000, UInt64(0)), (1_000, 5), (999, 7), (1_000, .max), (1_001, 0)] {
      let id = g.next(unixMilliseconds: Int64(ms), randomHigh: r, randomLow: r)
      #expect((id.high, id.low) > (previous.high, previous.low))
      #expect(id.version == 7)
      #expect(id.low >> 62 == 0b10)
      previous = id
    }
  }

  @Test func successorCarriesIntoTheTimestamp() {
    let top = UUIDValue.version7(unixMilliseconds: 5, randomHigh: 0x0FFF, randomLow: .max)
    let next = UUIDv7Generator.successor(of: top)
    #expect(next.high >> 16 == 6)
    #expect(next.version == 7)
    #expect(next.low & 0x3FFF_FFFF_FFFF_FFFF == 0)
  }
}
