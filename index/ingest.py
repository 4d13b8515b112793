"""The ingestion pipeline: file -> document -> parts -> segments -> sentences -> chunks.

``ingest_paths`` is the one entry point used by the index builder and by
``python -m index chunks``. Files that cannot be read are skipped with a reason.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .chunker import Located, make_chunks
from .columns import Segment, is_comparison_table, segment_table
from .config import Settings
from .documents import Chunk, Document
from .furniture import find_furniture
from .headings import LIST_START, MAJOR_BULLETS, MINOR_BULLETS, SectionTracker, heading_kind, series_stems
from .parts import find_parts
from .reader import SkipFile, iter_files, read_document
from .sentences import build_sentences
from .text import compact, squeeze, tidy

log = logging.getLogger(__name__)


@dataclass
class DocumentMeta:
    title: str | None = None
    publisher: str | None = None
    organization: str | None = None
    kind: str | None = None


@dataclass
class IngestResult:
    chunks: list[Chunk] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def load_manifest(path: Path | None) -> dict[str, DocumentMeta]:
    """Read ``manifest.yaml`` (titles etc. keyed by file name); missing file -> empty."""
    if path is None or not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = {}
    for entry in data.get("documents", []):
        out[str(entry["file"])] = DocumentMeta(
            entry.get("title"), entry.get("publisher"), entry.get("organization"), entry.get("kind"))
    return out


def _headings(doc: Document, content: list[int], max_chars: int) -> dict[int, str]:
    """Heading lines among ``content`` (0-based line indices) -> their display title."""
    texts = {i: squeeze(doc.lines[i].text) for i in content}
    stems = series_stems(list(texts.values()))
    # A line as wide as the page's text column that runs on into a plain line is a
    # wrapped sentence, even when it starts with a number: 「（１） …令和６年度末までに関係会社株式評価差額」.
    lengths = sorted(len(t) for t in texts.values())
    full_width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    out: dict[int, str] = {}
    for n, i in enumerate(content):
        t = texts[i]
        title = tidy(doc.lines[i].text)
        nxt = texts[content[n + 1]] if n + 1 < len(content) else ""
        if any(t.startswith(s) and t[len(s):] and len(t) - len(s) <= 2 for s in stems):
            out[i] = "series:" + title
        elif t[:1] in MAJOR_BULLETS and nxt[:1] in MINOR_BULLETS:
            out[i] = "bullet:" + (title if len(title) <= max_chars else title[:max_chars] + "…")
        elif len(t) >= 0.85 * full_width and nxt and not LIST_START.match(nxt):
            continue
        elif len(t) <= max_chars and not t.endswith("。"):
            kind = heading_kind(t) if not t.startswith("#") else heading_kind(doc.lines[i].text.strip())
            if kind:
                out[i] = f"{kind}:" + title.lstrip("# ")
    return out


def _organization(meta: DocumentMeta, title: str) -> str | None:
    if not meta.organization:
        return None
    names = [o.strip() for o in meta.organization.split(",") if o.strip()]
    hits = [o for o in names if o in compact(title)]
    return hits[0] if len(hits) == 1 else meta.organization


def chunk_document(doc: Document, settings: Settings, meta: DocumentMeta | None = None) -> list[Chunk]:
    """Turn one decoded document into chunks (pure: no I/O)."""
    meta = meta or DocumentMeta()
    ing, ch = settings.ingest, settings.chunking
    furniture = find_furniture(doc.lines, ing.furniture_min_repeats, ing.furniture_max_chars,
                               ing.furniture_context_ratio)
    content = [i for i, line in enumerate(doc.lines) if line.text.strip() and i not in furniture]
    keys = [compact(doc.lines[i].text) for i in content]
    headings = _headings(doc, content, ing.heading_max_chars)
    parts = find_parts(keys)
    chunks: list[Chunk] = []
    for part_no, part in enumerate(parts):
        idx = content[part.start:part.end]
        units = keys[part.start:part.end]
        if len(parts) > 1 and part.title_line is not None:
            title = tidy(doc.lines[content[part.title_line]].text)
        else:
            title = meta.title or _fallback_title(doc, idx, headings)
        if is_comparison_table(units):
            # The part's own title line belongs to both columns.
            skip = 1 if part.title_line is not None else 0
            segments = [Segment(list(range(skip)), None, None, 0)] + [
                Segment([u + skip for u in s.units], s.version, s.group, s.anchor + skip)
                for s in segment_table(units[skip:], ing.table_min_run, ing.table_max_gap)
            ]
        else:
            segments = [Segment(list(range(len(units))), None, None, 0)]
        located = _locate(doc, idx, segments, headings, ch.max_chars)
        chunks.extend(make_chunks(
            located, source=doc.source, title=title, part=part_no,
            organization=_organization(meta, title), page_of=doc.page_of,
            target=ch.target_chars, overlap=ch.overlap_chars,
        ))
    return chunks


def _fallback_title(doc: Document, idx: list[int], headings: dict[int, str]) -> str:
    for i in idx[:5]:
        text = tidy(doc.lines[i].text).lstrip("# ")
        if i in headings or (len(text) <= 60 and not text.endswith("。")):
            return text
    return Path(doc.source).stem


def _locate(doc: Document, idx: list[int], segments: list[Segment], headings: dict[int, str],
            max_chars: int) -> list[Located]:
    """Attach section path and version to every sentence, segment by segment."""
    tracker = SectionTracker()
    anchors: dict[int, SectionTracker] = {}
    located: list[Located] = []
    for seg_no, seg in enumerate(segments):
        # A 現行 segment sits at its 変更案 counterpart's place in the outline.
        local = anchors.get(seg.anchor, tracker).copy() if seg.version == "現行" else tracker
        if seg.version != "現行":
            anchors[seg.anchor] = tracker.copy()
        lines = [idx[u] for u in seg.units]
        seg_headings = {i: headings[i] for i in lines if i in headings}
        for sentence in build_sentences(doc.lines, lines, seg_headings, max_chars):
            if sentence.is_heading:
                i = sentence.line_start - 1
                kind, _, title = seg_headings[i].partition(":")
                local.push(kind, title)
            located.append(Located(sentence, tuple(local.path()), seg.version, seg.group, seg_no))
    return located


def ingest_paths(paths: list[Path], settings: Settings, manifest: dict[str, DocumentMeta] | None = None,
                 on_skip=None) -> IngestResult:
    """Read, clean and chunk every supported file under ``paths``."""
    manifest = manifest if manifest is not None else load_manifest(
        settings.path(settings.corpus.manifest) if settings.corpus.manifest else None)
    result = IngestResult()
    max_bytes = int(settings.corpus.max_file_mb * 1_000_000)
    for path, source in iter_files(paths, {s.lower() for s in settings.corpus.extensions}):
        try:
            doc = read_document(path, source, max_bytes)
        except SkipFile as exc:
            result.skipped.append((str(path), str(exc)))
            message = f"skipped {path}: {exc}"
            (on_skip or log.warning)(message)
            continue
        meta = manifest.get(source) or manifest.get(path.name) or DocumentMeta()
        doc.title, doc.organization, doc.publisher, doc.kind = (
            meta.title, meta.organization, meta.publisher, meta.kind)
        result.documents.append(doc)
        result.chunks.extend(chunk_document(doc, settings, meta))
    return result
