/// The market's periodic sweeps (seed 000's "via cron job" transitions), in the order
/// `market.run_sweeps` runs them: listings first expire, then expired and finished sold-out
/// listings archive, then unused cashback expires.
public enum SweepKind: String, CaseIterable, Sendable {
  /// Listings `active` whose window has ended -> `expired`.
  case expireListings = "expire_listings"
  /// Listings `expired`, and `sold_out` whose window has ended -> `archived`.
  case archiveListings = "archive_listings"
  /// Transactions whose cashback is `pending` 30 days after purchase with no produced content
  /// submitted in time -> `expired`.
  case expireCashback = "expire_cashback"
}
