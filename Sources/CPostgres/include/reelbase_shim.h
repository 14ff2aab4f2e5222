/*
 * The curated C API that Swift sees. Nothing here includes postgres.h: Swift gets opaque
 * handles, fixed-width integers and wrapper functions only (GUIDE.md section 1, rule 1).
 *
 * Convention: every function returning `bool` may have caught a Postgres ERROR. `false` means
 * an error is pending (read it with rb_pending_*) and the Swift caller must unwind without
 * making further server calls; once an error is pending every guarded call refuses to run, so
 * a swallowed error cannot let Swift keep working on an aborted transaction. The pending error
 * is re-raised by the C entry point after the Swift frames have returned.
 */
#ifndef REELBASE_SHIM_H
#define REELBASE_SHIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uintptr_t RbDatum;
typedef uint32_t RbOid;
/* A FunctionCallInfo, opaque to Swift. */
typedef struct RbCall *RbCallRef;
/* A saved SPI plan (SPIPlanPtr), opaque to Swift. */
typedef struct RbPlan *RbPlanRef;
/* Where a set-returning function's rows go (its ReturnSetInfo), opaque to Swift. */
typedef struct RbTupleSink *RbTupleSinkRef;

/* Type OIDs the bridge converts; checked against pg_type_d.h at compile time. */
enum {
  RB_BOOLOID = 16,
  RB_BYTEAOID = 17,
  RB_INT8OID = 20,
  RB_INT2OID = 21,
  RB_INT4OID = 23,
  RB_TEXTOID = 25,
  RB_FLOAT4OID = 700,
  RB_FLOAT8OID = 701,
  RB_DATEOID = 1082,
  RB_TIMESTAMPTZOID = 1184,
  RB_INTERVALOID = 1186,
  RB_NUMERICOID = 1700,
  RB_UUIDOID = 2950,
  RB_JSONBOID = 3802,
  RB_INT4ARRAYOID = 1007,
  RB_TEXTARRAYOID = 1009,
  RB_FLOAT4ARRAYOID = 1021,
  RB_UUIDARRAYOID = 2951,
};

/* ---- pending error (errors.c) ---- */
bool rb_error_pending(void);
bool rb_error_pending_from_server(void);
const char *rb_pending_sqlstate(void);
const char *rb_pending_message(void);
const char *rb_pending_detail(void);
const char *rb_pending_hint(void);
/* Records a Swift error for the entry point to raise. Never raises; copies the strings. */
void rb_set_error(const char *sqlstate, const char *message, const char *detail,
                  const char *hint);

/* ---- function-call arguments (call.c); none of these can raise ---- */
int32_t rb_arg_count(RbCallRef call);
bool rb_arg_isnull(RbCallRef call, int32_t index);
RbDatum rb_arg_datum(RbCallRef call, int32_t index);
/* The actual type of an argument (resolves polymorphic arguments); 0 if unknown. */
RbOid rb_arg_type(RbCallRef call, int32_t index);
RbDatum rb_return_null(RbCallRef call);

/* ---- scalar Datum conversions (datum.c); by-value, cannot raise ---- */
RbDatum rb_datum_from_bool(bool v);
bool rb_datum_to_bool(RbDatum d);
RbDatum rb_datum_from_int16(int16_t v);
int16_t rb_datum_to_int16(RbDatum d);
RbDatum rb_datum_from_int32(int32_t v);
int32_t rb_datum_to_int32(RbDatum d);
RbDatum rb_datum_from_int64(int64_t v);
int64_t rb_datum_to_int64(RbDatum d);
RbDatum rb_datum_from_float4(float v);
float rb_datum_to_float4(RbDatum d);
RbDatum rb_datum_from_float8(double v);
double rb_datum_to_float8(RbDatum d);

