-- learning row level security, part 1 of 2: accounts and content (seed 003, "Row Level
-- Security"). Part 2 is 16_rls_engagement.sql.
--
-- Model: reelbase_app acts for one end user per transaction (reelbase.set_user_id); that
-- user is a creator or a student, found through the SECURITY DEFINER helpers of
-- 14_identity.sql. With no identity set every helper is NULL and every end-user
-- policy is false, so reelbase_app sees nothing. reelbase_admin gets explicit policies
-- instead of BYPASSRLS. RLS is enabled, not forced: the owner (the installing DBA) and
-- foreign-key actions are not filtered.
--
-- Subqueries on other learning tables inside a policy are themselves filtered by those
-- tables' policies; no chain of them leads back to its own table, so nothing recurses.
-- Column references inside such subqueries are qualified with the policy's table name
-- because an unqualified creator_id or id would bind to the subquery's table.

ALTER TABLE learning.creators ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.students ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.videos ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.video_chunks ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.courses ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.course_modules ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning.module_lessons ENABLE ROW LEVEL SECURITY;

-- creators: accounts are created and removed by administrators only (Whop onboarding).

CREATE POLICY creators_select_own ON learning.creators
  FOR SELECT TO reelbase_app
  USING (id = (SELECT learning.current_creator_id()));
CREATE POLICY creators_update_own ON learning.creators
  FOR UPDATE TO reelbase_app
  USING (id = (SELECT learning.current_creator_id()))
  WITH CHECK (id = (SELECT learning.current_creator_id()));
CREATE POLICY creators_admin_all ON learning.creators
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY creators_select_own ON learning.creators IS
  'A creator reads their own account.';
COMMENT ON POLICY creators_update_own ON learning.creators IS
  'A creator updates their own account and cannot re-key it.';
COMMENT ON POLICY creators_admin_all ON learning.creators IS
  'Administrators read and change every creator, including INSERT and DELETE.';

-- students

CREATE POLICY students_select_own ON learning.students
  FOR SELECT TO reelbase_app
  USING (id = (SELECT learning.current_student_id()));
-- current_student_creator_id() reads the row as stored before this statement, so the
-- WITH CHECK pins creator_id: a student cannot move to another creator's catalogue.
CREATE POLICY students_update_own ON learning.students
  FOR UPDATE TO reelbase_app
  USING (id = (SELECT learning.current_student_id()))
  WITH CHECK (
    id = (SELECT learning.current_student_id())
    AND creator_id = (SELECT learning.current_student_creator_id())
  );
CREATE POLICY students_select_by_creator ON learning.students
  FOR SELECT TO reelbase_app
  USING (creator_id = (SELECT learning.current_creator_id()));
CREATE POLICY students_admin_all ON learning.students
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY students_select_own ON learning.students IS
  'A student reads their own account.';
COMMENT ON POLICY students_update_own ON learning.students IS
  'A student updates their own account but cannot change its id or creator.';
COMMENT ON POLICY students_select_by_creator ON learning.students IS
  'A creator reads the accounts of their students.';
COMMENT ON POLICY students_admin_all ON learning.students IS
  'Administrators read and change every student.';

-- videos

CREATE POLICY videos_creator_all_own ON learning.videos
  FOR ALL TO reelbase_app
  USING (creator_id = (SELECT learning.current_creator_id()))
  WITH CHECK (creator_id = (SELECT learning.current_creator_id()));
CREATE POLICY videos_student_select ON learning.videos
  FOR SELECT TO reelbase_app
  USING (
    creator_id = (SELECT learning.current_student_creator_id())
    AND NOT is_deleted
  );
CREATE POLICY videos_admin_all ON learning.videos
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY videos_creator_all_own ON learning.videos IS
  'A creator reads, adds, changes and deletes their own videos (soft-deleted ones too).';
COMMENT ON POLICY videos_student_select ON learning.videos IS
  'A student reads their creator''s videos that are not soft-deleted.';
COMMENT ON POLICY videos_admin_all ON learning.videos IS
  'Administrators read and change every video.';

-- video_chunks: written by the processing pipeline (reelbase_admin), read by end users.

CREATE POLICY video_chunks_creator_select ON learning.video_chunks
  FOR SELECT TO reelbase_app
  USING (EXISTS (
    SELECT 1 FROM learning.videos AS v
    WHERE v.id = video_chunks.video_id
      AND v.creator_id = (SELECT learning.current_creator_id())
  ));
CREATE POLICY video_chunks_student_select ON learning.video_chunks
  FOR SELECT TO reelbase_app
  USING (EXISTS (
    SELECT 1 FROM learning.videos AS v
    WHERE v.id = video_chunks.video_id
      AND v.creator_id = (SELECT learning.current_student_creator_id())
      AND NOT v.is_deleted
  ));
CREATE POLICY video_chunks_admin_all ON learning.video_chunks
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY video_chunks_creator_select ON learning.video_chunks IS
  'A creator reads the chunks of their own videos.';
COMMENT ON POLICY video_chunks_student_select ON learning.video_chunks IS
  'A student reads the chunks of their creator''s videos that are not soft-deleted.';
COMMENT ON POLICY video_chunks_admin_all ON learning.video_chunks IS
  'Administrators (and the processing pipeline) read and change every chunk.';

-- courses

CREATE POLICY courses_creator_all_own ON learning.courses
  FOR ALL TO reelbase_app
  USING (creator_id = (SELECT learning.current_creator_id()))
  WITH CHECK (creator_id = (SELECT learning.current_creator_id()));
CREATE POLICY courses_student_select_published ON learning.courses
  FOR SELECT TO reelbase_app
  USING (
    creator_id = (SELECT learning.current_student_creator_id())
    AND is_published
    AND NOT is_deleted
  );
CREATE POLICY courses_admin_all ON learning.courses
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY courses_creator_all_own ON learning.courses IS
  'A creator reads, adds, changes and deletes their own courses.';
COMMENT ON POLICY courses_student_select_published ON learning.courses IS
  'A student reads their creator''s published courses that are not soft-deleted.';
COMMENT ON POLICY courses_admin_all ON learning.courses IS
  'Administrators read and change every course.';

-- course_modules: ownership comes from the course. The WITH CHECK repeats it so a module
-- cannot be created in, or moved to, another creator's course.

CREATE POLICY course_modules_creator_all_own ON learning.course_modules
  FOR ALL TO reelbase_app
  USING (EXISTS (
    SELECT 1 FROM learning.courses AS c
    WHERE c.id = course_modules.course_id
      AND c.creator_id = (SELECT learning.current_creator_id())
  ))
  WITH CHECK (EXISTS (
    SELECT 1 FROM learning.courses AS c
    WHERE c.id = course_modules.course_id
      AND c.creator_id = (SELECT learning.current_creator_id())
  ));
CREATE POLICY course_modules_student_select_published ON learning.course_modules
  FOR SELECT TO reelbase_app
  USING (EXISTS (
    SELECT 1 FROM learning.courses AS c
    WHERE c.id = course_modules.course_id
      AND c.creator_id = (SELECT learning.current_student_creator_id())
      AND c.is_published
      AND NOT c.is_deleted
  ));
CREATE POLICY course_modules_admin_all ON learning.course_modules
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY course_modules_creator_all_own ON learning.course_modules IS
  'A creator reads, adds, changes and deletes the modules of their own courses.';
COMMENT ON POLICY course_modules_student_select_published ON learning.course_modules IS
  'A student reads the modules of their creator''s published, non-deleted courses.';
COMMENT ON POLICY course_modules_admin_all ON learning.course_modules IS
  'Administrators read and change every module.';

-- module_lessons: ownership comes from module -> course. A new or changed lesson must also
-- play one of the creator's own videos, or a creator could pull another creator's video
-- into a course.

CREATE POLICY module_lessons_creator_all_own ON learning.module_lessons
  FOR ALL TO reelbase_app
  USING (EXISTS (
    SELECT 1
    FROM learning.course_modules AS m
    JOIN learning.courses AS c ON c.id = m.course_id
    WHERE m.id = module_lessons.module_id
      AND c.creator_id = (SELECT learning.current_creator_id())
  ))
  WITH CHECK (
    EXISTS (
      SELECT 1
      FROM learning.course_modules AS m
      JOIN learning.courses AS c ON c.id = m.course_id
      WHERE m.id = module_lessons.module_id
        AND c.creator_id = (SELECT learning.current_creator_id())
    )
    AND EXISTS (
      SELECT 1 FROM learning.videos AS v
      WHERE v.id = module_lessons.video_id
        AND v.creator_id = (SELECT learning.current_creator_id())
    )
  );
CREATE POLICY module_lessons_student_select_published ON learning.module_lessons
  FOR SELECT TO reelbase_app
  USING (EXISTS (
    SELECT 1
    FROM learning.course_modules AS m
    JOIN learning.courses AS c ON c.id = m.course_id
    WHERE m.id = module_lessons.module_id
      AND c.creator_id = (SELECT learning.current_student_creator_id())
      AND c.is_published
      AND NOT c.is_deleted
  ));
CREATE POLICY module_lessons_admin_all ON learning.module_lessons
  FOR ALL TO reelbase_admin
  USING (true) WITH CHECK (true);

COMMENT ON POLICY module_lessons_creator_all_own ON learning.module_lessons IS
  'A creator reads, adds, changes and deletes lessons in their own modules, using only '
  'their own videos.';
COMMENT ON POLICY module_lessons_student_select_published ON learning.module_lessons IS
  'A student reads the lessons of their creator''s published, non-deleted courses.';
COMMENT ON POLICY module_lessons_admin_all ON learning.module_lessons IS
  'Administrators read and change every lesson.';
