-- stories row level security. reelbase_app acts for one end user per transaction
-- (reelbase.set_user_id); the identity is stories.current_user_id() (22_identity.sql): an
-- active stories.users id, else none, and without one nothing is visible. reelbase_admin
-- administers through explicit policies (not BYPASSRLS).
--
-- Who may do what (docs/stories.md has the matrix):
-- * every user reads active users' profiles, active topics and categories, approved user
--   topics, ideas that are active and approved, scenes that are active or locked of such an
--   idea, active segments, bibles and summaries of such scenes; and their own everything
--   (ideas, scenes, segments, jobs, proposals, flags, likes, views, oauth accounts);
-- * every user writes their own ideas, scenes (of an idea they can see), likes and views (of
--   what they can see), flags and topic proposals, and their own profile;
-- * moderators (and admins) read everything, and review flags, proposals and the status of
--   ideas, scenes and segments (hide, remove, approve);
-- * admins curate topics and categories.
-- (SELECT f()) makes each identity function an InitPlan, run once per query.

DO $enable$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['users', 'oauth_accounts', 'topics', 'user_topics', 'categories', 'ideas',
    'scenes', 'segments', 'jobs', 'scene_bibles', 'scene_summaries', 'moderation_flags', 'scene_views',
    'likes', 'job_idempotency_keys', 'scene_contributors']
  LOOP
    EXECUTE format('ALTER TABLE stories.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON stories.%I FOR ALL TO reelbase_admin USING (true) WITH CHECK (true)',
                   t || '_admin_all', t);
    EXECUTE format('COMMENT ON POLICY %I ON stories.%I IS %L', t || '_admin_all', t,
                   'Administrators read and change every row (privileges still limit the statements, see 23_grants.sql).');
  END LOOP;
END
$enable$;

-- users and their accounts
CREATE POLICY users_select ON stories.users FOR SELECT TO reelbase_app
  USING (((SELECT stories.current_user_id()) IS NOT NULL AND is_active) OR (SELECT stories.is_moderator()));
COMMENT ON POLICY users_select ON stories.users IS
  'Active users'' profiles to every user (secrets are not granted); every account to moderators.';
CREATE POLICY users_update_own ON stories.users FOR UPDATE TO reelbase_app
  USING (id = (SELECT stories.current_user_id())) WITH CHECK (id = (SELECT stories.current_user_id()));
COMMENT ON POLICY users_update_own ON stories.users IS 'A user edits their own profile.';
CREATE POLICY oauth_accounts_select ON stories.oauth_accounts FOR SELECT TO reelbase_app
  USING (user_id = (SELECT stories.current_user_id()) OR (SELECT stories.is_moderator()));
COMMENT ON POLICY oauth_accounts_select ON stories.oauth_accounts IS
  'A user sees their own linked accounts, moderators every one; tokens are not granted to anyone (stories.my_oauth_accounts()).';

-- curated structure
CREATE POLICY topics_select ON stories.topics FOR SELECT TO reelbase_app
  USING (((SELECT stories.current_user_id()) IS NOT NULL AND is_active) OR (SELECT stories.is_moderator()));
CREATE POLICY topics_curate ON stories.topics FOR ALL TO reelbase_app
  USING ((SELECT stories.is_admin())) WITH CHECK ((SELECT stories.is_admin()));
COMMENT ON POLICY topics_select ON stories.topics IS 'Active topics to every user, all to moderators.';
COMMENT ON POLICY topics_curate ON stories.topics IS 'Admins create, change and delete topics.';
CREATE POLICY categories_select ON stories.categories FOR SELECT TO reelbase_app
  USING (((SELECT stories.current_user_id()) IS NOT NULL AND is_active) OR (SELECT stories.is_moderator()));
CREATE POLICY categories_curate ON stories.categories FOR ALL TO reelbase_app
  USING ((SELECT stories.is_admin())) WITH CHECK ((SELECT stories.is_admin()));
COMMENT ON POLICY categories_select ON stories.categories IS 'Active categories to every user, all to moderators.';
COMMENT ON POLICY categories_curate ON stories.categories IS 'Admins create, change and delete categories.';
CREATE POLICY user_topics_select ON stories.user_topics FOR SELECT TO reelbase_app
  USING (user_id = (SELECT stories.current_user_id())
         OR ((SELECT stories.current_user_id()) IS NOT NULL AND status = 'approved')
         OR (SELECT stories.is_moderator()));
