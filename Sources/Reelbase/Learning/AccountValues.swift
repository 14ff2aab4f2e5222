/// A creator's pricing tier (`learning.creators.subscription_tier`).
public typealias SubscriptionTier = TextValue<SubscriptionTierKind>
/// The kind of ``SubscriptionTier``.
public enum SubscriptionTierKind: TextValueKind {}
extension TextValue where Kind == SubscriptionTierKind {
  public static var basic: Self { "basic" }
  public static var pro: Self { "pro" }
  public static var enterprise: Self { "enterprise" }
}
