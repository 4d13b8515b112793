"""Japanese PDFs with a real text layer, written by reportlab with its built-in CID
fonts (no font files needed), for tests."""

from __future__ import annotations

import io

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "HeiseiMin-W3"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
TOP, STEP, SIZE = 780, 16, 10


def prose_pdf(pages: list[list[str]]) -> bytes:
    """One text column per page, a centred page number at the foot."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for n, lines in enumerate(pages, 1):
        c.setFont(FONT, SIZE)
        for k, line in enumerate(lines):
            c.drawString(60, TOP - k * STEP, line)
        c.drawCentredString(298, 40, f"- {n} -")
        c.showPage()
    c.save()
    return buf.getvalue()


def comparison_pdf(title: str, pages: list[tuple[list[str], list[str]]]) -> bytes:
    """A 新旧対照表: a title over the first page, then 変更案 (left) and 現行 (right) side by side."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for n, (amended, current) in enumerate(pages, 1):
        c.setFont(FONT, SIZE)
        y = TOP
        if n == 1:
            c.drawString(120, y, title)
            y -= 2 * STEP
        c.drawString(60, y, "変更案")
        c.drawString(320, y, "現行")
        y -= STEP
        # Row by row, as a table is written: the content stream interleaves the two columns.
        for k in range(max(len(amended), len(current))):
            if k < len(amended):
                c.drawString(60, y - k * STEP, amended[k])
            if k < len(current):
                c.drawString(320, y - k * STEP, current[k])
        c.drawCentredString(298, 40, f"{n}")
        c.showPage()
    c.save()
    return buf.getvalue()
