/// The best `k` scored ids seen so far, for nearest-neighbour scans.
///
/// "Best" means the highest score; equal scores are ordered by id ascending, so a scan returns
/// the same rows in the same order however the table's rows happen to be visited. The entries
/// are kept in a binary heap whose root is the worst kept entry, so `offer` costs O(log k) and
/// rejecting an entry that cannot enter (the common case in a long scan) costs O(1).
///
/// NaN scores are never kept (they have no place in an order). Ids are expected to be unique;
/// an id offered twice is kept twice.
public struct TopK<ID: Comparable & Sendable>: Sendable {
  /// One kept entry.
  struct Entry: Sendable {
    var score: Float
    var id: ID
  }

  /// How many entries are kept at most (negative values were clamped to 0).
  public let k: Int

  /// A min-heap by "worse first": every parent is worse than (or as good as) its children.
  private var heap: [Entry] = []

  /// - Parameter k: how many entries to keep; 0 (or less) keeps nothing.
  public init(k: Int) {
    self.k = Swift.max(0, k)
    // Reserve for small k only: a huge k from SQL must not allocate before anything arrives.
    heap.reserveCapacity(Swift.min(self.k, 4096))
  }

  /// How many entries are kept now (at most `k`).
  public var count: Int { heap.count }

  /// Whether `k` entries are kept, so a new entry must beat `worstScore` to enter.
  public var isFull: Bool { heap.count >= k }

  /// The k-th best score when `k` entries are kept, nil before that (and always for k = 0).
  ///
  /// A caller can skip work for a candidate whose score cannot exceed this: an entry with a
  /// lower score is rejected, and one with an equal score enters only with a lower id.
  public var worstScore: Float? {
    guard k > 0, heap.count >= k else { return nil }
    return heap.first?.score
  }

  /// Offers a scored id; it is kept if fewer than `k` are kept or it beats the worst kept one.
  ///
  /// - Parameters:
  ///   - score: higher is better; NaN is ignored.
  ///   - id: the tie-breaker (lower wins).
  public mutating func offer(score: Float, id: ID) {
    guard k > 0, !score.isNaN else { return }
    let entry = Entry(score: score, id: id)
    if heap.count < k {
      heap.append(entry)
      siftUp(from: heap.count &- 1)
    } else if let worst = heap.first, TopK.isBetter(entry, than: worst) {
      heap[0] = entry
      siftDown(from: 0)
    }
  }

  /// The kept entries, best first (score descending, then id ascending).
  ///
  /// - Returns: at most `k` pairs of score and id.
  public func sorted() -> [(score: Float, id: ID)] {
    heap.sorted { TopK.isBetter($0, than: $1) }.map { (score: $0.score, id: $0.id) }
  }

  /// The order of results: higher score first, then lower id. A strict total order on
  /// entries without NaN scores (which `offer` keeps out).
  static func isBetter(_ a: Entry, than b: Entry) -> Bool {
    a.score > b.score || (a.score == b.score && a.id < b.id)
  }

  /// Moves the entry at `index` up while it is worse than its parent.
  private mutating func siftUp(from index: Int) {
    var child = index
    while child > 0 {
      let parent = (child &- 1) / 2
      guard TopK.isBetter(heap[parent], than: heap[child]) else { return }
      heap.swapAt(parent, child)
      child = parent
    }
  }

  /// Moves the entry at `index` down while a child is worse than it.
  private mutating func siftDown(from index: Int) {
    var parent = index
    let n = heap.count
    while true {
      let left = parent &* 2 &+ 1
      guard left < n else { return }
      var worst = left
      let right = left &+ 1
      if right < n && TopK.isBetter(heap[left], than: heap[right]) { worst = right }
      guard TopK.isBetter(heap[parent], than: heap[worst]) else { return }
      heap.swapAt(parent, worst)
      parent = worst
    }
  }
}
