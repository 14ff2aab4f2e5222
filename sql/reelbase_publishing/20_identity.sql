-- Who acts: the identity is reelbase.current_user_id(); an identity listed in
-- publishing.workers is a worker (reads and updates every video), any other acts for the
-- personas it owns. The audit trail's actor is what the writer says (update_video's actor,
-- or the setting publishing.actor), else the identity, else the login role.

CREATE FUNCTION publishing.is_worker()
RETURNS boolean
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- Read as the owner: end users cannot read publishing.workers, and this tells only
  -- whether the caller is one.
  RETURN EXISTS (SELECT FROM publishing.workers AS w
                 WHERE w.id OPERATOR(pg_catalog.=) reelbase.current_user_id());
END
$$;
COMMENT ON FUNCTION publishing.is_worker() IS
  'True when the current identity (reelbase.current_user_id()) is a registered worker (publishing.workers).';

CREATE FUNCTION publishing.current_actor()
RETURNS text
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- session_user, not current_user: the audit triggers run as the extension's owner.
  RETURN coalesce(nullif(pg_catalog.current_setting('publishing.actor', true), ''),
                  reelbase.current_user_id()::text, session_user::text);
END
$$;
COMMENT ON FUNCTION publishing.current_actor() IS
  'The actor recorded in task_audit: the setting publishing.actor (update_video sets it for its statement), else the current identity, else the login role.';
