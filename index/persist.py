"""Persistence of one index build: write a build folder, swap it in, open it lazily.

Layout of ``<data_dir>/index`` (a symlink to one immutable build folder)::

    manifest.json   model id/dim/prompts, chunker/tokenizer settings, file hashes, format
    chunks.arrow    chunk metadata as Arrow columns, in vector order (memory-mapped on load)
    vectors.npy     the raw float32 vectors (allow_pickle=False; memory-mapped on load, rows read by pread
                    at search time: index/vectors.py)
    vectors.faiss   faiss.write_index (never pickle); flat storage memory-mapped on load
    bm25/           bm25s arrays + JSON vocabulary (memory-mapped on load)

Opening a build creates no per-chunk Python object, so a million-chunk index opens
in seconds. Builds are written to a new folder and the symlink is swapped
atomically: a failed or interrupted build leaves the previous index in place.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .config import FaissSettings, Settings
from .embed import resolve_dtype
from .table import ChunkTable, write_table
from .vectors import VectorRows

# 5: CJK radical forms read as ideographs (tokens, ids); 4: a hyphen opens a list item; 3: Arrow chunk table;
# 2: chunk kind, fiscal year and revision
FORMAT_VERSION = 5
KEEP_PREVIOUS_BUILDS = 2  # replaced builds kept for readers that resolved the link just before a swap
PRUNE_GRACE_S = 120.0  # ... and older ones are only deleted once replaced this long ago
REPAIR = "rebuild it with: python -m index build"
SEARCH_TIME = ("hnsw_ef_search", "ivf_nprobe", "exact_filter_max", "filter_ef_factor")  # no rebuild needed


class IndexNotReady(RuntimeError):
    """The index is missing, unreadable or was built with other settings."""


def settings_fingerprint(settings: Settings) -> dict:
    """Everything that, when changed, makes stored vectors or tokens invalid."""
    e = settings.embedding
    return {
        "format_version": FORMAT_VERSION,
        "model": {"id": e.model, "query_prompt": e.query_prompt, "passage_prompt": e.passage_prompt,
                  "dtype": resolve_dtype(e)},
        "chunking": settings.chunking.model_dump(),
        "ingest": settings.ingest.model_dump(),
        "bm25": settings.bm25.model_dump(),
        # The structure of the FAISS index (search-time knobs like efSearch are not part of it).
        "faiss": {k: v for k, v in settings.faiss.model_dump().items() if k not in SEARCH_TIME},
    }


def read_manifest(index_dir: Path) -> dict | None:
    path = index_dir / "manifest.json"
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None


def check_compatible(manifest: dict, settings: Settings, dim: int | None = None) -> None:
    """Refuse to mix an index with other model/chunking settings."""
    want = settings_fingerprint(settings)
    for key in ("format_version", "model", "chunking", "ingest", "bm25"):
        if manifest.get(key) != want[key]:
            have = manifest.get(key)
            raise IndexNotReady(
                f"the index was built with different {key} settings ({have!r} vs config {want[key]!r}); {REPAIR}")
    if dim is not None and manifest.get("dim") != dim:
        raise IndexNotReady(f"the index has dimension {manifest.get('dim')} but the model gives {dim}; {REPAIR}")


def faiss_kind(n: int, settings: FaissSettings) -> str:
    """The FAISS structure used for ``n`` vectors (``auto``: exact up to the threshold, then HNSW)."""
    if settings.kind == "auto":
        return "hnsw" if n > settings.auto_threshold else "flat"
    return settings.kind


def make_faiss(vectors: np.ndarray, settings: FaissSettings):
    """Exact inner product by default; HNSW/IVF by config or above the size threshold."""
    import faiss

    n, dim = vectors.shape
    kind = faiss_kind(n, settings)
    sq8 = settings.codes == "sq8"
    if kind == "hnsw":
        if sq8:
            index = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_8bit, settings.hnsw_m, faiss.METRIC_INNER_PRODUCT)
            index.train(_training_sample(vectors))
        else:
            index = faiss.IndexHNSWFlat(dim, settings.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = settings.hnsw_ef_search
    elif kind == "ivf" and n >= 64:
        nlist = settings.ivf_nlist or max(1, int(4 * n ** 0.5))
        nlist = min(nlist, n // 39 or 1)
        quantizer = faiss.IndexFlatIP(dim)
        if sq8:
            index = faiss.IndexIVFScalarQuantizer(quantizer, dim, nlist, faiss.ScalarQuantizer.QT_8bit,
                                                  faiss.METRIC_INNER_PRODUCT)
        else:
            index = faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT)
        index.train(_training_sample(vectors))
        index.nprobe = settings.ivf_nprobe
    else:
        index = faiss.IndexFlatIP(dim)
    if n:
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def _training_sample(vectors: np.ndarray, limit: int = 200_000) -> np.ndarray:
    """Rows to train quantizers on: all of them up to ``limit``, else an even sample."""
    step = max(1, len(vectors) // limit)
    return np.ascontiguousarray(vectors[::step], dtype=np.float32)


def make_bm25(tokens, settings: Settings):
    """A bm25s index over token lists (or a bm25s ``Tokenized`` of ids and vocabulary)."""
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s logs every build at DEBUG
    bm25 = bm25s.BM25(k1=settings.bm25.k1, b=settings.bm25.b)
    bm25.index(tokens if len(tokens) else [[""]], show_progress=False)
    return bm25


@dataclass
class BuildParts:
    """What a build folder is written from (vectors and tokens in chunk-table order)."""

    columns: dict  # chunk columns (index.table.columns_of)
    vectors: np.ndarray
    manifest: dict
    faiss_index: object = None  # made from the vectors when None
    bm25: object = None  # made from ``tokens`` when None
    tokens: object = None


def write_build(index_dir: Path, parts: BuildParts, settings: Settings, timings: dict | None = None,
                fail_after_write: bool = False) -> Path:
    """Write a complete build into a temp folder, rename it, swap the ``index`` link to it."""
    import faiss

    timings = {} if timings is None else timings
    builds = index_dir.parent / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    target = builds / f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}"
    tmp = builds / f".tmp-{target.name}"
    try:
        tmp.mkdir()
        t = time.perf_counter()
        index = parts.faiss_index if parts.faiss_index is not None else make_faiss(parts.vectors, settings.faiss)
        timings["faiss_s"] = time.perf_counter() - t
        t = time.perf_counter()
        bm25 = parts.bm25 if parts.bm25 is not None else make_bm25(parts.tokens or [], settings)
        timings["bm25_s"] = time.perf_counter() - t
        t = time.perf_counter()
        write_table(tmp / "chunks.arrow", parts.columns)
        np.save(tmp / "vectors.npy", np.ascontiguousarray(parts.vectors, dtype=np.float32), allow_pickle=False)
        faiss.write_index(index, str(tmp / "vectors.faiss"))
        bm25.save(str(tmp / "bm25"))
        (tmp / "manifest.json").write_text(json.dumps(parts.manifest, ensure_ascii=False, indent=2),
                                           encoding="utf-8")
        if fail_after_write:  # test hook: simulate a crash before the swap
            raise RuntimeError("simulated failure before swapping the index")
        tmp.rename(target)
        link = index_dir.parent / f".index-{uuid.uuid4().hex[:8]}"
        os.symlink(os.path.relpath(target, index_dir.parent), link)
        if index_dir.exists() and not index_dir.is_symlink():
            shutil.rmtree(index_dir)  # an index folder from an older layout
        os.replace(link, index_dir)  # atomic swap
        timings["write_s"] = time.perf_counter() - t
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _prune(builds, keep=target)
    return target


def remove_stale_temp(builds: Path) -> None:
    """Temp folders left by a killed build (the build lock says no build is writing them now)."""
    if builds.exists():
        for tmp in builds.glob(".tmp-*"):
            shutil.rmtree(tmp, ignore_errors=True)


def _prune(builds: Path, keep: Path) -> None:
    """Delete old builds no reader can still be opening.

    A reader resolves the ``index`` link once and then opens files in that build;
    the newest replaced builds stay, and older ones go only after a grace period.
    """
    old = sorted((b for b in builds.iterdir() if b != keep and not b.name.startswith(".tmp-")),
                 key=lambda b: b.stat().st_mtime, reverse=True)
    now = time.time()
    for b in old[KEEP_PREVIOUS_BUILDS:]:
        if now - b.stat().st_mtime > PRUNE_GRACE_S:
            shutil.rmtree(b, ignore_errors=True)


def stored_vectors(index_dir: Path) -> dict[str, np.ndarray]:
    """The current index's vectors by chunk id (empty when they cannot be read)."""
    try:
        vectors = np.load(index_dir / "vectors.npy", mmap_mode="r", allow_pickle=False)
        ids = list(ChunkTable.open(index_dir / "chunks.arrow").ids())
    except (OSError, ValueError, KeyError):
        return {}
    return dict(zip(ids, vectors)) if len(ids) == len(vectors) else {}


