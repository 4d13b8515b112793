"""The analyst's workspace behind the UI: loaded documents, the document viewer, uploads.

No Gradio here. :class:`Workspace` holds the current :class:`~assistant.chain.Assistant`
and swaps in a fresh one after an index update, so questions keep being answered
from the old index while a new document is embedded.
"""

from __future__ import annotations

import html
import re
import shutil
import threading
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.config import Settings
from index.reader import SkipFile, iter_files, read_document
from index.table import ChunkTable

from .chain import Assistant
from .question import era_label

VIEW_CONTEXT = 25  # lines shown above and below the cited lines


class UploadError(ValueError):
    """An upload refused, phrased for the user (Japanese, one line)."""


@dataclass(frozen=True)
class DocumentInfo:
    source: str
    title: str
    organization: str
    kind: str
    period: str  # 令和6年度 / 令和7年改定 …
    chunks: int
    uploaded: bool


def documents_of(table: ChunkTable, uploaded: set[str]) -> list[DocumentInfo]:
    """One row per indexed document, in index order (from the columns: no pass over every chunk)."""
    codes, sources = table.codes("source")
    counts = np.bincount(codes[codes >= 0], minlength=len(sources))
    rows = []
    for c in table.take(table.first_rows("source")):
        period = "・".join(p for p in (era_label(c.fiscal_year) if c.fiscal_year else "", c.revision) if p)
        rows.append(DocumentInfo(c.source, c.title, c.organization or "", c.kind or "", period,
                                 int(counts[sources.index(c.source)]), c.source in uploaded))
    return rows


def document_label(d: DocumentInfo) -> str:
    """「JETRO 中期目標 令和7年改定 — 独立行政法人…」: titles that tell revisions apart."""
    return f"{d.title}（{d.period}）" if d.period and d.period not in d.title else d.title


def safe_name(name: str) -> str:
    """A file name that cannot leave its folder: base name only, no control or path characters."""
    base = unicodedata.normalize("NFC", Path(name.replace("\\", "/")).name)
    base = re.sub(r"[\x00-\x1f\x7f/:*?\"<>|]", "_", base).strip(" .")
    return base[:120]


class PassageTexts(Mapping):
    """Passage text by chunk id, looked up in the current index (no per-question copy of every passage)."""

    def __init__(self, workspace: Workspace):
        self._ws = workspace

    def __getitem__(self, chunk_id: str) -> str:
        chunk = self._ws.assistant.searcher.chunk(chunk_id)
        if chunk is None:
            raise KeyError(chunk_id)
        return chunk.text

    def __iter__(self) -> Iterator[str]:
        return self._ws.assistant.searcher.chunks.ids()

    def __len__(self) -> int:
        return len(self._ws.assistant.searcher.chunks)


