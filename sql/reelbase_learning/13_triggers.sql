-- learning triggers: updated_at stamping and watch-session auto-completion.

-- updated_at is stamped by the database, not trusted from the client, on every table that
-- has the column.
CREATE TRIGGER creators_updated_at_trigger
  BEFORE UPDATE ON learning.creators
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER students_updated_at_trigger
  BEFORE UPDATE ON learning.students
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER videos_updated_at_trigger
  BEFORE UPDATE ON learning.videos
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER courses_updated_at_trigger
  BEFORE UPDATE ON learning.courses
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER course_modules_updated_at_trigger
  BEFORE UPDATE ON learning.course_modules
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER module_lessons_updated_at_trigger
  BEFORE UPDATE ON learning.module_lessons
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER chat_sessions_updated_at_trigger
  BEFORE UPDATE ON learning.chat_sessions
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER video_analytics_updated_at_trigger
  BEFORE UPDATE ON learning.video_analytics
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER video_watch_sessions_updated_at_trigger
  BEFORE UPDATE ON learning.video_watch_sessions
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
CREATE TRIGGER usage_metrics_updated_at_trigger
  BEFORE UPDATE ON learning.usage_metrics
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();

COMMENT ON TRIGGER creators_updated_at_trigger ON learning.creators IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER students_updated_at_trigger ON learning.students IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER videos_updated_at_trigger ON learning.videos IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER courses_updated_at_trigger ON learning.courses IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER course_modules_updated_at_trigger ON learning.course_modules IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER module_lessons_updated_at_trigger ON learning.module_lessons IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER chat_sessions_updated_at_trigger ON learning.chat_sessions IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER video_analytics_updated_at_trigger ON learning.video_analytics IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER video_watch_sessions_updated_at_trigger ON learning.video_watch_sessions IS
  'Stamps updated_at on every update.';
COMMENT ON TRIGGER usage_metrics_updated_at_trigger ON learning.usage_metrics IS
  'Stamps updated_at on every update.';

-- A player reports progress, not completion; deriving completed here keeps the 90% rule in
-- one place. It only ever sets completed: a later report of lower progress (rewatching
-- from the start) must not undo a completion already earned.
CREATE FUNCTION learning.video_watch_sessions_auto_complete()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
PARALLEL SAFE
SET search_path = pg_catalog
AS $$
BEGIN
  -- completed is derived, never taken from the writer: a student (who may write their own
  -- sessions) cannot mark a video completed without reaching 90%. Once reached it stays.
  IF TG_OP = 'INSERT' THEN
    NEW.completed := NEW.percent_complete >= 90;
  ELSE
    NEW.completed := OLD.completed OR NEW.percent_complete >= 90;
  END IF;
  RETURN NEW;
END
$$;

COMMENT ON FUNCTION learning.video_watch_sessions_auto_complete() IS
  'BEFORE INSERT OR UPDATE row trigger on learning.video_watch_sessions: completed is true '
  'once percent_complete has reached 90 (sticky); a written value of completed is ignored.';

CREATE TRIGGER video_watch_sessions_auto_complete_trigger
  BEFORE INSERT OR UPDATE ON learning.video_watch_sessions
  FOR EACH ROW EXECUTE FUNCTION learning.video_watch_sessions_auto_complete();

COMMENT ON TRIGGER video_watch_sessions_auto_complete_trigger ON learning.video_watch_sessions IS
  'Marks the session completed once percent_complete >= 90.';
