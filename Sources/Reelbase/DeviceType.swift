/// The device a watch session ran on (`learning.video_watch_sessions.device_type`).
public struct DeviceType: StringBackedValue {
  /// The text stored in the column.
  public let rawValue: String

  /// Makes a value from its text; values this client does not list are kept as they are.
  /// - Parameter rawValue: The text stored in the column.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// `desktop`: A desktop browser.
  public static let desktop: DeviceType = "desktop"
  /// `mobile`: A phone.
  public static let mobile: DeviceType = "mobile"
  /// `tablet`: A tablet.
  public static let tablet: DeviceType = "tablet"
}
