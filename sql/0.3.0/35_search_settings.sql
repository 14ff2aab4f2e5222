-- The exact scan's plan costs just over jit_above_cost, and JIT compilation then takes 12-24 ms
-- of every search (more than an indexed search takes in all): searches run without it.
ALTER FUNCTION learning.search_video_chunks(real[], integer, double precision, text[]) SET jit = off;
