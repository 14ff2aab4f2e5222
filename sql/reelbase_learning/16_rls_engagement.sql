-- learning row level security, part 2 of 2: chat, analytics, watch history and usage.
-- The model is described at the top of 15_rls_content.sql.

ALTER TABLE learning.chat_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.chat_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.video_analytics ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.video_analytics_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.video_watch_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.usage_metrics ENABLE ROW LEVEL SECURITY;

-- chat_sessions: a session is answered from one creator's videos, which must be the
-- student's own creator.

CREATE POLICY chat_sessions_student_all_own ON learning.chat_sessions
  FOR ALL TO reelbase_app
  USING (student_id = (SELECT learning.current_student_id()))
  WITH CHECK (
    student_id = (SELECT learning.current_student_id())
    AND creator_id = (SELECT learning.current_student_creator_id())
  );
CREATE POLICY chat_sessions_creator_select ON learning.chat_sessions
  FOR SELECT TO reelbase_app
  USING (creator_id = (SELECT learning.current_creator_id()));
CREATE POLICY chat_sessions_admin_all ON learning.chat_sessions
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY chat_sessions_student_all_own ON learning.chat_sessions IS
  'A student reads, starts, changes and deletes their own chat sessions, always with their '
  'own creator.';
COMMENT ON POLICY chat_sessions_creator_select ON learning.chat_sessions IS
  'A creator reads (never changes) the chat sessions held with their students.';
COMMENT ON POLICY chat_sessions_admin_all ON learning.chat_sessions IS
  'Administrators read and change every chat session.';

-- chat_messages: ownership comes from the session.

CREATE POLICY chat_messages_student_all_own ON learning.chat_messages
  FOR ALL TO reelbase_app
  USING (EXISTS (
    SELECT 1 FROM learning.chat_sessions AS cs
    WHERE cs.id = chat_messages.session_id
      AND cs.student_id = (SELECT learning.current_student_id())
  ))
  WITH CHECK (EXISTS (
    SELECT 1 FROM learning.chat_sessions AS cs
    WHERE cs.id = chat_messages.session_id
      AND cs.student_id = (SELECT learning.current_student_id())
  ));
CREATE POLICY chat_messages_creator_select ON learning.chat_messages
  FOR SELECT TO reelbase_app
  USING (EXISTS (
    SELECT 1 FROM learning.chat_sessions AS cs
    WHERE cs.id = chat_messages.session_id
      AND cs.creator_id = (SELECT learning.current_creator_id())
  ));
CREATE POLICY chat_messages_admin_all ON learning.chat_messages
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY chat_messages_student_all_own ON learning.chat_messages IS
  'A student reads, adds, changes and deletes messages of their own chat sessions.';
COMMENT ON POLICY chat_messages_creator_select ON learning.chat_messages IS
  'A creator reads (never changes) the messages of their students'' chat sessions.';
COMMENT ON POLICY chat_messages_admin_all ON learning.chat_messages IS
  'Administrators read and change every chat message.';

-- video_analytics and usage_metrics: rollups, written by administrators only (reelbase_app
-- has no write privilege on them, see 17_grants.sql). Students see no analytics.

CREATE POLICY video_analytics_creator_select ON learning.video_analytics
  FOR SELECT TO reelbase_app
  USING (EXISTS (
    SELECT 1 FROM learning.videos AS v
    WHERE v.id = video_analytics.video_id
      AND v.creator_id = (SELECT learning.current_creator_id())
  ));
CREATE POLICY video_analytics_admin_all ON learning.video_analytics
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY video_analytics_creator_select ON learning.video_analytics IS
  'A creator reads the daily analytics of their own videos.';
COMMENT ON POLICY video_analytics_admin_all ON learning.video_analytics IS
  'Administrators (and the rollup) read and change every analytics row.';

CREATE POLICY usage_metrics_creator_select ON learning.usage_metrics
  FOR SELECT TO reelbase_app
  USING (creator_id = (SELECT learning.current_creator_id()));
CREATE POLICY usage_metrics_admin_all ON learning.usage_metrics
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY usage_metrics_creator_select ON learning.usage_metrics IS
  'A creator reads their own usage metrics.';
COMMENT ON POLICY usage_metrics_admin_all ON learning.usage_metrics IS
  'Administrators (and the rollup) read and change every usage row.';

-- video_analytics_events: readable by the creator only, but written by both sides.
-- learning.track_video_event runs with the caller's rights and inserts without RETURNING
-- (RETURNING would need a SELECT policy, which students do not have). The INSERT checks
-- keep the log consistent: the video, course and module belong to the event's creator,
-- students record only their own viewing events, creators only events without a student.
-- Referenced rows are looked up under the caller's policies, so a student can only log
-- against videos, courses and modules they can see.

CREATE POLICY video_analytics_events_creator_select ON learning.video_analytics_events
  FOR SELECT TO reelbase_app
  USING (creator_id = (SELECT learning.current_creator_id()));
CREATE POLICY video_analytics_events_creator_insert ON learning.video_analytics_events
  FOR INSERT TO reelbase_app
  WITH CHECK (
    creator_id = (SELECT learning.current_creator_id())
    AND student_id IS NULL
    AND EXISTS (
      SELECT 1 FROM learning.videos AS v
      WHERE v.id = video_analytics_events.video_id
        AND v.creator_id = video_analytics_events.creator_id
    )
    AND (course_id IS NULL OR EXISTS (
      SELECT 1 FROM learning.courses AS c
      WHERE c.id = video_analytics_events.course_id
        AND c.creator_id = video_analytics_events.creator_id
    ))
    AND (module_id IS NULL OR EXISTS (
      SELECT 1
      FROM learning.course_modules AS m
      JOIN learning.courses AS c ON c.id = m.course_id
      WHERE m.id = video_analytics_events.module_id
        AND c.creator_id = video_analytics_events.creator_id
    ))
  );
