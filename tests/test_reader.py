"""Files in, documents out: encodings, PDFs, and bad input that is skipped with a reason."""

import pytest

from index.ingest import chunk_document, ingest_paths
from index.reader import SkipFile, decode_bytes, read_document, split_lines

from .conftest import make_settings
from .pdfmaker import make_blank_pdf, make_pdf

TEXT = "独立行政法人の年度計画\n\n１．目的\n対日投資誘致成功件数は３７６件以上とする。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp932", "shift_jis", "euc_jp", "iso2022_jp"])
def test_every_encoding_the_readme_lists_is_detected(tmp_path, encoding):
    path = tmp_path / "doc.txt"
    path.write_bytes(TEXT.encode(encoding))
    doc = read_document(path, "doc.txt", 10**6)
    assert doc.text == TEXT
    assert doc.replaced_bytes == 0


def test_iso_2022_jp_is_recognised_by_its_escapes_before_any_other_guess():
    # 7-bit JIS text is also valid UTF-8 and ASCII; the escapes decide.
    data = "対日投資の目標".encode("iso2022_jp")
    assert data.decode("utf-8")  # would "succeed" as UTF-8
    text, encoding, replaced = decode_bytes(data)
    assert text == "対日投資の目標" and encoding.startswith("iso2022_jp") and replaced == 0


def test_a_few_undecodable_bytes_are_replaced_with_one_warning(tmp_path, caplog):
    folder = tmp_path / "in"
    folder.mkdir()
    body = ("デジタル人材の育成を推進する。" * 20 + "\n").encode("utf-8")
    (folder / "damaged.txt").write_bytes(body[:30] + b"\xff" + body[30:] + b"\xfe\n")
    settings = make_settings(tmp_path / "data", [folder])
    with caplog.at_level("WARNING"):
        result = ingest_paths([folder], settings)
    assert [d.source for d in result.documents] == ["damaged.txt"] and result.skipped == []
    doc = result.documents[0]
    assert doc.replaced_bytes == 2 and doc.text.count("\ufffd") == 2
    warnings = [r.getMessage() for r in caplog.records if "damaged.txt" in r.getMessage()]
    assert len(warnings) == 1 and "2 undecodable bytes" in warnings[0]


def test_windows_line_endings_keep_line_numbers_and_offsets(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("cp932"))
    doc = read_document(path, "crlf.txt", 10**6)
    assert [line.text for line in doc.lines] == TEXT.splitlines()
    line = doc.lines[3]
    assert doc.text[line.start:line.end] == "対日投資誘致成功件数は３７６件以上とする。"
    assert line.no == 4


def test_binary_empty_oversized_and_unsupported_files_are_skipped_with_reasons(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (folder / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (folder / "big.md").write_text("あ" * 400_000, encoding="utf-8")
    (folder / "nested").mkdir()
    (folder / "nested" / "inner.md").write_text("# 見出し\n本文です。\n", encoding="utf-8")
    settings = make_settings(tmp_path / "data", [folder])
    settings = settings.model_copy(update={"corpus": settings.corpus.model_copy(update={"max_file_mb": 1.0})})
    messages: list[str] = []
    result = ingest_paths([folder], settings, on_skip=messages.append)
    reasons = dict((p.rsplit("/", 1)[-1], r) for p, r in result.skipped)
    assert "NUL" in reasons["binary.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "too large" in reasons["big.md"]
    assert sorted(d.source for d in result.documents) == ["good.txt", "nested/inner.md"]
    assert len(messages) == 3
    for name in ("binary.txt", "empty.txt", "big.md"):
        assert any(m.startswith("skipped ") and name in m for m in messages)


def test_undecodable_bytes_are_reported():
    with pytest.raises(SkipFile, match="cannot decode"):
        decode_bytes(bytes(range(0x80, 0x100)) * 4)


def test_pdf_text_layer_and_page_numbers(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf([
        ["Annual plan", "1. Purpose", "The target is 376 cases."],
        ["2. Budget", "The budget is 30 million yen."],
    ]))
    doc = read_document(path, "report.pdf", 10**6)
    assert len(doc.page_starts) == 2
    chunks = chunk_document(doc, make_settings(tmp_path, [path]))
    by_page = {c.page for c in chunks}
    assert by_page == {1, 2}
    budget = next(c for c in chunks if "30 million" in c.text)
    assert budget.page == 2
    assert "376 cases" in next(c for c in chunks if c.page == 1 and "376" in c.text).text


def test_pdf_without_text_layer_is_reported(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_blank_pdf())
    with pytest.raises(SkipFile, match="no text layer"):
        read_document(path, "scan.pdf", 10**6)


def test_broken_pdf_is_reported(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    with pytest.raises(SkipFile):
        read_document(path, "broken.pdf", 10**6)


def test_a_file_with_no_headings_still_chunks_with_empty_section(tmp_path):
    path = tmp_path / "plain.txt"
    body = "".join(f"これは見出しのない文書の{n}番目の文です。" for n in range(40))
    path.write_text(body, encoding="utf-8")
    doc = read_document(path, "plain.txt", 10**6)
    chunks = chunk_document(doc, make_settings(tmp_path, [path]))
    assert len(chunks) > 1
    assert all(c.section == [] for c in chunks)
    assert all(len(c.text) <= 600 for c in chunks)


def test_split_lines_handles_every_line_ending():
    assert [line.text for line in split_lines("a\r\nb\rc\nd")] == ["a", "b", "c", "d"]
