-- Indexes the functions and policies need. Each names the statement that uses it.

-- Videos of a persona (the owner policy); receipts and assets of a video.
CREATE INDEX videos_persona_id_idx ON publishing.videos (persona_id);
CREATE INDEX personas_owner_id_idx ON publishing.personas (owner_id);
CREATE INDEX publish_receipts_video_id_idx ON publishing.publish_receipts (video_id);
-- attach_asset: a checksum at most once per video (also under concurrent attaches).
CREATE UNIQUE INDEX assets_video_id_checksum_key ON publishing.assets (video_id, checksum);
-- tag_video: one tag per name regardless of case.
CREATE UNIQUE INDEX tags_lower_name_key ON publishing.tags (pg_catalog.lower(name));
-- A chain's head (the newest row of a task_id) and the walk of verify_audit.
CREATE INDEX task_audit_task_id_id_idx ON publishing.task_audit (task_id, id);
-- No fork: two rows of one chain never share a predecessor.
CREATE UNIQUE INDEX task_audit_chain_key ON publishing.task_audit (task_id, prev_hash);
