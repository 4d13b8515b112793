"""The ingestion pipeline: file -> document -> parts -> segments -> sentences -> chunks.

``ingest_paths`` is the one entry point used by the index builder and by
``python -m index chunks``. Files that cannot be read are skipped with a reason.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import yaml

from .chunker import Located, make_chunks
from .columns import Segment, is_comparison_table, segment_table
from .config import ConfigError, Settings
from .documents import Chunk, Document, Line
from .furniture import find_furniture
from .headings import (
    CLOSERS,
    CONTINUES,
    LETTER,
    LIST_START,
    MAJOR_BULLETS,
    MINOR_BULLETS,
    Heading,
    SectionTracker,
    heading_kind,
    heading_name,
    is_appendix,
    is_column_header_row,
    is_period_cell,
    series_stems,
    table_caption,
)
from .meta import detect_fiscal_year, detect_kind, detect_revision
from .parts import find_parts
from .reader import SkipFile, iter_files, read_document
from .sentences import build_sentences, local_widths, reaches_edge, wraps
from .text import compact, normalize, squeeze, tidy

log = logging.getLogger(__name__)

REVISION_HEAD_LINES = 40  # a dated 改定/変更 line is looked for in a part's first lines
_FIGURE = re.compile(r"[0-9０-９]{2,}")
_COLUMN_NOTE_CHARS = 8  # 「（最終年度）」: a word or two in brackets
_RUNNING_TITLE = re.compile(r"^[-－].+[-－]$")  # 「-中期計画 P.3-」 at the top of each page
_NUMBERED_TITLE = re.compile(r"^[^、。：:]{1,12}[①-⑳][：:]")  # 「ＯＳ③：価値創造経営」「ミッション②：…」


@dataclass
class DocumentMeta:
    title: str | None = None
    publisher: str | None = None
    organization: str | None = None
    kind: str | None = None
    revision: str | None = None  # e.g. 「令和7年改定」; detected from the text when absent


@dataclass
class IngestResult:
    chunks: list[Chunk] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    skipped_sources: list[str] = field(default_factory=list)  # their names as in the index (relative)


_MANIFEST_KEYS = {"file", "title", "publisher", "organization", "kind", "revision", "note"}


def _read_manifest(path: Path | None) -> object:
    """The manifest's YAML ({} when there is none); :class:`ConfigError` when it cannot be read."""
    if path is None or not path.exists():
        return {}
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot be read as YAML ({exc.__class__.__name__})") from None


def load_manifest(path: Path | None) -> dict[str, DocumentMeta]:
    """Read ``manifest.yaml`` (titles etc. keyed by file name); missing file -> empty.

    A manifest of the wrong shape raises :class:`ConfigError` naming the entry (its ``organizations:`` too, so a
    build stops on it rather than the assistant — see :func:`load_organization_aliases`).
    """
    data = _read_manifest(path)
    if not data:
        return {}
    _organization_aliases(data, path)
    entries = data.get("documents", []) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: expected 'documents:' with a list of entries")
    out = {}
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str) or not entry["file"]:
            raise ConfigError(f"{path}: documents entry {n} needs a 'file' name")
        unknown = set(entry) - _MANIFEST_KEYS
        if unknown:
            raise ConfigError(f"{path}: documents entry {n} ({entry['file']}): unknown key '{sorted(unknown)[0]}'")
        values = [entry.get(k) for k in ("title", "publisher", "organization", "kind", "revision")]
        if any(v is not None and not isinstance(v, str) for v in values):
            raise ConfigError(f"{path}: documents entry {n} ({entry['file']}): values must be text")
        out[entry["file"]] = DocumentMeta(*values)
    return out


def load_organization_aliases(path: Path | None) -> dict[str, str]:
    """Other names questions call an organization by -> the organization, from the manifest's
    ``organizations:`` (organization -> list of names: ``JETRO: [ジェトロ]``), for names no document writes as
    「日本貿易振興機構（JETRO）」 (those are found in the titles). Missing file or key -> empty; a mapping of the
    wrong shape raises :class:`ConfigError`."""
    return _organization_aliases(_read_manifest(path), path)


def _organization_aliases(data: object, path: Path | None) -> dict[str, str]:
    given = data.get("organizations") if isinstance(data, dict) else None
    if given is None:
        return {}
    if not isinstance(given, dict):
        raise ConfigError(f"{path}: expected 'organizations:' to map each organization to a list of its other names")
    out: dict[str, str] = {}
    for organization, names in given.items():
        if not isinstance(organization, str) or not organization.strip():
            raise ConfigError(f"{path}: organizations: an organization must be named by text, not {organization!r}")
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ConfigError(f"{path}: organizations: {organization}: expected a list of names")
        for name in map(normalize, names):  # (as questions are read: NFKC — 「ｼﾞｪﾄﾛ」 is 「ジェトロ」)
            if len(name) < 2:
                raise ConfigError(f"{path}: organizations: {organization}: '{name}' is too short to name it")
            if out.setdefault(name, organization) != organization:
                raise ConfigError(f"{path}: organizations: '{name}' is given for both {out[name]} and {organization}")
    return out


