import Testing
@testable import ReelbaseCore

@Suite struct EventReferenceCheckTests {
  let creator = UUIDValue(high: 1, low: 1)
  let other = UUIDValue(high: 2, low: 2)
  let video = UUIDValue(high: 3, low: 3)
  let student = UUIDValue(high: 4, low: 4)
  let course = UUIDValue(high: 5, low: 5)
  let otherCourse = UUIDValue(high: 6, low: 6)
  let module = UUIDValue(high: 7, low: 7)

  var full: EventReferenceRequest {
    EventReferenceRequest(video: video, creator: creator, student: student, course: course, module: module)
  }

  var consistent: EventReferenceFacts {
    EventReferenceFacts(videoCreator: creator, studentCreator: creator, courseCreator: creator,
                        moduleCourse: course, moduleCreator: creator)
  }

  @Test func consistentRowsHaveNoProblem() {
    #expect(EventReferenceProblem.first(in: full, facts: consistent) == nil)
  }

  @Test func eachBrokenRuleIsReportedWithItsSQLSTATE() {
    var f = consistent
    f.videoCreator = nil
    #expect(EventReferenceProblem.first(in: full, facts: f) == .videoMissing(video))
    f = consistent
    f.videoCreator = other
    #expect(EventReferenceProblem.first(in: full, facts: f) == .videoOfOtherCreator(video: video, creator: creator))
    f = consistent
    f.videoDeleted = true
    #expect(EventReferenceProblem.first(in: full, facts: f) == .videoDeleted(video))
    f = consistent
    f.studentCreator = nil
    #expect(EventReferenceProblem.first(in: full, facts: f) == .studentMissing(student))
    f = consistent
    f.studentCreator = other
    #expect(EventReferenceProblem.first(in: full, facts: f) == .studentOfOtherCreator(student: student, creator: creator))
    f = consistent
    f.courseCreator = nil
    #expect(EventReferenceProblem.first(in: full, facts: f) == .courseMissing(course))
    f = consistent
    f.courseCreator = other
    #expect(EventReferenceProblem.first(in: full, facts: f) == .courseOfOtherCreator(course: course, creator: creator))
    f = consistent
    f.moduleCourse = nil
    #expect(EventReferenceProblem.first(in: full, facts: f) == .moduleMissing(module))
    f = consistent
    f.moduleCourse = otherCourse
    #expect(EventReferenceProblem.first(in: full, facts: f)
            == .moduleOfOtherCourse(module: module, course: course, actual: otherCourse))
    f = consistent
    f.moduleCreator = other
    #expect(EventReferenceProblem.first(in: full, facts: f) == .moduleOfOtherCreator(module: module, creator: creator))
  }

  @Test func videoIsCheckedBeforeEverythingElse() {
    let facts = EventReferenceFacts(videoCreator: nil, studentCreator: nil, courseCreator: nil)
    #expect(EventReferenceProblem.first(in: full, facts: facts) == .videoMissing(video))
  }

  @Test func optionalReferencesAreOnlyCheckedWhenGiven() {
    let bare = EventReferenceRequest(video: video, creator: creator)
    #expect(EventReferenceProblem.first(in: bare, facts: EventReferenceFacts(videoCreator: creator)) == nil)
    // A module without a course argument only has to belong to the creator.
    let moduleOnly = EventReferenceRequest(video: video, creator: creator, module: module)
    let facts = EventReferenceFacts(videoCreator: creator, moduleCourse: otherCourse, moduleCreator: creator)
    #expect(EventReferenceProblem.first(in: moduleOnly, facts: facts) == nil)
  }

  @Test func sqlstatesSeparateMissingFromMismatchedRows() {
    #expect(EventReferenceProblem.videoMissing(video).sqlstate == "23503")
    #expect(EventReferenceProblem.videoDeleted(video).sqlstate == "55000")
    #expect(EventReferenceProblem.videoOfOtherCreator(video: video, creator: creator).sqlstate == "22023")
    #expect(EventReferenceProblem.studentMissing(student).detail != nil)
    #expect(EventReferenceProblem.courseOfOtherCreator(course: course, creator: creator).detail == nil)
  }

  @Test func messagesNameTheOffendingIds() {
    let m = EventReferenceProblem.moduleOfOtherCourse(module: module, course: course, actual: otherCourse).message
    #expect(m.contains(module.description) && m.contains(course.description) && m.contains(otherCourse.description))
  }
}
