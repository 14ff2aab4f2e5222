/// The life of a publish receipt on its channel, which only moves forward:
/// pending → submitted → published → withdrawn, and failed from pending or submitted.
/// A repeat of `record_receipt` with a status that is not ahead of the stored one leaves it.
public enum ReceiptStatus: String, CaseIterable, Sendable {
  case pending, submitted, published, failed, withdrawn

  /// Whether a receipt at `self` may move to `next` (a repeat of the same status is not a move).
  public func canMove(to next: ReceiptStatus) -> Bool {
    switch (self, next) {
    case (.pending, .submitted), (.pending, .published), (.pending, .failed),
         (.submitted, .published), (.submitted, .failed), (.published, .withdrawn):
      true
    default:
      false
    }
  }
}
