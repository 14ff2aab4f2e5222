import CPostgres

/// The maintenance worker's schedule: run reelbase.run_maintenance() every
/// reelbase.maintenance_interval seconds (re-read after each SIGHUP) until the server shuts
/// down. Each run is one transaction on the C side, where an error is logged and recovered
/// from. Every server call this loop makes (rb_worker_run_once, rb_worker_wait with its
/// config reload, rb_worker_log) catches an ERROR under PG_TRY in C, logs it and clears it, so
/// no longjmp crosses these frames. What still ends the loop without unwinding is process
/// exit (FATAL, postmaster death via WL_EXIT_ON_PM_DEATH), which needs no Swift cleanup.
enum MaintenanceWorker {
  static func loop() {
    var notInstalledReported = false
    while true {
      let interval = Int64(rb_worker_interval_seconds())
      if interval > 0 {
        let outcome = rb_worker_run_once()
        if outcome == 0 && !notInstalledReported {
          // LOG, not NOTICE: a background worker's notices never reach the server log.
          rb_worker_log("reelbase is not installed in this database; the maintenance worker waits for it")
          notInstalledReported = true
        } else if outcome != 0 {
          notInstalledReported = false
        }
      }
      // Paused (interval 0): wake up every 10 s to look at the setting again.
      guard rb_worker_wait(interval > 0 ? interval * 1000 : 10_000) else { return }
    }
  }
}

@_cdecl("rbx_maintenance_worker_loop")
func rbx_maintenance_worker_loop() {
  MaintenanceWorker.loop()
}
