"""Measure PDF text-extraction routes on a generated two-column 新旧対照表 (10 pages).

    .venv/bin/python scripts/compare_pdf_routes.py

Each route's text goes through the same ingestion; it is right when its chunks
(version, text) equal those of the text version of the same table.
"""

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader

from index.config import load_settings
from index.documents import Document
from index.ingest import chunk_document
from index.reader import _page_text, split_lines
from index.text import compact
from tests.jpdf import comparison_pdf

TITLE = "独立行政法人テスト機構第六期中期目標の変更 新旧対照表"


def _chunks(text: str, settings) -> list[tuple[str, str]]:
    doc = Document("t", "t", text, "utf-8", split_lines(text))
    return sorted((c.version or "", compact(c.text)) for c in chunk_document(doc, settings))


def main() -> None:
    settings = load_settings()
    pages = []
    for n in range(10):
        common = [f"第{n}節の共通の文である。", f"第{n}節の二つ目の共通文である。", f"第{n}節の三つ目の共通文である。"]
        pages.append(([*common, f"目標は{300 + n}件以上とする。", "新設の段落である。"],
                      [*common, f"目標は{200 + n}件以上とする。"]))
    data = comparison_pdf(TITLE, pages)
    lines = [TITLE, "変更案現行"]
    for amended, current in pages:
        lines += amended + current
    reference = _chunks("\n".join(lines) + "\n", settings)
    routes = {
        "pypdf default": lambda p: p.extract_text(),
        "pypdf layout mode": lambda p: p.extract_text(extraction_mode="layout"),
        "pypdf visitor + x gutter": _page_text,
    }
    for name, route in routes.items():
        reader = PdfReader(io.BytesIO(data))
        started = time.perf_counter()
        body = "\n".join(route(p) for p in reader.pages) + "\n"
        ms = (time.perf_counter() - started) / len(reader.pages) * 1000
        got = _chunks(body, settings)
        versions = sum(v == "変更案" for v, _ in got), sum(v == "現行" for v, _ in got)
        print(f"{name:26s} {ms:5.1f} ms/page  same chunks as the text version: {got == reference}  "
              f"変更案/現行 chunks {versions[0]}/{versions[1]}")


if __name__ == "__main__":
    main()
