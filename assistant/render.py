"""HTML for the chat UI. Every piece of document text is escaped here."""

from __future__ import annotations

import html

from .answer import Answer, Citation
from .verify import MARKER_ANY, marker_numbers


def _text(s: str) -> str:
    """Escape, keep line breaks, and show citation markers as superscripts."""
    escaped = html.escape(s).replace("\n", "<br>")
    return MARKER_ANY.sub(
        lambda m: "".join(f'<sup class="marker">[{n}]</sup>' for n in marker_numbers(m.group(1))), escaped)


def highlight(passage: str, quote: str) -> str:
    """The passage, escaped, with the quoted sentence wrapped in <mark>."""
    pos = passage.find(quote) if quote else -1
    if pos < 0:
        return html.escape(passage).replace("\n", "<br>")
    before, after = passage[:pos], passage[pos + len(quote):]
    return (html.escape(before) + "<mark>" + html.escape(quote) + "</mark>" + html.escape(after)).replace("\n", "<br>")


def citation_label(c: Citation) -> str:
    version = f"〔{c.version}〕" if c.version else ""
    page = f" p.{c.page}" if c.page else ""
    lines = f"{c.line_start}行" if c.line_start == c.line_end else f"{c.line_start}–{c.line_end}行"
    return f"[{c.marker}] {c.title}{version} — {c.source} {lines}{page}"


def render_answer(answer: Answer, passage_text: dict[str, str]) -> str:
    """The assistant message: answer text, notices, then expandable citations."""
    parts = [f'<div class="qa-answer">{_text(answer.text)}</div>']
    for note in answer.notices:
        parts.append(f'<div class="qa-notice">※ {html.escape(note)}</div>')
    if answer.citations:
        parts.append('<div class="qa-cites"><div class="qa-cites-title">出典</div>')
        for c in answer.citations:
            section = f'<div class="qa-section">{html.escape(c.section)}</div>' if c.section else ""
            body = highlight(passage_text.get(c.chunk_id, c.quote), c.quote)
            parts.append(
                f'<details class="qa-cite"><summary>{html.escape(citation_label(c))}</summary>'
                f'{section}<div class="qa-passage">{body}</div></details>'
            )
        parts.append("</div>")
    if answer.related:
        parts.append('<div class="qa-cites"><div class="qa-cites-title">関連する可能性のある箇所</div>')
        for p in answer.related:
            ch = p.chunk
            label = f"{ch.title} — {ch.source} {ch.line_start}–{ch.line_end}行"
            parts.append(
                f'<details class="qa-related"><summary>{html.escape(label)}</summary>'
                f'<div class="qa-passage">{html.escape(ch.text).replace(chr(10), "<br>")}</div></details>'
            )
        parts.append("</div>")
    return "".join(parts)
