"""Binary encodings for PostgreSQL: real[] parameters and the binary COPY stream of the chunks.

Row r of the data set is chunk id 00000000-0000-4000-8000-<r as 12 hex digits>, so ids sort in
row order (the search breaks similarity ties by id, the ground truth by row number) and a
returned id maps back to its row. Row r belongs to video r % VIDEOS with chunk_index r // VIDEOS.
"""
import struct
import uuid

import numpy as np
from psycopg.adapt import Dumper
from psycopg.pq import Format

FLOAT4_OID = 700
FLOAT4_ARRAY_OID = 1021
VIDEOS = 100
CREATOR_ID = "c0000000-0000-4000-8000-000000000001"


def chunk_uuid(row):
    return uuid.UUID(f"00000000-0000-4000-8000-{row:012x}")


def video_uuid(v):
    return uuid.UUID(f"b0000000-0000-4000-8000-{v:012x}")


def row_of(chunk_id):
    return uuid.UUID(str(chunk_id)).int & 0xFFFF_FFFF_FFFF


def _elements(vectors):
    """(n, dim) float32 -> (n, dim) records of (int32 length 4, float32), both big-endian."""
    out = np.empty(vectors.shape, dtype=[("len", ">i4"), ("val", ">f4")])
    out["len"] = 4
    out["val"] = vectors
    return out


def array_header(dim):
    # ndim, has-nulls flag, element type, then (length, lower bound) of the one dimension
    return struct.pack(">iiiii", 1, 0, FLOAT4_OID, dim, 1)


class Float4Vector:
    """A real[] query parameter, encoded once so timing does not include client-side encoding."""
    __slots__ = ("data",)

    def __init__(self, vector):
        v = np.asarray(vector, dtype=np.float32)
        self.data = array_header(len(v)) + _elements(v[None, :]).tobytes()


class Float4VectorDumper(Dumper):
    format = Format.BINARY
    oid = FLOAT4_ARRAY_OID

    def dump(self, obj):
        return obj.data


def register(conn):
    conn.adapters.register_dumper(Float4Vector, Float4VectorDumper)


COPY_SQL = ("COPY learning.video_chunks (id, video_id, chunk_index, chunk_text, embedding) "
            "FROM STDIN (FORMAT binary)")


def copy_stream(chunks, block=2000):
    """Yields the binary COPY stream for all rows of `chunks`, a block of rows at a time."""
    n, dim = chunks.shape
    yield b"PGCOPY\n\xff\r\n\x00" + struct.pack(">ii", 0, 0)
    text_len = len(f"chunk {0:06d}")
    rec = np.dtype([
        ("nfields", ">i2"),
        ("id_len", ">i4"), ("id", "S16"),
        ("vid_len", ">i4"), ("vid", "S16"),
        ("idx_len", ">i4"), ("idx", ">i4"),
        ("text_len", ">i4"), ("text", f"S{text_len}"),
        ("emb_len", ">i4"), ("emb_head", "S20"),
        ("emb", [("len", ">i4"), ("val", ">f4")], (dim,)),
    ])
    head = array_header(dim)
    vids = [video_uuid(v).bytes for v in range(VIDEOS)]
    for start in range(0, n, block):
        stop = min(n, start + block)
        rows = np.arange(start, stop)
        out = np.empty(stop - start, dtype=rec)
        out["nfields"] = 5
        out["id_len"] = 16
        out["id"] = [chunk_uuid(r).bytes for r in rows]
        out["vid_len"] = 16
        out["vid"] = [vids[r % VIDEOS] for r in rows]
        out["idx_len"] = 4
        out["idx"] = rows // VIDEOS
        out["text_len"] = text_len
        out["text"] = [f"chunk {r:06d}".encode() for r in rows]
        out["emb_len"] = len(head) + dim * 8
        out["emb_head"] = head
        out["emb"]["len"] = 4
        out["emb"]["val"] = chunks[start:stop]
        yield out.tobytes()
    yield struct.pack(">h", -1)
