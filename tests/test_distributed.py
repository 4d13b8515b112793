"""A build on Ray (two workers, local cluster) gives the same index as a local build."""

from __future__ import annotations

import shutil

import numpy as np

from eval.questions import load_questions
from index.distributed import build_distributed
from index.persist import LoadedIndex
from index.search import Searcher
from index.store import build

from .conftest import CORPUS, ROOT, make_settings


def _two_smallest_documents(root):
    """A real two-document corpus: the two smallest bundled files, with the bundled manifest."""
    files = sorted((p for p in CORPUS.iterdir() if p.suffix == ".txt"), key=lambda p: p.stat().st_size)[:2]
    docs = root / "docs"
    docs.mkdir()
    for f in files:
        shutil.copyfile(f, docs / f.name)
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 not really")  # skipped on both paths, with a reason
    return docs


def _settings(root, docs, model_cache):
    """float32 on both paths: bf16 results depend on how passages are batched, which differs on Ray."""
    data = root / "data"
    data.mkdir(parents=True)
    (data / "models").symlink_to(model_cache, target_is_directory=True)
    settings = make_settings(data, [docs], CORPUS / "manifest.yaml")
    return settings.model_copy(update={"embedding": settings.embedding.model_copy(update={"dtype": "float32"})})


def test_a_ray_build_on_two_workers_equals_the_local_build(tmp_path, model_cache, float32_embedder):
    embedder = float32_embedder
    docs = _two_smallest_documents(tmp_path)
    local_settings = _settings(tmp_path / "local", docs, model_cache)
    ray_settings = _settings(tmp_path / "ray", docs, model_cache)
    local_report = build(local_settings, embedder=embedder)
    skipped: list[str] = []
    ray_report = build_distributed(ray_settings, workers=2, on_skip=skipped.append)

    local, distributed = LoadedIndex.load(local_settings), LoadedIndex.load(ray_settings)
    assert len(local.chunks) > 100
    assert list(distributed.chunks.ids()) == list(local.chunks.ids())  # same ids, same order
    assert list(distributed.chunks) == list(local.chunks)  # same metadata
    cosine = (np.asarray(local.vectors) * np.asarray(distributed.vectors)).sum(axis=1)
    assert cosine.min() >= 0.9999
    assert ray_report.files == local_report.files == 2
    assert ray_report.skipped == local_report.skipped and len(skipped) == 1
    assert ray_report.changed_files == local_report.changed_files
    assert distributed.manifest["files"] == local.manifest["files"]
    assert distributed.manifest["counts"] == local.manifest["counts"]

    a = Searcher(local_settings, local, embedder=embedder)
    b = Searcher(ray_settings, distributed, embedder=embedder)
    questions = [q.question for q in load_questions(ROOT / "eval" / "questions.yaml")]
    for q in questions:
        ours, theirs = a.search(q, k=10), b.search(q, k=11)  # one more: the tenth may trade with the eleventh
        assert [p.chunk.chunk_id for p in a.search(q, k=10, mode="bm25")] \
            == [p.chunk.chunk_id for p in b.search(q, k=10, mode="bm25")], q  # the same tokens, exactly
        # The same passages in the same order, up to neighbours trading places: the two builds' vectors differ
        # by float noise (cosine >= 0.9999, above), enough to swap two passages whose dense scores tie.
        x, y = [p.chunk.chunk_id for p in ours], [p.chunk.chunk_id for p in theirs]
        assert all(c in y and abs(i - y.index(c)) <= 1 for i, c in enumerate(x)), q
