/*
 * Private to the C shim: the only header that pulls in the server's headers.
 */
#ifndef REELBASE_SHIM_INTERNAL_H
#define REELBASE_SHIM_INTERNAL_H

#include "postgres.h"
#include "fmgr.h"
#include "utils/memutils.h"

#include "reelbase_shim.h"

void rb_errors_init(void);
/* Called by the entry points around each Swift call. */
void rb_call_begin(void);
void rb_call_end(void);
/* Saves the error being handled in PG_CATCH and flushes the error state. */
void rb_capture_server_error(MemoryContext caller_context);

/*
 * RB_GUARD_BEGIN / RB_GUARD_END wrap a server call so that an ERROR it raises becomes a
 * pending error and a `false` return instead of a longjmp through Swift frames. The body must
 * not `return`: leaving PG_TRY early would leave PG_exception_stack pointing at a dead frame.
 */
#define RB_GUARD_BEGIN                                     \
  do {                                                     \
    MemoryContext rb_guard_context_ = CurrentMemoryContext; \
    if (rb_error_pending())                                \
      return false;                                        \
    PG_TRY();                                              \
    {

#define RB_GUARD_END                                       \
    }                                                      \
    PG_CATCH();                                            \
    {                                                      \
      rb_capture_server_error(rb_guard_context_);          \
    }                                                      \
    PG_END_TRY();                                          \
  } while (0);                                             \
  return !rb_error_pending();

/*
 * Declares a SQL-callable C function `name` whose body is the Swift function `rbx_name`
 * (exported with @_cdecl). The pending error, if any, is raised here, after every Swift
 * frame has returned.
 */
#define RB_EXPORT(name)                              \
  extern RbDatum rbx_##name(RbCallRef call);         \
  PG_FUNCTION_INFO_V1(name);                         \
  Datum name(PG_FUNCTION_ARGS)                       \
  {                                                  \
    RbDatum result_;                                 \
    rb_call_begin();                                 \
    result_ = rbx_##name((RbCallRef) fcinfo);        \
    rb_call_end();                                   \
    return (Datum) result_;                          \
  }

/* A second SQL-callable name for the Swift function behind `name` (see legacy-symbols.txt). */
#define RB_EXPORT_ALIAS(old, name)                   \
  PG_FUNCTION_INFO_V1(old);                          \
  Datum old(PG_FUNCTION_ARGS) { return name(fcinfo); }

#endif
