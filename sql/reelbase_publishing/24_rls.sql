-- publishing row level security. reelbase_app acts for one identity per transaction
-- (reelbase.set_user_id): an owner sees and changes the personas it owns and their videos, a
-- worker (publishing.is_worker()) reads every persona and reads, creates and updates every
-- video; what hangs off a video (assets, tags, receipts, its audit trail) follows the video's
-- visibility. Tags are shared names, readable by every identity. reelbase_admin administers
-- through explicit policies (not BYPASSRLS). (SELECT f()) runs each identity function once per
-- query.

DO $enable$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['workers', 'personas', 'videos', 'assets', 'tags', 'video_tags',
                           'publish_receipts', 'task_audit']
  LOOP
    EXECUTE format('ALTER TABLE publishing.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON publishing.%I FOR ALL TO reelbase_admin USING (true) WITH CHECK (true)',
                   t || '_admin_all', t);
    EXECUTE format('COMMENT ON POLICY %I ON publishing.%I IS %L', t || '_admin_all', t,
                   'Administrators read and change every row (privileges still limit the statements, 23_grants.sql).');
  END LOOP;
END
$enable$;

CREATE POLICY personas_owner ON publishing.personas FOR ALL TO reelbase_app
  USING (owner_id = (SELECT reelbase.current_user_id()))
  WITH CHECK (owner_id = (SELECT reelbase.current_user_id()));
CREATE POLICY personas_worker_select ON publishing.personas FOR SELECT TO reelbase_app
  USING ((SELECT publishing.is_worker()));
COMMENT ON POLICY personas_owner ON publishing.personas IS 'An owner reads and writes the personas it owns.';
COMMENT ON POLICY personas_worker_select ON publishing.personas IS 'Workers read every persona.';

CREATE POLICY videos_owner ON publishing.videos FOR ALL TO reelbase_app
  USING (EXISTS (SELECT FROM publishing.personas AS p
                 WHERE p.id = persona_id AND p.owner_id = (SELECT reelbase.current_user_id())))
  WITH CHECK (EXISTS (SELECT FROM publishing.personas AS p
                      WHERE p.id = persona_id AND p.owner_id = (SELECT reelbase.current_user_id())));
CREATE POLICY videos_worker_select ON publishing.videos FOR SELECT TO reelbase_app
  USING ((SELECT publishing.is_worker()));
CREATE POLICY videos_worker_insert ON publishing.videos FOR INSERT TO reelbase_app
  WITH CHECK ((SELECT publishing.is_worker()));
CREATE POLICY videos_worker_update ON publishing.videos FOR UPDATE TO reelbase_app
  USING ((SELECT publishing.is_worker())) WITH CHECK ((SELECT publishing.is_worker()));
COMMENT ON POLICY videos_owner ON publishing.videos IS 'An owner reads and writes the videos of its personas.';
COMMENT ON POLICY videos_worker_select ON publishing.videos IS 'Workers read every video.';
COMMENT ON POLICY videos_worker_insert ON publishing.videos IS 'Workers create videos (of any persona, or none).';
COMMENT ON POLICY videos_worker_update ON publishing.videos IS 'Workers update every video (they do not delete).';

-- What hangs off a video: visible and writable with the video (the subquery is itself
-- subject to the policies of videos).
DO $children$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['assets', 'video_tags', 'publish_receipts'] LOOP
    EXECUTE format('CREATE POLICY %I ON publishing.%I FOR ALL TO reelbase_app '
                   'USING (EXISTS (SELECT FROM publishing.videos AS v WHERE v.id = video_id)) '
                   'WITH CHECK (EXISTS (SELECT FROM publishing.videos AS v WHERE v.id = video_id))',
                   t || '_with_video', t);
    EXECUTE format('COMMENT ON POLICY %I ON publishing.%I IS %L', t || '_with_video', t,
                   'Rows of a video the caller can see, read and written with it.');
  END LOOP;
END
$children$;

CREATE POLICY task_audit_with_video ON publishing.task_audit FOR SELECT TO reelbase_app
  USING (EXISTS (SELECT FROM publishing.videos AS v WHERE v.id = task_id));
COMMENT ON POLICY task_audit_with_video ON publishing.task_audit IS
  'The trail of a video the caller can see (a deleted video''s trail is the administrators'').';

CREATE POLICY tags_select ON publishing.tags FOR SELECT TO reelbase_app
  USING ((SELECT reelbase.current_user_id()) IS NOT NULL);
CREATE POLICY tags_insert ON publishing.tags FOR INSERT TO reelbase_app
  WITH CHECK ((SELECT reelbase.current_user_id()) IS NOT NULL);
COMMENT ON POLICY tags_select ON publishing.tags IS 'Tag names are shared: every identity reads them.';
COMMENT ON POLICY tags_insert ON publishing.tags IS 'Every identity may add a tag name.';
