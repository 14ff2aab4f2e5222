/// Scraped performance figures of produced content (seed 000 section 3.3:
/// `market.produced_content.performance_metrics`, `{views, likes, shares, comments,
/// scraped_at}`). A figure left nil is not written.
public struct PerformanceMetrics: Sendable, Hashable {
  /// Views.
  public var views: Int?
  /// Likes.
  public var likes: Int?
  /// Shares.
  public var shares: Int?
  /// Comments.
  public var comments: Int?
  /// When the figures were scraped, as ISO 8601 text (`2025-12-10T00:00:00Z`), as stored.
  public var scrapedAt: String?

  /// Makes a set of figures.
  /// - Parameters:
  ///   - views: Views.
  ///   - likes: Likes.
  ///   - shares: Shares.
  ///   - comments: Comments.
  ///   - scrapedAt: When they were scraped (ISO 8601 text).
  public init(
    views: Int? = nil, likes: Int? = nil, shares: Int? = nil, comments: Int? = nil,
    scrapedAt: String? = nil
  ) {
    self.views = views
    self.likes = likes
    self.shares = shares
    self.comments = comments
    self.scrapedAt = scrapedAt
  }

  /// Reads the known members of a JSON object; numbers that are not whole, or beyond `Int`,
  /// read as nil.
  /// - Parameter json: A `performance_metrics` object.
  public init(json: JSONValue) {
    func count(_ key: String) -> Int? {
      guard let number = json[key]?.numberValue, number.rounded() == number else { return nil }
      return Int(exactly: number)
    }
    views = count("views")
    likes = count("likes")
    shares = count("shares")
    comments = count("comments")
    scrapedAt = json["scraped_at"]?.stringValue
  }

  /// The figures as the JSON object stored in the column (nil figures left out).
  public var json: JSONValue {
    var members: [String: JSONValue] = [:]
    let counts: [(String, Int?)] = [("views", views), ("likes", likes), ("shares", shares), ("comments", comments)]
    for (key, value) in counts {
      if let value { members[key] = .number(Double(value)) }
    }
    if let scrapedAt { members["scraped_at"] = .string(scrapedAt) }
    return .object(members)
  }
}
