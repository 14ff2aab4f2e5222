-- The seed's learning functions, implemented in Swift (Sources/ReelbaseExtension/Learning).
-- They run with the caller's rights: row-level security decides what each caller may record
-- and read.

CREATE FUNCTION learning.track_video_event(
  p_event_type text,
  p_video_id uuid,
  p_creator_id uuid,
  p_student_id uuid DEFAULT NULL,
  p_course_id uuid DEFAULT NULL,
  p_module_id uuid DEFAULT NULL,
  p_metadata jsonb DEFAULT '{}'::jsonb,
  p_timestamp timestamptz DEFAULT now()
) RETURNS uuid
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'learning_track_video_event';
COMMENT ON FUNCTION learning.track_video_event(text, uuid, uuid, uuid, uuid, uuid, jsonb, timestamptz) IS
  'Records a video analytics event and returns its id (a time-ordered UUIDv7). Checks the event type, that p_metadata is a JSON object (NULL means {}), that the video exists, is not deleted and belongs to p_creator_id, and that the student, course and module (when given) belong to the same creator and course. Watching events need p_student_id. SQLSTATEs: 22004 NULL required argument, 22023 invalid value or mismatched rows, 23503 missing row, 55000 deleted video, 42501 refused by row-level security.';

CREATE FUNCTION learning.get_student_total_watch_time(p_student_id uuid, p_video_id uuid)
  RETURNS integer
  LANGUAGE c STABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'learning_get_student_total_watch_time';
COMMENT ON FUNCTION learning.get_student_total_watch_time(uuid, uuid) IS
  'Total seconds the student watched the video across all watch sessions (0 if none).';

CREATE FUNCTION learning.get_student_highest_completion(p_student_id uuid, p_video_id uuid)
  RETURNS integer
  LANGUAGE c STABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'learning_get_student_highest_completion';
COMMENT ON FUNCTION learning.get_student_highest_completion(uuid, uuid) IS
  'Highest percent_complete (0-100) the student reached on the video in any session (0 if none).';

CREATE FUNCTION learning.has_student_completed_video(p_student_id uuid, p_video_id uuid)
  RETURNS boolean
  LANGUAGE c STABLE STRICT PARALLEL SAFE
  AS 'MODULE_PATHNAME', 'learning_has_student_completed_video';
COMMENT ON FUNCTION learning.has_student_completed_video(uuid, uuid) IS
  'True if any of the student''s watch sessions of the video is completed (90% or more watched).';

REVOKE ALL ON FUNCTION
  learning.track_video_event(text, uuid, uuid, uuid, uuid, uuid, jsonb, timestamptz),
  learning.get_student_total_watch_time(uuid, uuid),
  learning.get_student_highest_completion(uuid, uuid),
  learning.has_student_completed_video(uuid, uuid)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
  learning.track_video_event(text, uuid, uuid, uuid, uuid, uuid, jsonb, timestamptz),
  learning.get_student_total_watch_time(uuid, uuid),
  learning.get_student_highest_completion(uuid, uuid),
  learning.has_student_completed_video(uuid, uuid)
  TO reelbase_app, reelbase_admin;
