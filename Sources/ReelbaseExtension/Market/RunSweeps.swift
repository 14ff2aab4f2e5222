import CPostgres
import ReelbaseCore

/// `market.run_sweeps(p_now, p_batch_size)`: one batch of every sweep, in SweepKind's order,
/// returning (sweep, changed) per sweep. This is what the maintenance task runs every minute.
enum RunSweeps {
  static func call(_ call: FunctionCall) throws -> RbDatum? {
    let arguments = try MarketSweep.Arguments(call)
    try IsolationCheck.requireReadCommittedForSweep("market.run_sweeps")
    let sink = try TupleSink(call)
    let counts = try SPI.connect {
      try SweepKind.allCases.map { kind in (kind, try MarketSweep.run(kind, arguments)) }
    }
    for (kind, changed) in counts {
      try sink.append([try kind.rawValue.makeDatum(), changed.makeDatum()])
    }
    return nil
  }
}

@_cdecl("rbx_market_run_sweeps")
func rbx_market_run_sweeps(_ call: RbCallRef?) -> RbDatum {
  Boundary.run(call, RunSweeps.call)
}
