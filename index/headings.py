"""Recognize headings and keep track of the section path.

Japanese government documents number their sections with a small set of
markers (Ⅰ．/１．/（１）/①/ア．/【…】 …). Their nesting is not declared, so it
is inferred the way a reader does: a marker kind seen before closes everything
opened after it; a new kind opens a deeper level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("roman", re.compile(r"^[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[．.、]")),
    ("digit", re.compile(r"^[0-9０-９]{1,2}[．.](?![0-9０-９])")),
    ("paren_digit", re.compile(r"^[（(][0-9０-９]{1,2}[）)]")),
    ("circled", re.compile(r"^[①-⑳]")),
    ("kana", re.compile(r"^[ア-ン][．.]")),
    ("paren_kana", re.compile(r"^[（(][ア-ン][）)]")),
    ("alpha", re.compile(r"^[A-ZＡ-Ｚ][）)．.]")),
    # an appendix (「別紙１－１」「別紙２ 収支計画」「別表第一」): it stands outside the numbered sections
    ("appendix", re.compile(r"^別(?:紙|表|添)(?:第?[0-9０-９一二三四五六七八九十]{1,3}(?:[－\-‐―][0-9０-９]{1,3})*)?"
                            r"[^、。をにはがで]{0,16}$")),
    ("bracket", re.compile(r"^【[^】]{1,40}】$")),
    ("angle", re.compile(r"^[＜<〈《][^＞>〉》]{1,40}[＞>〉》]$")),
    ("square", re.compile(r"^[［\[][^］\]]{1,40}[］\]]$")),
    # a title in parentheses, not a note stating a figure (「（現在8.8％）」「（計 4 回）」)
    ("paren_title", re.compile(r"^（(?![^（）]*[0-9０-９][\s.．]*[％%回件人名社円倍])[^（）]{2,30}）$")),
]
_MARKDOWN = re.compile(r"^(#{1,6})\s+(\S.*)$")
# Bullets that head a block when followed by sub-bullets (slides).
MAJOR_BULLETS = "⚫●■◆◼"
# (U+F0xx: Wingdings/Symbol bullets that PDF extraction leaves in the private use area.)
MINOR_BULLETS = "➢・○〇◦•▪‐-▶▷※\uf070\uf06c\uf0d8\uf0a7\uf0fc"
LIST_START = re.compile(
    r"^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[．.、]|[0-9０-９]{1,2}[．.)）](?![0-9０-９])|[（(][0-9０-９ア-ンａ-ｚa-z]{1,2}[）)]"
    r"|[①-⑳]|[ア-ン][．.]|[A-ZＡ-Ｚ][）)]"
    r"|[a-zａ-ｚ][．.]\s*(?![a-zA-Zａ-ｚＡ-Ｚ][.．])(?=[^\s.．])"  # 「a. …」「a.AIを」, not 「e.g.」「a.m.」
    r"|[" + MAJOR_BULLETS + MINOR_BULLETS + r"]|#{1,6}\s"
    # 「- 安心感が強い。」: a hyphen opening a line is a bullet (the class above reads 「‐-▶」 as a range, not
    # 「-」; 「- 2 事業者に対し…」 too) — not a page's running title set between hyphens (「-中期目標 P.7-」), nor a
    # table row's empty cells (「- - 1,051」).
    r"|-(?!\s*[-－]|.*-\s*$))"
)
_SERIES = re.compile(r"^(.{2,40}?)([①-⑳]|(?<![0-9０-９,，.．])[0-9０-９]{1,2})$")
LETTER = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ\u3040-\u30ff\u4e00-\u9fff]")  # a letter of a word (not a digit or mark)


# Endings that show a line runs on into the next one (a comma or a particle).
CONTINUES = tuple("、，,をにてはがとやの")
# Endings that close a sentence or a bracketed unit.
CLOSERS = tuple("。．！？!?」』）)】＞>］]")


OPEN_BRACKETS = "「『（(［[【〔“"
CLOSE_BRACKETS = "」』）)］]】〕”"


def closes_unopened(text: str) -> bool:
    """Does ``text``, past its list marker, close a bracket it never opened? Then it is the rest of the line before,
    whose bracket it closes (「指標１－５：…業務の遂行（上記」 / 「１．（２）関連）（アウトカム指標）」) — neither a
    heading nor an item of its own."""
    marker = LIST_START.match(text)
    depth = 0
    for ch in text[marker.end() if marker else 0:]:
        if ch in OPEN_BRACKETS:
            depth += 1
        elif ch in CLOSE_BRACKETS:
            depth -= 1
            if depth < 0:
                return True
    return False


def heading_name(text: str) -> str:
    """A heading line as its section is named: without a Markdown heading's marks (「## 業務運営」 -> 「業務運営」)."""
    return text.lstrip("# ")


