/// Blocked dot products: several dots at once that share their loads, for the k-means and
/// list-assignment loops, where one row meets hundreds of centroids.
///
/// A single `dot` loads two floats per multiply-add, so it runs at the speed of the loads and,
/// when the other vector comes from a large centroid table, of the cache. Computing a 4 × 2
/// block (four rows against two centroids) loads six vectors for eight products, and reads each
/// centroid once per four rows instead of once per row; 1 × 4 (one row against four centroids)
/// loads five for four. Both accumulate in `SIMD4<Float>` lanes and sum them at the end, so
/// their rounding differs from `dot` only in the last bits (each lane sums `count / 4`
/// products; for 1,536 dimensions the error stays below 1e-5 × Σ|aᵢbᵢ|).
extension VectorMath {
  /// The dots of four rows with two centroids, `count` elements each.
  ///
  /// The caller guarantees that every address has `count` readable elements. Addresses may
  /// repeat (to pad a short block); the repeated lanes then hold identical results.
  ///
  /// - Returns: the dots of rows 0...3 with `c0`, and with `c1`.
  static func dot4x2(
    _ r0: UnsafePointer<Float>, _ r1: UnsafePointer<Float>, _ r2: UnsafePointer<Float>,
    _ r3: UnsafePointer<Float>, _ c0: UnsafePointer<Float>, _ c1: UnsafePointer<Float>,
    count n: Int
  ) -> (SIMD4<Float>, SIMD4<Float>) {
    let p0 = UnsafeRawPointer(r0)
    let p1 = UnsafeRawPointer(r1)
    let p2 = UnsafeRawPointer(r2)
    let p3 = UnsafeRawPointer(r3)
    let q0 = UnsafeRawPointer(c0)
    let q1 = UnsafeRawPointer(c1)
    var a0 = SIMD4<Float>()
    var a1 = SIMD4<Float>()
    var a2 = SIMD4<Float>()
    var a3 = SIMD4<Float>()
    var b0 = SIMD4<Float>()
    var b1 = SIMD4<Float>()
    var b2 = SIMD4<Float>()
    var b3 = SIMD4<Float>()
    var i = 0
    while n &- i >= 4 {
      let offset = i &* 4
      let v = q0.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
      let w = q1.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
      let x0 = p0.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
      let x1 = p1.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
      let x2 = p2.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
      let x3 = p3.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
      a0 += x0 * v
      a1 += x1 * v
      a2 += x2 * v
      a3 += x3 * v
      b0 += x0 * w
      b1 += x1 * w
      b2 += x2 * w
      b3 += x3 * w
      i &+= 4
    }
    var s = SIMD4<Float>(a0.sum(), a1.sum(), a2.sum(), a3.sum())
    var t = SIMD4<Float>(b0.sum(), b1.sum(), b2.sum(), b3.sum())
    while i < n {
      let x = SIMD4<Float>(r0[i], r1[i], r2[i], r3[i])
      s += x * c0[i]
      t += x * c1[i]
      i &+= 1
    }
    return (s, t)
  }

  /// The dots of one row with four centroids, `count` elements each.
  ///
  /// The caller guarantees that every address has `count` readable elements. Centroid
  /// addresses may repeat; the repeated lanes then hold identical results.
  ///
  /// - Returns: the dots of the row with `c0`, `c1`, `c2` and `c3`, in that lane order.
  static func dot1x4(
    _ row: UnsafePointer<Float>, _ c0: UnsafePointer<Float>, _ c1: UnsafePointer<Float>,
    _ c2: UnsafePointer<Float>, _ c3: UnsafePointer<Float>, count n: Int
  ) -> SIMD4<Float> {
    let p = UnsafeRawPointer(row)
    let q0 = UnsafeRawPointer(c0)
    let q1 = UnsafeRawPointer(c1)
    let q2 = UnsafeRawPointer(c2)
    let q3 = UnsafeRawPointer(c3)
    // SIMD8 lanes: eight independent SSE accumulators, enough to hide the adder latency.
    var a0 = SIMD8<Float>()
    var a1 = SIMD8<Float>()
    var a2 = SIMD8<Float>()
    var a3 = SIMD8<Float>()
    var i = 0
    while n &- i >= 8 {
      let offset = i &* 4
      let x = p.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
      a0 += x * q0.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
      a1 += x * q1.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
      a2 += x * q2.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
      a3 += x * q3.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
      i &+= 8
    }
    var s = SIMD4<Float>(a0.sum(), a1.sum(), a2.sum(), a3.sum())
    while i < n {
      s += SIMD4<Float>(c0[i], c1[i], c2[i], c3[i]) * row[i]
      i &+= 1
    }
    return s
  }
}
