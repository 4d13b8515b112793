"""Reading rows of the stored vectors (``vectors.npy``) without mapping the file.

A search needs a few dozen rows (HNSW/IVF candidates re-scored exactly, a narrow
filter's rows). Through a memory map each such row maps the whole page-cache folio
around it — on a file system with large folios one 1.5 KB row costs up to 2 MB of
resident memory, so a million-chunk index reaches its full 1.5 GB after a few hundred
queries. ``pread`` copies just the bytes asked for (consecutive rows in one call).
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np


class VectorRows:
    """Row reader over a 2-D float32 ``.npy`` file (validated header, no pickle)."""

    def __init__(self, path: Path):
        self._file = open(path, "rb", buffering=0)  # noqa: SIM115 — kept open for the index's lifetime
        try:
            version = np.lib.format.read_magic(self._file)
            read_header = {(1, 0): np.lib.format.read_array_header_1_0,
                           (2, 0): np.lib.format.read_array_header_2_0}.get(version)
            if read_header is None:
                raise ValueError(f"unsupported .npy version {version}")
            shape, fortran, dtype = read_header(self._file)
            if len(shape) != 2 or fortran or dtype != np.dtype("<f4"):
                raise ValueError(f"expected a C-ordered (n, dim) float32 array, found {shape} {dtype}")
            self._offset = self._file.tell()
        except Exception:
            self._file.close()
            raise
        self.shape: tuple[int, int] = (int(shape[0]), int(shape[1]))
        self._row_bytes = 4 * self.shape[1]

    def __len__(self) -> int:
        return self.shape[0]

    def take(self, rows: np.ndarray) -> np.ndarray:
        """The vectors of ``rows`` (ascending, distinct), as a new (len(rows), dim) array."""
        rows = np.asarray(rows, dtype=np.int64)
        out = np.empty((len(rows), self.shape[1]), dtype=np.float32)
        if not len(rows):
            return out
        if rows[0] < 0 or rows[-1] >= self.shape[0] or (len(rows) > 1 and np.any(np.diff(rows) <= 0)):
            raise ValueError("rows must be ascending, distinct and inside the index")
        cuts = np.flatnonzero(np.diff(rows) != 1) + 1  # runs of consecutive rows: one read each
        fd = self._file.fileno()
        for lo, hi in zip(np.r_[0, cuts], np.r_[cuts, len(rows)]):
            size = int(hi - lo) * self._row_bytes
            data = os.pread(fd, size, self._offset + int(rows[lo]) * self._row_bytes)
            if len(data) != size:
                raise OSError("vectors.npy is shorter than its header says")
            out[lo:hi] = np.frombuffer(data, dtype=np.float32).reshape(-1, self.shape[1])
        return out