class Workspace:
    """The current assistant and the operations that change what it knows."""

    def __init__(self, assistant: Assistant):
        self.assistant = assistant
        self.settings: Settings = assistant.settings
        self._lock = threading.Lock()  # one index update at a time from this process
        self.passages = PassageTexts(self)

    # ── documents ───────────────────────────────────────────────────
    def _paths(self) -> dict[str, Path]:
        suffixes = {s.lower() for s in self.settings.corpus.extensions}
        return {source: path for path, source, problem in iter_files(self.settings.corpus_paths(), suffixes)
                if problem is None}

    def uploaded(self) -> set[str]:
        root = self.settings.uploads_dir
        return {p.name for p in root.iterdir() if p.is_file()} if root.is_dir() else set()

    def documents(self) -> list[DocumentInfo]:
        return documents_of(self.assistant.searcher.chunks, self.uploaded())

    def skipped(self) -> list[tuple[str, str]]:
        return [tuple(s) for s in self.assistant.searcher.index.manifest.get("skipped", [])]

    def status(self) -> str:
        """「5文書・1,491箇所を検索できます」"""
        s = self.assistant.searcher.stats()
        return f"{s['documents']:,}文書・{s['chunks']:,}箇所を検索できます"

    def view(self, source: str, line_start: int | None = None, line_end: int | None = None,
             quote: str = "") -> str:
        """HTML of a document around the cited lines (numbered, cited lines marked, the quote highlighted)."""
        path = self._paths().get(source)
        if path is None:
            return f'<div class="qa-viewer-error">文書「{html.escape(source)}」が見つかりません。</div>'
        try:
            doc = read_document(path, source, int(self.settings.corpus.max_file_mb * 1_000_000),
                                self.settings.corpus.max_bad_byte_share)
        except SkipFile as exc:
            return f'<div class="qa-viewer-error">{html.escape(source)} を開けません（{html.escape(str(exc))}）。</div>'
        return render_document(doc.lines, source, line_start, line_end, quote,
                               page_of=doc.page_of if doc.page_starts else None)

    # ── uploads ─────────────────────────────────────────────────────
    def save_upload(self, path: Path, name: str) -> str:
        """Copy an uploaded file into the uploads folder; return its source name or raise UploadError."""
        ui = self.settings.ui
        target_name = safe_name(name)
        suffix = Path(target_name).suffix.lower()
        if not target_name or suffix not in {e.lower() for e in ui.upload_extensions}:
            raise UploadError(f"{name}: 対応していない形式です（{'・'.join(ui.upload_extensions)} のみ）")
        size = path.stat().st_size
        if size > ui.upload_max_mb * 1_000_000:
            raise UploadError(f"{name}: 大きすぎます（{size / 1e6:.1f} MB、上限 {ui.upload_max_mb} MB）")
        if size == 0:
            raise UploadError(f"{name}: 空のファイルです")
        root = self.settings.uploads_dir
        existing = {s for s in self._paths() if s not in self.uploaded()}
        if target_name in existing:
            raise UploadError(f"{name}: 同じ名前の文書がすでにあります（名前を変えて追加してください）")
        root.mkdir(parents=True, exist_ok=True)
        target = (root / target_name).resolve()
        if target.parent != root.resolve():  # never outside the uploads folder
            raise UploadError(f"{name}: この名前では保存できません")
        tmp = target.with_name(f".{target.name}.part")
        shutil.copyfile(path, tmp)
        tmp.replace(target)
        return target_name

    def remove_upload(self, source: str) -> None:
        """Delete an uploaded file (only files added in the UI can be removed here)."""
        if source not in self.uploaded():
            raise UploadError(f"{source}: UIで追加した文書だけを削除できます（設定の文書は config.yaml で管理します）")
        (self.settings.uploads_dir / source).unlink()

    def update_index(self, progress: bool = False, force: bool = False):
        """Bring the index up to date with the files (incremental) and swap in a fresh assistant."""
        from index.search import Searcher
        from index.store import build

        with self._lock:
            old = self.assistant
            report = build(self.settings, incremental=True, embedder=old.searcher.embedder, progress=progress,
                           force=force)
            if not report.up_to_date:
                searcher = Searcher(self.settings, embedder=old.searcher.embedder)
                self.assistant = Assistant(self.settings, searcher=searcher, chat_model=old._chat_model)
            return report


def render_document(lines, source: str, line_start: int | None, line_end: int | None, quote: str = "",
                    page_of=None, context: int = VIEW_CONTEXT) -> str:
    """Numbered lines around ``line_start``–``line_end``; the cited lines marked, the quote's words highlighted."""
    if not lines:
        return '<div class="qa-viewer-error">文書に行がありません。</div>'
    start = line_start or 1
    end = line_end or start
    first = max(1, start - context) if line_start else 1
    last = min(len(lines), end + context) if line_start else min(len(lines), 2 * context)
    out = [f'<div class="qa-viewer" data-source="{html.escape(source, quote=True)}">']
    if line_start:
        page = f"（p.{page_of(lines[start - 1].start)}）" if page_of else ""
        out.append(f'<div class="qa-viewer-head">{html.escape(source)} — {start}–{end}行{page}</div>')
    if first > 1:
        out.append(f'<div class="qa-viewer-more">… {first - 1}行省略</div>')
    for line in lines[first - 1:last]:
        cited = line_start is not None and start <= line.no <= end
        text = mark_quote(line.text, quote) if cited else html.escape(line.text)
        cls = "qa-line qa-cited" if cited else "qa-line"
        anchor = ' id="qa-cited"' if cited and line.no == start else ""
        out.append(f'<div class="{cls}"{anchor}><span class="qa-ln">{line.no}</span>'
                   f'<span class="qa-lt">{text or "&nbsp;"}</span></div>')
    if last < len(lines):
        out.append(f'<div class="qa-viewer-more">… {len(lines) - last}行省略</div>')
    out.append("</div>")
    return "".join(out)


def mark_quote(text: str, quote: str, min_overlap: int = 2) -> str:
    """One line, escaped, with the part that belongs to ``quote`` (a sentence spanning lines) in <mark>."""
    body = text.strip()
    if not quote or len(body) < 1:
        return html.escape(text)
    span = None
    if body in quote:
        span = (text.find(body), text.find(body) + len(body))
    elif quote in text:
        span = (text.find(quote), text.find(quote) + len(quote))
    else:
        # The quote starts in this line (a suffix of it) or ends in it (a prefix).
        for i in range(len(text) - min_overlap + 1):
            if quote.startswith(text[i:].rstrip()):
                span = (i, len(text.rstrip()))
                break
        if span is None:
            for j in range(len(text), min_overlap - 1, -1):
                if quote.endswith(text[:j].lstrip()):
                    span = (len(text) - len(text.lstrip()), j)
                    break
    if span is None or span[1] - span[0] < min_overlap:
        return html.escape(text)
    a, b = span
    return f"{html.escape(text[:a])}<mark>{html.escape(text[a:b])}</mark>{html.escape(text[b:])}"
