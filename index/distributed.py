"""Distributed builds on Ray Data (``python -m index build --distributed ray [--address ADDR]``).

The pipeline runs on the Ray cluster: one row per corpus file → ``flat_map`` reads,
cleans and chunks it (:func:`index.ingest.ingest_file`, the same code as a local
build) → ``map_batches`` with a pool of actors, each holding the configured
sentence-transformers model (and a Sudachi tokenizer), embeds and tokenizes the
chunks → Parquet shards. The driver reads the shards back in corpus order and
writes the same index format as a local build (:func:`index.store.commit`: FAISS,
BM25, Arrow metadata, atomic swap) under the same build lock.

Without ``--address`` a local Ray cluster is started (and stopped). On a real
cluster the corpus, the data directory and the model must be reachable at the
same paths from every node (a shared filesystem); the code of this package is
shipped to the workers by Ray (``runtime_env.py_modules``).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
import uuid
from pathlib import Path

import numpy as np

from .config import Settings
from .documents import Chunk
from .ingest import skip_message
from .persist import read_manifest, remove_stale_temp
from .reader import iter_files
from .store import BuildReport, bm25_text, build_lock, check_not_shrinking, commit, embedding_text, file_hashes

log = logging.getLogger(__name__)
EMBED_BATCH_ROWS = 64  # chunks handed to an embedding actor at a time


class DistributedUnavailable(RuntimeError):
    """Ray is not installed or the cluster cannot be reached."""


class _IngestFile:
    """Ray ``flat_map`` callable: one corpus file → a header row, then one row per chunk."""

    def __init__(self, settings: Settings):
        from .ingest import settings_manifest

        self.settings = settings
        self.manifest = settings_manifest(settings)

    def __call__(self, row: dict) -> list[dict]:
        from .ingest import ingest_file

        result = ingest_file(Path(row["path"]), row["source"], row["problem"] or None, self.settings,
                             self.manifest, on_skip=lambda _: None)
        skip = result.skipped[0][1] if result.skipped else ""
        rows = [{"file": row["file"], "seq": -1, "chunk": "", "embed": "", "bm25": "", "skip": skip}]  # header
        for seq, c in enumerate(result.chunks):
            rows.append({"file": row["file"], "seq": seq, "chunk": json.dumps(c.to_dict(), ensure_ascii=False),
                         "embed": embedding_text(c), "bm25": bm25_text(c), "skip": ""})
        return rows


class _EmbedAndTokenize:
    """Ray ``map_batches`` actor: the model and the tokenizer are loaded once per worker."""

    def __init__(self, settings: Settings, threads: int):
        from .embed import Embedder
        from .tokens import SudachiTokenizer

        embedding = settings.embedding.model_copy(update={"threads": threads})
        self.embedder = Embedder(embedding, settings.cache_dir)
        self.tokenizer = SudachiTokenizer(settings.bm25)

    def __call__(self, batch: dict) -> dict:
        texts = [str(t) for t in batch["embed"]]
        rows = [i for i, t in enumerate(texts) if t]  # header rows carry no text
        vectors = np.zeros((len(texts), self.embedder.dim), np.float32)
        if rows:
            vectors[rows] = self.embedder.encode_passages([texts[i] for i in rows])
        batch["vector"] = np.array([v.tobytes() for v in vectors], dtype=object)
        batch["tokens"] = np.array([json.dumps(self.tokenizer(str(t)), ensure_ascii=False) if t else "[]"
                                    for t in batch["bm25"]], dtype=object)
        return batch


def _start_ray(address: str | None, workers: int):
    try:
        import ray
    except ImportError:
        raise DistributedUnavailable(
            "Ray is not installed; install the extra: pip install '.[distributed]' "
            "(or: pip install -r requirements-distributed.lock)") from None
    import index

    runtime_env = {"py_modules": [str(Path(index.__file__).parent)],
                   "env_vars": {k: os.environ[k] for k in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE",
                                                           "TOKENIZERS_PARALLELISM") if k in os.environ}}
    try:
        if address:
            ray.init(address=address, runtime_env=runtime_env, log_to_driver=False)
        else:
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, runtime_env=runtime_env)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise DistributedUnavailable(f"cannot start or reach the Ray cluster ({str(exc).splitlines()[0][:200]})") \
            from None
    return ray


def build_distributed(settings: Settings, *, address: str | None = None, workers: int | None = None,
                      on_skip=None, on_wait=None, force: bool = False) -> BuildReport:
    """A full build whose reading, chunking, embedding and tokenization run as a Ray Data pipeline.

    ``workers`` embedding actors (default: the cluster's CPUs), one CPU and one torch
    thread each. The result is the same index a local build writes.
    """
    workers = workers or os.cpu_count() or 1
    with build_lock(settings, on_wait):
        builds = settings.index_dir.parent / "builds"
        remove_stale_temp(builds)
        started = time.perf_counter()
        timings: dict[str, float] = {}
        hashes = file_hashes(settings)
        previous = read_manifest(settings.index_dir)
        files = iter_files(settings.corpus_paths(), {s.lower() for s in settings.corpus.extensions})
        ray = _start_ray(address, workers)
        shards = builds / f".tmp-shards-{uuid.uuid4().hex[:8]}"
        try:
            t = time.perf_counter()
            workers = min(workers, max(1, int(ray.cluster_resources().get("CPU", workers))))
            ds = ray.data.from_items([{"file": i, "path": str(p), "source": s, "problem": problem or ""}
                                      for i, (p, s, problem) in enumerate(files)])
            ds = ds.flat_map(_IngestFile, fn_constructor_args=(settings,), concurrency=workers, num_cpus=1)
            ds = ds.map_batches(_EmbedAndTokenize, fn_constructor_args=(settings, 1), batch_size=EMBED_BATCH_ROWS,
                                batch_format="numpy", concurrency=workers, num_cpus=1)
            ds.drop_columns(["embed", "bm25"]).write_parquet(str(shards))
            timings["ray_pipeline_s"] = time.perf_counter() - t
            t = time.perf_counter()
            chunks, vectors, tokens, documents, skipped_rows = _merge_shards(shards)
            timings["merge_s"] = time.perf_counter() - t
        finally:
            shutil.rmtree(shards, ignore_errors=True)
            if not address:
                ray.shutdown()
        skipped = [(str(files[i][0]), reason) for i, reason in skipped_rows]
        skipped_sources = {files[i][1] for i, _ in skipped_rows}
        for path, reason in skipped:
            (on_skip or log.warning)(skip_message(path, reason))
        check_not_shrinking(previous, len(chunks), settings, force)
        commit(settings, chunks, vectors, tokens, documents, skipped, hashes, timings)
        return BuildReport(chunks=len(chunks), files=documents, embedded=len(chunks), reused=0,
                           changed_files=sorted(s for s in hashes if s != "(manifest)" and s not in skipped_sources),
                           skipped=skipped, seconds=time.perf_counter() - started,
                           timings={k: round(v, 3) for k, v in timings.items()})


def _merge_shards(shards: Path) -> tuple[list[Chunk], np.ndarray, list[list[str]], int, list[tuple[int, str]]]:
    """Read the Parquet shards back in corpus order (file, then chunk sequence); skipped files as
    (file number, reason)."""
    import pyarrow.parquet as pq

    table = pq.read_table(str(shards)).sort_by([("file", "ascending"), ("seq", "ascending")])
    rows = table.to_pydict()
    chunks, vecs, tokens, skipped, documents = [], [], [], [], 0
    for file, seq, chunk, vector, toks, skip in zip(rows["file"], rows["seq"], rows["chunk"], rows["vector"],
                                                    rows["tokens"], rows["skip"]):
        if seq < 0:
            if skip:
                skipped.append((file, skip))
            else:
                documents += 1
            continue
        chunks.append(Chunk.from_dict(json.loads(chunk)))
        vecs.append(np.frombuffer(vector, dtype=np.float32))
        tokens.append(json.loads(toks))
    vectors = np.vstack(vecs) if vecs else np.zeros((0, 0), np.float32)
    return chunks, vectors, tokens, documents, skipped
