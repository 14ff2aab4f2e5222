import Testing
@testable import ReelbaseCore

@Suite struct TransactionIdentityTests {
  let user = UUIDValue(string: "5d000000-0000-4000-8000-000000000101")!

  @Test func roundTripsInItsOwnTransaction() {
    let setting = TransactionIdentity.encode(user, tag: 42)
    #expect(setting == "42:5d000000-0000-4000-8000-000000000101")
    #expect(TransactionIdentity.decode(setting, tag: 42) == .user(user))
  }

  @Test func endsWithItsTransaction() {
    let setting = TransactionIdentity.encode(user, tag: 42)
    #expect(TransactionIdentity.decode(setting, tag: 43) == .ended)
    #expect(TransactionIdentity.decode(setting, tag: 0) == .ended)
  }

  @Test func emptyOrAbsentIsNoIdentity() {
    #expect(TransactionIdentity.encode(nil, tag: 7) == "")
    #expect(TransactionIdentity.decode("", tag: 7) == TransactionIdentity.none)
    #expect(TransactionIdentity.decode(nil, tag: 7) == TransactionIdentity.none)
  }

  @Test func refusesValuesSetUserIdDoesNotWrite() {
    for bad in ["5d000000-0000-4000-8000-000000000101", ":5d000000-0000-4000-8000-000000000101",
                "42:", "42:not-a-uuid", "+42:5d000000-0000-4000-8000-000000000101",
                "4294967296:5d000000-0000-4000-8000-000000000101", "x:5d000000-0000-4000-8000-000000000101"] {
      #expect(TransactionIdentity.decode(bad, tag: 42) == .malformed, "\(bad)")
    }
  }
}
