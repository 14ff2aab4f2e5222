/// The state of a purchase's 12% cashback (`market.transactions.cashback_status`): `pending`
/// -> `claimed` (produced content verified) or `expired` (30 days without content submitted in
/// time).
public struct CashbackStatus: StringBackedValue {
  /// The text stored in the column.
  public let rawValue: String

  /// Makes a value from its text; values this client does not list are kept as they are.
  /// - Parameter rawValue: The text stored in the column.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// `pending`: Waiting for produced content and its verification.
  public static let pending: CashbackStatus = "pending"

  /// `claimed`: Produced content was verified: the cashback is due.
  public static let claimed: CashbackStatus = "claimed"

  /// `expired`: No content was submitted within 30 days of the purchase.
  public static let expired: CashbackStatus = "expired"
}
