-- reelbase core: schema, roles and the per-transaction end-user identity shared by every
-- feature schema.

-- The control file sets no schema, so every schema is created here explicitly and becomes a
-- member of the extension (DROP EXTENSION removes it).
CREATE SCHEMA reelbase;

COMMENT ON SCHEMA reelbase IS
  'reelbase shared machinery: end-user identity and trigger helpers used by every feature schema.';

-- Roles are cluster-global objects: they cannot be members of an extension, are shared by
-- every database of the cluster, and survive DROP EXTENSION. Create them only when missing so
-- a second database (or a reinstall) reuses them, and never alter an existing role: its
-- attributes and members belong to the DBA by then.
DO $roles$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'reelbase_app') THEN
    -- NOBYPASSRLS is the point of this role: every row it touches goes through a policy.
    CREATE ROLE reelbase_app NOLOGIN NOBYPASSRLS;
    COMMENT ON ROLE reelbase_app IS
      'reelbase application role: grant it to the application''s login role. Row level '
      'security applies; the application acts for one end user per transaction '
      '(reelbase.set_user_id).';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'reelbase_admin') THEN
    -- Administrators see everything through explicit admin policies rather than BYPASSRLS,
    -- so what they may do (e.g. never DELETE watch history) is still written down per table.
    CREATE ROLE reelbase_admin NOLOGIN NOBYPASSRLS;
    COMMENT ON ROLE reelbase_admin IS
      'reelbase administrator role: sees and changes all rows through explicit admin '
      'policies (not BYPASSRLS).';
  END IF;
END
$roles$;

-- The setting reelbase.user_id holds "<transaction>:<uuid>": a value left at session level
-- (SET, or a pooled connection's leftovers) would otherwise outlive its transaction. Callers
-- that wrap current_user_id() in a scalar subquery, as every policy does, pay for it once per
-- query. PARALLEL SAFE: a worker compares with its leader's transaction.
CREATE FUNCTION reelbase.current_user_id()
RETURNS uuid
LANGUAGE c
STABLE
PARALLEL SAFE
AS 'MODULE_PATHNAME', 'reelbase_current_user_id';

COMMENT ON FUNCTION reelbase.current_user_id() IS
  'The end user the current transaction acts for (a learning.creators or learning.students '
  'id), or NULL when none is set. Set it with reelbase.set_user_id(). Errors: 22023 when '
  'reelbase.user_id holds a value set_user_id did not set (SET reelbase.user_id is refused).';

CREATE FUNCTION reelbase.set_user_id(p_user_id uuid)
RETURNS uuid
LANGUAGE c
VOLATILE
CALLED ON NULL INPUT
PARALLEL UNSAFE
AS 'MODULE_PATHNAME', 'reelbase_set_user_id';

COMMENT ON FUNCTION reelbase.set_user_id(uuid) IS
  'Act for end user p_user_id (a creators or students id) until the end of the current '
  'transaction (also when called at session level: the identity counts only in the '
  'transaction that set it); NULL clears the identity. Returns the identity now in effect. The login role '
  'that calls it is trusted to have authenticated that user.';

-- search_path is pinned so a caller's search_path cannot redirect now().
CREATE FUNCTION reelbase.set_updated_at()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
PARALLEL SAFE
SET search_path = pg_catalog
AS $$
BEGIN
  NEW.updated_at := pg_catalog.now();
  RETURN NEW;
END
$$;

COMMENT ON FUNCTION reelbase.set_updated_at() IS
  'BEFORE UPDATE row trigger: stamps NEW.updated_at with the transaction timestamp.';

GRANT USAGE ON SCHEMA reelbase TO reelbase_app, reelbase_admin;
GRANT EXECUTE ON FUNCTION reelbase.current_user_id(), reelbase.set_user_id(uuid)
  TO reelbase_app, reelbase_admin;
