-- bench.track_video_event: a PL/pgSQL twin of the Swift learning.track_video_event, the
-- baseline that shows what the Swift implementation costs or saves over plain PL/pgSQL.
-- Same checks in the same order, the same kind of id (a UUIDv7 from the current clock time), the
-- same single INSERT ... SELECT, the same diagnostic query and SQLSTATEs when it matches nothing.
-- One difference: the Swift ids are also strictly increasing within a backend (a per-backend
-- counter), which PL/pgSQL has no cheap place to keep; these are random within a millisecond.
-- Like the Swift function it has no SET clause (no search_path switch per call): every name is
-- schema-qualified.
CREATE FUNCTION bench.track_video_event(
  p_event_type text,
  p_video_id uuid,
  p_creator_id uuid,
  p_student_id uuid DEFAULT NULL,
  p_course_id uuid DEFAULT NULL,
  p_module_id uuid DEFAULT NULL,
  p_metadata jsonb DEFAULT '{}'::jsonb,
  p_timestamp timestamptz DEFAULT now()
) RETURNS uuid
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
AS $$
DECLARE
  v_id uuid;
  v_rows bigint;
  v_video_creator uuid;
  v_video_deleted boolean;
  v_student_creator uuid;
  v_course_creator uuid;
  v_module_course uuid;
  v_module_creator uuid;
