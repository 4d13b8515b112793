"""The whole store at scale (``python -m eval bench scale --chunks N``).

Builds an index of N synthetic chunks through the real persistence path and opens
it in a fresh process the way the assistant does, then times hybrid and filtered
searches. What is synthetic and what is real:

- **Text**: Japanese chunks made of 3–5 sentences sampled (seeded) from the ingested
  bundled corpus, each in a synthetic document (``<source>~NNNNN``) that keeps the
  metadata of the document its sentences come from: ~250 chunks per document, so
  a million chunks are ~4,000 documents.
- **Tokens**: real Sudachi tokens (each corpus sentence tokenized once; a chunk's
  tokens are its sentences' tokens), real bm25s index.
- **Vectors**: random normalized vectors with topic structure (clusters in a
  32-dim latent space mapped to the model's dimension plus noise, as in the FAISS
  benchmark), so no embedding is needed; questions are the eval questions, their
  vectors drawn from the same distribution.
- **Index**: ``index.persist.write_build`` with the configured FAISS switch (exact
  up to ``faiss.auto_threshold``, HNSW above), Arrow chunk table, memory-mapped
  vectors; the serving process opens it with ``LoadedIndex.open`` and searches with
  :class:`index.search.Searcher`, the embedding model loaded as when serving.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from index.config import Settings

from .bench import latent_vectors, rss_mib
from .metrics import percentile

SEED = 20261123
CHUNKS_PER_DOCUMENT = 250


def _corpus_sentences(settings: Settings):
    """(sentence texts, their Sudachi token ids, vocabulary, per-document metadata and sentence ids)."""
    from index.ingest import ingest_paths
    from index.tokens import SudachiTokenizer

    result = ingest_paths(settings.corpus_paths(), settings)
    tokenizer = SudachiTokenizer(settings.bm25)
    vocab: dict[str, int] = {}
    texts: list[str] = []
    token_ids: list[list[int]] = []
    index_of: dict[str, int] = {}
    docs: dict[str, dict] = {}
    for c in result.chunks:
        doc = docs.setdefault(c.source, {"meta": c, "sentences": [], "context": None})
        if doc["context"] is None:
            doc["context"] = [vocab.setdefault(t, len(vocab)) for t in tokenizer(c.title)]
        for span in c.sentences:
            text = c.text[span.start:span.end]
            if text not in index_of:
                index_of[text] = len(texts)
                texts.append(text)
                token_ids.append([vocab.setdefault(t, len(vocab)) for t in tokenizer(text)])
            doc["sentences"].append((index_of[text], c.version))
    return texts, token_ids, vocab, list(docs.values())


def synthetic_parts(settings: Settings, n: int, dim: int, seed: int = SEED):
    """Columns, vectors and bm25s ``Tokenized`` for ``n`` synthetic chunks (see module doc)."""
    import pyarrow as pa
    from bm25s.tokenization import Tokenized

    from index.table import COLUMN_TYPES, SPAN_TYPE

    rng = np.random.default_rng(seed)
    texts, token_ids, vocab, docs = _corpus_sentences(settings)
    n_docs = max(1, -(-n // CHUNKS_PER_DOCUMENT))
    cols: dict[str, list] = {name: [] for name in COLUMN_TYPES}
    corpus_ids: list[list[int]] = []
    starts, ends, offsets = [], [], [0]
    for d in range(n_docs):
        doc = docs[d % len(docs)]
        meta = doc["meta"]
        source = f"{meta.source}~{d:05d}"
        title = f"{meta.title}（{d:05d}）"
        pool = doc["sentences"]
        for k in range(min(CHUNKS_PER_DOCUMENT, n - d * CHUNKS_PER_DOCUMENT)):
            picks = [pool[i] for i in rng.integers(0, len(pool), rng.integers(3, 6))]
            parts = [texts[s] for s, _ in picks]
            pos = 0
            for p in parts:
                starts.append(pos)
                ends.append(pos + len(p))
                pos += len(p) + 1
            offsets.append(len(starts))
            tokens = list(doc["context"])
            for s, _ in picks:
                tokens += token_ids[s]
            corpus_ids.append(tokens)
            version = picks[0][1]
            for name, value in (("chunk_id", f"{source}#{k}"), ("source", source), ("title", title),
                                ("part", 0), ("section", []), ("version", version), ("counterpart", None),
                                ("line_start", k * 8 + 1), ("line_end", k * 8 + 8), ("char_start", k * 400),
                                ("char_end", k * 400 + pos), ("page", None), ("text", "\n".join(parts)),
                                ("organization", meta.organization), ("group", None), ("kind", meta.kind),
                                ("fiscal_year", meta.fiscal_year), ("revision", meta.revision),
                                ("revision_year", meta.revision_year)):
                cols[name].append(value)
    starts_a = pa.array(starts, pa.int32())
    spans = pa.StructArray.from_arrays([starts_a, pa.array(ends, pa.int32()), pa.array(np.zeros(len(starts), np.int32)),
                                        pa.array(np.zeros(len(starts), np.int32))], fields=list(SPAN_TYPE))
    cols["sentences"] = pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), spans)
    proj = rng.standard_normal((32, dim)).astype(np.float32)
    centers = rng.standard_normal((n // 1000 + 16, 32)).astype(np.float32)
    vectors = latent_vectors(rng, n, dim, centers, proj)
    queries = latent_vectors(rng, 256, dim, centers, proj)
    return cols, vectors, Tokenized(ids=corpus_ids, vocab=vocab), queries


def build_scale_index(settings: Settings, n: int, dim: int = 384) -> dict:
    """Write an ``n``-chunk synthetic index into ``settings.data_dir`` (returns timings and sizes)."""
    from index.persist import BuildParts, make_bm25, settings_fingerprint, write_build

    t = time.perf_counter()
    cols, vectors, tokenized, queries = synthetic_parts(settings, n, dim)
    made_s = time.perf_counter() - t
    t = time.perf_counter()
    bm25 = make_bm25(tokenized, settings)
    bm25_s = time.perf_counter() - t
    manifest = {**settings_fingerprint(settings), "dim": dim, "files": {}, "skipped": [],
                "counts": {"chunks": n, "documents": len(set(cols["source"]))}, "synthetic": True}
    timings: dict[str, float] = {}
    target = write_build(settings.index_dir, BuildParts(cols, vectors, manifest, bm25=bm25), settings, timings)
    np.save(settings.path(settings.data_dir) / "queries.npy", queries, allow_pickle=False)
    disk = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    return {"generate_s": round(made_s, 1), "bm25_s": round(bm25_s, 1), "faiss_s": round(timings["faiss_s"], 1),
            "write_s": round(timings["write_s"], 1), "disk_mib": round(disk / 2**20)}


class _QueryVectors:
    """Stands in for the embedder at query time: the i-th question gets the i-th synthetic vector."""

    def __init__(self, questions: list[str], vectors: np.ndarray):
        self._by_text = {q: vectors[i % len(vectors)][None, :] for i, q in enumerate(questions)}

    def encode_query(self, text: str) -> np.ndarray:
        return self._by_text[text]


def _rss_parts() -> tuple[int, int]:
    """(private, file-backed) resident MiB: memory-mapped index pages are file-backed and reclaimable."""
    parts = {}
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(("RssAnon:", "RssFile:")):
                parts[line.split(":")[0]] = round(int(line.split()[1]) / 1024)
    return parts.get("RssAnon", 0), parts.get("RssFile", 0)


def measure_serving(settings: Settings, questions: list[str], with_model: bool = True, k: int = 10) -> dict:
    """Open the index as the server does and time searches (run in a fresh process)."""
    from index.persist import LoadedIndex, read_manifest
    from index.search import Filters, Searcher

    if with_model:  # the serving process holds the embedding model too
        from index.embed import Embedder
        Embedder(settings.embedding, settings.cache_dir).encode_query("モデルを読み込む")
    path = settings.index_dir.resolve()
    t = time.perf_counter()
    index = LoadedIndex.open(path, read_manifest(path))
    queries = np.load(settings.path(settings.data_dir) / "queries.npy", allow_pickle=False)
    questions = list(dict.fromkeys(questions))[: len(queries)]  # one vector per distinct question
    searcher = Searcher(settings, index, embedder=_QueryVectors(questions, queries))
    load_s = time.perf_counter() - t
    table = index.chunks
    orgs = [o for o in table.distinct("organization") if o]
    sources = table.distinct("source")
    rng = np.random.default_rng(SEED)
    broad = [Filters(organizations=[orgs[i % len(orgs)]]) for i in range(len(questions))]
    narrow = [Filters(sources=[sources[j]]) for j in rng.integers(0, len(sources), len(questions))]
    searcher.search(questions[0])  # first touch of each structure is not a query's latency
    hybrid, filtered = [], []
    for q in questions:
        t = time.perf_counter()
        searcher.search(q, k=k)
        hybrid.append((time.perf_counter() - t) * 1000)
    for i, q in enumerate(questions):
        f = broad[i] if i % 2 == 0 else narrow[i]
        t = time.perf_counter()
        searcher.search(q, k=k, filters=f)
        filtered.append((time.perf_counter() - t) * 1000)
    rss = rss_mib()  # serving memory, before the exact-recall check below reads every vector
    anon, file_backed = _rss_parts()
    recall, recall_filtered = [], []
    depth = settings.retrieval.candidates
    for i, q in enumerate(questions[:100]):
        exact = np.asarray(index.vectors @ queries[i], dtype=np.float32)
        want = set(np.argsort(-exact)[:k].tolist())
        got = [r for r, _ in searcher.dense(q, depth)][:k]
        recall.append(len(want & set(got)) / k)
        mask = broad[i].mask(table)
        allowed = np.where(mask, exact, -np.inf)
        want = set(np.argsort(-allowed)[:k].tolist())
        got = [r for r, _ in searcher.dense(q, depth, mask)][:k]
        recall_filtered.append(len(want & set(got)) / k)
    return {
        "load_s": round(load_s, 2), "rss_mib": round(rss), "rss_anon_mib": anon, "rss_file_mib": file_backed,
        "hybrid_p50_ms": round(percentile(hybrid, 50), 1), "hybrid_p95_ms": round(percentile(hybrid, 95), 1),
        "filtered_p50_ms": round(percentile(filtered, 50), 1),
        "filtered_p95_ms": round(percentile(filtered, 95), 1),
        "ann_recall_at_10": round(float(np.mean(recall)), 3),
        "filtered_recall_at_10": round(float(np.mean(recall_filtered)), 3),
        "faiss": type(index.faiss_index).__name__, "queries": len(questions),
    }


_SERVE = """
import json, sys
from index.config import load_settings
from eval.scale import measure_serving
s = load_settings({config!r}, data_dir={data!r})
print(json.dumps(measure_serving(s, json.loads(sys.stdin.read()), with_model={with_model})))
"""


def bench_scale(config: Path, settings: Settings, n: int, questions: list[str], with_model: bool = True,
                workdir: Path | None = None) -> dict:
    """Build an ``n``-chunk synthetic index, then measure it from a fresh serving process."""
    from index.config import load_settings

    tmp = Path(tempfile.mkdtemp(prefix=f"scale-{n}-", dir=workdir))
    try:
        models = settings.cache_dir
        scale_settings = load_settings(config, data_dir=tmp)
        if scale_settings.cache_dir != models and models.exists():
            scale_settings.cache_dir.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(models, scale_settings.cache_dir)  # reuse the converted model
        t = time.perf_counter()
        built = build_scale_index(scale_settings, n)
        built["build_s"] = round(time.perf_counter() - t, 1)
        code = _SERVE.format(config=str(config), data=str(tmp), with_model=with_model)
        proc = subprocess.run([sys.executable, "-c", code], input=json.dumps(questions), text=True,
                              capture_output=True, cwd=Path(__file__).resolve().parent.parent,
                              env={**os.environ, "TOKENIZERS_PARALLELISM": "false"})
        if proc.returncode:
            raise RuntimeError(proc.stderr[-2000:])
        served = json.loads(proc.stdout.strip().splitlines()[-1])
        return {"chunks": n, **served, **built}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
