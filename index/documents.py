"""The plain records that flow through ingestion and search."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line of a source file (1-based ``no``; offsets into the decoded text)."""

    no: int
    start: int
    end: int
    text: str


@dataclass
class Document:
    """A decoded source file, kept exactly as read for display and citation."""

    path: str
    source: str  # file name relative to its corpus folder, used in citations
    text: str
    encoding: str
    lines: list[Line]
    page_starts: list[int] = field(default_factory=list)  # char offset of each PDF page
    replaced_bytes: int = 0  # undecodable bytes read as U+FFFD
    title: str | None = None
    organization: str | None = None
    publisher: str | None = None
    kind: str | None = None

    def page_of(self, offset: int) -> int | None:
        """1-based PDF page holding ``offset``; ``None`` for non-PDF files."""
        if not self.page_starts:
            return None
        page = 0
        for i, start in enumerate(self.page_starts):
            if start <= offset:
                page = i
        return page + 1


@dataclass(frozen=True)
class Sentence:
    """A sentence (or heading / list item) assembled from one or more lines."""

    text: str  # original characters, line breaks removed
    line_start: int
    line_end: int
    char_start: int
    char_end: int
    is_heading: bool = False
    starts_line: bool = True


@dataclass(frozen=True)
class SentenceSpan:
    """Where a sentence sits inside a chunk's text, and in the file."""

    start: int
    end: int
    line_start: int
    line_end: int


@dataclass
class Chunk:
    """A retrievable passage with everything needed to cite it."""

    chunk_id: str
    source: str
    title: str
    part: int
    section: list[str]
    version: str | None  # "変更案" / "現行" in 新旧対照表, else None
    counterpart: str | None  # chunk_id of the other version, when it differs
    line_start: int
    line_end: int
    char_start: int
    char_end: int
    page: int | None
    text: str
    sentences: list[SentenceSpan]
    organization: str | None = None
    group: str | None = None  # links the two versions of one changed passage
    kind: str | None = None  # 中期目標 / 年度計画 / 年度評価 / 政策資料 …
    fiscal_year: int | None = None  # the fiscal year the document is about (western)
    revision: str | None = None  # 「令和7年改定」「令和5年度補正」: which revision of the document
    revision_year: int | None = None  # western year of the revision, to find the latest

    @property
    def section_path(self) -> str:
        return " › ".join(self.section)

    def context(self, depth: int | None = None) -> str:
        """Heading context prepended for embedding and BM25, never quoted.

        ``depth`` keeps only the innermost section headings (the embedder does
        better with a short context; BM25 gains from the whole path).
        """
        section = self.section if depth is None else self.section[len(self.section) - depth:] if depth else []
        parts = [self.title, *section]
        if self.version:
            parts.append(self.version)
        return " › ".join(p for p in parts if p)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Chunk:
        data = dict(data)
        data["sentences"] = [SentenceSpan(**s) for s in data.get("sentences", [])]
        return cls(**data)
