-- track_video_event checks, on every call, that the video belongs to the creator and is not
-- deleted and that the student belongs to the same creator. These covering indexes let both
-- checks read the index alone (an index-only scan once the tables are vacuumed), instead of
-- the index and then the row.
CREATE INDEX idx_videos_id_owner ON learning.videos (id) INCLUDE (creator_id, is_deleted);
CREATE INDEX idx_students_id_owner ON learning.students (id) INCLUDE (creator_id);
