/*
 * Function-call argument access for Swift. FunctionCallInfo's layout stays on this side.
 */
#include "shim_internal.h"

#define FCINFO(call) ((FunctionCallInfo) (call))

int32_t
rb_arg_count(RbCallRef call)
{
  return FCINFO(call)->nargs;
}

bool
rb_arg_isnull(RbCallRef call, int32_t index)
{
  if (index < 0 || index >= FCINFO(call)->nargs)
    return true;
  return FCINFO(call)->args[index].isnull;
}

RbDatum
rb_arg_datum(RbCallRef call, int32_t index)
{
  if (index < 0 || index >= FCINFO(call)->nargs)
    return (RbDatum) 0;
  return (RbDatum) FCINFO(call)->args[index].value;
}

RbOid
rb_arg_type(RbCallRef call, int32_t index)
{
  if (index < 0 || index >= FCINFO(call)->nargs || FCINFO(call)->flinfo == NULL)
    return InvalidOid;
  /* get_fn_expr_argtype only walks the parse tree; it does not raise. */
  return get_fn_expr_argtype(FCINFO(call)->flinfo, index);
}

RbDatum
rb_return_null(RbCallRef call)
{
  FCINFO(call)->isnull = true;
  return (RbDatum) 0;
}
