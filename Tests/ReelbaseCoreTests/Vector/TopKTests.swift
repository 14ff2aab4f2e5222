import Testing

@testable import ReelbaseCore

@Suite struct TopKTests {
  /// The reference: sort everything, take the first k.
  func expected(_ entries: [(score: Float, id: Int)], k: Int) -> [(score: Float, id: Int)] {
    Array(
      entries.filter { !$0.score.isNaN }
        .sorted { $0.score > $1.score || ($0.score == $1.score && $0.id < $1.id) }
        .prefix(max(0, k)))
  }

  @Test(arguments: [0, 1, 2, 3, 10, 99, 100, 101, 1000])
  func matchesSortingOnDataWithManyTies(k: Int) {
    var g = SeededGenerator(seed: UInt64(k))
    for _ in 0..<20 {
      // 100 entries, scores from only 7 values, ids unique and in random order.
      var ids = Array(0..<100)
      for i in stride(from: ids.count - 1, to: 0, by: -1) {
        ids.swapAt(i, g.nextIndex(below: i + 1))
      }
      let entries = ids.map { (score: Float(g.nextIndex(below: 7)) / 4 - 0.5, id: $0) }
      var top = TopK<Int>(k: k)
      for e in entries { top.offer(score: e.score, id: e.id) }
      let got = top.sorted()
      let want = expected(entries, k: k)
      #expect(got.map(\.id) == want.map(\.id))
      #expect(got.map(\.score) == want.map(\.score))
      #expect(top.count == want.count)
    }
  }

  @Test func worstScoreIsNilUntilFullThenTheKthBest() {
    var top = TopK<Int>(k: 3)
    #expect(top.worstScore == nil)
    top.offer(score: 0.5, id: 1)
    top.offer(score: 0.9, id: 2)
    #expect(top.worstScore == nil)
    #expect(!top.isFull)
    top.offer(score: 0.1, id: 3)
    #expect(top.isFull)
    #expect(top.worstScore == 0.1)
    top.offer(score: 0.7, id: 4)
    #expect(top.worstScore == 0.5)
    top.offer(score: 0.2, id: 5)  // below the worst: rejected
    #expect(top.sorted().map(\.id) == [2, 4, 1])
    top.offer(score: 0.5, id: 0)  // equal score, lower id: enters
    #expect(top.sorted().map(\.id) == [2, 4, 0])
    top.offer(score: 0.5, id: 9)  // equal score, higher id: rejected
    #expect(top.sorted().map(\.id) == [2, 4, 0])
  }

  @Test func nanIsIgnoredAndInfinitiesAreOrdered() {
    var top = TopK<Int>(k: 4)
    top.offer(score: .nan, id: 0)
    top.offer(score: -.infinity, id: 1)
    top.offer(score: .infinity, id: 2)
    top.offer(score: 0, id: 3)
    #expect(top.sorted().map(\.id) == [2, 3, 1])
  }

  @Test func zeroOrNegativeKKeepsNothing() {
    for k in [0, -5] {
      var top = TopK<Int>(k: k)
      top.offer(score: 1, id: 1)
      #expect(top.count == 0)
      #expect(top.worstScore == nil)
      #expect(top.sorted().isEmpty)
    }
  }

  @Test func hugeKDoesNotAllocateUpFront() {
    var top = TopK<String>(k: Int.max)
    top.offer(score: 1, id: "b")
    top.offer(score: 1, id: "a")
    #expect(top.sorted().map(\.id) == ["a", "b"])
  }
}
