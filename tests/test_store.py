"""The store made for scale: Arrow chunk table, column filters, FAISS selectors, the scale benchmark."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest

from index.documents import Chunk
from index.persist import LoadedIndex, make_faiss
from index.search import Filters, Searcher, top_rows
from index.table import ChunkTable, columns_of, write_table

FILTERS = [
    Filters(sources=["ipa-fy2024-annual-plan.txt"]),
    Filters(organizations=["JETRO"]),
    Filters(organizations=["IPA", "NEDO"], versions=["変更案"]),
    Filters(versions=["共通"]),
    Filters(titles=["存在しない文書"]),
]


def test_the_chunk_table_gives_back_exactly_the_chunks_written(searcher, tmp_path):
    chunks = list(searcher.chunks)
    write_table(tmp_path / "chunks.arrow", columns_of(chunks))
    table = ChunkTable.open(tmp_path / "chunks.arrow")
    assert len(table) == len(chunks)
    assert list(table) == chunks
    assert table.take([5, 0, len(chunks) - 1]) == [chunks[5], chunks[0], chunks[-1]]
    assert table[-1] == chunks[-1] and table[2:4] == chunks[2:4]
    assert table.row_of(chunks[7].chunk_id) == 7 and table.row_of("no-such-id") is None
    assert list(table.ids()) == [c.chunk_id for c in chunks]
    with pytest.raises(IndexError):
        table[len(chunks)]


def test_column_filters_agree_with_the_per_chunk_rule(searcher):
    chunks = list(searcher.chunks)
    for f in FILTERS:
        assert f.mask(searcher.chunks).tolist() == [f.allows(c) for c in chunks], f


def test_categorical_helpers_read_the_columns(searcher):
    chunks = list(searcher.chunks)
    table = searcher.chunks
    assert set(table.distinct("source")) == {c.source for c in chunks}
    firsts = table.first_rows("title")
    assert [chunks[i].title for i in firsts] == list(dict.fromkeys(c.title for c in chunks))
    group = next(c.group for c in chunks if c.group)
    assert table.rows_equal("group", group).tolist() == [i for i, c in enumerate(chunks) if c.group == group]
    for source in table.distinct("source"):
        assert table.section_titles(source) == {h for c in chunks if c.source == source for h in c.section}
    heading = next(h for c in chunks for h in c.section if h)
    assert table.rows_under(re.escape(heading)).tolist() == [i for i, c in enumerate(chunks) if heading in c.section]


def test_top_rows_is_a_stable_sort_cut_at_depth():
    rng = np.random.default_rng(0)
    for _ in range(50):
        scores = rng.integers(0, 6, rng.integers(1, 300)).astype(np.float32)
        depth = int(rng.integers(1, 40))
        assert top_rows(scores, depth).tolist() == np.argsort(-scores, kind="stable")[:depth].tolist()


def test_opening_the_index_makes_no_chunk_objects(bundled_index, monkeypatch):
    made = []
    original = Chunk.from_dict.__func__
    monkeypatch.setattr(Chunk, "from_dict", classmethod(lambda cls, d: made.append(1) or original(cls, d)))
    index = LoadedIndex.load(bundled_index)
    assert len(index.chunks) > 1000 and made == []
    searcher = Searcher(bundled_index, index)
    searcher.search("対日投資", k=5, mode="bm25", filters=Filters(organizations=["JETRO"]))
    assert len(made) == 5  # only the passages returned


@pytest.mark.parametrize(("kind", "codes"), [("flat", "flat"), ("hnsw", "flat"), ("hnsw", "sq8"), ("ivf", "flat"),
                                             ("ivf", "sq8")])
def test_filtered_dense_search_never_returns_excluded_rows_and_finds_the_exact_ones(searcher, kind, codes):
    """Both routes: a narrow filter searched exactly over its rows, a broad one through an IDSelector;
    8-bit codes only pick candidates, their scores are the exact cosines."""
    vectors = np.asarray(searcher.index.vectors)
    settings = searcher.settings
    structure = settings.faiss.model_copy(update={"kind": kind, "codes": codes})
    index = dataclasses.replace(searcher.index, faiss_index=make_faiss(vectors, structure))
    for exact_max in (10**9, 0):  # 10**9: always the exact route; 0: always FAISS with a selector
        faiss = structure.model_copy(update={"exact_filter_max": exact_max, "ivf_nprobe": 64})
        s = Searcher(settings.model_copy(update={"faiss": faiss}), index, embedder=searcher.embedder)
        for f in FILTERS[:3]:
            mask = f.mask(index.chunks)
            q = "情報処理安全確保支援士の登録者数の目標"
            hits = s.dense(q, 10, mask)
            got = [row for row, _ in hits]
            assert got and all(mask[row] for row in got)
            cosine = vectors @ s.embedder.encode_query(q)[0]
            assert np.allclose([score for _, score in hits], cosine[got], atol=1e-4)
            assert [score for _, score in hits] == sorted((score for _, score in hits), reverse=True)
            exact = np.where(mask, cosine, -np.inf)
            want = np.argsort(-exact, kind="stable")[:10]
            assert len(set(got) & set(want.tolist())) >= 9, (kind, exact_max, f)


def test_scale_benchmark_builds_and_serves_a_synthetic_store(bundled_settings, tmp_path):
    from eval.scale import bench_scale
    from tests.conftest import ROOT

    questions = [f"{org}の{year}年度の目標は？" for org in ("IPA", "JETRO", "NEDO") for year in range(2018, 2026)]
    result = bench_scale(ROOT / "config.yaml", bundled_settings, 3_000, questions, with_model=False, workdir=tmp_path)
    for key in ("load_s", "rss_mib", "hybrid_p50_ms", "hybrid_p95_ms", "filtered_p50_ms", "filtered_p95_ms",
                "ann_recall_at_10"):
        assert result[key] >= 0, key
    assert result["chunks"] == 3_000 and result["faiss"] == "IndexFlatIP"
    assert result["ann_recall_at_10"] == 1.0 and result["filtered_recall_at_10"] == 1.0  # exact below the switch
    assert not list(tmp_path.iterdir())  # the synthetic index is removed afterwards


def test_vector_rows_read_by_pread_equal_the_stored_array(tmp_path):
    from index.vectors import VectorRows

    stored = np.random.default_rng(0).standard_normal((1000, 8)).astype(np.float32)
    np.save(tmp_path / "vectors.npy", stored, allow_pickle=False)
    reader = VectorRows(tmp_path / "vectors.npy")
    assert reader.shape == (1000, 8) and len(reader) == 1000
    rows = np.array([0, 1, 2, 10, 500, 501, 999])  # runs and single rows
    assert np.array_equal(reader.take(rows), stored[rows])
    assert reader.take(np.array([], dtype=np.int64)).shape == (0, 8)
    for bad in ([3, 2], [5, 5], [1000]):  # unsorted, repeated, outside
        with pytest.raises(ValueError):
            reader.take(np.array(bad))
    np.save(tmp_path / "ints.npy", np.zeros((3, 8), np.int32), allow_pickle=False)
    with pytest.raises(ValueError):
        VectorRows(tmp_path / "ints.npy")


def test_a_sentence_that_is_one_of_its_document_s_section_titles_is_a_title(assistant):
    table = assistant.searcher.chunks
    chunk = next(c for c in table if len(c.section) >= 2)
    titles = assistant.extractive._titles_a_section
    assert titles(chunk.source, chunk.section[-1])
    assert titles(chunk.source, f" {chunk.section[0]} ")  # spacing aside
    body = chunk.text[chunk.sentences[-1].start:chunk.sentences[-1].end]
    assert body not in chunk.section and not titles(chunk.source, body + "。")
    # Only its own document's titles count.
    other = next(s for s in table.distinct("source") if s != chunk.source)
    assert not titles(other, chunk.section[-1]) or chunk.section[-1] in table.section_titles(other)