CREATE POLICY user_topics_insert_own ON stories.user_topics FOR INSERT TO reelbase_app
  WITH CHECK (user_id = (SELECT stories.current_user_id()));
CREATE POLICY user_topics_review ON stories.user_topics FOR UPDATE TO reelbase_app
  USING ((SELECT stories.is_moderator())) WITH CHECK ((SELECT stories.is_moderator()));
COMMENT ON POLICY user_topics_select ON stories.user_topics IS
  'A user sees their own proposals and approved ones; moderators all.';
COMMENT ON POLICY user_topics_insert_own ON stories.user_topics IS 'A user proposes a topic (pending).';
COMMENT ON POLICY user_topics_review ON stories.user_topics IS 'Moderators approve, reject or promote proposals.';

-- content
CREATE POLICY ideas_select ON stories.ideas FOR SELECT TO reelbase_app
  USING (user_id = (SELECT stories.current_user_id())
         OR ((SELECT stories.current_user_id()) IS NOT NULL AND status = 'active' AND moderation_status = 'approved')
         OR (SELECT stories.is_moderator()));
CREATE POLICY ideas_insert_own ON stories.ideas FOR INSERT TO reelbase_app
  WITH CHECK (user_id = (SELECT stories.current_user_id()));
CREATE POLICY ideas_update_own ON stories.ideas FOR UPDATE TO reelbase_app
  USING (user_id = (SELECT stories.current_user_id())) WITH CHECK (user_id = (SELECT stories.current_user_id()));
CREATE POLICY ideas_moderate ON stories.ideas FOR UPDATE TO reelbase_app
  USING ((SELECT stories.is_moderator())) WITH CHECK ((SELECT stories.is_moderator()));
COMMENT ON POLICY ideas_select ON stories.ideas IS 'Active approved ideas to every user, one''s own, all to moderators.';
COMMENT ON POLICY ideas_insert_own ON stories.ideas IS 'A user submits ideas as themselves (pending moderation).';
COMMENT ON POLICY ideas_update_own ON stories.ideas IS 'A user edits their own ideas (not their status: moderators only).';
COMMENT ON POLICY ideas_moderate ON stories.ideas IS 'Moderators approve, reject, hide or remove ideas.';

CREATE POLICY scenes_select ON stories.scenes FOR SELECT TO reelbase_app
  USING (user_id = (SELECT stories.current_user_id())
         OR ((SELECT stories.current_user_id()) IS NOT NULL AND status IN ('active', 'locked')
             AND EXISTS (SELECT FROM stories.ideas i WHERE i.id = idea_id AND i.status = 'active'
                         AND i.moderation_status = 'approved'))
         OR (SELECT stories.is_moderator()));
CREATE POLICY scenes_insert_own ON stories.scenes FOR INSERT TO reelbase_app
  WITH CHECK (user_id = (SELECT stories.current_user_id())
              AND EXISTS (SELECT FROM stories.ideas i WHERE i.id = idea_id));
CREATE POLICY scenes_update_own ON stories.scenes FOR UPDATE TO reelbase_app
  USING (user_id = (SELECT stories.current_user_id())) WITH CHECK (user_id = (SELECT stories.current_user_id()));
CREATE POLICY scenes_moderate ON stories.scenes FOR UPDATE TO reelbase_app
  USING ((SELECT stories.is_moderator())) WITH CHECK ((SELECT stories.is_moderator()));
COMMENT ON POLICY scenes_select ON stories.scenes IS
  'Active or locked scenes of public ideas to every user, one''s own, all to moderators.';
COMMENT ON POLICY scenes_insert_own ON stories.scenes IS 'A user starts scenes as themselves, from an idea they can see.';
COMMENT ON POLICY scenes_update_own ON stories.scenes IS 'A user edits their own scenes (not their status).';
COMMENT ON POLICY scenes_moderate ON stories.scenes IS 'Moderators hide, remove or lock scenes.';

CREATE POLICY segments_select ON stories.segments FOR SELECT TO reelbase_app
  USING (user_id = (SELECT stories.current_user_id())
         OR ((SELECT stories.current_user_id()) IS NOT NULL AND status = 'active' AND stories.scene_is_public(scene_id))
         OR (SELECT stories.is_moderator()));
CREATE POLICY segments_moderate ON stories.segments FOR UPDATE TO reelbase_app
  USING ((SELECT stories.is_moderator())) WITH CHECK ((SELECT stories.is_moderator()));