def _is_title_shaped(text: str, max_chars: int) -> bool:
    """Short, wordy, no sentence end, not a list item or a row of figures."""
    return (8 <= len(text) <= max_chars and not text.endswith(("。", "、")) and not LIST_START.match(text)
            and len(LETTER.findall(text)) >= 4 and not _FIGURE.search(text))


def _headings(doc: Document, content: list[Line], max_chars: int) -> dict[int, Heading]:
    """Heading lines among ``content``, keyed by line number."""
    texts = {line.no: squeeze(line.text) for line in content}
    stems = series_stems(list(texts.values()))
    followers: dict[str, list[str]] = {}
    for n, line in enumerate(content):
        followers.setdefault(texts[line.no], []).append(texts[content[n + 1].no] if n + 1 < len(content) else "")
    # A line that wraps into a plain next line is a sentence, even when it starts with
    # a number: 「（１） …令和６年度末までに関係会社株式評価差額」.
    widths = local_widths(content)
    page_firsts = _page_first_lines(doc, content)
    out: dict[int, Heading] = {}
    prev = ""
    for n, line in enumerate(content):
        i = line.no
        t = texts[i]
        title = tidy(line.text)
        nxt = texts[content[n + 1].no] if n + 1 < len(content) else ""
        before = prev
        opens = not prev or prev.endswith(CLOSERS) or (n > 0 and content[n - 1].no in out)
        prev = t
        if n > 0 and _bare_appendix(out.get(content[n - 1].no)) and _is_table_title(t, max_chars) \
                and heading_kind(t) is None:
            # 「別紙１－１」 over 「予算（総表）」: the line under a bare appendix number is its title.
            out[i] = Heading("appendix_title", title)
        elif is_column_header_row(t):
            # 「平成30年度 令和元年度 令和2年度 …」 over a table: the rows below are read under it.
            out[i] = Heading("table_header", title)
        elif caption := table_caption(title):
            # 「○情報セキュリティ業務経理 （単位：百万円）」: the table below is that account's, not the one before.
            out[i] = Heading("caption", caption)
        elif any(t.startswith(s) and t[len(s):] and len(t) - len(s) <= 2 for s in stems):
            out[i] = Heading("series", title)
        elif t[:1] in MAJOR_BULLETS and nxt[:1] in MINOR_BULLETS:
            out[i] = Heading("bullet", title if len(title) <= max_chars else title[:max_chars] + "…")
        elif nxt and wraps(line.text, content[n + 1].text, widths[n], 0):
            continue
        elif len(t) <= max_chars and not t.endswith("。"):
            kind = heading_kind(t) if not t.startswith("#") else heading_kind(line.text.strip())
            if kind and kind.startswith("paren_title") and is_period_cell(before) and len(t) <= _COLUMN_NOTE_CHARS:
                # 「（最終年度）」 under 「令和 4 年度末」: a note on a column of the table header, not a title (a
                # title over the header row, 「（研究開発費の推移）」, comes before it).
                continue
            if kind:
                out[i] = Heading(kind, heading_name(title))
            elif _is_title_shaped(t, max_chars) and (
                    (i in page_firsts and not before.endswith(CONTINUES))
                    or (opens and _retitles(t, followers[t])
                        and (t.endswith(CLOSERS) or _RUNNING_TITLE.match(t) or not reaches_edge(t, widths[n])))):
                # The first line of a PDF page, or a title repeated over different slides
                # (「ミッション2:デジタル社会の実現(考え方)」), names the page — not a line cut at the edge of its
                # column that a 新旧対照表 prints twice, its next line from the other column (「…機会を増やし、海」).
                out[i] = Heading("series", title)
    # A title printed once, with another subtitle than a title repeated over slides (「ミッション③：経済安全保障の
    # 実現（これまでの施策、今後の施策）」 after slides titled 「…の実現（考え方）」), names its page too.
    titled = {_title_stem(squeeze(h.title)) for h in out.values() if h.kind == "series"} - {""}
    for n, line in enumerate(content):
        t = texts[line.no]
        if line.no not in out and _title_stem(t) in titled and _is_title_shaped(t, max_chars) \
                and (n == 0 or texts[content[n - 1].no].endswith(CLOSERS) or content[n - 1].no in out):
            out[line.no] = Heading("series", tidy(line.text))
    # A title repeated over its slides names each of them once it names one — also where the slide before ends in
    # a bullet without 。 (「…事業構造転換の」「一体的支援」 / 「OS②：スタートアップ・イノベーション（考え方）」),
    # unless that line runs on into it.
    # (A slide title closes with its subtitle in brackets — 「（考え方）」 — or opens with its numbered label —
    # 「ＯＳ③：」; not a page's running title 「-中期目標 P.6-」, nor a line of a 新旧対照表 that wraps into the next
    # as its other column's copy may have been read.)
    repeated = {texts[i] for i, h in out.items() if h.kind == "series"
                and (_title_stem(texts[i]) or _NUMBERED_TITLE.match(texts[i]))
                and _is_title_shaped(texts[i], max_chars) and not _RUNNING_TITLE.match(texts[i])}
    for n, line in enumerate(content):
        t = texts[line.no]
        if line.no not in out and t in repeated and (n == 0 or not texts[content[n - 1].no].endswith(CONTINUES)) \
                and not (n + 1 < len(content) and wraps(line.text, content[n + 1].text, widths[n], 0)):
            out[line.no] = Heading("series", tidy(line.text))
    return out


