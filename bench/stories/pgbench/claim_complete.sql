-- A worker's two steps, each its own transaction: claim the oldest queued job, then complete
-- it (result_data written, the segment appended as the next of its scene).
SELECT job_id AS j FROM stories.claim_jobs('worker-' || :client_id, 1) \gset
SELECT sequence FROM stories.complete_job(:j, 'worker-' || :client_id, '{"ok": true}', 'https://cdn.example.com/b.mp4', 6, 'script');