COMMENT ON POLICY segments_select ON stories.segments IS
  'Active segments of public scenes to every user, one''s own, all to moderators.';
COMMENT ON POLICY segments_moderate ON stories.segments IS 'Moderators hide or remove segments.';

CREATE POLICY jobs_select ON stories.jobs FOR SELECT TO reelbase_app
  USING (user_id = (SELECT stories.current_user_id()) OR (SELECT stories.is_moderator()));
COMMENT ON POLICY jobs_select ON stories.jobs IS 'A user sees their own jobs, moderators all.';

CREATE POLICY scene_bibles_select ON stories.scene_bibles FOR SELECT TO reelbase_app
  USING (((SELECT stories.current_user_id()) IS NOT NULL AND stories.scene_is_public(scene_id))
         OR stories.scene_owner(scene_id) = (SELECT stories.current_user_id())
         OR (SELECT stories.is_moderator()));
CREATE POLICY scene_summaries_select ON stories.scene_summaries FOR SELECT TO reelbase_app
  USING (((SELECT stories.current_user_id()) IS NOT NULL AND stories.scene_is_public(scene_id))
         OR stories.scene_owner(scene_id) = (SELECT stories.current_user_id())
         OR (SELECT stories.is_moderator()));
COMMENT ON POLICY scene_bibles_select ON stories.scene_bibles IS
  'Bibles of public scenes to every user, of one''s own scenes, all to moderators.';
COMMENT ON POLICY scene_summaries_select ON stories.scene_summaries IS
  'Summaries of public scenes to every user, of one''s own scenes, all to moderators.';

-- moderation and social
CREATE POLICY moderation_flags_select ON stories.moderation_flags FOR SELECT TO reelbase_app
  USING (reporter_id = (SELECT stories.current_user_id()) OR (SELECT stories.is_moderator()));
CREATE POLICY moderation_flags_insert_own ON stories.moderation_flags FOR INSERT TO reelbase_app
  WITH CHECK (reporter_id = (SELECT stories.current_user_id()));
CREATE POLICY moderation_flags_review ON stories.moderation_flags FOR UPDATE TO reelbase_app
  USING ((SELECT stories.is_moderator())) WITH CHECK ((SELECT stories.is_moderator()));
COMMENT ON POLICY moderation_flags_select ON stories.moderation_flags IS 'A reporter sees their own flags, moderators all.';
COMMENT ON POLICY moderation_flags_insert_own ON stories.moderation_flags IS 'A user flags content as themselves.';
COMMENT ON POLICY moderation_flags_review ON stories.moderation_flags IS 'Moderators review and resolve flags.';

CREATE POLICY scene_views_select ON stories.scene_views FOR SELECT TO reelbase_app
  USING (user_id = (SELECT stories.current_user_id()) OR (SELECT stories.is_moderator()));
CREATE POLICY scene_views_insert_own ON stories.scene_views FOR INSERT TO reelbase_app
  WITH CHECK (user_id = (SELECT stories.current_user_id())
              AND EXISTS (SELECT FROM stories.scenes s WHERE s.id = scene_id));
COMMENT ON POLICY scene_views_select ON stories.scene_views IS 'A user sees their own views, moderators all.';
COMMENT ON POLICY scene_views_insert_own ON stories.scene_views IS 'A user records a view of a scene they can see, as themselves.';

CREATE POLICY likes_select ON stories.likes FOR SELECT TO reelbase_app
  USING (user_id = (SELECT stories.current_user_id()) OR (SELECT stories.is_moderator()));
CREATE POLICY likes_insert_own ON stories.likes FOR INSERT TO reelbase_app
  WITH CHECK (user_id = (SELECT stories.current_user_id())
              AND CASE target_type
                    WHEN 'idea' THEN EXISTS (SELECT FROM stories.ideas i WHERE i.id = target_id)
                    ELSE EXISTS (SELECT FROM stories.scenes s WHERE s.id = target_id) END);
CREATE POLICY likes_delete_own ON stories.likes FOR DELETE TO reelbase_app
  USING (user_id = (SELECT stories.current_user_id()));
COMMENT ON POLICY likes_select ON stories.likes IS 'A user sees their own likes (counts are on the targets), moderators all.';
COMMENT ON POLICY likes_insert_own ON stories.likes IS 'A user likes an idea or scene they can see, as themselves.';
COMMENT ON POLICY likes_delete_own ON stories.likes IS 'A user takes back their own likes.';