@dataclass
class LoadedIndex:
    """An index opened from disk: columns, vectors and FAISS storage memory-mapped."""

    path: Path
    manifest: dict
    chunks: ChunkTable
    vectors: np.ndarray  # (n, dim) float32, memory-mapped (whole-array use: reuse in updates, benchmarks)
    faiss_index: object
    bm25: object
    rows: VectorRows  # the same vectors read row by row (searches)

    @classmethod
    def load(cls, settings: Settings) -> LoadedIndex:
        """Open the index; any inconsistency is one :class:`IndexNotReady` line with the repair."""
        link = settings.index_dir
        # Resolve the link once: everything below is read from that one build, even if a
        # concurrent build swaps the link meanwhile.
        path = link.resolve()
        manifest = read_manifest(path)
        if manifest is None:
            raise IndexNotReady(f"no index at {link}; build it with: python -m index build")
        check_compatible(manifest, settings)
        return cls.open(path, manifest)

    @classmethod
    def open(cls, path: Path, manifest: dict) -> LoadedIndex:
        """Open the build folder ``path`` (no settings check)."""
        import bm25s
        import faiss

        try:
            chunks = ChunkTable.open(path / "chunks.arrow")
            vectors = np.load(path / "vectors.npy", mmap_mode="r", allow_pickle=False)
            rows = VectorRows(path / "vectors.npy")
            index = faiss.read_index(str(path / "vectors.faiss"), faiss.IO_FLAG_MMAP_IFC)
            bm25 = bm25s.BM25.load(str(path / "bm25"), load_corpus=False, mmap=True)
        except (OSError, RuntimeError, ValueError, KeyError, TypeError) as exc:
            what = str(exc).splitlines()[0][:200] if str(exc) else exc.__class__.__name__
            raise IndexNotReady(f"the index at {path} cannot be read ({what}); {REPAIR}") from None
        expected = manifest.get("counts", {}).get("chunks")
        n = len(chunks)
        sizes = {"manifest": expected, "chunks.arrow": n, "vectors.npy": len(vectors),
                 "vectors.faiss": int(index.ntotal),
                 "bm25": int(bm25.scores.get("num_docs", n)) if n else n}
        if len({v for v in sizes.values() if v is not None}) > 1:
            detail = ", ".join(f"{k} {v}" for k, v in sizes.items())
            raise IndexNotReady(f"the index at {path} is inconsistent ({detail}); {REPAIR}")
        return cls(path, manifest, chunks, vectors, index, bm25, rows)
