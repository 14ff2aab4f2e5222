/*
 * Datum conversions. By-value ones use the server's own macros so the encoding can never drift
 * from the server's; by-reference ones allocate or detoast and are therefore guarded.
 */
#include "shim_internal.h"

#include "catalog/pg_type_d.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"
#include "utils/uuid.h"

StaticAssertDecl(sizeof(RbDatum) == sizeof(Datum), "RbDatum must be a Datum");
StaticAssertDecl(sizeof(RbOid) == sizeof(Oid), "RbOid must be an Oid");
StaticAssertDecl(RB_BOOLOID == BOOLOID, "oid");
StaticAssertDecl(RB_INT8OID == INT8OID, "oid");
StaticAssertDecl(RB_INT2OID == INT2OID, "oid");
StaticAssertDecl(RB_INT4OID == INT4OID, "oid");
StaticAssertDecl(RB_TEXTOID == TEXTOID, "oid");
StaticAssertDecl(RB_FLOAT4OID == FLOAT4OID, "oid");
StaticAssertDecl(RB_FLOAT8OID == FLOAT8OID, "oid");
StaticAssertDecl(RB_DATEOID == DATEOID, "oid");
StaticAssertDecl(RB_TIMESTAMPTZOID == TIMESTAMPTZOID, "oid");
StaticAssertDecl(RB_INTERVALOID == INTERVALOID, "oid");
StaticAssertDecl(RB_NUMERICOID == NUMERICOID, "oid");
StaticAssertDecl(RB_UUIDOID == UUIDOID, "oid");
StaticAssertDecl(RB_JSONBOID == JSONBOID, "oid");
StaticAssertDecl(RB_BYTEAOID == BYTEAOID, "oid");
StaticAssertDecl(RB_INT4ARRAYOID == INT4ARRAYOID, "oid");
StaticAssertDecl(RB_TEXTARRAYOID == TEXTARRAYOID, "oid");
StaticAssertDecl(RB_FLOAT4ARRAYOID == FLOAT4ARRAYOID, "oid");
StaticAssertDecl(RB_UUIDARRAYOID == UUIDARRAYOID, "oid");
StaticAssertDecl(FLOAT8PASSBYVAL, "the bridge assumes a 64-bit server (int8 and float8 by value)");

RbDatum rb_datum_from_bool(bool v) { return (RbDatum) BoolGetDatum(v); }
bool rb_datum_to_bool(RbDatum d) { return DatumGetBool((Datum) d); }
RbDatum rb_datum_from_int16(int16_t v) { return (RbDatum) Int16GetDatum(v); }
int16_t rb_datum_to_int16(RbDatum d) { return DatumGetInt16((Datum) d); }
RbDatum rb_datum_from_int32(int32_t v) { return (RbDatum) Int32GetDatum(v); }
int32_t rb_datum_to_int32(RbDatum d) { return DatumGetInt32((Datum) d); }
RbDatum rb_datum_from_int64(int64_t v) { return (RbDatum) Int64GetDatum(v); }
int64_t rb_datum_to_int64(RbDatum d) { return DatumGetInt64((Datum) d); }
RbDatum rb_datum_from_float4(float v) { return (RbDatum) Float4GetDatum(v); }
float rb_datum_to_float4(RbDatum d) { return DatumGetFloat4((Datum) d); }
RbDatum rb_datum_from_float8(double v) { return (RbDatum) Float8GetDatum(v); }
double rb_datum_to_float8(RbDatum d) { return DatumGetFloat8((Datum) d); }

bool
rb_detoast(RbDatum d, RbDatum *out)
{
  RB_GUARD_BEGIN
  {
    *out = (RbDatum) PointerGetDatum(pg_detoast_datum((struct varlena *) DatumGetPointer(d)));
  }
  RB_GUARD_END
}

bool
rb_text_view(RbDatum d, const char **data, int32_t *length)
{
  RB_GUARD_BEGIN
  {
    struct varlena *v = pg_detoast_datum_packed((struct varlena *) DatumGetPointer(d));

    *data = VARDATA_ANY(v);
    *length = VARSIZE_ANY_EXHDR(v);
  }
  RB_GUARD_END
}