BEGIN
  IF p_event_type IS NULL THEN
    RAISE EXCEPTION 'p_event_type must not be NULL' USING ERRCODE = '22004';
  END IF;
  IF p_event_type NOT IN ('video_imported', 'video_transcribed', 'video_embedded',
                          'video_added_to_course', 'video_started', 'video_progress',
                          'video_completed', 'video_rewatched') THEN
    RAISE EXCEPTION 'invalid event type "%"', p_event_type USING ERRCODE = '22023',
      HINT = 'Valid event types: video_imported, video_transcribed, video_embedded, '
             'video_added_to_course, video_started, video_progress, video_completed, '
             'video_rewatched.';
  END IF;
  IF p_video_id IS NULL THEN
    RAISE EXCEPTION 'p_video_id must not be NULL' USING ERRCODE = '22004';
  END IF;
  IF p_creator_id IS NULL THEN
    RAISE EXCEPTION 'p_creator_id must not be NULL' USING ERRCODE = '22004';
  END IF;
  IF p_student_id IS NULL AND p_event_type IN ('video_started', 'video_progress',
                                               'video_completed', 'video_rewatched') THEN
    RAISE EXCEPTION 'event type "%" requires p_student_id', p_event_type USING ERRCODE = '22023';
  END IF;
  IF p_metadata IS NULL THEN
    p_metadata := '{}'::jsonb;
  ELSIF pg_catalog.jsonb_typeof(p_metadata) <> 'object' THEN
    RAISE EXCEPTION 'p_metadata must be a JSON object, got a JSON %',
      CASE pg_catalog.jsonb_typeof(p_metadata) WHEN 'array' THEN 'array' ELSE 'scalar' END
      USING ERRCODE = '22023';
  END IF;
  IF p_timestamp IS NULL THEN
    RAISE EXCEPTION 'p_timestamp must not be NULL' USING ERRCODE = '22004';
  END IF;
  IF NOT pg_catalog.isfinite(p_timestamp) THEN
    RAISE EXCEPTION 'p_timestamp must be a finite time, got infinity' USING ERRCODE = '22023';
  END IF;

  -- UUIDv7: 48-bit Unix milliseconds of the clock time over a random v4 uuid, version bits
  -- turned from 4 (0100) into 7 (0111).
  v_id := pg_catalog.encode(
    pg_catalog.set_bit(pg_catalog.set_bit(
      pg_catalog.overlay(pg_catalog.uuid_send(pg_catalog.gen_random_uuid()),
        pg_catalog.substr(
          pg_catalog.int8send(pg_catalog.floor(
            pg_catalog.date_part('epoch', pg_catalog.clock_timestamp()) * 1000)::bigint),
          3),
        1, 6),
      52, 1), 53, 1),
    'hex')::uuid;

  INSERT INTO learning.video_analytics_events
    (id, event_type, video_id, creator_id, student_id, course_id, module_id, metadata, "timestamp")
  SELECT v_id, p_event_type, v.id, v.creator_id, p_student_id, p_course_id, p_module_id,
         p_metadata, p_timestamp
  FROM learning.videos v
  WHERE v.id = p_video_id AND v.creator_id = p_creator_id AND NOT v.is_deleted
    AND (p_student_id IS NULL OR EXISTS (
      SELECT 1 FROM learning.students s WHERE s.id = p_student_id AND s.creator_id = v.creator_id))
    AND (p_course_id IS NULL OR EXISTS (
      SELECT 1 FROM learning.courses c WHERE c.id = p_course_id AND c.creator_id = v.creator_id))
    AND (p_module_id IS NULL OR EXISTS (
      SELECT 1 FROM learning.course_modules m JOIN learning.courses c ON c.id = m.course_id
      WHERE m.id = p_module_id AND c.creator_id = v.creator_id
        AND (p_course_id IS NULL OR m.course_id = p_course_id)));
  GET DIAGNOSTICS v_rows = ROW_COUNT;
  IF v_rows = 1 THEN
    RETURN v_id;
  END IF;

  SELECT (SELECT v.creator_id FROM learning.videos v WHERE v.id = p_video_id),
         (SELECT v.is_deleted FROM learning.videos v WHERE v.id = p_video_id),
         (SELECT s.creator_id FROM learning.students s WHERE s.id = p_student_id),
         (SELECT c.creator_id FROM learning.courses c WHERE c.id = p_course_id),
         (SELECT m.course_id FROM learning.course_modules m WHERE m.id = p_module_id),
         (SELECT c.creator_id FROM learning.course_modules m
            JOIN learning.courses c ON c.id = m.course_id WHERE m.id = p_module_id)
    INTO v_video_creator, v_video_deleted, v_student_creator, v_course_creator,
         v_module_course, v_module_creator;
  IF v_video_creator IS NULL THEN
    RAISE EXCEPTION 'video % does not exist', p_video_id USING ERRCODE = '23503',
      DETAIL = 'Rows hidden from the current user by row-level security count as missing.';
  END IF;
  IF v_video_creator <> p_creator_id THEN
    RAISE EXCEPTION 'video % does not belong to creator %', p_video_id, p_creator_id
      USING ERRCODE = '22023';
  END IF;
  IF v_video_deleted THEN
    RAISE EXCEPTION 'video % is deleted', p_video_id USING ERRCODE = '55000';
  END IF;
  IF p_student_id IS NOT NULL THEN
    IF v_student_creator IS NULL THEN
      RAISE EXCEPTION 'student % does not exist', p_student_id USING ERRCODE = '23503',
        DETAIL = 'Rows hidden from the current user by row-level security count as missing.';
    END IF;
    IF v_student_creator <> p_creator_id THEN
      RAISE EXCEPTION 'student % is not a student of creator %', p_student_id, p_creator_id
        USING ERRCODE = '22023';
    END IF;
  END IF;
  IF p_course_id IS NOT NULL THEN
    IF v_course_creator IS NULL THEN
      RAISE EXCEPTION 'course % does not exist', p_course_id USING ERRCODE = '23503',
        DETAIL = 'Rows hidden from the current user by row-level security count as missing.';
    END IF;
    IF v_course_creator <> p_creator_id THEN
      RAISE EXCEPTION 'course % does not belong to creator %', p_course_id, p_creator_id
        USING ERRCODE = '22023';
    END IF;
  END IF;
  IF p_module_id IS NOT NULL THEN
    IF v_module_course IS NULL THEN
      RAISE EXCEPTION 'module % does not exist', p_module_id USING ERRCODE = '23503',
        DETAIL = 'Rows hidden from the current user by row-level security count as missing.';
    END IF;
    IF p_course_id IS NOT NULL AND v_module_course <> p_course_id THEN
      RAISE EXCEPTION 'module % belongs to course %, not to course %',
        p_module_id, v_module_course, p_course_id USING ERRCODE = '22023';
    END IF;
    IF v_module_creator IS DISTINCT FROM p_creator_id THEN
      RAISE EXCEPTION 'module % does not belong to a course of creator %', p_module_id, p_creator_id
        USING ERRCODE = '22023';
    END IF;
  END IF;
  RAISE EXCEPTION 'event was not recorded: a referenced row changed concurrently'
    USING ERRCODE = '40001', HINT = 'Retry the call.';
END
$$;