def _title_stem(title: str) -> str:
    """A title without the subtitle in brackets that closes it (「ミッション③：経済安全保障の実現（考え方）」 ->
    「ミッション③：経済安全保障の実現」); "" for a title without one."""
    m = re.fullmatch(r"(.{4,}?)[（(][^（）()]{1,20}[）)]", title)
    return m.group(1) if m else ""


def _bare_appendix(heading: Heading | None) -> bool:
    """An appendix heading that is a number alone (「別紙１－１」), its title on the next line."""
    return heading is not None and is_appendix(heading.kind) \
        and not re.search(r"[^0-9０-９一二三四五六七八九十－\-‐―]", squeeze(heading.title)[2:])


def _is_table_title(text: str, max_chars: int) -> bool:
    """A short title (「予算（総表）」「収支計画（試験勘定）」): no sentence end, no list marker, no figure."""
    return (2 <= len(text) <= min(max_chars, 30) and not text.endswith(("。", "、")) and not LIST_START.match(text)
            and len(LETTER.findall(text)) >= 2 and not _FIGURE.search(text))


def _retitles(line: str, followers: list[str]) -> bool:
    """A line printed again and again, each time before different text, titles pages — as does one printed
    three times or more before different texts at least two times in three (two slides of one title may
    open with the same subtitle: 「OS①：人材（考え方）」 over 「⚫ 問題意識…」 twice, then 「⚫ 中期的に…」), unless it
    is a passage a 新旧対照表 elides (「＜想定される外部要因＞（略）」) or a running page title (「-中期計画 P.3-」).

    (A 新旧対照表 prints passages twice too, but each time before the same or nearly
    the same text: 「３７６件以上」 in one column, 「３７０件以上」 in the other.)
    """
    if len(followers) < 2:
        return False
    differ = [SequenceMatcher(None, a, b).quick_ratio() < 0.6
              for n, a in enumerate(followers) for b in followers[n + 1:]]
    return all(differ) or (len(followers) >= 3 and sum(differ) * 3 >= len(differ) * 2
                           and not line.endswith("（略）") and not _RUNNING_TITLE.match(line))


def _page_first_lines(doc: Document, content: list[Line]) -> set[int]:
    """Numbers of the first content line of every PDF page (none for text files)."""
    if not doc.page_starts:
        return set()
    firsts: dict[int, int] = {}
    for line in content:
        firsts.setdefault(doc.page_of(line.start) or 0, line.no)
    return set(firsts.values())


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
    furniture = find_furniture(doc.lines, ing)
    # One kind of line reference from here on: the Line itself (and its number, line.no).
    content = [line for line in doc.lines if line.text.strip() and line.no not in furniture]
    blank = {line.no for line in doc.lines if not line.text.strip()}
    keys = [compact(line.text) for line in content]
    headings = _headings(doc, content, ing.heading_max_chars)
    parts = find_parts(keys)
    chunks: list[Chunk] = []
    for part_no, part in enumerate(parts):
        part_lines = content[part.start:part.end]
        units = keys[part.start:part.end]
        if len(parts) > 1 and part.title_line is not None:
            title = tidy(content[part.title_line].text)
        else:
            title = meta.title or _fallback_title(doc, part_lines, headings)
        if is_comparison_table(units):
            # The part's own title line belongs to both columns.
            skip = 1 if part.title_line is not None else 0
            segments = [Segment(list(range(skip)), None, None, 0)] + [
                Segment([u + skip for u in s.units], s.version, s.group, s.anchor + skip)
                for s in segment_table(units[skip:], ing.table_min_run, ing.table_max_gap)
            ]
        else:
            segments = [Segment(list(range(len(units))), None, None, 0)]
        located = _locate(part_lines, segments, headings, blank, ch.max_chars)
        part_chunks = make_chunks(
            located, source=doc.source, title=title, part=part_no,
            organization=_organization(meta, title), page_of=doc.page_of,
            target=ch.target_chars, overlap=ch.overlap_chars,
        )
        _describe(part_chunks, meta, title, [line.text for line in part_lines])
        chunks.extend(part_chunks)
    return chunks


