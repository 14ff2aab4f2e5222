/*
 * Other server services Swift may call: interrupts, notices, settings, clock, randomness.
 */
#include "shim_internal.h"

#include "miscadmin.h"
#include "port.h"
#include "utils/guc.h"
#include "utils/timestamp.h"
#include "access/xact.h"
#include "commands/extension.h"
#include "storage/proc.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

bool
rb_check_for_interrupts(void)
{
  RB_GUARD_BEGIN
  {
    CHECK_FOR_INTERRUPTS();
  }
  RB_GUARD_END
}

bool
rb_get_config(const char *name, const char **value)
{
  RB_GUARD_BEGIN
  {
    *value = GetConfigOption(name, true, false);
  }
  RB_GUARD_END
}

bool
rb_set_config_local(const char *name, const char *value)
{
  RB_GUARD_BEGIN
  {
    (void) set_config_option(name, value, PGC_USERSET, PGC_S_SESSION, GUC_ACTION_LOCAL,
                             true, 0, false);
  }
  RB_GUARD_END
}

uint32_t
rb_transaction_tag(void)
{
  /* A parallel worker runs its own local transaction: the leader's is the one that counts. */
  PGPROC *leader = MyProc->lockGroupLeader ? MyProc->lockGroupLeader : MyProc;

  return leader->lxid;
}

int64_t
rb_transaction_timestamp(void)
{
  return GetCurrentTransactionStartTimestamp();
}

int64_t
rb_current_timestamp(void)
{
  return GetCurrentTimestamp();
}

bool
rb_strong_random(uint8_t *buffer, size_t length)
{
  return pg_strong_random(buffer, length);
}

bool
rb_creating_extension(void)
{
  return creating_extension;
}

void
rb_prefetch(const void *p, size_t bytes)
{
  const char *c = (const char *) p;
  size_t i;

  /* One embedding is 6 KB on its own heap page: the hardware prefetcher starts too late. */
  for (i = 0; i < bytes; i += 64)
    __builtin_prefetch(c + i, 0, 0);
}

bool
rb_become_owner_of(const char *schema, const char *relation, uint32_t *saved_user,
                   int32_t *saved_context)
{
  RB_GUARD_BEGIN
  {
    Oid relid = get_relname_relid(relation, get_namespace_oid(schema, false));
    HeapTuple tuple;
    Oid owner;
    Oid user;
    int context;

    if (!OidIsValid(relid))
      ereport(ERROR, (errcode(ERRCODE_UNDEFINED_TABLE),
                      errmsg("relation \"%s.%s\" does not exist", schema, relation)));
    tuple = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
    if (!HeapTupleIsValid(tuple))
      elog(ERROR, "cache lookup failed for relation %u", relid);
    owner = ((Form_pg_class) GETSTRUCT(tuple))->relowner;
    ReleaseSysCache(tuple);
    GetUserIdAndSecContext(&user, &context);
    *saved_user = user;
    *saved_context = context;
    /* As a SECURITY DEFINER function would, and restricted: only statements on that table's
     rows are meant (the vector registry's reads, the metrics partitions' upserts). */
    SetUserIdAndSecContext(owner, context | SECURITY_LOCAL_USERID_CHANGE | SECURITY_RESTRICTED_OPERATION);
  }
  RB_GUARD_END
}

void
rb_restore_user(uint32_t user, int32_t context)
{
  SetUserIdAndSecContext(user, context);
}
