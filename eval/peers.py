"""Ablations and a naive peer, for ``python -m eval run --compare``.

The naive peer is built the way tutorials do it: LangChain's
``RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)`` over the
raw files, the same embedding model *without* its prompts, and a flat FAISS
index. A whitespace-token BM25 (LangChain's default tokenization) is included
to show why Japanese needs a morphological tokenizer.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from index.config import Settings
from index.reader import SkipFile, iter_files, read_document

from .metrics import retrieval_metrics
from .questions import Question


def _raw_documents(settings: Settings) -> list[tuple[str, str]]:
    out = []
    for path, source, problem in iter_files(settings.corpus_paths(),
                                            {s.lower() for s in settings.corpus.extensions}):
        if problem:
            continue
        try:
            out.append((source, read_document(path, source, 10**9).text))
        except SkipFile:
            continue
    return out


def naive_chunks(settings: Settings) -> list[str]:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    return [piece for _, text in _raw_documents(settings) for piece in splitter.split_text(text)]


def naive_dense_rankings(settings: Settings, questions: list[Question], embedder, k: int = 10) -> list[list[str]]:
    """Top-k texts per question from the naive dense peer (vectors cached in the data dir)."""
    import faiss

    chunks = naive_chunks(settings)
    key = hashlib.sha256(("\0".join(chunks) + settings.embedding.model).encode()).hexdigest()[:16]
    cache = settings.path(settings.data_dir) / "peers" / f"naive-{key}.npy"
    if cache.exists():
        vectors = np.load(cache, allow_pickle=False)
    else:
        model = embedder._model  # same weights, deliberately without prompts
        vectors = np.asarray(model.encode(chunks, batch_size=16, normalize_embeddings=True,
                                          show_progress_bar=False), dtype=np.float32)
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.save(cache, vectors, allow_pickle=False)
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    q = np.asarray(embedder._model.encode([x.question for x in questions], normalize_embeddings=True,
                                          show_progress_bar=False), dtype=np.float32)
    _, ids = index.search(q, k)
    return [[chunks[i] for i in row if i >= 0] for row in ids]


def whitespace_bm25_rankings(settings: Settings, questions: list[Question], k: int = 10) -> list[list[str]]:
    import bm25s

    chunks = naive_chunks(settings)
    bm25 = bm25s.BM25()
    bm25.index([c.split() or [""] for c in chunks], show_progress=False)
    out = []
    for q in questions:
        tokens = [t for t in q.question.split() if t in bm25.vocab_dict]
        if not tokens:
            out.append([])
            continue
        scores = bm25.get_scores(tokens)
        out.append([chunks[i] for i in np.argsort(-scores)[:k] if scores[i] > 0])
    return out


def compare(settings: Settings, questions: list[Question], assistant) -> dict[str, dict[str, float]]:
    """Retrieval metrics of each mode and peer, side by side."""
    results: dict[str, dict[str, float]] = {}
    for mode in ("hybrid", "dense", "bm25"):
        ranked = [[p.chunk.text for p in assistant.searcher.search(q.question, k=10, mode=mode)] for q in questions]
        results[mode] = retrieval_metrics(questions, ranked)
    results["naive_langchain_dense"] = retrieval_metrics(
        questions, naive_dense_rankings(settings, questions, assistant.searcher.embedder))
    results["naive_whitespace_bm25"] = retrieval_metrics(questions, whitespace_bm25_rankings(settings, questions))
    return results


def ratios(results: dict[str, dict[str, float]], ours: str = "hybrid") -> dict[str, dict[str, float]]:
    """ours / peer for each metric (how much better the project's pipeline is)."""
    out = {}
    for name, m in results.items():
        if name == ours:
            continue
        out[name] = {k: (results[ours][k] / v if v else float("inf")) for k, v in m.items()}
    return out


def dump(results: dict, path: Path) -> None:
    path.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