/* ---- by-reference conversions (datum.c); guarded ---- */
/* Detoasts a text-like varlena; *data points at its bytes (not NUL-terminated). */
bool rb_text_view(RbDatum d, const char **data, int32_t *length);
bool rb_text_make(const char *data, int32_t length, RbDatum *out);
void rb_uuid_read(RbDatum d, uint8_t out[16]);
bool rb_uuid_make(const uint8_t bytes[16], RbDatum *out);
void rb_interval_read(RbDatum d, int64_t *time, int32_t *day, int32_t *month);
bool rb_interval_make(int64_t time, int32_t day, int32_t month, RbDatum *out);
/* 0 = scalar, 1 = array, 2 = object (the root container of a jsonb value). */
bool rb_jsonb_root_kind(RbDatum d, int32_t *kind);
/*
 * A jsonb value as tokens in document order (jsonb's own key order), read from its binary form.
 * Strings, keys and numbers (as numeric_out prints them) are `length` bytes at `text`, not
 * NUL-terminated, valid until the call's memory is freed; a begin token's `length` is its
 * element or member count. A scalar root is its one token.
 */
enum {
  RB_JSON_NULL = 0, RB_JSON_FALSE = 1, RB_JSON_TRUE = 2, RB_JSON_NUMBER = 3, RB_JSON_STRING = 4,
  RB_JSON_KEY = 5, RB_JSON_BEGIN_ARRAY = 6, RB_JSON_END_ARRAY = 7, RB_JSON_BEGIN_OBJECT = 8,
  RB_JSON_END_OBJECT = 9
};
typedef struct RbJsonToken {
  int32_t kind;
  int32_t length;
  const char *text;
} RbJsonToken;
bool rb_jsonb_tokens(RbDatum d, RbJsonToken **tokens, int32_t *count);
/* Text I/O through the type's input and output functions (numeric, jsonb, ...). */
bool rb_type_output(RbOid type, RbDatum d, const char **cstring);
bool rb_type_input(RbOid type, const char *cstring, int32_t typmod, RbDatum *out);

/* ---- arrays (arrays.c); guarded ---- */
/* One-dimensional element view; NULL elements are reported in nulls (may be NULL if none). */
bool rb_array_elements(RbDatum array, RbOid elemtype, int32_t *count, RbDatum **elems,
                       bool **nulls);
bool rb_array_make(RbOid elemtype, const RbDatum *elems, const bool *nulls, int32_t count,
                   RbDatum *out);
/* Zero-copy view of a real[]: data points into the detoasted array. *owned is the detoasted
   copy when one had to be made (free it with rb_pfree once data is no longer read, which ends
   the view), NULL when the array is read in place. */
bool rb_float4_array_view(RbDatum array, const float **data, int32_t *count, int32_t *ndim,
                          bool *has_nulls, void **owned);
/* The varlena Datum d, fetched and decompressed (d itself when it is neither). */
bool rb_detoast(RbDatum d, RbDatum *out);
/* pfree; does nothing for NULL. */
bool rb_pfree(void *pointer);

/* ---- SPI (spi.c); guarded ---- */
/* Connects with search_path pinned to pg_catalog, pg_temp until rb_spi_finish(*guc_level). */
bool rb_spi_connect(int32_t *guc_level);
bool rb_spi_finish(int32_t guc_level);
/* Prepares and saves a generic plan; it lives until the backend exits and is revalidated by
   the plan cache when the objects it uses change. */
bool rb_spi_prepare(const char *sql, int32_t nargs, const RbOid *argtypes, bool parallel_ok,
                    RbPlanRef *plan);
/* Runs a saved plan. *status is SPI's return code (negative = SPI misuse). */
bool rb_spi_execute(RbPlanRef plan, const RbDatum *values, const char *nulls, bool read_only,
                    int64_t max_rows, int32_t *status);
/* Runs SQL text once, without a saved plan (for statements built from catalog identifiers). */
bool rb_spi_exec(const char *sql, bool read_only, int32_t *status);
/* A cursor over SQL text, fetched in batches so large results are never held at once. The
   fetched batch is read like any SPI result (rb_spi_processed, rb_spi_value). */
bool rb_spi_cursor_open(const char *sql, bool read_only, void **portal);
bool rb_spi_cursor_fetch(void *portal, int64_t rows);
bool rb_spi_cursor_close(void *portal);
uint64_t rb_spi_processed(void);
/* The result of the statement just run (SPI_tuptable), valid until SPI_finish even after
   further statements run; NULL for statements without rows. */
