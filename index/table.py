"""Chunk metadata as memory-mapped Arrow columns.

A million chunks must not become a million Python objects when the index is
opened: the metadata is one Arrow IPC file (``chunks.arrow``), memory-mapped, and
a :class:`~index.documents.Chunk` is made only for the rows a search returns.
Low-cardinality columns (source, title, organization, version …) are
dictionary-encoded, so a filter is decided once per distinct value and spread
over the rows with one numpy indexing operation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import fields
from pathlib import Path

import numpy as np
import pyarrow as pa

from .documents import Chunk

# Columns with few distinct values: stored as dictionaries, filtered per value.
CATEGORICAL = ("source", "title", "organization", "version", "kind", "revision")
SPAN_TYPE = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("line_start", pa.int32()),
                   ("line_end", pa.int32())])
COLUMN_TYPES = {
    "chunk_id": pa.string(), "source": pa.string(), "title": pa.string(), "part": pa.int32(),
    "section": pa.list_(pa.string()), "version": pa.string(), "counterpart": pa.string(),
    "line_start": pa.int32(), "line_end": pa.int32(), "char_start": pa.int64(), "char_end": pa.int64(),
    "page": pa.int32(), "text": pa.string(), "sentences": pa.list_(SPAN_TYPE), "organization": pa.string(),
    "group": pa.string(), "kind": pa.string(), "fiscal_year": pa.int32(), "revision": pa.string(),
    "revision_year": pa.int32(),
}
assert list(COLUMN_TYPES) == [f.name for f in fields(Chunk)], "chunks.arrow columns must follow Chunk"
BATCH_ROWS = 65_536  # rows per record batch (keeps each string buffer well under 2 GiB)


def columns_of(chunks: Iterable[Chunk]) -> dict[str, list]:
    """Chunks as one Python list per column (what :func:`write_table` takes)."""
    cols: dict[str, list] = {name: [] for name in COLUMN_TYPES}
    for c in chunks:
        row = c.to_dict()
        for name in COLUMN_TYPES:
            cols[name].append(row[name])
    return cols


def write_table(path: Path, columns: dict[str, list | pa.Array]) -> int:
    """Write chunk columns (lists or Arrow arrays, every ``Chunk`` field) as an Arrow IPC file."""
    missing = set(COLUMN_TYPES) - set(columns)
    if missing:
        raise ValueError(f"chunk columns missing: {', '.join(sorted(missing))}")
    arrays = []
    for name, typ in COLUMN_TYPES.items():
        arr = columns[name] if isinstance(columns[name], pa.Array) else pa.array(columns[name], type=typ)
        arrays.append(arr.dictionary_encode() if name in CATEGORICAL else arr)
    table = pa.Table.from_arrays(arrays, names=list(COLUMN_TYPES))
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        for batch in table.to_batches(max_chunksize=BATCH_ROWS):
            writer.write_batch(batch)
    return table.num_rows


class ChunkTable(Sequence[Chunk]):
    """Read-only chunk metadata; rows become ``Chunk`` objects only when asked for."""

    def __init__(self, table: pa.Table):
        if table.column_names != list(COLUMN_TYPES):
            raise ValueError("chunk table columns do not match this version")
        self._table = table
        self._batches = table.to_batches()
        self._starts = np.cumsum([0] + [b.num_rows for b in self._batches])
        self._codes: dict[str, tuple[np.ndarray, list]] = {}

    @classmethod
    def open(cls, path: Path) -> ChunkTable:
        """Memory-map ``chunks.arrow`` (nothing is copied until rows are read)."""
        source = pa.memory_map(str(path), "r")
        return cls(pa.ipc.open_file(source).read_all())

    # ── rows ─────────────────────────────────────────────────────────
    def __len__(self) -> int:
        return self._table.num_rows

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return self.take(range(*i.indices(len(self))))
        n = len(self)
        if not -n <= i < n:
            raise IndexError(i)
        return self.take([i % n])[0]

    def take(self, rows: Iterable[int]) -> list[Chunk]:
        """The chunks at ``rows``, in that order (one Arrow take, no per-column lookups)."""
        # Row by row within its record batch: ``Table.take`` would first concatenate the
        # memory-mapped batches, copying whole columns for a handful of rows.
        rows = np.asarray(list(rows), dtype=np.int64)
        batch_of = np.searchsorted(self._starts, rows, side="right") - 1
        return [Chunk.from_dict(self._batches[b].slice(int(r - self._starts[b]), 1).to_pylist()[0])
                for r, b in zip(rows, batch_of)]

    def __iter__(self) -> Iterator[Chunk]:
        for batch in self._table.to_batches(max_chunksize=4096):
            for d in batch.to_pylist():
                yield Chunk.from_dict(d)

    def row_of(self, chunk_id: str) -> int | None:
        """Row of a chunk id (a vectorized scan of the id column), ``None`` when absent."""
        import pyarrow.compute as pc

        i = pc.index(self._table.column("chunk_id"), chunk_id).as_py()
        return None if i is None or i < 0 else int(i)

    def texts_matching(self, pattern: str) -> list[str]:
        """The texts of the chunks that match ``pattern`` (an RE2 regular expression; a vectorized scan)."""
        return self._table.column("text").filter(self._matching(pattern)).to_pylist()

    def rows_matching(self, pattern: str) -> np.ndarray:
        """Rows of the chunks whose text matches ``pattern`` (an RE2 regular expression; a vectorized scan)."""
        return np.flatnonzero(self._matching(pattern).to_numpy(zero_copy_only=False))

    def _matching(self, pattern: str) -> pa.ChunkedArray:
        import pyarrow.compute as pc

        return pc.fill_null(pc.match_substring_regex(self._table.column("text"), pattern), False)

    def ids(self) -> Iterator[str]:
        """Chunk ids in row order."""
        for chunk in self._table.column("chunk_id").chunks:
            yield from chunk.to_pylist()

    # ── columns ──────────────────────────────────────────────────────
    def codes(self, name: str) -> tuple[np.ndarray, list]:
        """(per-row code, distinct values) of a categorical column; code -1 is null."""
        if name not in self._codes:
            col = self._table.column(name)
            if not pa.types.is_dictionary(col.type):
                col = col.dictionary_encode()
            col = col.unify_dictionaries() if col.num_chunks > 1 else col
            values = col.chunk(0).dictionary.to_pylist() if col.num_chunks else []
            parts = [c.indices.fill_null(-1).to_numpy(zero_copy_only=False) for c in col.chunks]
            codes = np.concatenate(parts).astype(np.int32) if parts else np.zeros(0, np.int32)
            self._codes[name] = (codes, values)
        return self._codes[name]

    def where(self, name: str, keep: Callable[[object], bool]) -> np.ndarray:
        """Boolean row mask: ``keep(value)`` decided once per distinct value of a categorical column."""
        codes, values = self.codes(name)
        allowed = np.array([keep(v) for v in values] + [keep(None)], dtype=bool)
        return allowed[codes]  # code -1 picks the last entry: the null value's verdict

    def distinct(self, name: str) -> list:
        """Distinct non-null values of a categorical column that occur in some row."""
        codes, values = self.codes(name)
        return [values[i] for i in np.unique(codes) if i >= 0]

    def first_rows(self, name: str) -> list[int]:
        """Row of the first chunk for each distinct value of a categorical column (row order)."""
        codes, _ = self.codes(name)
        _, first = np.unique(codes, return_index=True)
        return sorted(int(i) for i, c in zip(first, codes[first]) if c >= 0)

    def section_titles(self, source: str) -> set[str]:
        """Every section heading of the chunks of ``source`` (vectorized: one filter, one flatten)."""
        import pyarrow.compute as pc

        rows = self.rows_equal("source", source)
        sections = self._table.column("section").take(pa.array(rows, type=pa.int64()))
        return set(pc.list_flatten(sections).to_pylist())

    def rows_under(self, pattern: str) -> np.ndarray:
        """Rows of the chunks under a section heading that matches ``pattern`` (an RE2 regular expression;
        vectorized), in row order."""
        import pyarrow.compute as pc

        sections = self._table.column("section").combine_chunks()
        hit = pc.fill_null(pc.match_substring_regex(pc.list_flatten(sections), pattern), False)
        parents = pc.filter(pc.list_parent_indices(sections), hit).to_numpy(zero_copy_only=False)
        return np.unique(parents.astype(np.int64))

    def rows_equal(self, name: str, value: object) -> np.ndarray:
        """Rows whose column equals ``value`` (any column; vectorized)."""
        import pyarrow.compute as pc

        col = self._table.column(name)
        if pa.types.is_dictionary(col.type) or name in CATEGORICAL:
            return np.flatnonzero(self.where(name, lambda v: v == value))
        mask = pc.fill_null(pc.equal(col, value), False)
        return np.flatnonzero(mask.to_numpy(zero_copy_only=False))
