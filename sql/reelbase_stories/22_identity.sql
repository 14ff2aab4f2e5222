-- stories identity: who the current end user is, as the policies need it (the pattern of
-- learning's 14_identity.sql). The identity is reelbase.current_user_id() when it is the id of
-- an active stories.users row; an inactive account (is_active = false) has no identity and
-- sees what no identity sees: nothing.
--
-- These functions read stories.users as its owner (SECURITY DEFINER; the owner is not subject
-- to RLS on its own tables), so a policy on users can call them without recursing, and they
-- return only facts about the caller. Policies call them wrapped in a scalar subquery,
-- (SELECT stories.current_user_id()), so they run once per query as an InitPlan.
-- search_path is pinned to pg_catalog, pg_temp and every reference is schema-qualified.
-- PL/pgSQL, not SQL: a SECURITY DEFINER SQL function is never inlined, and fmgr_sql parses and
-- plans its body again in every statement that calls it (half of enqueue_job's time went
-- there); PL/pgSQL keeps its plans for the session.

CREATE FUNCTION stories.current_user_id()
RETURNS uuid
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN (SELECT u.id FROM stories.users AS u
          WHERE u.id OPERATOR(pg_catalog.=) reelbase.current_user_id() AND u.is_active);
END
$$;
COMMENT ON FUNCTION stories.current_user_id() IS
  'The current identity (reelbase.current_user_id()) if it is an active stories.users id, else NULL.';

CREATE FUNCTION stories.current_user_role()
RETURNS text
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- current_user_id's condition, not a call to it: one SECURITY DEFINER switch less for
  -- every is_moderator() and is_admin().
  RETURN (SELECT u.role::text FROM stories.users AS u
          WHERE u.id OPERATOR(pg_catalog.=) reelbase.current_user_id() AND u.is_active);
END
$$;
COMMENT ON FUNCTION stories.current_user_role() IS
  'The role (user, moderator, admin) of the current active user, or NULL without an identity.';

CREATE FUNCTION stories.is_moderator()
RETURNS boolean
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN COALESCE(stories.current_user_role() OPERATOR(pg_catalog.=) ANY (ARRAY['moderator', 'admin']), false);
END
$$;
COMMENT ON FUNCTION stories.is_moderator() IS
  'True when the current active user is a moderator or an admin (admins moderate too).';

CREATE FUNCTION stories.is_admin()
RETURNS boolean
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN COALESCE(stories.current_user_role() OPERATOR(pg_catalog.=) 'admin', false);
END
$$;
COMMENT ON FUNCTION stories.is_admin() IS 'True when the current active user is an admin.';

-- Public: active and, for ideas, approved. A scene is public while active or locked and its
-- idea is public; a segment while active and its scene is public. Read as the owner, so the
-- answer does not depend on the caller's own visibility; it reveals only public-ness.
CREATE FUNCTION stories.scene_is_public(p_scene uuid)
RETURNS boolean
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN EXISTS (
    SELECT FROM stories.scenes s JOIN stories.ideas i ON i.id OPERATOR(pg_catalog.=) s.idea_id
    WHERE s.id OPERATOR(pg_catalog.=) p_scene
      AND s.status::text OPERATOR(pg_catalog.=) ANY (ARRAY['active', 'locked'])
      AND i.status::text OPERATOR(pg_catalog.=) 'active'
      AND i.moderation_status::text OPERATOR(pg_catalog.=) 'approved');
END
$$;
COMMENT ON FUNCTION stories.scene_is_public(uuid) IS
  'True when the scene is active or locked and its idea is active and approved.';

CREATE FUNCTION stories.scene_owner(p_scene uuid)
RETURNS uuid
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN (SELECT s.user_id FROM stories.scenes s WHERE s.id OPERATOR(pg_catalog.=) p_scene);
END
$$;
COMMENT ON FUNCTION stories.scene_owner(uuid) IS
  'The creator of a scene (policies of the scene''s bibles and summaries use it).';

-- Moderation columns (status, moderation_status) change only by moderators and admins (or by
-- reelbase_admin): reelbase_app holds UPDATE on them for the moderators' sake, and the
-- policies cannot compare a row with its old version, so this trigger does (42501).
CREATE FUNCTION stories.guard_moderation_columns() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF (pg_catalog.to_jsonb(NEW) OPERATOR(pg_catalog.->) 'status', pg_catalog.to_jsonb(NEW) OPERATOR(pg_catalog.->) 'moderation_status')
     IS DISTINCT FROM
     (pg_catalog.to_jsonb(OLD) OPERATOR(pg_catalog.->) 'status', pg_catalog.to_jsonb(OLD) OPERATOR(pg_catalog.->) 'moderation_status')
     AND NOT stories.is_moderator()
     AND NOT pg_catalog.pg_has_role(CURRENT_USER, 'reelbase_admin', 'USAGE') THEN
    RAISE EXCEPTION 'only moderators change the status of % %', TG_TABLE_NAME, OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION stories.guard_moderation_columns() IS
  'Trigger on ideas, scenes and segments: status and moderation_status change only by a moderator or admin (42501).';
CREATE TRIGGER ideas_guard_moderation BEFORE UPDATE OF status, moderation_status ON stories.ideas
  FOR EACH ROW EXECUTE FUNCTION stories.guard_moderation_columns();
CREATE TRIGGER scenes_guard_moderation BEFORE UPDATE OF status ON stories.scenes
  FOR EACH ROW EXECUTE FUNCTION stories.guard_moderation_columns();
CREATE TRIGGER segments_guard_moderation BEFORE UPDATE OF status ON stories.segments
  FOR EACH ROW EXECUTE FUNCTION stories.guard_moderation_columns();

-- One's own private columns and secrets. The table columns are not granted to reelbase_app
-- (23_grants.sql).
CREATE FUNCTION stories.my_account()
RETURNS TABLE (id uuid, email varchar, username varchar, display_name varchar, avatar_url varchar, bio text,
               role varchar, email_verified boolean, is_active boolean, created_at timestamptz,
               updated_at timestamptz, last_login_at timestamptz)
LANGUAGE sql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT u.id, u.email, u.username, u.display_name, u.avatar_url, u.bio, u.role, u.email_verified,
         u.is_active, u.created_at, u.updated_at, u.last_login_at
  FROM stories.users u WHERE u.id OPERATOR(pg_catalog.=) stories.current_user_id()
$$;
COMMENT ON FUNCTION stories.my_account() IS
  'The current active user''s own account, private columns (email, email_verified, last_login_at) included; no row without an identity.';

CREATE FUNCTION stories.my_oauth_accounts()
RETURNS TABLE (id uuid, provider varchar, provider_id varchar, access_token text, refresh_token text,
               expires_at timestamptz, created_at timestamptz)
LANGUAGE sql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT o.id, o.provider, o.provider_id, o.access_token, o.refresh_token, o.expires_at, o.created_at
  FROM stories.oauth_accounts o
  WHERE o.user_id OPERATOR(pg_catalog.=) stories.current_user_id()
  ORDER BY o.provider, o.provider_id
$$;
COMMENT ON FUNCTION stories.my_oauth_accounts() IS
  'The current active user''s OAuth accounts with their tokens (nothing without an identity). The only way reelbase_app reads a token.';

CREATE FUNCTION stories.my_password_hash()
RETURNS varchar
LANGUAGE sql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT u.password_hash FROM stories.users u WHERE u.id OPERATOR(pg_catalog.=) stories.current_user_id()
$$;
COMMENT ON FUNCTION stories.my_password_hash() IS
  'The current active user''s password hash (NULL without an identity or for OAuth-only users). The only way reelbase_app reads one.';

REVOKE ALL ON FUNCTION stories.current_user_id(), stories.current_user_role(), stories.is_moderator(),
  stories.is_admin(), stories.scene_is_public(uuid), stories.scene_owner(uuid),
  stories.guard_moderation_columns(), stories.my_account(), stories.my_oauth_accounts(),
  stories.my_password_hash() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stories.current_user_id(), stories.current_user_role(), stories.is_moderator(),
  stories.is_admin(), stories.scene_is_public(uuid), stories.scene_owner(uuid),
  stories.my_account(), stories.my_oauth_accounts(), stories.my_password_hash() TO reelbase_app, reelbase_admin;
