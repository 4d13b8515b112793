"""Ingestion acceptance on the bundled corpus."""

import time
from collections import Counter
from pathlib import Path

import pytest

from index.ingest import ingest_paths, load_manifest
from index.text import compact

from .conftest import CORPUS, make_settings
from .verbatim import verbatim_failures


@pytest.fixture(scope="module")
def corpus_result(tmp_path_factory):
    settings = make_settings(tmp_path_factory.mktemp("d"), [CORPUS], CORPUS / "manifest.yaml")
    started = time.perf_counter()
    result = ingest_paths([CORPUS], settings)
    print(f"ingested {len(result.chunks)} chunks in {time.perf_counter() - started:.2f}s")
    return result


def _file_lines(source: str) -> list[str]:
    return (CORPUS / source).read_text(encoding="utf-8").splitlines()


def test_all_five_documents_are_ingested(corpus_result):
    assert sorted(d.source for d in corpus_result.documents) == sorted(
        p.name for p in CORPUS.glob("*.txt"))
    assert corpus_result.skipped == []


def test_page_furniture_is_dropped_except_inside_a_sentence(corpus_result):
    # Independent of the detector: a line of 6+ characters repeated 20+ times through a
    # file — from its first half into its second; a label repeated inside one table is
    # content — is a page header or footer (content repeats far less). Its
    # occurrences are dropped, except the few that fall inside a running sentence.
    for source in {c.source for c in corpus_result.chunks}:
        lines = [compact(line) for line in _file_lines(source)]
        counts = Counter(k for k in lines if k)
        # Bracketed labels (【指標】 <その他の指標>) recur as section headings and are structure.
        where = {}
        for no, k in enumerate(lines):
            where.setdefault(k, []).append(no)
        furniture = {k for k, n in counts.items() if n >= 20 and len(k) >= 6 and not k.endswith("。")
                     and not k.startswith(("【", "<", "[", "("))
                     and where[k][0] < len(lines) / 2 < where[k][-1]}
        kept = Counter()
        for chunk in (c for c in corpus_result.chunks if c.source == source):
            for s in chunk.sentences:
                for no in range(s.line_start, s.line_end + 1):
                    if lines[no - 1] in furniture:
                        kept[(lines[no - 1], no)] += 1
        for key in furniture:
            survivors = sum(1 for (k, _) in kept if k == key)
            assert survivors <= 0.1 * counts[key], (source, key, survivors, counts[key])


def test_every_quoted_sentence_is_verbatim_in_its_own_lines(corpus_result):
    assert verbatim_failures(corpus_result.chunks, {d.source: d.text for d in corpus_result.documents}) == []
    for c in corpus_result.chunks:
        doc = next(d for d in corpus_result.documents if d.source == c.source)
        assert doc.text[c.char_start:c.char_end].strip()


def test_the_bundled_meti_file_has_three_parts_with_their_own_titles(corpus_result):
    meti = [c for c in corpus_result.chunks if c.source.startswith("meti-midterm")]
    titles = {c.part: c.title for c in meti}
    assert len(titles) == 3
    assert "NEDO" in titles[0] and "JETRO" in titles[1] and "IPA" in titles[2]
    # nothing from the JETRO table is cited as NEDO
    jetro = [c for c in meti if "対日投資誘致成功件数" in c.text]
    assert jetro and all("JETRO" in c.title for c in jetro)


def test_jetro_376_and_370_come_out_as_linked_versions(corpus_result):
    jetro = [c for c in corpus_result.chunks if c.source.startswith("jetro-")]
    amended = [c for c in jetro if "対日投資誘致成功件数 376件以上" in c.text]
    current = [c for c in jetro if "対日投資誘致成功件数 370件以上" in c.text]
    assert len(amended) == 1 and len(current) == 1
    a, b = amended[0], current[0]
    assert (a.version, b.version) == ("変更案", "現行")
    assert a.counterpart == b.chunk_id and b.counterpart == a.chunk_id


def test_identical_table_passages_are_indexed_once(corpus_result):
    jetro = [compact(c.text) for c in corpus_result.chunks if c.source.startswith("jetro-") and not c.version]
    sentence = compact("日本貿易振興機構は、我が国の政府機関における対日直接投資の中枢機関として")
    assert sum(sentence in t for t in jetro) == 1


def test_chunk_ids_are_stable_across_runs(corpus_result, tmp_path):
    again = ingest_paths([CORPUS], make_settings(tmp_path, [CORPUS], CORPUS / "manifest.yaml"))
    assert [c.chunk_id for c in again.chunks] == [c.chunk_id for c in corpus_result.chunks]
    assert len({c.chunk_id for c in again.chunks}) == len(again.chunks)


def test_sections_and_titles_come_through(corpus_result):
    plan = [c for c in corpus_result.chunks if c.source == "ipa-fy2024-annual-plan.txt"]
    manifest = load_manifest(CORPUS / "manifest.yaml")
    assert all(c.title == manifest["ipa-fy2024-annual-plan.txt"].title for c in plan)
    exam = next(c for c in plan if "５４４，０９０人" in c.text)
    assert any("デジタル人材の育成推進" in s for s in exam.section)
    slides = [c for c in corpus_result.chunks if c.source.startswith("meti-new-axis")]
    assert any(c.section and c.section[0].startswith("「新機軸」のキーメッセージ") for c in slides)


def test_chunks_cli_prints_json(capsys):
    from index.cli import main

    assert main(["chunks", str(Path(CORPUS / "jetro-6th-midterm-objectives-amendment.txt")), "--json"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    fields = {"chunk_id", "source", "title", "section", "version", "counterpart", "line_start", "line_end",
              "char_start", "char_end", "page", "text"}
    assert fields <= set(data[0])


def test_a_slide_bullet_is_never_joined_with_the_next_bullet(corpus_result):
    # Independent check: of the file lines a sentence spans, only its first may open a bullet.
    bullets = tuple("⚫●■◆➢・○〇◦▶\uf070")
    for source in {c.source for c in corpus_result.chunks}:
        lines = _file_lines(source)
        for c in (c for c in corpus_result.chunks if c.source == source):
            for s in c.sentences:
                opened = [no for no in range(s.line_start + 1, s.line_end + 1)
                          if lines[no - 1].lstrip().startswith(bullets)]
                assert not opened, (source, s.line_start, c.text[s.start:s.end][:80])

