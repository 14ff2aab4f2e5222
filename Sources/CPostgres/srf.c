/*
 * Set-returning functions in materialize mode: Swift appends rows to a tuplestore that lives
 * in the query's memory, and Postgres reads it after the call returns. No state has to survive
 * between calls, so nothing Swift owns outlives the call (GUIDE.md section 1, rule 6).
 */
#include "shim_internal.h"

#include "funcapi.h"
#include "utils/tuplestore.h"

bool
rb_srf_begin(RbCallRef call, RbTupleSinkRef *sink, int32_t *columns)
{
  RB_GUARD_BEGIN
  {
    FunctionCallInfo fcinfo = (FunctionCallInfo) call;
    ReturnSetInfo *rsinfo;

    InitMaterializedSRF(fcinfo, 0);
    rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
    *sink = (RbTupleSinkRef) rsinfo;
    *columns = rsinfo->setDesc->natts;
  }
  RB_GUARD_END
}

bool
rb_srf_put(RbTupleSinkRef sink, const RbDatum *values, const bool *nulls)
{
  RB_GUARD_BEGIN
  {
    ReturnSetInfo *rsinfo = (ReturnSetInfo *) sink;

    tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, (Datum *) values, (bool *) nulls);
  }
  RB_GUARD_END
}
