/*
 * A jsonb value as a flat list of tokens, read from its binary form: the validator and other
 * readers build their tree from it without jsonb_out printing (and escaping) the whole value
 * as text and a parser reading it back. About half of a scene bible's validation was that
 * round trip.
 */
#include "shim_internal.h"

#include "utils/jsonb.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

static void
push(RbJsonToken **tokens, int32_t *count, int32_t *capacity, int32_t kind, const char *text, int32_t length)
{
  if (*count == *capacity)
  {
    *capacity *= 2;
    *tokens = repalloc(*tokens, sizeof(RbJsonToken) * *capacity);
  }
  (*tokens)[*count].kind = kind;
  (*tokens)[*count].length = length;
  (*tokens)[*count].text = text;
  (*count)++;
}

static void
push_scalar(RbJsonToken **tokens, int32_t *count, int32_t *capacity, JsonbValue *v)
{
  switch (v->type)
  {
    case jbvNull:
      push(tokens, count, capacity, RB_JSON_NULL, NULL, 0);
      break;
    case jbvBool:
      push(tokens, count, capacity, v->val.boolean ? RB_JSON_TRUE : RB_JSON_FALSE, NULL, 0);
      break;
    case jbvString:
      push(tokens, count, capacity, RB_JSON_STRING, v->val.string.val, v->val.string.len);
      break;
    case jbvNumeric:
      {
        /* numeric_out, as jsonb_out prints a number: the same digits reach the reader. */
        char *text = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v->val.numeric)));

        push(tokens, count, capacity, RB_JSON_NUMBER, text, (int32_t) strlen(text));
        break;
      }
    default:
      elog(ERROR, "unexpected jsonb scalar type %d", (int) v->type);
  }
}

bool
rb_jsonb_tokens(RbDatum d, RbJsonToken **tokens, int32_t *count)
{
  RB_GUARD_BEGIN
  {
    Jsonb *jb = DatumGetJsonbP((Datum) d);
    JsonbIterator *it = JsonbIteratorInit(&jb->root);
    JsonbValue v;
    JsonbIteratorToken r;
    int32_t capacity = 64;
    bool scalar_root = JB_ROOT_IS_SCALAR(jb);

    *count = 0;
    *tokens = palloc(sizeof(RbJsonToken) * capacity);
    while ((r = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
    {
      switch (r)
      {
        case WJB_BEGIN_ARRAY:
          /* A scalar root is stored as a one-element array marked rawScalar: no brackets. */
          if (!scalar_root)
            push(tokens, count, &capacity, RB_JSON_BEGIN_ARRAY, NULL, v.val.array.nElems);
          break;
        case WJB_END_ARRAY:
          if (!scalar_root)
            push(tokens, count, &capacity, RB_JSON_END_ARRAY, NULL, 0);
          break;
        case WJB_BEGIN_OBJECT:
          push(tokens, count, &capacity, RB_JSON_BEGIN_OBJECT, NULL, v.val.object.nPairs);
          break;
        case WJB_END_OBJECT:
          push(tokens, count, &capacity, RB_JSON_END_OBJECT, NULL, 0);
          break;
        case WJB_KEY:
          push(tokens, count, &capacity, RB_JSON_KEY, v.val.string.val, v.val.string.len);
          break;
        case WJB_VALUE:
        case WJB_ELEM:
          push_scalar(tokens, count, &capacity, &v);
          break;
        default:
          elog(ERROR, "unexpected jsonb iterator token %d", (int) r);
      }
    }
  }
  RB_GUARD_END
}
