-- Baseline: the same number of statements as claim_complete.sql, two plain UPDATEs by primary
-- key of a trigger-free copy of the jobs table (no queue, no locks beyond the row, no segment).
\set n random(1, 200000)
UPDATE bench.jobs_plain SET status = 'processing', stage = 'script_expansion', claimed_by = 'worker-' || :client_id,
  started_at = now(), heartbeat_at = now() WHERE id = bench.job(:n);
UPDATE bench.jobs_plain SET status = 'final_ready', stage = 'completed', result_data = '{"ok": true}',
  completed_at = now() WHERE id = bench.job(:n);
