/*
 * The loadable module's identity and start-up.
 */
#include "shim_internal.h"

PG_MODULE_MAGIC;

void _PG_init(void);

void
_PG_init(void)
{
  rb_errors_init();
}