void *rb_spi_tuptable(void);
/* Frees a result early (otherwise freed at SPI_finish). Guarded: SPI_freetuptable may
   elog(WARNING), which can process interrupts. */
bool rb_spi_free(void *tuptable);
int32_t rb_spi_column_count(void *tuptable);
RbOid rb_spi_column_type(void *tuptable, int32_t column);
/* The column's name (its alias, or what Postgres named it), valid while the table is; NULL
   for a column the table does not have. Cannot raise. */
const char *rb_spi_column_name(void *tuptable, int32_t column);
bool rb_spi_value(void *tuptable, uint64_t row, int32_t column, RbDatum *value, bool *isnull);

/* ---- set-returning functions, materialize mode (srf.c); guarded ---- */
/* Prepares the call to return rows; *columns is the declared result's column count. */
bool rb_srf_begin(RbCallRef call, RbTupleSinkRef *sink, int32_t *columns);
/* Appends one row (the values are copied). */
bool rb_srf_put(RbTupleSinkRef sink, const RbDatum *values, const bool *nulls);

/* ---- settings defined by reelbase (module.c) ---- */
/* reelbase.search_probes: IVF lists a search probes first. */
int32_t rb_setting_search_probes(void);
/* reelbase.exact_search: scan exactly even where an IVF index is built. */
bool rb_setting_exact_search(void);

/* ---- the maintenance background worker (worker.c) ---- */
int32_t rb_worker_interval_seconds(void);
/* Sleeps on the latch and reloads the configuration after SIGHUP; false once shutdown was
   requested (SIGTERM). An error is logged and cleared, never raised. */
bool rb_worker_wait(int64_t milliseconds);
/* 1: maintenance ran, 0: reelbase not installed in the database, -1: it failed (logged). */
int32_t rb_worker_run_once(void);
/* Writes message to the server log at LOG level; an error doing so is logged and cleared. */
void rb_worker_log(const char *message);

/* ---- regular expressions for JSON Schema patterns (regex.c); guarded ---- */
/* A memory context for compiled patterns, deleted with everything in it. */
bool rb_regex_context_create(void **context);
bool rb_regex_context_delete(void *context);
/* Compiles an advanced regular expression (UTF-8) into context. An invalid pattern is not an
   error: *regex is NULL and message holds the reason. */
bool rb_regex_compile(void *context, const char *pattern, int32_t length, void **regex,
                      char *message, size_t message_size);
/* Whether the expression matches anywhere in subject (UTF-8). */
bool rb_regex_match(void *regex, const char *subject, int32_t length, bool *matched);
/* Raises "stack depth limit exceeded" before recursion can overflow the stack. */
bool rb_check_stack_depth(void);

/* ---- server services (services.c) ---- */
bool rb_check_for_interrupts(void);
/* *value is NULL when the setting does not exist. */
bool rb_get_config(const char *name, const char **value);
/* set_config(name, value, is_local => true). */
bool rb_set_config_local(const char *name, const char *value);
/* The local id of the top-level transaction (the parallel leader's in a worker). */
uint32_t rb_transaction_tag(void);
int64_t rb_transaction_timestamp(void);
/* The wall clock now (GetCurrentTimestamp), as a timestamptz value. */
int64_t rb_current_timestamp(void);
bool rb_strong_random(uint8_t *buffer, size_t length);
/* Asks the CPU to start loading [p, p + bytes) into cache; never faults. */
void rb_prefetch(const void *p, size_t bytes);
/* True while CREATE/ALTER EXTENSION runs an extension script. */
bool rb_creating_extension(void);
/* Acts as the owner of schema.relation (SECURITY_LOCAL_USERID_CHANGE, restricted) until
   rb_restore_user(*saved_user, *saved_context); an abort restores the caller too. */
bool rb_become_owner_of(const char *schema, const char *relation, uint32_t *saved_user,
                        int32_t *saved_context);
void rb_restore_user(uint32_t user, int32_t context);

#endif