CREATE POLICY video_analytics_events_student_insert_own ON learning.video_analytics_events
  FOR INSERT TO reelbase_app
  WITH CHECK (
    student_id = (SELECT learning.current_student_id())
    AND creator_id = (SELECT learning.current_student_creator_id())
    AND event_type IN ('video_started', 'video_progress', 'video_completed', 'video_rewatched')
    AND EXISTS (
      SELECT 1 FROM learning.videos AS v
      WHERE v.id = video_analytics_events.video_id
        AND v.creator_id = video_analytics_events.creator_id
    )
    AND (course_id IS NULL OR EXISTS (
      SELECT 1 FROM learning.courses AS c
      WHERE c.id = video_analytics_events.course_id
        AND c.creator_id = video_analytics_events.creator_id
    ))
    AND (module_id IS NULL OR EXISTS (
      SELECT 1
      FROM learning.course_modules AS m
      JOIN learning.courses AS c ON c.id = m.course_id
      WHERE m.id = video_analytics_events.module_id
        AND c.creator_id = video_analytics_events.creator_id
    ))
  );
CREATE POLICY video_analytics_events_admin_all ON learning.video_analytics_events
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY video_analytics_events_creator_select ON learning.video_analytics_events IS
  'A creator reads the events of their own videos.';
COMMENT ON POLICY video_analytics_events_creator_insert ON learning.video_analytics_events IS
  'A creator logs events without a student on their own videos, courses and modules.';
COMMENT ON POLICY video_analytics_events_student_insert_own ON learning.video_analytics_events IS
  'A student logs their own viewing events (started, progress, completed, rewatched) on '
  'videos, courses and modules of their creator that they can see.';
COMMENT ON POLICY video_analytics_events_admin_all ON learning.video_analytics_events IS
  'Administrators read and change every event.';

-- video_watch_sessions: permanent history. There is no DELETE policy for anyone, and no
-- DELETE privilege either (17_grants.sql). A student's UPDATE needs the SELECT
-- policy too, since the UPDATE reads the row it changes.

CREATE POLICY video_watch_sessions_student_select_own ON learning.video_watch_sessions
  FOR SELECT TO reelbase_app
  USING (student_id = (SELECT learning.current_student_id()));
CREATE POLICY video_watch_sessions_student_insert_own ON learning.video_watch_sessions
  FOR INSERT TO reelbase_app
  WITH CHECK (
    student_id = (SELECT learning.current_student_id())
    AND EXISTS (
      SELECT 1 FROM learning.videos AS v
      WHERE v.id = video_watch_sessions.video_id
        AND v.creator_id = (SELECT learning.current_student_creator_id())
    )
  );
CREATE POLICY video_watch_sessions_student_update_own ON learning.video_watch_sessions
  FOR UPDATE TO reelbase_app
  USING (student_id = (SELECT learning.current_student_id()))
  WITH CHECK (
    student_id = (SELECT learning.current_student_id())
    AND EXISTS (
      SELECT 1 FROM learning.videos AS v
      WHERE v.id = video_watch_sessions.video_id
        AND v.creator_id = (SELECT learning.current_student_creator_id())
    )
  );
CREATE POLICY video_watch_sessions_creator_select ON learning.video_watch_sessions
  FOR SELECT TO reelbase_app
  USING (EXISTS (
    SELECT 1 FROM learning.videos AS v
    WHERE v.id = video_watch_sessions.video_id
      AND v.creator_id = (SELECT learning.current_creator_id())
  ));
CREATE POLICY video_watch_sessions_admin_select ON learning.video_watch_sessions
  FOR SELECT TO reelbase_admin
  USING (true);
CREATE POLICY video_watch_sessions_admin_insert ON learning.video_watch_sessions
  FOR INSERT TO reelbase_admin
  WITH CHECK (true);
CREATE POLICY video_watch_sessions_admin_update ON learning.video_watch_sessions
  FOR UPDATE TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY video_watch_sessions_student_select_own ON learning.video_watch_sessions IS
  'A student reads their own watch sessions.';
COMMENT ON POLICY video_watch_sessions_student_insert_own ON learning.video_watch_sessions IS
  'A student starts watch sessions for themselves on their creator''s visible videos.';
COMMENT ON POLICY video_watch_sessions_student_update_own ON learning.video_watch_sessions IS
  'A student records progress on their own watch sessions.';
COMMENT ON POLICY video_watch_sessions_creator_select ON learning.video_watch_sessions IS
  'A creator reads the watch sessions of their own videos.';
COMMENT ON POLICY video_watch_sessions_admin_select ON learning.video_watch_sessions IS
  'Administrators read every watch session.';
COMMENT ON POLICY video_watch_sessions_admin_insert ON learning.video_watch_sessions IS
  'Administrators add watch sessions (imports, repairs).';
COMMENT ON POLICY video_watch_sessions_admin_update ON learning.video_watch_sessions IS
  'Administrators correct watch sessions; they cannot delete them.';
