import Testing
@testable import ReelbaseCore

@Suite struct PostgresTimeTests {
  @Test func civilDateMatchesPostgresDayNumbers() {
    #expect(CivilDate(postgresDays: 0) == CivilDate(year: 2000, month: 1, day: 1))
    #expect(CivilDate(postgresDays: -1) == CivilDate(year: 1999, month: 12, day: 31))
    #expect(CivilDate(postgresDays: -10_957) == CivilDate(year: 1970, month: 1, day: 1))
    // 2024-02-29 is day 8,825 after 2000-01-01 (SELECT '2024-02-29'::date - '2000-01-01').
    #expect(CivilDate(postgresDays: 8_825) == CivilDate(year: 2024, month: 2, day: 29))
    #expect(CivilDate(year: 2024, month: 3, day: 1).postgresDays == 8_826)
  }

  @Test func civilDateRoundTripsAcrossCenturies() {
    for days in stride(from: Int32(-800_000), through: 800_000, by: 997) {
      let date = CivilDate(postgresDays: days)
      #expect(date.postgresDays == days)
      #expect((1...12).contains(date.month) && (1...31).contains(date.day))
    }
  }

  @Test func civilDateOrdersAndPrints() {
    #expect(CivilDate(year: 2025, month: 1, day: 31) < CivilDate(year: 2025, month: 2, day: 1))
    #expect(CivilDate(year: 7, month: 3, day: 9).description == "0007-03-09")
  }

  @Test func unixMillisecondsFloorBeforeTheEpoch() {
    #expect(PostgresTime.unixMilliseconds(fromTimestamp: -PostgresTime.epochOffsetMicroseconds) == 0)
    #expect(PostgresTime.unixMilliseconds(fromTimestamp: -PostgresTime.epochOffsetMicroseconds - 1) == -1)
    #expect(PostgresTime.unixMilliseconds(fromTimestamp: 0) == 946_684_800_000)
    // The infinities saturate instead of overflowing.
    #expect(PostgresTime.unixMilliseconds(fromTimestamp: .max) == Int64.max / 1000)
    #expect(PostgresTime.isFinite(timestamp: .max) == false)
    #expect(PostgresTime.isFinite(timestamp: 0))
  }

  @Test func eventTypesMatchTheSeed() {
    #expect(VideoEventType.allCases.count == 8)
    #expect(VideoEventType(rawValue: "video_progress")?.isStudentEvent == true)
    #expect(VideoEventType(rawValue: "video_imported")?.isStudentEvent == false)
    #expect(VideoEventType(rawValue: "VIDEO_PROGRESS") == nil)
    #expect(VideoEventType.validNames.hasPrefix("video_imported, video_transcribed"))
  }
}
