"""Japanese PDFs through their text layer: page numbers, 新旧対照表 columns split by
x-coordinate and labelled like the text version, slide titles as headings."""

from index.documents import Document
from index.ingest import chunk_document
from index.reader import read_document, split_lines
from index.text import compact

from .conftest import make_settings
from .jpdf import comparison_pdf, prose_pdf
from .verbatim import verbatim_failures

TITLE = "独立行政法人テスト機構第六期中期目標の変更 新旧対照表"
COMMON = ["第六期中期目標", "１．政策体系", "対日投資誘致成功件数"]
PAGE1 = (
    [*COMMON, "３７６件以上とする。", "地域の活性化に資する事業を支援。"],
    [*COMMON, "３７０件以上とする。", "地域の活性化に資する事業を支援。"],
)
PAGE2_COMMON = ["２．業務運営", "輸出額の目標を定める。", "農林水産物の輸出を支援する。"]
PAGE2 = (
    [*PAGE2_COMMON, "新設の段落である。", "海外展開を支援。"],
    [*PAGE2_COMMON, "海外展開を支援。"],
)


def _versions(chunks) -> list[tuple[str | None, str]]:
    return sorted((c.version or "", compact(c.text)) for c in chunks)


def test_a_japanese_pdf_keeps_its_text_and_page_numbers(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(prose_pdf([
        ["令和６年度計画", "１．目的", "デジタル人材の育成を推進する。", "応募者数５４４，０９０人以上を達成する。"],
        ["２．予算", "予算額は３０億円とする。"],
    ]))
    doc = read_document(path, "plan.pdf", 10**7)
    assert "応募者数５４４，０９０人以上を達成する。" in doc.text
    chunks = chunk_document(doc, make_settings(tmp_path, [path]))
    assert verbatim_failures(chunks, {"plan.pdf": doc.text}) == []
    budget = next(c for c in chunks if "３０億円" in c.text)
    assert budget.page == 2 and budget.section[-1] == "２．予算"
    assert next(c for c in chunks if "５４４，０９０人" in c.text).page == 1
    # the page number is not content
    assert not any("- 1 -" in c.text for c in chunks)


def test_a_two_column_comparison_table_pdf_is_read_like_its_text_version(tmp_path):
    path = tmp_path / "table.pdf"
    path.write_bytes(comparison_pdf(TITLE, [PAGE1, PAGE2]))
    settings = make_settings(tmp_path, [path])
    pdf_doc = read_document(path, "table.pdf", 10**7)
    from_pdf = chunk_document(pdf_doc, settings)
    assert verbatim_failures(from_pdf, {"table.pdf": pdf_doc.text}) == []
    # The text version prints each page's 変更案 column, then its 現行 column.
    lines = [TITLE, "変更案現行"]
    for amended, current in (PAGE1, PAGE2):
        lines += amended + current
    text = "\n".join(lines) + "\n"
    from_text = chunk_document(Document("t.txt", "t.txt", text, "utf-8", split_lines(text)), settings)
    assert _versions(from_pdf) == _versions(from_text)
    amended = next(c for c in from_pdf if "３７６件以上" in c.text)
    current = next(c for c in from_pdf if "３７０件以上" in c.text)
    assert (amended.version, current.version) == ("変更案", "現行")
    assert amended.counterpart == current.chunk_id
    assert any(c.version == "変更案" and "新設の段落" in c.text for c in from_pdf)
    assert sum("地域の活性化" in c.text for c in from_pdf) == 1  # identical passages indexed once


def test_the_first_line_of_a_slide_page_titles_its_bullets(tmp_path):
    path = tmp_path / "deck.pdf"
    path.write_bytes(prose_pdf([
        ["デジタル社会の実現に向けた考え方", "⚫ 取り組む社会課題", "➢ 人手不足への対応", "➢ 産業競争力の強化"],
        ["スタートアップ支援の今後の施策", "⚫ 当面の目標", "➢ 投資額を今後5年で10倍"],
    ]))
    deck = read_document(path, "deck.pdf", 10**7)
    chunks = chunk_document(deck, make_settings(tmp_path, [path]))
    assert verbatim_failures(chunks, {"deck.pdf": deck.text}) == []
    bullet = next(c for c in chunks if "10倍" in c.text)
    assert bullet.section[0] == "スタートアップ支援の今後の施策"
    first = next(c for c in chunks if "人手不足" in c.text)
    assert first.section[0] == "デジタル社会の実現に向けた考え方"
    spans = [first.text[s.start:s.end] for s in first.sentences]
    assert "➢ 人手不足への対応" in spans and "➢ 産業競争力の強化" in spans
