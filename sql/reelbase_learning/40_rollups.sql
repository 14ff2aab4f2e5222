-- learning rollups, part 1 of 3: what the daily figures mean, the watermark, the indexes the
-- rollups read through, which pairs a run recomputes, and the two entry points:
--   learning.rollup_analytics()           incremental, from the watermark (the periodic task)
--   learning.refresh_analytics(from, to)  every pair of a range of days
-- Both are SECURITY DEFINER (they write tables that only administrators may write, and read
-- every row regardless of policies) and executable by reelbase_admin only. They take the
-- same transaction-level advisory lock (key 1919247724, 1: 'reel' and the first rollup), so
-- two recomputations never interleave and leave an older result last. The recomputation
-- itself is in 41_rollups_helpers.sql and 42_rollups_apply.sql.
--
-- Days are UTC calendar days, whatever the session's TimeZone: a row's day is
-- (its timestamp AT TIME ZONE 'UTC')::date.
--
-- learning.video_analytics, one row per video and day:
--   views                      video_started events whose "timestamp" falls on the day
--   unique_viewers             distinct student_id of those events
--   total_watch_time_seconds   sum of watch_time_seconds of the watch sessions whose
--                              session_start falls on the day (open sessions included; they
--                              are recomputed as their progress is written)
--   average_watch_time_seconds that sum / the number of those sessions, rounded (0 if none)
--   completion_rate            percentage (0-100, 2 decimals) of those sessions completed
--   ai_interactions            chat messages of role 'user' created on the day in chat sessions
--                              whose context_video_ids names the video. An element names a
--                              video when it is the video's id as text (case-insensitive) and
--                              the video belongs to the session's creator, so a student cannot
--                              credit another creator's video; other elements are ignored.
-- learning.usage_metrics, one row per creator and day:
--   videos_uploaded            the creator's videos created on the day (any source, soft-deleted
--                              ones included: the upload happened)
--   total_video_duration_seconds  sum of duration_seconds of those videos
--   storage_used_bytes         sum of file_size_bytes of the creator's videos created on or
--                              before the day and not soft-deleted now (see "storage" below)
--   chat_messages_sent         messages of role 'user' created on the day in the creator's chat
--                              sessions
--   ai_credits_used            sum of token_count of role 'assistant' messages created on the
--                              day in the creator's chat sessions
--   transcription_minutes      sum over the creator's video_transcribed events of the day of
--                              ceil(metadata.duration_seconds / 60), per event; an event
--                              without a numeric duration_seconds counts 0
--   active_students            distinct students with an event (of the creator) or a watch
--                              session (on one of the creator's videos) on the day
-- Sums beyond the column's type saturate at its maximum instead of failing the whole run.
--
-- Which rows exist: a video row exists when one of its figures is not zero; a usage row when
-- one of its figures other than storage_used_bytes is not zero (storage alone would demand a
-- row for every creator on every day). A recomputed pair whose figures are all zero has its
-- row deleted. The rollups own both tables: a row written by hand is replaced or deleted
-- the next time its pair is recomputed. metadata is left as it is.
--
-- Storage: the schema records no deletion time, so storage_used_bytes cannot be the storage
-- as it was at the end of the day; it counts the videos created up to the day that are not
-- soft-deleted at the time of the rollup. Soft-deleting a video therefore recomputes every
-- existing usage row of its creator from its creation day on.
--
-- Every figure is a function of the source rows as they are now, so recomputing it is
-- idempotent, and the incremental run, a refresh of any range and a rebuild from nothing all
-- produce the same rows. The entry points differ only in which (video, day) and
-- (creator, day) pairs, and which of their figures, they recompute.

-- Progress is kept in reelbase.rollup_watermarks (the core's 25_rollup_watermarks.sql).

-- Indexes. The *_created_at / *_updated_at ones find what was written since the watermark;
-- the (key, time) ones read one pair (a key's rows of one day) without its other days. The
-- partial ones serve the figures that count one event type only. The price of the updated_at
-- indexes: an update of a watch session or chat session (which always sets updated_at) can no
-- longer be a HOT update.
-- (The events indexes the rollups read are in 35_event_partitions.sql.)
CREATE INDEX idx_video_watch_sessions_updated_at
  ON learning.video_watch_sessions (updated_at);
CREATE INDEX idx_video_watch_sessions_video_start
  ON learning.video_watch_sessions (video_id, session_start);
CREATE INDEX idx_chat_messages_created_at ON learning.chat_messages (created_at);
CREATE INDEX idx_chat_sessions_updated_at ON learning.chat_sessions (updated_at);
CREATE INDEX idx_videos_updated_at ON learning.videos (updated_at);

-- Pairs touched by rows written in [p_from, p_to): events by created_at (a late event, whose
-- "timestamp" is days old, is found by when it was recorded and counted on its own day);
-- watch sessions, chat sessions and videos by updated_at; chat messages by created_at.
--
-- Not seen here, on purpose: deleted rows, and updates that move a row away from a pair (a
-- watch session moved to another video or day, a message edited in place: messages have no
-- updated_at). Only the pair a row is in now is known, and there are no triggers to remember
-- the old one. learning.refresh_analytics over the days concerned puts those right.
CREATE FUNCTION learning.rollup_collect_changes(p_from timestamptz, p_to timestamptz)
RETURNS void
LANGUAGE plpgsql
VOLATILE
PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  PERFORM learning.rollup_prepare();

  INSERT INTO pg_temp.rollup_video_days (video_id, day, events, sessions, messages)
  SELECT c.video_id, c.day, bool_or(c.kind = 'e'), bool_or(c.kind = 's'),
         bool_or(c.kind = 'm')
  FROM (
    SELECT e.video_id, (e."timestamp" AT TIME ZONE 'UTC')::date AS day, 'e' AS kind
    FROM learning.video_analytics_events AS e
    WHERE e.created_at >= p_from AND e.created_at < p_to AND e.event_type = 'video_started'
    UNION ALL
    SELECT s.video_id, (s.session_start AT TIME ZONE 'UTC')::date, 's'
    FROM learning.video_watch_sessions AS s
    WHERE s.updated_at >= p_from AND s.updated_at < p_to
    UNION ALL
    SELECT v.id, (m.created_at AT TIME ZONE 'UTC')::date, 'm'
    FROM learning.chat_messages AS m
    JOIN learning.chat_sessions AS cs ON cs.id = m.session_id
    CROSS JOIN unnest(cs.context_video_ids) AS x (element)
    JOIN learning.videos AS v
      ON v.id::text = lower(x.element) AND v.creator_id = cs.creator_id
    WHERE m.created_at >= p_from AND m.created_at < p_to AND m.role = 'user'
    UNION ALL
    -- A changed chat session may name other videos now: every day it has messages, for
    -- every video it names.
    SELECT v.id, (m.created_at AT TIME ZONE 'UTC')::date, 'm'
    FROM learning.chat_sessions AS cs
    JOIN learning.chat_messages AS m ON m.session_id = cs.id
    CROSS JOIN unnest(cs.context_video_ids) AS x (element)
    JOIN learning.videos AS v
      ON v.id::text = lower(x.element) AND v.creator_id = cs.creator_id
    WHERE cs.updated_at >= p_from AND cs.updated_at < p_to AND m.role = 'user'
    UNION ALL
    -- ... and may have stopped naming some: on those days, every video of its creator that
    -- has AI interactions counted (only the creator's own videos are ever counted).
    SELECT va.video_id, va.date, 'm'
    FROM (SELECT DISTINCT cs.creator_id, (m.created_at AT TIME ZONE 'UTC')::date AS day
          FROM learning.chat_sessions AS cs
          JOIN learning.chat_messages AS m ON m.session_id = cs.id
          WHERE cs.updated_at >= p_from AND cs.updated_at < p_to AND m.role = 'user') AS d
    JOIN learning.video_analytics AS va ON va.date = d.day AND va.ai_interactions > 0
    JOIN learning.videos AS v ON v.id = va.video_id AND v.creator_id = d.creator_id
  ) AS c
  GROUP BY 1, 2;

  INSERT INTO pg_temp.rollup_creator_days (creator_id, day, events, sessions, messages)
  SELECT c.creator_id, c.day, bool_or(c.kind = 'e'), bool_or(c.kind = 's'),
         bool_or(c.kind = 'm')
  FROM (
    SELECT e.creator_id, (e."timestamp" AT TIME ZONE 'UTC')::date AS day, 'e' AS kind
    FROM learning.video_analytics_events AS e
    WHERE e.created_at >= p_from AND e.created_at < p_to
      AND (e.student_id IS NOT NULL OR e.event_type = 'video_transcribed')
    UNION ALL
    SELECT v.creator_id, (s.session_start AT TIME ZONE 'UTC')::date, 's'
    FROM learning.video_watch_sessions AS s
    JOIN learning.videos AS v ON v.id = s.video_id
    WHERE s.updated_at >= p_from AND s.updated_at < p_to
    UNION ALL
    SELECT cs.creator_id, (m.created_at AT TIME ZONE 'UTC')::date, 'm'
    FROM learning.chat_messages AS m
    JOIN learning.chat_sessions AS cs ON cs.id = m.session_id
    WHERE m.created_at >= p_from AND m.created_at < p_to AND m.role IN ('user', 'assistant')
    UNION ALL
    SELECT v.creator_id, (v.created_at AT TIME ZONE 'UTC')::date, 'v'
    FROM learning.videos AS v
    WHERE v.updated_at >= p_from AND v.updated_at < p_to
    UNION ALL
    -- A changed video changes the storage of every later day of its creator that has a row.
    SELECT um.creator_id, um.date, 'v'
    FROM learning.videos AS v
    JOIN learning.usage_metrics AS um
      ON um.creator_id = v.creator_id AND um.date >= (v.created_at AT TIME ZONE 'UTC')::date
    WHERE v.updated_at >= p_from AND v.updated_at < p_to
  ) AS c
  GROUP BY 1, 2;
END
$$;

COMMENT ON FUNCTION learning.rollup_collect_changes(timestamptz, timestamptz) IS
  'Internal to the rollups: lists in the temporary pair tables the (video, day) and '
  '(creator, day) pairs touched by source rows written (created_at/updated_at) in '
  '[p_from, p_to), and which kinds of source touched each.';

CREATE FUNCTION learning.refresh_analytics(p_from date, p_to date)
RETURNS TABLE (rollup_table text, pairs_recomputed integer, rows_inserted integer,
               rows_updated integer, rows_deleted integer)
LANGUAGE plpgsql
VOLATILE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF p_from IS NULL OR p_to IS NULL THEN
    RAISE EXCEPTION 'refresh_analytics: % must not be NULL',
      CASE WHEN p_from IS NULL THEN 'p_from' ELSE 'p_to' END
      USING ERRCODE = '22004',
            HINT = 'For an open-ended range use ''-infinity'' or ''infinity''.';
  END IF;
  IF p_from > p_to THEN
    RAISE EXCEPTION 'refresh_analytics: p_from (%) is after p_to (%)', p_from, p_to
      USING ERRCODE = '22023';
  END IF;
  -- Waits for a running rollup instead of skipping: the caller asked for this range.
  PERFORM pg_advisory_xact_lock(1919247724, 1);
  RETURN QUERY SELECT * FROM learning.rollup_apply(p_from, p_to);
END
$$;

COMMENT ON FUNCTION learning.refresh_analytics(date, date) IS
  'Recomputes learning.video_analytics and learning.usage_metrics for the UTC days p_from to '
  'p_to (inclusive; ''-infinity''/''infinity'' for open ends) from the events, watch '
  'sessions, chat messages and videos: changed rows are updated, missing ones inserted, rows '
  'whose figures are now all zero deleted. Idempotent. Use it after deletes or corrections, '
  'which the incremental learning.rollup_analytics() does not see. Waits for a running '
  'rollup. Does not move the watermark. Returns per table the pairs recomputed and rows '
  'inserted, updated and deleted. Errors: 22004 NULL bound, 22023 p_from after p_to.';

-- The window of one run is [processed_until - overlap, horizon), on created_at/updated_at:
-- * The horizon is the start of the oldest other transaction open in this database, or now().
--   Source rows are stamped with now(), their transaction's start, so a transaction still
--   open when this run looks can only add rows at or after the horizon, which the next run
--   reads, however long after this run it commits. (It takes the owner's right to see other
--   sessions in pg_stat_activity; the extension's owner is a superuser.) A transaction open
--   for more than an hour is not waited for, so that one forgotten session cannot make every
--   run re-read its whole age; rows it writes stamped with its start may be missed.
-- * The overlap (the setting reelbase.rollup_overlap, one minute when unset) re-reads what
--   may slip between a transaction's start and its appearance in pg_stat_activity, a
--   prepared (two-phase) transaction or a clock set back. Re-reading only recomputes pairs,
--   which writes nothing when nothing changed.
-- Rows written with an explicit created_at/updated_at in the past (imports, copies) are
-- behind the watermark and not seen: refresh their days with learning.refresh_analytics.
-- The first run (no watermark) rebuilds both tables from all the sources.
CREATE FUNCTION learning.rollup_analytics()
RETURNS TABLE (rollup_table text, pairs_recomputed integer, rows_inserted integer,
               rows_updated integer, rows_deleted integer)
LANGUAGE plpgsql
VOLATILE
PARALLEL UNSAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_started timestamptz := clock_timestamp();
  v_overlap interval := GREATEST(COALESCE(
    NULLIF(current_setting('reelbase.rollup_overlap', true), '')::interval,
    interval '1 minute'), interval '0');
  v_previous timestamptz;
  v_until timestamptz;
  v_days_from date;
  v_days_to date;
  v_pairs integer := 0;
  v_rows integer := 0;
  r record;
BEGIN
  IF NOT pg_try_advisory_xact_lock(1919247724, 1) THEN
    RETURN;  -- another run (or a refresh) is at work; the next run picks up from there
  END IF;
  SELECT w.processed_until INTO v_previous
  FROM reelbase.rollup_watermarks AS w
  WHERE w.name = 'learning.analytics';

  SELECT LEAST(now(), min(a.xact_start)) INTO v_until
  FROM pg_stat_activity AS a
  WHERE a.datid = (SELECT d.oid FROM pg_database AS d WHERE d.datname = current_database())
    AND a.pid <> pg_backend_pid()
    -- Every session that may write: clients, background workers (they show their own type)
    -- and replication apply workers; not autovacuum or WAL senders.
    AND a.backend_type NOT IN ('autovacuum worker', 'walsender');
  SELECT LEAST(v_until, min(x.prepared)) INTO v_until
  FROM pg_prepared_xacts AS x
  WHERE x.database = current_database();
  v_until := GREATEST(v_until, now() - interval '1 hour', v_previous);

  IF v_previous IS NULL THEN
    -- No watermark: rebuild every day (range mode).
    v_days_from := '-infinity';
    v_days_to := 'infinity';
  ELSE
    PERFORM learning.rollup_collect_changes(v_previous - v_overlap, v_until);
  END IF;
  FOR r IN SELECT * FROM learning.rollup_apply(v_days_from, v_days_to) LOOP
    rollup_table := r.rollup_table;
    pairs_recomputed := r.pairs_recomputed;
    rows_inserted := r.rows_inserted;
    rows_updated := r.rows_updated;
    rows_deleted := r.rows_deleted;
    v_pairs := v_pairs + r.pairs_recomputed;
    v_rows := v_rows + r.rows_inserted + r.rows_updated + r.rows_deleted;
    RETURN NEXT;
  END LOOP;

  INSERT INTO reelbase.rollup_watermarks AS w
    (name, processed_until, last_run_at, last_run_seconds, last_pairs, last_rows)
  VALUES ('learning.analytics', v_until, clock_timestamp(),
          extract(epoch FROM clock_timestamp() - v_started), v_pairs, v_rows)
  ON CONFLICT (name) DO UPDATE SET
    processed_until = EXCLUDED.processed_until,
    last_run_at = EXCLUDED.last_run_at,
    last_run_seconds = EXCLUDED.last_run_seconds,
    last_pairs = EXCLUDED.last_pairs,
    last_rows = EXCLUDED.last_rows;
END
$$;

COMMENT ON FUNCTION learning.rollup_analytics() IS
  'Brings learning.video_analytics and learning.usage_metrics up to date with the source rows '
  'written since the last run (watermark in reelbase.rollup_watermarks, name '
  '''learning.analytics''): recomputes only the (video, day) and (creator, day) pairs they '
  'touch, late events on their own day, then advances the watermark. The first run rebuilds '
  'everything. Idempotent and safe to run often; returns no rows at once when another run or '
  'refresh holds the lock. Each run re-reads the last reelbase.rollup_overlap (default 1 '
  'minute) before the watermark. Deletes are not seen: use learning.refresh_analytics for '
  'the days concerned. Returns per table the pairs recomputed and rows inserted, updated and '
  'deleted.';

REVOKE ALL ON FUNCTION learning.rollup_collect_changes(timestamptz, timestamptz),
  learning.refresh_analytics(date, date), learning.rollup_analytics() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION learning.refresh_analytics(date, date), learning.rollup_analytics()
  TO reelbase_admin;
