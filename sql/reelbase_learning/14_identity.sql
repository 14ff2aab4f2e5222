-- learning identity: who the current end user is, as the policies need it.
--
-- A policy on table A that queries table B runs B's policies too; a policy that had to read
-- learning.students under RLS to find the caller's creator would depend on the students
-- policies, which themselves need the caller's identity. These functions read creators and
-- students as their owner (SECURITY DEFINER, and the owner is not subject to RLS on its own
-- tables) and return only the caller's own ids, so they leak nothing and cannot recurse.
-- Policies call them wrapped in a scalar subquery, (SELECT learning.current_creator_id()),
-- so they run once per query as an InitPlan rather than once per row.
--
-- An inactive account (is_active = false: a cancelled Whop membership or a disabled creator)
-- has no identity, so it sees nothing until it is reactivated.
--
-- search_path is pinned to pg_catalog, pg_temp (pg_temp last so a caller's temporary table
-- cannot shadow anything) and every reference is schema-qualified.
--
-- PL/pgSQL, not SQL: a SECURITY DEFINER SQL function is never inlined, and fmgr_sql parses and
-- plans its body again in every statement that calls it, so every policy check paid a parse
-- and a plan; PL/pgSQL keeps its plans for the session.

CREATE FUNCTION learning.current_creator_id()
RETURNS uuid
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN (SELECT c.id FROM learning.creators AS c
          WHERE c.id OPERATOR(pg_catalog.=) reelbase.current_user_id() AND c.is_active);
END
$$;

COMMENT ON FUNCTION learning.current_creator_id() IS
  'The current identity (reelbase.current_user_id()) if it is an active learning.creators '
  'id, else NULL.';

CREATE FUNCTION learning.current_student_id()
RETURNS uuid
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN (SELECT s.id FROM learning.students AS s
          WHERE s.id OPERATOR(pg_catalog.=) reelbase.current_user_id() AND s.is_active);
END
$$;

COMMENT ON FUNCTION learning.current_student_id() IS
  'The current identity (reelbase.current_user_id()) if it is an active learning.students '
  'id, else NULL.';

CREATE FUNCTION learning.current_student_creator_id()
RETURNS uuid
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN (SELECT s.creator_id FROM learning.students AS s
          WHERE s.id OPERATOR(pg_catalog.=) reelbase.current_user_id() AND s.is_active);
END
$$;

COMMENT ON FUNCTION learning.current_student_creator_id() IS
  'The creator of the current student (as stored before the current statement), or NULL '
  'when the identity is not a student.';

REVOKE ALL ON FUNCTION
  learning.current_creator_id(),
  learning.current_student_id(),
  learning.current_student_creator_id()
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
  learning.current_creator_id(),
  learning.current_student_id(),
  learning.current_student_creator_id()
  TO reelbase_app, reelbase_admin;
