"""Shared fixtures. The bundled-corpus index is built once per test session
(real model, real FAISS, real Sudachi) in a temporary data directory."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from index.config import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def make_settings(data_dir: Path, paths: list[Path], manifest: Path | None = None, **overrides) -> Settings:
    """Repository settings pointed at other documents and another data directory."""
    base = load_settings(ROOT / "config.yaml")
    corpus = base.corpus.model_copy(update={"paths": paths, "manifest": manifest})
    return base.model_copy(update={"data_dir": data_dir, "corpus": corpus, **overrides})


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory) -> Path:
    """One converted bundled model for the whole session (conversion takes seconds)."""
    return tmp_path_factory.mktemp("models")


@pytest.fixture(scope="session")
def bundled_settings(tmp_path_factory, model_cache) -> Settings:
    data = tmp_path_factory.mktemp("data")
    (data / "models").symlink_to(model_cache, target_is_directory=True)
    return make_settings(data, [CORPUS], CORPUS / "manifest.yaml")


@pytest.fixture(scope="session")
def embedder(bundled_settings):
    from index.embed import Embedder

    return Embedder(bundled_settings.embedding, bundled_settings.cache_dir)


@pytest.fixture(scope="session")
def float32_embedder(bundled_settings):
    """The model in float32 whatever the CPU: for checks of exact numerics (``auto`` may pick bf16)."""
    from index.embed import Embedder

    return Embedder(bundled_settings.embedding.model_copy(update={"dtype": "float32"}), bundled_settings.cache_dir)


@pytest.fixture(scope="session")
def bundled_index(bundled_settings, embedder):
    from index.store import build

    build(bundled_settings, embedder=embedder)
    return bundled_settings


@pytest.fixture(scope="session")
def searcher(bundled_index, embedder):
    from index.search import Searcher

    return Searcher(bundled_index, embedder=embedder)


@pytest.fixture(scope="session")
def assistant(bundled_index, searcher):
    from assistant.chain import Assistant

    return Assistant(bundled_index, searcher=searcher)


def small_corpus(root: Path, model_cache: Path, files: dict[str, str] | None = None) -> tuple[Path, Settings]:
    """A folder of documents (``files``: name -> UTF-8 text) with its own data directory under ``root``,
    sharing the session's converted model; the index is not built."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    for name, text in (files or {}).items():
        (docs / name).write_text(text, encoding="utf-8")
    data = root / "data"
    data.mkdir()
    (data / "models").symlink_to(model_cache, target_is_directory=True)
    return docs, make_settings(data, [docs])


@pytest.fixture
def user_folder(tmp_path, model_cache):
    """A user's own folder of documents with its own data directory (shares the model cache)."""
    return small_corpus(tmp_path, model_cache)


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """Artifacts a person may want to look at (screenshots), kept after the run."""
    path = ROOT / "test-output"
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir()
    return path
