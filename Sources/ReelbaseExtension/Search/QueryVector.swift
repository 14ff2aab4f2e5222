import CPostgres
import ReelbaseCore

/// A query embedding taken from a `real[]` argument: validated (dimension, NULL and
/// non-finite elements, zero vector) and scaled to length 1 once, so scoring a row is one pass.
struct QueryVector {
  let unit: [Float]

  /// - Throws: 22023 naming `argument` and the problem.
  init(datum: RbDatum, dimension: Int, argument: String) throws {
    unit = try Float4ArrayView.read(datum) { view in
      if view.hasNulls {
        throw PGError.invalidParameter("\(argument) must not contain NULL elements")
      }
      if view.dimensions > 1 {
        throw PGError.invalidParameter(
          "\(argument) must be a one-dimensional array, got \(view.dimensions) dimensions")
      }
      if let problem = VectorValidation.check(view.buffer, dimension: dimension) {
        throw PGError.invalidParameter(
          problem.message(argument: argument),
          hint: dimension == 1536 ? "Embeddings are 1,536 values (OpenAI ada-002); a pgvector value can be passed as v::real[]." : nil)
      }
      guard let unit = VectorMath.normalized(view.buffer) else {
        throw PGError.invalidParameter("\(argument) has no usable length")
      }
      return unit
    }
  }

  /// The unit query as a `real[]` Datum, for SPI parameters.
  func makeDatum() throws -> RbDatum {
    try PGArray<Float>(unit.map { Optional($0) }).makeDatum()
  }
}
