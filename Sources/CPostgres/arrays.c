/*
 * One-dimensional arrays of the element types the seeds use (text, uuid, real).
 */
#include "shim_internal.h"

#include "catalog/pg_type_d.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

bool
rb_array_elements(RbDatum array, RbOid elemtype, int32_t *count, RbDatum **elems, bool **nulls)
{
  RB_GUARD_BEGIN
  {
    ArrayType *a = DatumGetArrayTypeP((Datum) array);
    int16 typlen;
    bool typbyval;
    char typalign;
    Datum *values;
    bool *isnull;
    int n;

    if (ARR_ELEMTYPE(a) != elemtype)
      ereport(ERROR,
              (errcode(ERRCODE_DATATYPE_MISMATCH),
               errmsg("array has element type %s, expected %s",
                      format_type_be(ARR_ELEMTYPE(a)), format_type_be(elemtype))));
    if (ARR_NDIM(a) > 1)
      ereport(ERROR,
              (errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
               errmsg("expected a one-dimensional array, got %d dimensions", ARR_NDIM(a))));
    get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
    deconstruct_array(a, elemtype, typlen, typbyval, typalign, &values, &isnull, &n);
    *count = n;
    *elems = (RbDatum *) values;
    *nulls = ARR_HASNULL(a) ? isnull : NULL;
  }
  RB_GUARD_END
}

bool
rb_array_make(RbOid elemtype, const RbDatum *elems, const bool *nulls, int32_t count,
              RbDatum *out)
{
  RB_GUARD_BEGIN
  {
    int16 typlen;
    bool typbyval;
    char typalign;
    int dims[1];
    int lbs[1];

    get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
    if (count == 0)
      *out = PointerGetDatum(construct_empty_array(elemtype));
    else
    {
      dims[0] = count;
      lbs[0] = 1;
      *out = PointerGetDatum(construct_md_array((Datum *) elems, (bool *) nulls, 1, dims, lbs,
                                                elemtype, typlen, typbyval, typalign));
    }
  }
  RB_GUARD_END
}

bool
rb_float4_array_view(RbDatum array, const float **data, int32_t *count, int32_t *ndim,
                     bool *has_nulls, void **owned)
{
  *owned = NULL;
  RB_GUARD_BEGIN
  {
    /*
     * Detoasts (decompresses, fetches out of line, or widens a short header) into a palloc'd
     * copy in the current memory context, else reads the array in place. The copy is reported
     * in *owned so the caller can free it as soon as it has read the floats: a caller reading
     * many rows inside one SPI connection would otherwise keep every copy until SPI_finish.
     */
    ArrayType *a = DatumGetArrayTypeP((Datum) array);

    if ((Pointer) a != DatumGetPointer((Datum) array))
      *owned = a;
    if (ARR_ELEMTYPE(a) != FLOAT4OID)
      ereport(ERROR,
              (errcode(ERRCODE_DATATYPE_MISMATCH),
               errmsg("expected real[], got %s[]", format_type_be(ARR_ELEMTYPE(a)))));
    *ndim = ARR_NDIM(a);
    *count = ArrayGetNItems(ARR_NDIM(a), ARR_DIMS(a));
    *has_nulls = ARR_HASNULL(a);
    *data = (const float *) ARR_DATA_PTR(a);
  }
  RB_GUARD_END
}

bool
rb_pfree(void *pointer)
{
  RB_GUARD_BEGIN
  {
    if (pointer != NULL)
      pfree(pointer);
  }
  RB_GUARD_END
}
