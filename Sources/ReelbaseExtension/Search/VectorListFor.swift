import CPostgres
import ReelbaseCore

/// `reelbase.vector_list_for(index, vector)`: the IVF list a row belongs to (its nearest
/// centroid), used by the tables' triggers and by index builds.
enum VectorListFor {
  static func call(_ call: FunctionCall) throws -> RbDatum? {
    let name: String = try call.required(0, "index_name")
    if call.isNull(1) { return nil }
    return try Float4ArrayView.read(call.datum(1)) { vector in
      let index: VectorIndexState? = try SPI.connect { try VectorIndexCatalog.current(name) }
      guard let index, !vector.hasNulls, vector.buffer.count == index.dimension,
        VectorValidation.check(vector.buffer, dimension: index.dimension) == nil
      else { return nil }
      return Int32(clamping: index.nearest(vector.buffer)).makeDatum()
    }
  }
}

@_cdecl("rbx_reelbase_vector_list_for")
func rbx_reelbase_vector_list_for(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, VectorListFor.call)
}
