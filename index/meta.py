"""Document and revision metadata: organization, kind, fiscal year, revision.

Taken from the corpus manifest when it says so, otherwise detected from the
part's title and its first lines. Users bring several revisions of the same
plan; the revision (a dated 改定/変更 line, or the latest 補正予算 a target
builds on) is what lets answers prefer the latest and say which one they used.
Pure functions over strings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# The document's own noun first: 「令和2年度 年度評価（第四期中期目標期間）」 is an evaluation.
_KIND_CUES = (("年度評価", "年度評価"), ("年度計画", "年度計画"), ("業務実績", "業務実績"),
              ("中長期目標", "中長期目標"),
              ("中期目標", "中期目標"), ("中期計画", "中期計画"), ("評価", "年度評価"), ("キーメッセージ", "政策資料"),
              ("政策", "政策資料"))
_ERA = r"(令和|平成)\s*([0-9]+|元)"
_FISCAL = re.compile(_ERA + r"\s*年度")
_DATED = re.compile(r"(最新改定|改定|一部変更|変更|改正)\s*" + _ERA + r"\s*年")
_SUPPLEMENTARY = re.compile(_ERA + r"\s*年度\s*補正")
_ABBREVIATION = re.compile(r"([^\s（(）)、。]{2,30}?)[（(]([A-Za-z][A-Za-z0-9&\-]{1,12})[）)]")


def era_year(era: str, number: str) -> int:
    """Western year of a Japanese era year: 令和6 -> 2024, 平成30 -> 2018."""
    n = 1 if number == "元" else int(number)
    return (2018 if era == "令和" else 1988) + n


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@dataclass(frozen=True)
class Revision:
    label: str  # as printed: 令和7年改定 / 令和5年度補正
    year: int  # western year, to order revisions


def detect_kind(title: str) -> str | None:
    t = _nfkc(title)
    for cue, kind in _KIND_CUES:
        if cue in t:
            return kind
    return None


def detect_fiscal_year(title: str) -> int | None:
    """The fiscal year a title is about: 「令和６年度計画」 -> 2024."""
    m = _FISCAL.search(_nfkc(title))
    return era_year(m.group(1), m.group(2)) if m else None


def detect_revision(head: str, body: str) -> Revision | None:
    """The revision of a (part of a) document: the latest of its dated 改定/変更 lines near
    the top (「最新改定 令和７年●月」) and the 補正予算 the text builds on (「令和5年度補正見込件数」),
    which dates an amendment."""
    dated = [(era_year(m.group(2), m.group(3)), f"{m.group(2)}{m.group(3)}年{m.group(1)}")
             for m in _DATED.finditer(_nfkc(head))]
    supplementary = [(era_year(m.group(1), m.group(2)), f"{m.group(1)}{m.group(2)}年度補正")
                     for m in _SUPPLEMENTARY.finditer(_nfkc(body))]
    best = max(dated + supplementary, default=None)
    return Revision(best[1], best[0]) if best else None


def organization_aliases(titles: list[str], organizations: list[str]) -> dict[str, str]:
    """Names by which questions refer to each organization -> its canonical name.

    From the titles: 「独立行政法人日本貿易振興機構（JETRO）」 makes 日本貿易振興機構 an alias of JETRO.
    """
    aliases = {o: o for o in organizations if o}
    for title in titles:
        for m in _ABBREVIATION.finditer(_nfkc(title)):
            name, abbr = m.group(1), m.group(2)
            if abbr not in aliases and organizations and abbr not in organizations:
                continue
            name = re.sub(r"^(独立行政法人|国立研究開発法人|一般社団法人|株式会社)", "", name)
            if len(name) >= 3:
                aliases.setdefault(name, abbr)
                aliases.setdefault(abbr, abbr)
    return aliases


# 「デジタルスキル標準（ＤＳＳ）」「ＡＩセーフティ・インスティテュート（以下「ＡＩＳＩ」という。）」 (NFKC): a name
# and the abbreviation of three or more capitals the text uses for it (two, 「IT」「DX」, would stand for too much);
# the name is the run of kanji, katakana and Latin letters before the bracket.
_DEFINED = re.compile(r"([一-龥々ァ-ヶーA-Za-z][一-龥々ァ-ヶー・A-Za-z0-9]{2,29})[（(](?:以下[「『])?"
                      r"([A-Z][A-Z0-9\-]{2,9})(?:[」』](?:という|と(?:略|称)する)?。?)?[）)]")
# What marks an abbreviation written in a text (RE2, for a vectorized scan of the chunk texts).
DEFINED_ABBREVIATION_HINT = r"[（(](以下[「『])?[A-ZＡ-Ｚ][A-ZＡ-Ｚ]"


def abbreviations(texts: list[str]) -> dict[str, str]:
    """Abbreviation -> the name it stands for, as ``texts`` define them (NFKC; the first definition of each)."""
    out: dict[str, str] = {}
    for text in texts:
        for m in _DEFINED.finditer(re.sub(r"\s*\n\s*", "", _nfkc(text))):  # a name wrapped over two lines
            name, abbr = m.group(1), m.group(2)
            if name != abbr and abbr not in name:
                out.setdefault(abbr, name)
    return out


_TITLE_WORD = re.compile(r"[「『]([^」』]{3,12})[」』]")  # a short word (「DX」) would name too much


def title_word_aliases(documents: list[tuple[str, str | None]]) -> dict[str, str]:
    """Words quoted in a document's title, as questions call the document (経済産業政策「新機軸」のキーメッセージ
    -> 新機軸) -> the organization it is of, for ``documents`` as (title, organization) of one organization each.
    A word that two organizations' titles quote names neither."""
    found: dict[str, set[str]] = {}
    for title, organization in documents:
        if organization and "," not in organization:
            for m in _TITLE_WORD.finditer(_nfkc(title)):
                found.setdefault(m.group(1), set()).add(organization)
    return {word: next(iter(orgs)) for word, orgs in found.items() if len(orgs) == 1}


def organizations_of(table) -> list[str]:
    """Distinct organizations named in a chunk table (a chunk may name several, comma-separated)."""
    return sorted({o.strip() for value in table.distinct("organization") for o in value.split(",") if o.strip()})
