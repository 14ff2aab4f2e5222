/// Where a listing window is in its life (`market.listing_windows.status`): `active` ->
/// `sold_out` (a cap reached) or `expired` (past `window_end`), then `archived` (by the sweeps).
public struct ListingStatus: StringBackedValue {
  /// The text stored in the column.
  public let rawValue: String

  /// Makes a value from its text; values this client does not list are kept as they are.
  /// - Parameter rawValue: The text stored in the column.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// `active`: On sale: purchases are accepted while the window is open.
  public static let active: ListingStatus = "active"

  /// `sold_out`: A per-market or the global cap was reached.
  public static let soldOut: ListingStatus = "sold_out"

  /// `expired`: The 72-hour window ended before it sold out.
  public static let expired: ListingStatus = "expired"

  /// `archived`: Retired by the sweeps (expired, or sold out and past its window).
  public static let archived: ListingStatus = "archived"
}
