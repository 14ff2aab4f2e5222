/*
 * SPI for Swift: saved plans and guarded execution. Results are read column by column with
 * SPI_getbinval, which does not allocate.
 */
#include "shim_internal.h"

#include "executor/spi.h"
#include "utils/guc.h"

/*
 * While connected, search_path is pg_catalog, pg_temp, as in a function with that SET clause:
 * the statements reelbase runs (written schema-qualified) then mean the same whatever the
 * caller's path; an operator or function of a schema the caller put first cannot stand in for
 * pg_catalog's. Saved plans are made and used under this one path, so the plan cache never
 * replans them for a caller's path. A server error restores the caller's path with the
 * (sub)transaction abort.
 */
bool
rb_spi_connect(int32_t *guc_level)
{
  RB_GUARD_BEGIN
  {
    *guc_level = NewGUCNestLevel();
    (void) set_config_option("search_path", "pg_catalog, pg_temp", PGC_USERSET, PGC_S_SESSION,
                             GUC_ACTION_SAVE, true, 0, false);
    SPI_connect();
  }
  RB_GUARD_END
}

bool
rb_spi_finish(int32_t guc_level)
{
  RB_GUARD_BEGIN
  {
    SPI_finish();
    AtEOXact_GUC(true, guc_level);
  }
  RB_GUARD_END
}

bool
rb_spi_prepare(const char *sql, int32_t nargs, const RbOid *argtypes, bool parallel_ok,
               RbPlanRef *plan)
{
  RB_GUARD_BEGIN
  {
    /*
     * Always a generic plan: statements like "$5 IS NULL OR EXISTS (...)" look cheaper as
     * custom plans, so the plan cache would otherwise re-plan them on every call. Parallel
     * only when asked: SPI_prepare's default, like a top-level query's, would otherwise let
     * every small look-up pay for the planner's parallel paths.
     */
    int options = CURSOR_OPT_GENERIC_PLAN | (parallel_ok ? CURSOR_OPT_PARALLEL_OK : 0);
    SPIPlanPtr p = SPI_prepare_cursor(sql, nargs, (Oid *) argtypes, options);

    if (p == NULL)
      ereport(ERROR,
              (errcode(ERRCODE_INTERNAL_ERROR),
               errmsg("reelbase: could not prepare statement: %s",
                      SPI_result_code_string(SPI_result))));
    if (SPI_keepplan(p) != 0)
      ereport(ERROR,
              (errcode(ERRCODE_INTERNAL_ERROR), errmsg("reelbase: could not save a plan")));
    *plan = (RbPlanRef) p;
  }
  RB_GUARD_END
}

bool
rb_spi_execute(RbPlanRef plan, const RbDatum *values, const char *nulls, bool read_only,
               int64_t max_rows, int32_t *status)
{
  RB_GUARD_BEGIN
  {
    int rc = SPI_execute_plan((SPIPlanPtr) plan, (Datum *) values, nulls, read_only,
                              (long) max_rows);

    if (rc < 0)
      ereport(ERROR,
              (errcode(ERRCODE_INTERNAL_ERROR),
               errmsg("reelbase: SPI_execute_plan failed: %s", SPI_result_code_string(rc))));
    *status = rc;
  }
  RB_GUARD_END
}

bool
rb_spi_exec(const char *sql, bool read_only, int32_t *status)
{
  RB_GUARD_BEGIN
  {
    int rc = SPI_execute(sql, read_only, 0);

    if (rc < 0)
      ereport(ERROR,
              (errcode(ERRCODE_INTERNAL_ERROR),
               errmsg("reelbase: SPI_execute failed: %s", SPI_result_code_string(rc))));
    *status = rc;
  }
  RB_GUARD_END
}

bool
rb_spi_cursor_open(const char *sql, bool read_only, void **portal)
{
  RB_GUARD_BEGIN
  {
    Portal p = SPI_cursor_open_with_args(NULL, sql, 0, NULL, NULL, NULL, read_only, 0);

    *portal = p;
  }
  RB_GUARD_END
}

bool
rb_spi_cursor_fetch(void *portal, int64_t rows)
{
  RB_GUARD_BEGIN
  {
    SPI_cursor_fetch((Portal) portal, true, (long) rows);
  }
  RB_GUARD_END
}

bool
rb_spi_cursor_close(void *portal)
{
  RB_GUARD_BEGIN
  {
    SPI_cursor_close((Portal) portal);
  }
  RB_GUARD_END
}

uint64_t
rb_spi_processed(void)
{
  return SPI_processed;
}

void *
rb_spi_tuptable(void)
{
  return SPI_tuptable;
}

bool
rb_spi_free(void *tuptable)
{
  /*
   * Guarded: SPI_freetuptable elog(WARNING)s on a table it does not know, and emitting a
   * message can process interrupts (a query cancel), which raise.
   */
  RB_GUARD_BEGIN
  {
    SPI_freetuptable((SPITupleTable *) tuptable);
  }
  RB_GUARD_END
}

int32_t
rb_spi_column_count(void *tuptable)
{
  SPITupleTable *t = (SPITupleTable *) tuptable;

  return t != NULL ? t->tupdesc->natts : 0;
}

RbOid
rb_spi_column_type(void *tuptable, int32_t column)
{
  SPITupleTable *t = (SPITupleTable *) tuptable;

  if (t == NULL || column < 0 || column >= t->tupdesc->natts)
    return InvalidOid;
  return TupleDescAttr(t->tupdesc, column)->atttypid;
}

/*
 * Not guarded: reads the descriptor in place (no palloc, unlike SPI_fname), so it cannot raise.
 * The name lives as long as the tuple table.
 */
const char *
rb_spi_column_name(void *tuptable, int32_t column)
{
  SPITupleTable *t = (SPITupleTable *) tuptable;

  if (t == NULL || column < 0 || column >= t->tupdesc->natts)
    return NULL;
  return NameStr(TupleDescAttr(t->tupdesc, column)->attname);
}

bool
rb_spi_value(void *tuptable, uint64_t row, int32_t column, RbDatum *value, bool *isnull)
{
  RB_GUARD_BEGIN
  {
    SPITupleTable *t = (SPITupleTable *) tuptable;

    /* numvals is the number of rows this table holds, whatever ran after it. */
    if (t == NULL || row >= t->numvals || column < 0 || column >= t->tupdesc->natts)
      ereport(ERROR,
              (errcode(ERRCODE_INTERNAL_ERROR),
               errmsg("reelbase: no SPI result at row %llu, column %d",
                      (unsigned long long) row, column)));
    *value = (RbDatum) SPI_getbinval(t->vals[row], t->tupdesc, column + 1, isnull);
  }
  RB_GUARD_END
}