def _describe(chunks: list[Chunk], meta: DocumentMeta, title: str, lines: list[str]) -> None:
    """Kind, fiscal year and revision of a part, from the manifest or its title and text."""
    kind = detect_kind(title) or (detect_kind(meta.kind) if meta.kind else None) or meta.kind
    revision = detect_revision(meta.revision, meta.revision) if meta.revision else None
    revision = revision or detect_revision("\n".join(lines[:REVISION_HEAD_LINES]), "\n".join(lines))
    year = detect_fiscal_year(title)
    for c in chunks:
        c.kind, c.fiscal_year = kind, year
        c.revision, c.revision_year = (revision.label, revision.year) if revision else (None, None)


def _fallback_title(doc: Document, lines: list[Line], headings: dict[int, Heading]) -> str:
    for line in lines[:5]:
        text = heading_name(tidy(line.text))
        if line.no in headings or (len(text) <= 60 and not text.endswith("。")):
            return text
    return Path(doc.source).stem


def _locate(part_lines: list[Line], segments: list[Segment], headings: dict[int, Heading], blank: set[int],
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
        lines = [part_lines[u] for u in seg.units]
        seg_headings = {line.no: headings[line.no] for line in lines if line.no in headings}
        for sentence in build_sentences(lines, set(seg_headings), blank, max_chars):
            if sentence.is_heading:
                local.push(seg_headings[sentence.line_start])
            located.append(Located(sentence, tuple(local.path()), seg.version, seg.group, seg_no))
    return located


def ingest_paths(paths: list[Path], settings: Settings, manifest: dict[str, DocumentMeta] | None = None,
                 on_skip=None) -> IngestResult:
    """Read, clean and chunk every supported file under ``paths``."""
    manifest = manifest if manifest is not None else settings_manifest(settings)
    result = IngestResult()
    for path, source, problem in iter_files(paths, {s.lower() for s in settings.corpus.extensions}):
        one = ingest_file(path, source, problem, settings, manifest, on_skip)
        result.chunks.extend(one.chunks)
        result.documents.extend(one.documents)
        result.skipped.extend(one.skipped)
        result.skipped_sources.extend(one.skipped_sources)
    return result


def settings_manifest(settings: Settings) -> dict[str, DocumentMeta]:
    """The configured ``manifest.yaml`` (empty when none)."""
    return load_manifest(_manifest_path(settings))


def settings_organization_aliases(settings: Settings) -> dict[str, str]:
    """The other names of organizations the configured manifest gives (empty when none)."""
    return load_organization_aliases(_manifest_path(settings))


def _manifest_path(settings: Settings) -> Path | None:
    return settings.path(settings.corpus.manifest) if settings.corpus.manifest else None


def ingest_file(path: Path, source: str, problem: str | None, settings: Settings,
                manifest: dict[str, DocumentMeta], on_skip=None) -> IngestResult:
    """Read, clean and chunk one file (files are independent: a distributed build ingests them apart)."""
    result = IngestResult()
    try:
        if problem:
            raise SkipFile(problem)
        doc = read_document(path, source, int(settings.corpus.max_file_mb * 1_000_000),
                            settings.corpus.max_bad_byte_share)
    except SkipFile as exc:
        result.skipped.append((str(path), str(exc)))
        result.skipped_sources.append(source)
        (on_skip or log.warning)(skip_message(str(path), str(exc)))
        return result
    if doc.replaced_bytes:
        log.warning("%s: %d undecodable bytes read as U+FFFD (%s)", one_line(str(path)), doc.replaced_bytes,
                    doc.encoding)
    meta = manifest.get(source) or manifest.get(path.name) or DocumentMeta()
    doc.title, doc.organization, doc.publisher, doc.kind = meta.title, meta.organization, meta.publisher, meta.kind
    result.documents.append(doc)
    result.chunks.extend(chunk_document(doc, settings, meta))
    return result


def skip_message(path: str, reason: str) -> str:
    """The one line that names a skipped file and why."""
    return f"skipped {one_line(path)}: {one_line(reason)}"


def one_line(text: str) -> str:
    """A file name as one printable line (a name may hold a newline)."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
