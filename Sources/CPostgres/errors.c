/*
 * The pending error: the one place where a Postgres ERROR caught during a server call, or an
 * error thrown by Swift, waits until the C entry point can raise it.
 */
#include "shim_internal.h"

#include <string.h>

/* Holds the pending error's strings; reset at the start of every call, so memory stays flat. */
static MemoryContext error_context = NULL;
static bool pending = false;
static bool pending_from_server = false;
static ErrorData *server_error = NULL;
static char swift_sqlstate[6] = "XX000";
static const char *swift_message = NULL;
static const char *swift_detail = NULL;
static const char *swift_hint = NULL;

static const char *const out_of_memory_message = "out of memory while reporting an error";

void
rb_errors_init(void)
{
  if (error_context == NULL)
    error_context = AllocSetContextCreate(TopMemoryContext, "reelbase pending error",
                                          ALLOCSET_SMALL_SIZES);
}

void
rb_call_begin(void)
{
  /*
   * A nested entry (Swift -> SPI -> another reelbase function) can only start while the outer
   * call has no pending error, because guarded calls refuse to run once one is pending; so
   * resetting here never frees an error someone still needs.
   */
  pending = false;
  pending_from_server = false;
  server_error = NULL;
  swift_message = swift_detail = swift_hint = NULL;
  if (error_context != NULL)
    MemoryContextReset(error_context);
}

void
rb_capture_server_error(MemoryContext caller_context)
{
  MemoryContext old;

  /* CopyErrorData must not run in ErrorContext; the caller's context is where we were. */
  MemoryContextSwitchTo(caller_context);
  old = MemoryContextSwitchTo(error_context != NULL ? error_context : TopMemoryContext);
  server_error = CopyErrorData();
  MemoryContextSwitchTo(old);
  FlushErrorState();
  pending = true;
  pending_from_server = true;
}

static const char *
copy_or_null(const char *s)
{
  size_t len;
  char *copy;

  if (s == NULL)
    return NULL;
  len = strlen(s);
  copy = MemoryContextAllocExtended(error_context, len + 1, MCXT_ALLOC_NO_OOM);
  if (copy == NULL)
    return out_of_memory_message;
  memcpy(copy, s, len + 1);
  return copy;
}

void
rb_set_error(const char *sqlstate, const char *message, const char *detail, const char *hint)
{
  /* A server error already pending is the real cause; keep it. */
  if (pending)
    return;
  if (sqlstate != NULL && strlen(sqlstate) == 5)
    memcpy(swift_sqlstate, sqlstate, 6);
  else
    memcpy(swift_sqlstate, "XX000", 6);
  swift_message = copy_or_null(message != NULL ? message : "reelbase: unknown error");
  swift_detail = copy_or_null(detail);
  swift_hint = copy_or_null(hint);
  pending = true;
  pending_from_server = false;
}

bool
rb_error_pending(void)
{
  return pending;
}

bool
rb_error_pending_from_server(void)
{
  return pending && pending_from_server;
}

const char *
rb_pending_sqlstate(void)
{
  static char buffer[6];

  if (!pending)
    return NULL;
  if (pending_from_server)
  {
    memcpy(buffer, unpack_sql_state(server_error->sqlerrcode), 6);
    return buffer;
  }
  return swift_sqlstate;
}

const char *
rb_pending_message(void)
{
  if (!pending)
    return NULL;
  return pending_from_server ? server_error->message : swift_message;
}

const char *
rb_pending_detail(void)
{
  if (!pending)
    return NULL;
  return pending_from_server ? server_error->detail : swift_detail;
}

const char *
rb_pending_hint(void)
{
  if (!pending)
    return NULL;
  return pending_from_server ? server_error->hint : swift_hint;
}

void
rb_call_end(void)
{
  if (!pending)
    return;
  pending = false;
  if (pending_from_server)
  {
    pending_from_server = false;
    ReThrowError(server_error);
  }
  ereport(ERROR,
          (errcode(MAKE_SQLSTATE(swift_sqlstate[0], swift_sqlstate[1], swift_sqlstate[2],
                                 swift_sqlstate[3], swift_sqlstate[4])),
           errmsg_internal("%s", swift_message),
           swift_detail != NULL ? errdetail_internal("%s", swift_detail) : 0,
           swift_hint != NULL ? errhint("%s", swift_hint) : 0));
}
