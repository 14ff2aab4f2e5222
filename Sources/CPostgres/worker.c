/*
 * The maintenance background worker (enabled by shared_preload_libraries = 'reelbase').
 * The schedule is a Swift loop (rbx_maintenance_worker_loop); this file holds what must stay
 * on the C side of the boundary: the entry point, signal handling, waiting on the latch, and
 * one maintenance run per transaction with its own error recovery, so a failing run is logged
 * and the worker lives on.
 */
#include "shim_internal.h"

#include "access/xact.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "postmaster/interrupt.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/proc.h"
#include "tcop/tcopprot.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

PGDLLEXPORT void rb_maintenance_worker_main(Datum arg);
extern void rbx_maintenance_worker_loop(void);

static int maintenance_interval = 60;
static char *maintenance_database = NULL;

/*
 * Sends a caught error to the server log and clears it: the worker has no SQL caller to
 * raise it to, so, as the autovacuum launcher does, it reports the error and carries on.
 */
static void
report_caught_error(MemoryContext context)
{
  HOLD_INTERRUPTS();
  MemoryContextSwitchTo(context);
  EmitErrorReport();
  FlushErrorState();
  RESUME_INTERRUPTS();
}

int32_t
rb_worker_interval_seconds(void)
{
  return maintenance_interval;
}

void
rb_worker_define_settings_and_register(void)
{
  BackgroundWorker worker;

  DefineCustomIntVariable(
    "reelbase.maintenance_interval",
    "Seconds between two reelbase.run_maintenance() runs of the background worker (0: paused).",
    NULL, &maintenance_interval, 60, 0, 86400, PGC_SIGHUP, GUC_UNIT_S, NULL, NULL, NULL);
  DefineCustomStringVariable(
    "reelbase.maintenance_database",
    "The database in which the background worker runs reelbase.run_maintenance().",
    NULL, &maintenance_database, "postgres", PGC_POSTMASTER, 0, NULL, NULL, NULL);

  memset(&worker, 0, sizeof(worker));
  worker.bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
  worker.bgw_start_time = BgWorkerStart_RecoveryFinished;
  worker.bgw_restart_time = 10;
  snprintf(worker.bgw_library_name, BGW_MAXLEN, "reelbase");
  snprintf(worker.bgw_function_name, BGW_MAXLEN, "rb_maintenance_worker_main");
  snprintf(worker.bgw_name, BGW_MAXLEN, "reelbase maintenance worker");
  snprintf(worker.bgw_type, BGW_MAXLEN, "reelbase maintenance worker");
  RegisterBackgroundWorker(&worker);
}

void
rb_maintenance_worker_main(Datum arg)
{
  pqsignal(SIGHUP, SignalHandlerForConfigReload);
  pqsignal(SIGTERM, SignalHandlerForShutdownRequest);
  BackgroundWorkerUnblockSignals();
  BackgroundWorkerInitializeConnection(maintenance_database, NULL, 0);
  /* The GUC (read by run_maintenance to record who ran it) and pg_stat_activity. */
  SetConfigOption("application_name", "reelbase maintenance worker", PGC_USERSET, PGC_S_SESSION);
  pgstat_report_appname("reelbase maintenance worker");
  ereport(LOG, (errmsg("reelbase maintenance worker started in database \"%s\", every %d s",
                       maintenance_database, maintenance_interval)));
  rbx_maintenance_worker_loop();
  ereport(LOG, (errmsg("reelbase maintenance worker stopped")));
  proc_exit(0);
}

bool
rb_worker_wait(int64_t milliseconds)
{
  MemoryContext context = CurrentMemoryContext;

  if (ShutdownRequestPending)
    return false;
  /*
   * Under PG_TRY like every server call the Swift loop makes: WaitLatch can fail, and
   * ProcessConfigFile can raise (it reports a bad file at LOG, but can still run out of
   * memory). Unguarded, an ERROR would longjmp through the Swift loop to the worker's
   * top-level handler, which exits; here it is logged and the worker keeps its old settings.
   */
  PG_TRY();
  {
    (void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH,
                     milliseconds > 0 ? (long) milliseconds : 1000L, PG_WAIT_EXTENSION);
    ResetLatch(MyLatch);
    if (ConfigReloadPending)
    {
      ConfigReloadPending = false;
      ProcessConfigFile(PGC_SIGHUP);
    }
  }
  PG_CATCH();
  {
    report_caught_error(context);
  }
  PG_END_TRY();
  return !ShutdownRequestPending;
}

/*
 * A LOG line: a background worker's NOTICEs are below log_min_messages and never written.
 * Emitting a message can process interrupts, so it runs under PG_TRY; an error then is
 * reported and cleared here rather than left pending with nobody to raise it.
 */
void
rb_worker_log(const char *message)
{
  MemoryContext context = CurrentMemoryContext;

  PG_TRY();
  {
    ereport(LOG, (errmsg_internal("%s", message)));
  }
  PG_CATCH();
  {
    report_caught_error(context);
  }
  PG_END_TRY();
}

/*
 * One maintenance run in its own transaction. An ERROR, from starting the transaction to
 * committing it, is reported to the log, the transaction aborted and the error state
 * cleared, as the autovacuum launcher does, so the worker carries on. Returns 1 for a run, 0
 * when the extension is not installed here, -1 for an error.
 */
int32_t
rb_worker_run_once(void)
{
  volatile int32_t result = 0;
  MemoryContext context = CurrentMemoryContext;

  PG_TRY();
  {
    SetCurrentStatementStartTimestamp();
    /* Inside PG_TRY: AbortCurrentTransaction also cleans up a half-started transaction. */
    StartTransactionCommand();
    SPI_connect();
    PushActiveSnapshot(GetTransactionSnapshot());
    pgstat_report_activity(STATE_RUNNING, "SELECT reelbase.run_maintenance()");
    SPI_execute("SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'reelbase'", true, 1);
    if (SPI_processed == 1)
    {
      SPI_execute("SELECT count(*) FROM reelbase.run_maintenance()", false, 0);
      result = 1;
    }
    SPI_finish();
    PopActiveSnapshot();
    CommitTransactionCommand();
  }
  PG_CATCH();
  {
    HOLD_INTERRUPTS();
    MemoryContextSwitchTo(context);
    EmitErrorReport();
    AbortCurrentTransaction();
    FlushErrorState();
    RESUME_INTERRUPTS();
    result = -1;
  }
  PG_END_TRY();
  /* Statistics flushing can raise too (out of shared memory): guarded the same way. */
  PG_TRY();
  {
    pgstat_report_stat(false);
    pgstat_report_activity(STATE_IDLE, NULL);
  }
  PG_CATCH();
  {
    report_caught_error(context);
  }
  PG_END_TRY();
  return result;
}
