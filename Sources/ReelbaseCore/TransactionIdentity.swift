/// The value `reelbase.set_user_id` stores in the setting `reelbase.user_id`: the end user and
/// the transaction it was set in, as `<tag>:<uuid>` (the tag is the top-level transaction's
/// local id). A setting survives its transaction when someone sets it at session level (`SET`,
/// or a pooled connection's leftovers), so the identity counts only in the transaction that
/// set it, whatever way the setting got there.
public enum TransactionIdentity: Equatable, Sendable {
  /// No identity: the setting is absent or empty (NULL was set).
  case none
  /// The identity `set_user_id` set in this transaction.
  case user(UUIDValue)
  /// A value `set_user_id` set in another transaction: it has ended, so no identity.
  case ended
  /// Not a value `set_user_id` writes (for example `SET reelbase.user_id = '<uuid>'`).
  case malformed

  public static func encode(_ user: UUIDValue?, tag: UInt32) -> String {
    guard let user else { return "" }
    return "\(tag):\(user)"
  }

  public static func decode(_ setting: String?, tag: UInt32) -> TransactionIdentity {
    guard var setting, !setting.isEmpty else { return .none }
    // Bytes, not Characters: every identity check of a policy or function decodes this.
    return setting.withUTF8 { bytes in
      guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon <= 10 else { return .malformed }
      var settingTag: UInt64 = 0
      for byte in bytes[..<colon] {
        guard byte >= 0x30 && byte <= 0x39 else { return .malformed }
        settingTag = settingTag * 10 + UInt64(byte - 0x30)
      }
      guard settingTag <= UInt64(UInt32.max),
        let user = UUIDValue(utf8: UnsafeBufferPointer(rebasing: bytes[(colon + 1)...]))
      else { return .malformed }
      return UInt32(settingTag) == tag ? .user(user) : .ended
    }
  }
}
