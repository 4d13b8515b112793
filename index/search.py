"""Query -> ranked passages: dense (FAISS), BM25 (Sudachi) and their fusion.

Hybrid ranking is reciprocal rank fusion: each retriever contributes
``weight / (rrf_k + rank)``. An optional CrossEncoder reranks the fused top.
Filters (source, organization, document title, version) restrict all modes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .config import Settings
from .documents import Chunk
from .persist import LoadedIndex, check_compatible
from .store import embedding_text
from .table import ChunkTable
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

    def rules(self) -> list[tuple[str, Callable[[object], bool]]]:
        """(chunk field, test of its value) for each active restriction."""
        rules: list[tuple[str, Callable[[object], bool]]] = []
        if self.sources:
            rules.append(("source", lambda v: v in self.sources))
        if self.organizations:
            rules.append(("organization", lambda v: any(o in (v or "") for o in self.organizations)))
        if self.titles:
            rules.append(("title", lambda v: v in self.titles))
        if self.versions:
            rules.append(("version", lambda v: (v or "共通") in self.versions))
        return rules

    def allows(self, c: Chunk) -> bool:
        return all(keep(getattr(c, name)) for name, keep in self.rules())

    def mask(self, table: ChunkTable) -> np.ndarray:
        """Allowed rows of a chunk table: each test runs once per distinct value, not per chunk."""
        mask = np.ones(len(table), dtype=bool)
        for name, keep in self.rules():
            mask &= table.where(name, keep)
        return mask


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


def top_rows(scores: np.ndarray, depth: int) -> np.ndarray:
    """Rows of the ``depth`` highest scores, best first, ties by row (as a stable full sort would give).

    ``argpartition`` first, so a million scores cost a linear pass, not a sort.
    """
    n = len(scores)
    if depth <= 0 or n == 0:
        return np.zeros(0, dtype=np.int64)
    if depth < n:
        kth = scores[np.argpartition(-scores, depth - 1)[depth - 1]]
        above = np.flatnonzero(scores > kth)
        ties = np.flatnonzero(scores == kth)[: depth - len(above)]
        rows = np.concatenate([above, ties])
    else:
        rows = np.arange(n)
    return rows[np.lexsort((rows, -scores[rows]))]


def _apply_search_knobs(index, settings: Settings) -> None:
    """Search-time FAISS settings come from the config, not from the build that wrote the file."""
    import faiss

    if isinstance(index, faiss.IndexHNSW):
        index.hnsw.efSearch = settings.faiss.hnsw_ef_search
    elif isinstance(index, faiss.IndexIVF):
        index.nprobe = settings.faiss.ivf_nprobe


class Searcher:
    """Holds the loaded index, the tokenizer and (lazily) the embedding model."""

    def __init__(self, settings: Settings, index: LoadedIndex | None = None, embedder=None):
        self.settings = settings
        self.index = index or LoadedIndex.load(settings)
        self.tokenizer = SudachiTokenizer(settings.bm25)
        self._embedder = embedder
        self._reranker = None
        _apply_search_knobs(self.index.faiss_index, settings)

    @property
    def embedder(self):
        if self._embedder is None:
            from .embed import Embedder
            self._embedder = Embedder(self.settings.embedding, self.settings.cache_dir)
            check_compatible(self.index.manifest, self.settings, self._embedder.dim)
        return self._embedder

    @property
    def chunks(self) -> ChunkTable:
        return self.index.chunks

    def chunk(self, chunk_id: str) -> Chunk | None:
        i = self.index.chunks.row_of(chunk_id)
        return self.index.chunks[i] if i is not None else None

    def next_chunk(self, chunk_id: str) -> Chunk | None:
        """The chunk stored after ``chunk_id`` (chunks are stored in document order)."""
        i = self.index.chunks.row_of(chunk_id)
        return self.index.chunks[i + 1] if i is not None and i + 1 < len(self.index.chunks) else None

    def previous_chunk(self, chunk_id: str) -> Chunk | None:
        """The chunk stored before ``chunk_id``."""
        i = self.index.chunks.row_of(chunk_id)
        return self.index.chunks[i - 1] if i else None

    def _mask(self, filters: Filters | None) -> np.ndarray | None:
        if not filters or not filters.active():
            return None
        return filters.mask(self.index.chunks)

    def dense(self, query: str, depth: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(chunk row, cosine) best first.

        Under a filter, FAISS never returns rows the filter excludes: a narrow filter
        (at most ``faiss.exact_filter_max`` rows) is searched exactly over its rows'
        memory-mapped vectors; a broad one goes to FAISS with an ``IDSelectorBitmap``,
        so HNSW and IVF stay approximate instead of asking for all n results.
        """
        n = len(self.index.chunks)
        if n == 0 or depth <= 0:
            return []
        q = self.embedder.encode_query(query)
        import faiss

        index = self.index.faiss_index
        if mask is None:
            scores, ids = index.search(q, min(depth, n))
        else:
            rows = np.flatnonzero(mask)
            if len(rows) <= self.settings.faiss.exact_filter_max:
                return self._exact(q, rows, depth)
            scores, ids = index.search(q, min(depth, len(rows)), params=self._selector(mask, len(rows) / n))
        if isinstance(index, faiss.IndexFlat):  # exact already
            return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]
        return self._exact(q, ids[0])

    def _exact(self, q: np.ndarray, rows: np.ndarray, depth: int | None = None) -> list[tuple[int, float]]:
        """``rows`` scored exactly from the memory-mapped vectors, best first (at most ``depth``).

        HNSW/IVF may hold 8-bit codes (``faiss.codes: sq8``): they choose the candidates,
        the float32 vectors decide their order and score.
        """
        rows = np.unique(rows[rows >= 0])  # ascending and distinct, as the row reader wants
        sims = self.index.rows.take(rows) @ q[0]
        best = top_rows(sims, len(rows) if depth is None else depth)
        return [(int(rows[b]), float(sims[b])) for b in best]

    def _selector(self, mask: np.ndarray, share: float):
        """FAISS search parameters restricting a search to the rows of ``mask``."""
        import faiss

        bits = np.packbits(mask, bitorder="little")
        sel = faiss.IDSelectorBitmap(len(bits), faiss.swig_ptr(bits))
        index = self.index.faiss_index
        f = self.settings.faiss
        if isinstance(index, faiss.IndexHNSW):
            # A filter hides part of the graph: widen the beam as the allowed share shrinks.
            ef = int(min(f.hnsw_ef_search / max(share, 1e-6), f.hnsw_ef_search * f.filter_ef_factor))
            params = faiss.SearchParametersHNSW(sel=sel, efSearch=ef)
        elif isinstance(index, faiss.IndexIVF):
            params = faiss.SearchParametersIVF(sel=sel, nprobe=f.ivf_nprobe)
        else:
            params = faiss.SearchParameters(sel=sel)
        params.bits = bits  # keep the bitmap alive as long as the selector
        return params

    def bm25(self, query: str, depth: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(chunk row, BM25 score) best first; chunks with no matching token are left out."""
        vocab = self.index.bm25.vocab_dict
        ids = [vocab[t] for t in self.tokenizer(query) if t in vocab]
        if not ids or not len(self.index.chunks):
            return []
        scores = self.index.bm25.get_scores(ids)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        return [(int(i), float(scores[i])) for i in top_rows(scores, depth) if scores[i] > 0]

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
        top = order[:k]
        return [
            Passage(rank, fused[i], chunk, d_rank.get(i), b_rank.get(i), d_score.get(i))
            for rank, (i, chunk) in enumerate(zip(top, self.index.chunks.take(top)), 1)
        ]

    def _rerank(self, query: str, order: list[int]) -> list[int]:
        if self._reranker is None:
            from sentence_transformers import CrossEncoder
            self._reranker = CrossEncoder(self.settings.retrieval.reranker, device=self.settings.embedding.device)
        pairs = [(query, embedding_text(c)) for c in self.index.chunks.take(order)]
        scores = self._reranker.predict(pairs, show_progress_bar=False)
        return [i for _, i in sorted(zip(scores, order), key=lambda t: -t[0])]

    def stats(self) -> dict:
        m = self.index.manifest
        codes, sources = self.index.chunks.codes("source")
        counts = np.bincount(codes[codes >= 0], minlength=len(sources))
        by_source = {sources[i]: int(counts[i]) for i in np.argsort(-counts, kind="stable") if counts[i]}
        return {
            "path": str(self.index.path), "model": m["model"]["id"], "dim": m["dim"],
            "chunks": len(self.index.chunks), "documents": m["counts"]["documents"],
            "faiss": type(self.index.faiss_index).__name__, "built_at": m.get("built_at"),
            "by_source": by_source, "skipped": m.get("skipped", []),
        }
