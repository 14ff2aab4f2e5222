/// A creator's pricing tier (`learning.creators.subscription_tier`).
public struct SubscriptionTier: StringBackedValue {
  /// The text stored in the column.
  public let rawValue: String

  /// Makes a value from its text; values this client does not list are kept as they are.
  /// - Parameter rawValue: The text stored in the column.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// `basic`: The basic tier.
  public static let basic: SubscriptionTier = "basic"
  /// `pro`: The pro tier.
  public static let pro: SubscriptionTier = "pro"
  /// `enterprise`: The enterprise tier.
  public static let enterprise: SubscriptionTier = "enterprise"
}
