import Foundation
import PostgresNIO

/// Metrics ingestion and scoring, with the caller's rights: content the caller cannot see is
/// missing (ingestion) or not scored (winners).
extension ReelbaseQueryable {
  /// `factory.record_daily_metrics`: upserts each day (one row per content and date; every
  /// count and the spend of `days` are written). All or nothing.
  /// - Returns: how many rows were inserted and how many updated.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidInput`` (22023) naming the first
  ///   bad day (a negative or over-2^31 count, the same content and date twice);
  ///   ``ReelbaseError/Code/notFound`` (23503) for a content that is missing or hidden.
  @discardableResult
  public func recordDailyMetrics(_ days: [PerformanceMetricsDay]) async throws -> MetricsRecorded {
    let rows: [JSONValue] = days.map { d in
      .object(["published_content_id": .string(d.publishedContentID.uuidString.lowercased()),
               "date": .string(Self.calendarDay(d.date)), "views": .number(Double(d.views)),
               "likes": .number(Double(d.likes)), "comments": .number(Double(d.comments)),
               "shares": .number(Double(d.shares)), "saves": .number(Double(d.saves)),
               "clicks": .number(Double(d.clicks)), "conversions": .number(Double(d.conversions)),
               "spend": .number(NSDecimalNumber(decimal: d.spend).doubleValue)])
    }
    let result: [MetricsRecorded] = try await call("factory.record_daily_metrics", ["rows": JSONValue.array(rows)])
    guard let first = result.first else { throw ReelbaseError(.unexpectedResponse, "record_daily_metrics returned no row") }
    return first
  }

  /// `factory.find_winners`: the best contents by the active scoring config, best first.
  /// - Parameters:
  ///   - minViews: more than this many views; the config's `min_views_threshold` when nil.
  ///   - since: only metric days from this calendar day (UTC) on.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/invalidState`` (55000) without an active
  ///   config; ``ReelbaseError/Code/invalidInput`` (22023) for a limit outside 1...1000.
  public func findWinners(limit: Int = 10, minViews: Int? = nil, since: Date? = nil,
                          readFrom: ReadPreference = .replica) async throws -> [ContentScore] {
    try await call("factory.find_winners", [
      "\"limit\"": try integerArgument(limit), "min_views": try minViews.map(integerArgument),
      "since::date": since.map(Self.calendarDay),
    ], .read(readFrom))
  }

  /// `factory.score_published_content`: one content's score, against the contents
  /// ``findWinners(limit:minViews:since:readFrom:)`` scores with that config.
  /// - Throws: ``ReelbaseError``: ``ReelbaseError/Code/notFound`` (P0002) for a content or
  ///   config that is missing or hidden; ``ReelbaseError/Code/invalidState`` (55000) without an
  ///   active config.
  public func scorePublishedContent(_ id: UUID, config: UUID? = nil, readFrom: ReadPreference = .replica)
    async throws -> ContentScore?
  {
    try await call("factory.score_published_content", ["id": id, "config": config], .read(readFrom), as: ContentScore.self)
      .first
  }

  /// YYYY-MM-DD of a date's day in UTC, as the date columns are read.
  static func calendarDay(_ date: Date) -> String {
    let c = Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: date)
    return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
  }
}

/// What ``ReelbaseQueryable/recordDailyMetrics(_:)`` wrote.
public struct MetricsRecorded: ReelbaseRow, Hashable {
  public var inserted: Int
  public var updated: Int
}

/// A content's score: the rates pooled over its metric days, each normalised by the best among
/// the contents scored, weighted by the config. `rank`, `platformURL` and `awarenessLevel` are
/// set by ``ReelbaseQueryable/findWinners(limit:minViews:since:readFrom:)`` only.
public struct ContentScore: ReelbaseRow, Hashable {
  public var rank: Int?
  public var publishedContentID: UUID
  public var platformURL: String?
  public var awarenessLevel: Int?
  public var score: Double
  public var totalViews: Int64
  public var engagementRate: Double
  public var ctr: Double
  public var conversionRate: Double
  public var engagementNormalised: Double
  public var ctrNormalised: Double
  public var conversionNormalised: Double
  public var configID: UUID

  enum CodingKeys: String, CodingKey {
    case rank, publishedContentID, platformURL = "platform_url", awarenessLevel, score, totalViews, engagementRate, ctr
    case conversionRate, engagementNormalised, ctrNormalised, conversionNormalised, configID
  }
}