@lru_cache(maxsize=1 << 16)
def heading_kind(text: str) -> str | None:
    """Marker kind of a heading line (whitespace-free text), or ``None``.

    Full-width and half-width forms of a marker are different kinds: documents
    use （１） and (1) at different levels. A line ending in 、 or a particle is
    a wrapped sentence, not a heading.
    """
    m = _MARKDOWN.match(text)
    if m:
        return f"md{len(m.group(1))}"
    if text.endswith(CONTINUES) or closes_unopened(text):
        return None
    for kind, pattern in _PATTERNS:
        if pattern.match(text):
            return kind + ("" if text[:1].isascii() else "_w")
    return None


# Tables: a row of column headers, a header cell, a caption.
_PERIOD = re.compile(r"(?:令和|平成)(?:[0-9０-９]{1,2}|元)年度?末?|(?:19|20|１９|２０)[0-9０-９]{2}年度?末?")


def is_column_header_row(text: str) -> bool:
    """A row of column headers made of periods (「平成30年度令和元年度令和2年度…」, whitespace-free)."""
    periods = _PERIOD.findall(text)
    rest = _PERIOD.sub("", text)
    rest = re.sub(r"[（(][^）)]{0,8}[）)]", "", rest)
    return len(periods) >= 3 and len(rest) <= 6 and "。" not in text


_CAPTION = re.compile(r"(.*?\S)\s*[（(]単位[：:][^（）()]{1,12}[）)]")  # a line that ends in a unit note
_CAPTION_MAX_CHARS = 40  # a caption names a table; a longer line is a sentence that happens to give a unit


def table_caption(text: str) -> str | None:
    """The title of a table's caption line, which names the table and its unit (「○法人全体 （単位：百万円）」 ->
    「法人全体」), or ``None``. A unit note alone (「（単位:百万円）」) names no table; a numbered heading with a unit
    (「１．予算 （単位：百万円）」) is a heading of its kind, nesting as those do; a sentence (「交付額は次のとおり
    である（単位：百万円）」) or a row of figures (「予算額 3,456（単位：百万円）」) is no caption."""
    m = _CAPTION.fullmatch(text.strip())
    if not m:
        return None
    title = m.group(1).lstrip(MAJOR_BULLETS + MINOR_BULLETS + " 　")
    bare = re.sub(r"\s", "", title)
    if len(LETTER.findall(title)) < 2 or len(bare) > _CAPTION_MAX_CHARS or heading_kind(bare) \
            or re.search(r"[。、ぁ-ん0-9０-９]$", bare):
        return None
    return title


def is_period_cell(text: str) -> bool:
    """A table header cell naming one or more periods and nothing else (「令和4年度末」, whitespace-free)."""
    return bool(text) and not _PERIOD.sub("", text)


def series_stems(texts: list[str]) -> set[str]:
    """Stems of numbered title series (「新機軸」のキーメッセージ①, ②, …) in a file."""
    numbers: dict[str, set[str]] = {}
    for t in texts:
        m = _SERIES.match(t)
        # A title series has a wordy stem (not a date or a figure) and no sentence end.
        if m and not t.endswith("。") and len(LETTER.findall(m.group(1))) >= 4 \
                and m.group(1)[-1] not in "年月日号条項（(" and "、" not in m.group(1):
            numbers.setdefault(m.group(1), set()).add(m.group(2))
    return {stem for stem, nums in numbers.items() if len(nums) >= 2}


def is_appendix(kind: str) -> bool:
    """An appendix's own heading (「別紙１－１」), not the title line under it (``appendix_title``)."""
    return kind.startswith("appendix") and kind != "appendix_title"


@dataclass(frozen=True)
class Heading:
    """A heading line: its marker kind (``roman_w``, ``md2``, ``series``, ``bullet`` …) and title."""

    kind: str
    title: str


@dataclass
class SectionTracker:
    """The open headings, outermost first."""

    stack: list[tuple[str, str]] = field(default_factory=list)
    max_depth: int = 6

    def push(self, heading: Heading) -> None:
        kind, title = heading.kind, heading.title
        if kind == "series" or is_appendix(kind):
            self.stack = []
        elif kind.startswith("md"):
            level = int(kind[2:])
            for i, (k, _) in enumerate(self.stack):
                if k.startswith("md") and int(k[2:]) >= level:
                    del self.stack[i:]
                    break
        else:
            for i, (k, _) in enumerate(self.stack):
                if k == kind:
                    del self.stack[i:]
                    break
        self.stack.append((kind, title))
        del self.stack[: max(0, len(self.stack) - self.max_depth)]

    def path(self) -> list[str]:
        return [title for _, title in self.stack]

    def copy(self) -> SectionTracker:
        return SectionTracker(list(self.stack), self.max_depth)
