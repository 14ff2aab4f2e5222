-- Administrators build vector indexes (reelbase.build_vector_index is granted to them), which
-- writes the registry and the centroids; 0.2.0 granted them SELECT only.
GRANT UPDATE ON reelbase.vector_indexes TO reelbase_admin;
GRANT INSERT, UPDATE, DELETE ON reelbase.vector_index_centroids TO reelbase_admin;
