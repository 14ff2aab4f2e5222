import CPostgres
import ReelbaseCore

/// `factory.slugify(name, suffix => 1)`: the URL slug of a name (ReelbaseCore's `Slug`, as
/// stories' topic promotion makes them): lower-case ASCII letters and digits, Latin diacritics
/// folded, words joined by "-", at most 100 bytes; suffix n > 1 appends "-n" within the 100
/// bytes. '' when the name has no letter or digit to keep. The dossier slug trigger
/// (sql/reelbase_factory/15_slugs.sql) calls it with rising suffixes until one is free.
enum Slugify {
  static func call(_ call: FunctionCall) throws -> RbDatum? {
    let name: String = try call.required(0, "name")
    let suffix: Int32 = try call.required(1, "suffix")
    guard suffix >= 1 else {
      throw PGError.invalidParameter("the slug suffix must be 1 or more, not \(suffix)")
    }
    let base = Slug.make(name)
    if base.isEmpty || suffix == 1 { return try base.makeDatum() }
    return try Slug.withSuffix(base, Int(suffix)).makeDatum()
  }
}

@_cdecl("rbx_factory_slugify")
func rbx_factory_slugify(_ call: RbCallRef?) -> RbDatum { Boundary.run(call, Slugify.call) }
