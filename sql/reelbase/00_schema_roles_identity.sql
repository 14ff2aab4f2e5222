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

-- Inlinable on purpose (plain SQL, no SECURITY DEFINER, no SET clause) so that callers that
-- wrap it in a scalar subquery pay for it once per query.
CREATE FUNCTION reelbase.current_user_id()
RETURNS uuid
LANGUAGE sql
STABLE
PARALLEL SAFE
AS $$
  SELECT NULLIF(pg_catalog.current_setting('reelbase.user_id', true), '')::uuid
$$;

COMMENT ON FUNCTION reelbase.current_user_id() IS
  'The end user the current transaction acts for (a learning.creators or learning.students '
  'id), or NULL when none is set. Set it with reelbase.set_user_id().';

-- Transaction-local (is_local = true) so a pooled connection can never carry one user's
-- identity into the next user's transaction. NULL is stored as '' because set_config cannot
-- unset a placeholder variable; current_user_id() maps '' back to NULL.
CREATE FUNCTION reelbase.set_user_id(p_user_id uuid)
RETURNS uuid
LANGUAGE sql
VOLATILE
CALLED ON NULL INPUT
PARALLEL UNSAFE
AS $$
  SELECT NULLIF(
    pg_catalog.set_config('reelbase.user_id', COALESCE(p_user_id::text, ''), true),
    ''
  )::uuid
$$;

COMMENT ON FUNCTION reelbase.set_user_id(uuid) IS
  'Act for end user p_user_id (a creators or students id) until the end of the current '
  'transaction; NULL clears the identity. Returns the identity now in effect. The login role '
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