bool
rb_text_make(const char *data, int32_t length, RbDatum *out)
{
  RB_GUARD_BEGIN
  {
    *out = PointerGetDatum(cstring_to_text_with_len(data, length));
  }
  RB_GUARD_END
}

void
rb_uuid_read(RbDatum d, uint8_t out[16])
{
  /* uuid is fixed-length and never toasted, so this cannot raise. */
  memcpy(out, DatumGetUUIDP((Datum) d)->data, UUID_LEN);
}

/* The server's own out-of-memory error, raised by a guarded palloc. */
static bool
uuid_alloc_guarded(pg_uuid_t **u)
{
  RB_GUARD_BEGIN
  {
    *u = palloc(sizeof(pg_uuid_t));
  }
  RB_GUARD_END
}

bool
rb_uuid_make(const uint8_t bytes[16], RbDatum *out)
{
  pg_uuid_t *u;

  /*
   * Made on every track_video_event call, so without PG_TRY: with MCXT_ALLOC_NO_OOM the
   * allocation returns NULL instead of raising (16 bytes is a valid size, the only other
   * error), and only then does a guarded palloc run to report the out-of-memory error.
   */
  if (rb_error_pending())
    return false;
  u = MemoryContextAllocExtended(CurrentMemoryContext, sizeof(pg_uuid_t), MCXT_ALLOC_NO_OOM);
  if (u == NULL && !uuid_alloc_guarded(&u))
    return false;
  memcpy(u->data, bytes, UUID_LEN);
  *out = UUIDPGetDatum(u);
  return true;
}

void
rb_interval_read(RbDatum d, int64_t *time, int32_t *day, int32_t *month)
{
  Interval *i = DatumGetIntervalP((Datum) d);

  *time = i->time;
  *day = i->day;
  *month = i->month;
}

bool
rb_interval_make(int64_t time, int32_t day, int32_t month, RbDatum *out)
{
  RB_GUARD_BEGIN
  {
    Interval *i = palloc(sizeof(Interval));

    i->time = time;
    i->day = day;
    i->month = month;
    *out = IntervalPGetDatum(i);
  }
  RB_GUARD_END
}

static int32_t
jsonb_kind(Jsonb *j)
{
  if (JB_ROOT_IS_SCALAR(j))
    return 0;
  if (JB_ROOT_IS_ARRAY(j))
    return 1;
  return 2;
}

bool
rb_jsonb_root_kind(RbDatum d, int32_t *kind)
{
  struct varlena *v = (struct varlena *) DatumGetPointer((Datum) d);

  if (rb_error_pending())
    return false;
  /*
   * A plain 4-byte-header value (a constant, or a value built in memory) is read in place:
   * DatumGetJsonbP would return the same pointer, so no server call, and no PG_TRY, is needed.
   * Only a toasted, compressed or short-header value is detoasted, which can raise.
   */
  if (!VARATT_IS_EXTENDED(v))
  {
    *kind = jsonb_kind((Jsonb *) v);
    return true;
  }
  RB_GUARD_BEGIN
  {
    *kind = jsonb_kind(DatumGetJsonbP((Datum) d));
  }
  RB_GUARD_END
}

bool
rb_type_output(RbOid type, RbDatum d, const char **cstring)
{
  RB_GUARD_BEGIN
  {
    Oid output;
    bool varlena;

    getTypeOutputInfo(type, &output, &varlena);
    *cstring = OidOutputFunctionCall(output, (Datum) d);
  }
  RB_GUARD_END
}

bool
rb_type_input(RbOid type, const char *cstring, int32_t typmod, RbDatum *out)
{
  RB_GUARD_BEGIN
  {
    Oid input;
    Oid ioparam;

    getTypeInputInfo(type, &input, &ioparam);
    *out = OidInputFunctionCall(input, (char *) cstring, ioparam, typmod);
  }
  RB_GUARD_END
}
