"""HTML for the chat UI. Every piece of document text is escaped here."""

from __future__ import annotations

import html
import re

from .answer import Answer, Citation
from .verify import MARKER_ANY, marker_numbers

# Characters Markdown (and its linkifier) would act on, written as numeric entities: the
# chat renders Markdown, so 「![x](http://host/?q=…)」 in a document or an LLM answer must stay text.
_MARKDOWN = {c: f"&#{ord(c)};" for c in "[]()!*_`~|#:\\<>{}"}
_MARKDOWN_RE = re.compile("[" + re.escape("".join(_MARKDOWN)) + "]")


def escape(text: str) -> str:
    """Text as inert HTML: tags escaped, Markdown and URL syntax neutralized, line breaks kept."""
    escaped = html.escape(text, quote=False)
    # html.escape turned & < > into entities; the rest is neutralized in one pass (entities are not re-read).
    escaped = _MARKDOWN_RE.sub(lambda m: _MARKDOWN[m.group(0)], escaped)
    return escaped.replace("\n", "<br>")


def _text(s: str) -> str:
    """Escape everything, then show citation markers as superscripts."""
    out, pos = [], 0
    for m in MARKER_ANY.finditer(s):
        out.append(escape(s[pos:m.start()]))
        out.extend(f'<sup class="marker">&#91;{n}&#93;</sup>' for n in marker_numbers(m.group(1)))
        pos = m.end()
    out.append(escape(s[pos:]))
    return "".join(out)


def render_stream(draft: str) -> str:
    """Text as it streams in (extractive lines or LLM tokens): inert, like the final answer."""
    return f'<div class="qa-answer">{_text(draft)}</div>'



def highlight(passage: str, quote: str) -> str:
    """The passage, escaped, with the quoted sentence wrapped in <mark>."""
    pos = passage.find(quote) if quote else -1
    if pos < 0:
        return escape(passage)
    before, after = passage[:pos], passage[pos + len(quote):]
    return escape(before) + "<mark>" + escape(quote) + "</mark>" + escape(after)


def citation_label(c: Citation) -> str:
    version = f"〔{c.version}〕" if c.version else ""
    page = f" p.{c.page}" if c.page else ""
    lines = f"{c.line_start}行" if c.line_start == c.line_end else f"{c.line_start}–{c.line_end}行"
    return f"[{c.marker}] {c.title}{version} — {c.source} {lines}{page}"


def render_answer(answer: Answer, passage_text: dict[str, str]) -> str:
    """The assistant message: answer text, notices, then expandable citations."""
    parts = [f'<div class="qa-answer">{_text(answer.text)}</div>']
    for note in answer.notices:
        parts.append(f'<div class="qa-notice">※ {escape(note)}</div>')
    if answer.citations:
        parts.append('<div class="qa-cites"><div class="qa-cites-title">出典</div>')
        for c in answer.citations:
            section = f'<div class="qa-section">{escape(c.section)}</div>' if c.section else ""
            body = highlight(passage_text.get(c.chunk_id, c.quote), c.quote)
            parts.append(
                f'<details class="qa-cite"><summary>{escape(citation_label(c))}</summary>'
                f'{section}<div class="qa-passage">{body}</div></details>'
            )
        parts.append("</div>")
    if answer.related:
        parts.append('<div class="qa-cites"><div class="qa-cites-title">関連する可能性のある箇所</div>')
        for p in answer.related:
            ch = p.chunk
            label = f"{ch.title} — {ch.source} {ch.line_start}–{ch.line_end}行"
            parts.append(
                f'<details class="qa-related"><summary>{escape(label)}</summary>'
                f'<div class="qa-passage">{escape(ch.text)}</div></details>'
            )
        parts.append("</div>")
    return "".join(parts)
