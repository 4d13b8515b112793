"""What the chat shows and exports: HTML for the page, Markdown for copy and export.

An answer is first turned into a plain JSON *record* (:func:`record_of`) — the
form kept in the browser across reloads — and every view is rendered from the
record, live or restored, by one function. Every piece of document or model
text is escaped here (LLM Markdown is rendered, then sanitized with nh3).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from .answer import Answer
from .diff import change_summary, char_diff
from .verify import MARKER_ANY, marker_numbers

# Characters Markdown (and its linkifier) would act on, written as numeric entities: the
# chat renders Markdown, so 「![x](http://host/?q=…)」 in a document or an LLM answer must stay text.
_MARKDOWN = {c: f"&#{ord(c)};" for c in "[]()!*_`~|#:\\<>{}"}
_MARKDOWN_RE = re.compile("[" + re.escape("".join(_MARKDOWN)) + "]")
_ENTITY_OR_MARKDOWN = re.compile(r"&#?[0-9A-Za-z]+;|" + _MARKDOWN_RE.pattern)
_SAFE_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "code", "pre", "blockquote", "h1", "h2", "h3",
              "h4", "table", "thead", "tbody", "tr", "th", "td", "del", "hr", "sup"}
_TITLE_CHARS = 22  # a citation chip shows this much of the title


def escape(text: str) -> str:
    """Text as inert HTML: tags escaped, Markdown and URL syntax neutralized, line breaks kept."""
    escaped = html.escape(text, quote=False)
    # html.escape turned & < > into entities; the rest is neutralized in one pass (entities are not re-read).
    escaped = _MARKDOWN_RE.sub(lambda m: _MARKDOWN[m.group(0)], escaped)
    return escaped.replace("\n", "<br>")


def _markers(s: str, esc=escape) -> str:
    """Escape everything, then show citation markers as superscripts."""
    out, pos = [], 0
    for m in MARKER_ANY.finditer(s):
        out.append(esc(s[pos:m.start()]))
        out.extend(f'<sup class="marker">&#91;{n}&#93;</sup>' for n in marker_numbers(m.group(1)))
        pos = m.end()
    out.append(esc(s[pos:]))
    return "".join(out)


def render_stream(draft: str) -> str:
    """Text as it streams in (extractive lines or LLM tokens): inert, like the final answer."""
    return f'<div class="qa-answer">{_markers(draft)}</div>'


def sanitized_markdown(text: str) -> str:
    """LLM Markdown as HTML: raw HTML, images and links off (shown as text), then sanitized by nh3."""
    import nh3
    from markdown_it import MarkdownIt

    # Links and images stay text: an answer must not fetch or point anywhere the user did not choose.
    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable(
        ["image", "link", "autolink", "html_inline", "html_block"])
    marked = MARKER_ANY.sub(lambda m: "".join(f"\u2060M{n}\u2060" for n in marker_numbers(m.group(1))), text)
    rendered = nh3.clean(md.render(marked), tags=_SAFE_TAGS, attributes={}, link_rel=None)
    # The chat renders Markdown again: text between the tags is neutralized like escape() (entities kept).
    parts = re.split(r"(<[^>]*>)", rendered)
    rendered = "".join(p if p.startswith("<") else _ENTITY_OR_MARKDOWN.sub(
        lambda m: _MARKDOWN.get(m.group(0), m.group(0)), p) for p in parts)
    return re.sub("\u2060M([0-9]+)\u2060", r'<sup class="marker">&#91;\1&#93;</sup>', rendered)


def highlight(passage: str, quote: str) -> str:
    """The passage, escaped, with the quoted sentence wrapped in <mark>."""
    pos = passage.find(quote) if quote else -1
    if pos < 0:
        return escape(passage)
    before, after = passage[:pos], passage[pos + len(quote):]
    return escape(before) + "<mark>" + escape(quote) + "</mark>" + escape(after)


# ── records: the JSON form of an answer, kept in the browser ─────────────
def record_of(answer: Answer, turn_id: str, filters: dict | None = None) -> dict:
    """The JSON-safe record of one exchange (what is kept, rendered, copied and exported)."""
    return {
        "id": turn_id,
        "question": answer.question,
        "searched_as": answer.searched_as,
        "text": answer.text,
        "abstained": answer.abstained,
        "mode": answer.mode,
        "notices": list(answer.notices),
        "citations": [c.to_json() for c in answer.citations],
        "related": [{"chunk_id": p.chunk.chunk_id, "title": p.chunk.title, "source": p.chunk.source,
                     "line_start": p.chunk.line_start, "line_end": p.chunk.line_end, "page": p.chunk.page}
                    for p in answer.related],
        "filters": {k: list(v) for k, v in (filters or {}).items() if v},
        "vote": None,
    }


def lines_label(c: dict) -> str:
    lines = f"{c['line_start']}行" if c["line_start"] == c["line_end"] else f"{c['line_start']}–{c['line_end']}行"
    return lines + (f" p.{c['page']}" if c.get("page") else "")


def citation_label(c: dict) -> str:
    """[1] title〔version〕 — source 12–14行 p.3"""
    version = f"〔{c['version']}〕" if c.get("version") else ""
    return f"[{c['marker']}] {c['title']}{version} — {c['source']} {lines_label(c)}"


def _short(title: str) -> str:
    return title if len(title) <= _TITLE_CHARS else title[: _TITLE_CHARS - 1] + "…"


def filters_label(filters: dict) -> str:
    names = {"titles": "文書", "organizations": "組織", "versions": "版"}
    return "、".join(f"{names.get(k, k)}：{'・'.join(v)}" for k, v in filters.items() if v)


def _diff_block(citations: list[dict]) -> str:
    """変更案/現行 quotes from one document, side by side as one inline diff under a summary."""
    amended = next((c for c in citations if c.get("version") == "変更案"), None)
    current = next((c for c in citations if c.get("version") == "現行"
                    and amended and c["source"] == amended["source"]), None)
    if not (amended and current):
        return ""
    pieces = []
    for p in char_diff(current["quote"], amended["quote"]):
        text = escape(p.text)
        pieces.append(text if p.op == "same" else f"<{p.op}>{text}</{p.op}>")
    summary = escape(change_summary(current["quote"], amended["quote"]))
    return (f'<div class="qa-diff"><div class="qa-diff-summary">{summary}</div>'
            f'<div class="qa-diff-body">{"".join(pieces)}</div>'
            '<div class="qa-diff-legend"><del>現行のみ</del> <ins>変更案のみ</ins></div></div>')


def render_record(rec: dict, passage_text: Mapping[str, str]) -> str:
    """The assistant message: the direct answer in bold, quotes, notices, diff, citation chips."""
    parts = [f'<div class="qa-msg" data-turn="{html.escape(str(rec.get("id", "")), quote=True)}">']
    if rec.get("filters"):
        parts.append(f'<div class="qa-filters">絞り込み中（{escape(filters_label(rec["filters"]))}）</div>')
    text = rec.get("text", "")
    if rec.get("mode") == "llm" and not rec.get("abstained"):
        parts.append(f'<div class="qa-answer qa-llm">{sanitized_markdown(text)}</div>')
    else:
        first, _, rest = text.partition("\n")
        parts.append(f'<div class="qa-answer"><div class="qa-direct"><strong>{_markers(first)}</strong></div>')
        parts.extend(f'<div class="qa-quote">{_markers(line)}</div>' for line in rest.splitlines() if line.strip())
        parts.append("</div>")
    for note in rec.get("notices", []):
        parts.append(f'<div class="qa-notice">※ {escape(note)}</div>')
    parts.append(_diff_block(rec.get("citations", [])))
    if rec.get("citations"):
        parts.append('<div class="qa-cites"><span class="qa-cites-title">出典</span>')
        for c in rec["citations"]:
            version = f"〔{c['version']}〕" if c.get("version") else ""
            section = f'<div class="qa-section">§ {escape(c["section"])}</div>' if c.get("section") else ""
            body = highlight(passage_text.get(c["chunk_id"], c["quote"]), c["quote"])
            parts.append(
                f'<details class="qa-chip"><summary title="{html.escape(citation_label(c), quote=True)}">'
                f'[{c["marker"]}] {escape(_short(c["title"]))}{escape(version)} · {escape(lines_label(c))}</summary>'
                f'<div class="qa-cite-body"><div class="qa-source">{escape(citation_label(c))}</div>'
                f'{section}<div class="qa-passage">{body}</div></div></details>'
            )
        parts.append("</div>")
    if rec.get("related"):
        parts.append('<div class="qa-cites"><span class="qa-cites-title">関連する可能性のある箇所</span>')
        for r in rec["related"]:
            label = f"{r['title']} — {r['source']} {lines_label(r)}"
            parts.append(
                f'<details class="qa-chip qa-related"><summary>{escape(_short(r["title"]))} · '
                f'{escape(lines_label(r))}</summary><div class="qa-cite-body"><div class="qa-source">'
                f'{escape(label)}</div><div class="qa-passage">{escape(passage_text.get(r["chunk_id"], ""))}</div>'
                '</div></details>')
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def turn_of(content) -> str | None:
    """The turn id written into a rendered message (feedback is bound to it, not to a position)."""
    text = content if isinstance(content, str) else str(content)
    m = re.search(r'data-turn="([^"]+)"', text)
    return m.group(1) if m else None


# ── Markdown: copy and export ──────────────────────────────────────────
def _quote_md(text: str) -> str:
    return "\n".join("> " + line for line in text.splitlines() if line.strip())


def markdown_of(rec: dict) -> str:
    """One answer as clean Markdown: the answer text, then each citation with its quote."""
    out = [rec.get("text", "").strip()]
    for note in rec.get("notices", []):
        out.append(f"※ {note}")
    if rec.get("citations"):
        out.append("\n**出典**")
        for c in rec["citations"]:
            section = f"（§ {c['section']}）" if c.get("section") else ""
            out.append(f"- {citation_label(c)}{section}\n{_quote_md(c['quote'])}".replace("\n>", "\n  >"))
    return "\n".join(out).strip() + "\n"


def chat_markdown(title: str, records: list[dict]) -> str:
    """A whole chat as a Markdown document (questions, answers, citations with quotes)."""
    out = [f"# {title}\n"]
    for n, rec in enumerate(records, 1):
        out.append(f"## Q{n}. {rec.get('question', '')}\n")
        if rec.get("searched_as"):
            out.append(f"（『{rec['searched_as']}』として検索）\n")
        out.append(markdown_of(rec))
    return "\n".join(out)
