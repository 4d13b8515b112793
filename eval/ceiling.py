"""The compute floor of embedding the corpus on this machine (``python -m eval bench ceiling``).

Embedding cannot take less than the multiply-accumulate work of the model's linear layers —
2 x in x out FLOPs per token for every ``nn.Linear`` — times the tokens embedded, divided by the
matrix-multiply throughput this machine reaches at those shapes (measured here, in the configured
dtype, on 8,192-row inputs like an encoding batch). Attention, GELU, layer norms, tokenization and
model loading come on top, so the floor is optimistic: a build cannot beat it by tuning the code, only
by embedding fewer tokens, using a smaller model, or running on faster hardware.
"""

from __future__ import annotations

import time
from collections import Counter

from index.config import Settings


def linear_shapes(module) -> Counter:
    """(in_features, out_features) of every linear layer in ``module``, with how often each occurs."""
    import torch

    return Counter((m.in_features, m.out_features) for m in module.modules() if isinstance(m, torch.nn.Linear))


def flops_per_token(shapes: Counter) -> int:
    """Multiply-accumulate FLOPs of the linear layers for one token."""
    return sum(2 * k * n * count for (k, n), count in shapes.items())


def gemm_tflops(shapes: Counter, dtype, rows: int = 8192, repeat: int = 10) -> float:
    """Throughput (TFLOP/s) of ``rows``-row matrix multiplies at ``shapes``, weighted as the model uses them;
    the best of ``repeat`` runs per shape (the machine at its quietest)."""
    import torch

    flops = seconds = 0.0
    with torch.inference_mode():
        for (k, n), count in shapes.items():
            a, w = torch.randn(rows, k, dtype=dtype), torch.randn(n, k, dtype=dtype)
            for _ in range(3):
                torch.nn.functional.linear(a, w)
            best = float("inf")
            for _ in range(repeat):
                t = time.perf_counter()
                torch.nn.functional.linear(a, w)
                best = min(best, time.perf_counter() - t)
            flops += 2.0 * rows * k * n * count
            seconds += best * count
    return flops / seconds / 1e12


def ceiling(settings: Settings) -> dict:
    """The floor of the bundled corpus's embedding time on this machine, and what it is made of."""
    import torch

    from index.embed import Embedder
    from index.ingest import ingest_paths
    from index.store import embedding_text

    t = time.perf_counter()
    embedder = Embedder(settings.embedding, settings.cache_dir)
    load_s = time.perf_counter() - t
    model = embedder._model
    chunks = ingest_paths(settings.corpus_paths(), settings).chunks
    prompt = settings.embedding.passage_prompt or ""
    texts = [prompt + embedding_text(c) for c in chunks]
    tokens = sum(len(ids) for ids in model.tokenizer(texts, truncation=True, max_length=model.max_seq_length)[
        "input_ids"])
    shapes = linear_shapes(model)
    dtype = torch.bfloat16 if embedder.dtype == "bfloat16" else torch.float32
    tflops = gemm_tflops(shapes, dtype)
    per_token = flops_per_token(shapes)
    return {"chunks": len(chunks), "tokens": tokens, "dtype": embedder.dtype,
            "linear_mflop_per_token": round(per_token / 1e6, 1),
            "linear_tflop": round(per_token * tokens / 1e12, 2), "gemm_tflops": round(tflops, 2),
            "embed_floor_s": round(per_token * tokens / (tflops * 1e12), 1), "model_load_s": round(load_s, 1)}
