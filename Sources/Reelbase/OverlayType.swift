/// The kind of a viewer overlay (`market.viewer_overlays.overlay_type`).
public struct OverlayType: StringBackedValue {
  /// The text stored in the column.
  public let rawValue: String

  /// Makes a value from its text; values this client does not list are kept as they are.
  /// - Parameter rawValue: The text stored in the column.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// `subtitle`: A translated line of dialogue.
  public static let subtitle: OverlayType = "subtitle"

  /// `scene_marker`: A named section of the video (HOOK, PAYOFF, ...).
  public static let sceneMarker: OverlayType = "scene_marker"

  /// `timing_cue`: A cue about pacing or timing.
  public static let timingCue: OverlayType = "timing_cue"
}
