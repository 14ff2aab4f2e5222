/*
 * The loadable module's identity, start-up and settings.
 */
#include "shim_internal.h"

#include "miscadmin.h"
#include "utils/guc.h"

void rb_worker_define_settings_and_register(void);

PG_MODULE_MAGIC;

void _PG_init(void);

static int search_probes = 10;
static bool exact_search = false;

int32_t
rb_setting_search_probes(void)
{
  return search_probes;
}

bool
rb_setting_exact_search(void)
{
  return exact_search;
}

void
_PG_init(void)
{
  rb_errors_init();
  DefineCustomIntVariable(
    "reelbase.search_probes",
    "IVF lists an indexed vector search probes first.",
    "More lists: higher recall, slower search. A search that finds fewer than match_count "
    "rows keeps probing further lists until it has them or has seen every list.",
    &search_probes, 10, 1, 100000, PGC_USERSET, 0, NULL, NULL, NULL);
  DefineCustomBoolVariable(
    "reelbase.exact_search",
    "Vector search scans every row exactly even where an IVF index is built.",
    NULL, &exact_search, false, PGC_USERSET, 0, NULL, NULL, NULL);
  /* The maintenance worker exists only when the module is preloaded. */
  if (process_shared_preload_libraries_in_progress)
    rb_worker_define_settings_and_register();
}
