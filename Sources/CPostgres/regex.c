/*
 * PostgreSQL's regular expressions for JSON Schema `pattern`s. pg_regcomp/pg_regexec report
 * failures as codes instead of raising, so an invalid pattern becomes an invalid-schema error
 * of the caller's choosing; a long match notices a cancel request (REG_CANCEL) and raises it.
 * Compiled patterns live in a memory context of their own that the caller deletes as a whole.
 */
#include "shim_internal.h"

#include "catalog/pg_collation_d.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "regex/regex.h"

/* Patterns and subjects come from Swift strings, so UTF-8 whatever the database encoding. */
static pg_wchar *
to_wide(const char *s, int32_t length, int *wide_length)
{
  pg_wchar *wide = palloc((length + 1) * sizeof(pg_wchar));

  *wide_length = pg_encoding_mb2wchar_with_len(PG_UTF8, s, wide, length);
  return wide;
}

bool
rb_regex_context_create(void **context)
{
  RB_GUARD_BEGIN
  {
    *context = AllocSetContextCreate(TopMemoryContext, "reelbase JSON Schema patterns",
                                     ALLOCSET_SMALL_SIZES);
  }
  RB_GUARD_END
}

bool
rb_regex_context_delete(void *context)
{
  RB_GUARD_BEGIN
  {
    if (context != NULL)
      MemoryContextDelete((MemoryContext) context);
  }
  RB_GUARD_END
}

bool
rb_regex_compile(void *context, const char *pattern, int32_t length, void **regex,
                 char *message, size_t message_size)
{
  RB_GUARD_BEGIN
  {
    MemoryContext old = MemoryContextSwitchTo((MemoryContext) context);
    regex_t *re = palloc0(sizeof(regex_t));
    int wide_length;
    pg_wchar *wide = to_wide(pattern, length, &wide_length);
    int rc = pg_regcomp(re, wide, wide_length, REG_ADVANCED, C_COLLATION_OID);

    pfree(wide);
    MemoryContextSwitchTo(old);
    if (rc == REG_CANCEL)
      CHECK_FOR_INTERRUPTS();
    if (rc != REG_OKAY)
    {
      pg_regerror(rc, re, message, message_size);
      pfree(re);
      *regex = NULL;
    }
    else
      *regex = re;
  }
  RB_GUARD_END
}

bool
rb_regex_match(void *regex, const char *subject, int32_t length, bool *matched)
{
  RB_GUARD_BEGIN
  {
    int wide_length;
    pg_wchar *wide = to_wide(subject, length, &wide_length);
    int rc = pg_regexec((regex_t *) regex, wide, wide_length, 0, NULL, 0, NULL, 0);

    pfree(wide);
    if (rc == REG_CANCEL)
      CHECK_FOR_INTERRUPTS();
    if (rc != REG_OKAY && rc != REG_NOMATCH)
    {
      char message[256];

      pg_regerror(rc, (regex_t *) regex, message, sizeof(message));
      ereport(ERROR, (errcode(ERRCODE_INVALID_REGULAR_EXPRESSION),
                      errmsg("regular expression failed: %s", message)));
    }
    *matched = rc == REG_OKAY;
  }
  RB_GUARD_END
}

bool
rb_check_stack_depth(void)
{
  RB_GUARD_BEGIN
  {
    check_stack_depth();
  }
  RB_GUARD_END
}
