import CPostgres
import ReelbaseCore

/// The watch-progress questions of seed 003, answered from `learning.video_watch_sessions`
/// with the caller's rights (a student sees their own sessions, a creator their videos').
/// Declared STRICT in SQL, so both ids are present whenever these run.
enum WatchProgress {
  private static let uuid = RbOid(RB_UUIDOID)

  // sum() of integers is bigint; the cast raises 22003 rather than wrapping if a student's
  // total ever exceeds the seed's INTEGER return type.
  static let totalWatchTime = PreparedStatement(
    """
    SELECT COALESCE(sum(watch_time_seconds), 0)::integer AS answer
    FROM learning.video_watch_sessions WHERE student_id = $1 AND video_id = $2
    """, [uuid, uuid])

  static let highestCompletion = PreparedStatement(
    """
    SELECT COALESCE(max(percent_complete), 0) AS answer
    FROM learning.video_watch_sessions WHERE student_id = $1 AND video_id = $2
    """, [uuid, uuid])

  static let completed = PreparedStatement(
    """
    SELECT EXISTS (SELECT 1 FROM learning.video_watch_sessions
                   WHERE student_id = $1 AND video_id = $2 AND completed) AS answer
    """, [uuid, uuid])

  /// Each statement names its one column `answer`.
  static func scalar<T: DatumConvertible>(_ statement: PreparedStatement, _ call: FunctionCall,
                                          as: T.Type) throws -> RbDatum?
  {
    let value: T? = try SPI.connect {
      let r = try SPI.execute(statement, [call.datum(0), call.datum(1)], readOnly: true, maxRows: 1)
      return r.rowCount == 1 ? try r.row(0).value("answer") : nil
    }
    return try value?.makeDatum()
  }
}

@_cdecl("rbx_learning_get_student_total_watch_time")
func rbx_learning_get_student_total_watch_time(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call) { try WatchProgress.scalar(WatchProgress.totalWatchTime, $0, as: Int32.self) }
}

@_cdecl("rbx_learning_get_student_highest_completion")
func rbx_learning_get_student_highest_completion(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call) { try WatchProgress.scalar(WatchProgress.highestCompletion, $0, as: Int32.self) }
}

@_cdecl("rbx_learning_has_student_completed_video")
func rbx_learning_has_student_completed_video(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call) { try WatchProgress.scalar(WatchProgress.completed, $0, as: Bool.self) }
}
