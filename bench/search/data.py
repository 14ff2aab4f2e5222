"""Synthetic embeddings for the search benchmark, generated once per seed and cached as .npy.

100,000 chunks and 100 queries of 1,536 dims, each normalize(c + n): c one of 1,000 centres drawn
from N(0, I), n drawn from N(0, I). The queries draw their own centre choice and noise from the
same generator, after the chunks. Ground truth: exact top-10 by cosine (dot product of unit
vectors) in float32, ties broken by row number.
"""
import json
import os
import time

import numpy as np

ROWS = 100_000
DIM = 1536
CENTRES = 1000
QUERIES = 100
K = 10
BLOCK = 10_000


def _normalize(x):
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x


def generate(seed):
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((CENTRES, DIM), dtype=np.float32)
    assign = rng.integers(0, CENTRES, size=ROWS)
    chunks = np.empty((ROWS, DIM), dtype=np.float32)
    for start in range(0, ROWS, BLOCK):
        stop = min(ROWS, start + BLOCK)
        block = centres[assign[start:stop]] + rng.standard_normal((stop - start, DIM), dtype=np.float32)
        chunks[start:stop] = _normalize(block)
    qassign = rng.integers(0, CENTRES, size=QUERIES)
    queries = _normalize(centres[qassign] + rng.standard_normal((QUERIES, DIM), dtype=np.float32))
    return chunks, queries, assign, qassign


def top_k(scores, k=K):
    """Row numbers of the k best scores, best first, ties by row number."""
    part = np.argpartition(-scores, k)[:k]
    kth = scores[part].min()
    cand = np.flatnonzero(scores >= kth)          # every row tied with the k-th is a candidate
    order = np.lexsort((cand, -scores[cand]))
    return cand[order[:k]]


def ground_truth(chunks, queries):
    scores = chunks @ queries.T                   # (ROWS, QUERIES) float32
    ids = np.empty((len(queries), K), dtype=np.int64)
    sims = np.empty((len(queries), K + 1), dtype=np.float32)
    for j in range(len(queries)):
        s = scores[:, j]
        ids[j] = top_k(s)
        eleventh = top_k(s, K + 1)
        sims[j] = s[eleventh]
    return ids, sims


def load_or_generate(out_dir, seed, log=print):
    """Returns (chunks, queries, truth_ids, truth_sims, cache_dir, generated)."""
    d = os.path.join(out_dir, f"search-data-seed{seed}")
    names = ["chunks", "queries", "truth_ids", "truth_sims"]
    paths = {n: os.path.join(d, n + ".npy") for n in names}
    meta_path = os.path.join(d, "meta.json")
    meta = dict(seed=seed, rows=ROWS, dim=DIM, centres=CENTRES, queries=QUERIES, k=K, block=BLOCK)
    if os.path.exists(meta_path) and all(os.path.exists(p) for p in paths.values()):
        with open(meta_path) as f:
            if json.load(f) == meta:
                arrays = [np.load(paths[n]) for n in names]
                return (*arrays, d, False)
    os.makedirs(d, exist_ok=True)
    t0 = time.perf_counter()
    chunks, queries, _, _ = generate(seed)
    truth_ids, truth_sims = ground_truth(chunks, queries)
    for n, a in zip(names, [chunks, queries, truth_ids, truth_sims]):
        np.save(paths[n], a)
    with open(meta_path, "w") as f:
        json.dump(meta, f)
    log(f"generated {ROWS} chunks and {QUERIES} queries (seed {seed}) in {time.perf_counter() - t0:.1f} s -> {d}")
    return chunks, queries, truth_ids, truth_sims, d, True
