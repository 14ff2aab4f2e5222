/// What `track_video_event` found when its insert matched no row: the rows its ids point at,
/// as the caller can see them. Kept free of server code so the rules are unit-tested.
public struct EventReferenceFacts: Sendable {
  /// The video's creator, or nil when the video does not exist (or is not visible).
  public var videoCreator: UUIDValue?
  public var videoDeleted: Bool
  public var studentCreator: UUIDValue?
  public var courseCreator: UUIDValue?
  public var moduleCourse: UUIDValue?
  public var moduleCreator: UUIDValue?

  public init(videoCreator: UUIDValue? = nil, videoDeleted: Bool = false,
              studentCreator: UUIDValue? = nil, courseCreator: UUIDValue? = nil,
              moduleCourse: UUIDValue? = nil, moduleCreator: UUIDValue? = nil)
  {
    self.videoCreator = videoCreator
    self.videoDeleted = videoDeleted
    self.studentCreator = studentCreator
    self.courseCreator = courseCreator
    self.moduleCourse = moduleCourse
    self.moduleCreator = moduleCreator
  }
}

/// The ids a `track_video_event` call named.
public struct EventReferenceRequest: Sendable {
  public var video: UUIDValue
  public var creator: UUIDValue
  public var student: UUIDValue?
  public var course: UUIDValue?
  public var module: UUIDValue?

  public init(video: UUIDValue, creator: UUIDValue, student: UUIDValue? = nil,
              course: UUIDValue? = nil, module: UUIDValue? = nil)
  {
    self.video = video
    self.creator = creator
    self.student = student
    self.course = course
    self.module = module
  }
}

/// The first rule a request breaks, with the SQLSTATE and message the caller gets.
public enum EventReferenceProblem: Equatable, Sendable {
  case videoMissing(UUIDValue)
  case videoDeleted(UUIDValue)
  case videoOfOtherCreator(video: UUIDValue, creator: UUIDValue)
  case studentMissing(UUIDValue)
  case studentOfOtherCreator(student: UUIDValue, creator: UUIDValue)
  case courseMissing(UUIDValue)
  case courseOfOtherCreator(course: UUIDValue, creator: UUIDValue)
  case moduleMissing(UUIDValue)
  case moduleOfOtherCourse(module: UUIDValue, course: UUIDValue, actual: UUIDValue)
  case moduleOfOtherCreator(module: UUIDValue, creator: UUIDValue)

  /// Checks in the order a reader would: the video, then who it belongs to, then the student,
  /// course and module.
  public static func first(in request: EventReferenceRequest, facts: EventReferenceFacts)
    -> EventReferenceProblem?
  {
    guard let videoCreator = facts.videoCreator else { return .videoMissing(request.video) }
    if videoCreator != request.creator {
      return .videoOfOtherCreator(video: request.video, creator: request.creator)
    }
    if facts.videoDeleted { return .videoDeleted(request.video) }
    if let student = request.student {
      guard let owner = facts.studentCreator else { return .studentMissing(student) }
      if owner != request.creator {
        return .studentOfOtherCreator(student: student, creator: request.creator)
      }
    }
    if let course = request.course {
      guard let owner = facts.courseCreator else { return .courseMissing(course) }
      if owner != request.creator {
        return .courseOfOtherCreator(course: course, creator: request.creator)
      }
    }
    if let module = request.module {
      guard let moduleCourse = facts.moduleCourse else { return .moduleMissing(module) }
      if let course = request.course, moduleCourse != course {
        return .moduleOfOtherCourse(module: module, course: course, actual: moduleCourse)
      }
      if facts.moduleCreator != request.creator {
        return .moduleOfOtherCreator(module: module, creator: request.creator)
      }
    }
    return nil
  }

  /// 23503 when a row does not exist (foreign_key_violation, as a plain INSERT would say);
  /// 22023 when rows exist but do not belong together; 55000 for a soft-deleted video.
  public var sqlstate: String {
    switch self {
    case .videoMissing, .studentMissing, .courseMissing, .moduleMissing: return "23503"
    case .videoDeleted: return "55000"
    default: return "22023"
    }
  }

  public var message: String {
    switch self {
    case .videoMissing(let v): return "video \(v) does not exist"
    case .videoDeleted(let v): return "video \(v) is deleted"
    case .videoOfOtherCreator(let v, let c): return "video \(v) does not belong to creator \(c)"
    case .studentMissing(let s): return "student \(s) does not exist"
    case .studentOfOtherCreator(let s, let c):
      return "student \(s) is not a student of creator \(c)"
    case .courseMissing(let c): return "course \(c) does not exist"
    case .courseOfOtherCreator(let course, let c):
      return "course \(course) does not belong to creator \(c)"
    case .moduleMissing(let m): return "module \(m) does not exist"
    case .moduleOfOtherCourse(let m, let c, let actual):
      return "module \(m) belongs to course \(actual), not to course \(c)"
    case .moduleOfOtherCreator(let m, let c):
      return "module \(m) does not belong to a course of creator \(c)"
    }
  }

  /// Rows hidden by row-level security look missing; the detail says so.
  public var detail: String? {
    sqlstate == "23503" ? "Rows hidden from the current user by row-level security count as missing." : nil
  }
}
