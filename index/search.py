"""Query -> ranked passages: dense (FAISS), BM25 (Sudachi) and their fusion.

Hybrid ranking is reciprocal rank fusion: each retriever contributes
``weight / (rrf_k + rank)``. An optional CrossEncoder reranks the fused top.
Filters (source, organization, document title, version) restrict all modes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .config import Settings
from .documents import Chunk
from .store import LoadedIndex, check_compatible, embedding_text
from .tokens import SudachiTokenizer

MODES = ("hybrid", "dense", "bm25")


@dataclass
class Filters:
    """Restrict a search; empty lists mean no restriction."""

    sources: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)  # 変更案 / 現行 / 共通 (no label)

    def active(self) -> bool:
        return bool(self.sources or self.organizations or self.titles or self.versions)

    def allows(self, c: Chunk) -> bool:
        if self.sources and c.source not in self.sources:
            return False
        if self.organizations and not any(o in (c.organization or "") for o in self.organizations):
            return False
        if self.titles and c.title not in self.titles:
            return False
        return not (self.versions and (c.version or "共通") not in self.versions)


@dataclass
class Passage:
    """A retrieved chunk with its rank and score."""

    rank: int
    score: float
    chunk: Chunk
    dense_rank: int | None = None
    bm25_rank: int | None = None
    dense_score: float | None = None

    def to_json(self) -> dict:
        c = self.chunk
        return {
            "rank": self.rank, "score": round(float(self.score), 6), "chunk_id": c.chunk_id,
            "source": c.source, "title": c.title, "section": c.section_path, "version": c.version,
            "line_start": c.line_start, "line_end": c.line_end, "page": c.page,
            "organization": c.organization, "counterpart": c.counterpart, "text": c.text,
        }


class Searcher:
    """Holds the loaded index, the tokenizer and (lazily) the embedding model."""

    def __init__(self, settings: Settings, index: LoadedIndex | None = None, embedder=None):
        self.settings = settings
        self.index = index or LoadedIndex.load(settings)
        self.tokenizer = SudachiTokenizer(settings.bm25)
        self._embedder = embedder
        self._reranker = None
        self._by_id = {c.chunk_id: i for i, c in enumerate(self.index.chunks)}

    @property
    def embedder(self):
        if self._embedder is None:
            from .embed import Embedder
            self._embedder = Embedder(self.settings.embedding, self.settings.cache_dir)
            check_compatible(self.index.manifest, self.settings, self._embedder.dim)
        return self._embedder

    @property
    def chunks(self) -> list[Chunk]:
        return self.index.chunks

    def chunk(self, chunk_id: str) -> Chunk | None:
        i = self._by_id.get(chunk_id)
        return self.index.chunks[i] if i is not None else None

    def next_chunk(self, chunk_id: str) -> Chunk | None:
        """The chunk stored after ``chunk_id`` (chunks are stored in document order)."""
        i = self._by_id.get(chunk_id)
        chunks = self.index.chunks
        return chunks[i + 1] if i is not None and i + 1 < len(chunks) else None

    def _mask(self, filters: Filters | None) -> np.ndarray | None:
        if not filters or not filters.active():
            return None
        return np.array([filters.allows(c) for c in self.index.chunks], dtype=bool)

    def dense(self, query: str, depth: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(chunk index, cosine) best first."""
        n = len(self.index.chunks)
        if n == 0:
            return []
        q = self.embedder.encode_query(query)
        want = n if mask is not None else min(depth, n)
        scores, ids = self.index.faiss_index.search(q, want)
        out = [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0 and (mask is None or mask[i])]
        return out[:depth]

    def bm25(self, query: str, depth: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(chunk index, BM25 score) best first; chunks with no matching token are left out."""
        vocab = self.index.bm25.vocab_dict
        ids = [vocab[t] for t in self.tokenizer(query) if t in vocab]
        if not ids or not self.index.chunks:
            return []
        scores = self.index.bm25.get_scores(ids)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        top = np.argsort(-scores, kind="stable")[:depth]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]

    def search(self, query: str, k: int | None = None, mode: str | None = None,
               filters: Filters | None = None) -> list[Passage]:
        """Ranked passages for ``query``."""
        r = self.settings.retrieval
        k = k or r.top_k
        mode = mode or r.mode
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        query = query.strip()
        if not query:
            return []
        mask = self._mask(filters)
        depth = max(r.candidates, k)
        dense = self.dense(query, depth, mask) if mode in ("hybrid", "dense") else []
        sparse = self.bm25(query, depth, mask) if mode in ("hybrid", "bm25") else []
        d_rank = {i: n for n, (i, _) in enumerate(dense, 1)}
        b_rank = {i: n for n, (i, _) in enumerate(sparse, 1)}
        d_score = dict(dense)
        if mode == "dense":
            fused = {i: s for i, s in dense}
        elif mode == "bm25":
            fused = {i: s for i, s in sparse}
        else:
            fused = {}
            for i, n in d_rank.items():
                fused[i] = fused.get(i, 0.0) + r.dense_weight / (r.rrf_k + n)
            for i, n in b_rank.items():
                fused[i] = fused.get(i, 0.0) + r.bm25_weight / (r.rrf_k + n)
        order = sorted(fused, key=lambda i: (-fused[i], i))
        if r.reranker and order:
            order = self._rerank(query, order[: r.rerank_top]) + order[r.rerank_top:]
        return [
            Passage(rank, fused[i], self.index.chunks[i], d_rank.get(i), b_rank.get(i), d_score.get(i))
            for rank, i in enumerate(order[:k], 1)
        ]

    def _rerank(self, query: str, order: list[int]) -> list[int]:
        if self._reranker is None:
            from sentence_transformers import CrossEncoder
            self._reranker = CrossEncoder(self.settings.retrieval.reranker, device=self.settings.embedding.device)
        pairs = [(query, embedding_text(self.index.chunks[i])) for i in order]
        scores = self._reranker.predict(pairs, show_progress_bar=False)
        return [i for _, i in sorted(zip(scores, order), key=lambda t: -t[0])]

    def stats(self) -> dict:
        m = self.index.manifest
        by_source: dict[str, int] = {}
        for c in self.index.chunks:
            by_source[c.source] = by_source.get(c.source, 0) + 1
        return {
            "path": str(self.index.path), "model": m["model"]["id"], "dim": m["dim"],
            "chunks": len(self.index.chunks), "documents": m["counts"]["documents"],
            "faiss": type(self.index.faiss_index).__name__, "built_at": m.get("built_at"),
            "by_source": by_source, "skipped": m.get("skipped", []),
        }
