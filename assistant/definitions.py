"""What a term means: the term a definition question asks about, and the sentences that define it.

「JETROの中期目標でいう「プッシュ型支援」ってどういう支援のこと？」 asks what 「プッシュ型支援」 is; its
focus word (支援) is only the kind of thing it is. A document defines a term in a few set ways:

* 「Xとは、…をいう」 — the term, then what it is;
* 「…の更なる国内展開（二次投資）」「…を行う事業者（以下「ディープテック」という。）」 — what it is, then the
  term in brackets;
* 「…ハード・ソフト・ルールの社会インフラであるデジタルライフライン」 — what it is, then 「である」 and the term;
* 「➢ デジタルライフライン：デジタルを活用した…」 — the term as a label, then what it is;
* 「「ディープテック」は、主として以下のような技術を指す用語」 — the term, then what it names (a note's way);
* 「化石由来資源を大幅に低減するバイオものづくり（微生物や植物等の細胞による物質の生産）は、…」 — the term, then
  what it is in brackets;
* 「日本企業の「価値創造経営」、すなわち高い資本効率・収益性…を向上させる経営」 — the term, 「すなわち」, what it is;
* 「新興国企業との新事業創出を通じた日本企業文化変革を狙う「アジアDXプロジェクト」」 — a clause that ends in a
  verb and modifies the quoted term directly.

A sentence that defines the asked term beats a closer-scoring one that only mentions it. Pure string functions,
compared in the compact form (NFKC, no spaces: 「ＩＴＳＳ＋」 is 「ITSS+」).
"""

from __future__ import annotations

import re

from index.text import compact, either_width

# 「「プッシュ型支援」ってどういう…」「DADCとはどういう組織」「「デジタルライフライン」の定義は」: the term asked.
_QUOTED = re.compile(r"[「『]([^」』]{2,40})[」』]")
_ASKED_AFTER = re.compile(r"\s*(?:とは|って|の(?:定義|意味))")
_READING = re.compile(r"[（(][ぁ-んァ-ヶー]+[）)]$")  # 「叶会（かなえかい）」: the term without its reading
_BULLET = r"^[\s➢⚫○●・■□◆◇▶►\-－]*"


def defined_term(question: str, candidates: tuple[str, ...] = ()) -> str:
    """The term a definition question asks the meaning of: the quoted term asked about (「「X」とは」「「X」って」
    「「X」の定義」), else the first of ``candidates`` (the question's content phrases) written right before
    「とは」「って」「の定義」; "" when there is none."""
    for m in _QUOTED.finditer(question):
        if _ASKED_AFTER.match(question, m.end()):
            return _READING.sub("", m.group(1)).strip()
    quoted = [m.group(1) for m in _QUOTED.finditer(question)]
    if len(quoted) == 1:
        return _READING.sub("", quoted[0]).strip()
    for phrase in candidates:
        at = question.find(phrase)
        if phrase and at >= 0 and _ASKED_AFTER.match(question, at + len(phrase)):
            return phrase
    return ""


def _patterns(term: str) -> list[re.Pattern[str]]:
    t = re.escape(compact(term))
    return [
        re.compile(rf"{t}」?とは"),  # 「Xとは、…」
        re.compile(rf"[（(](?:以下[「『]?)?{t}[」』]?(?:という|と(?:いう|呼ぶ|称する))?[。．]?[）)]"),  # 「…（X）」
        re.compile(rf"(?:である|であり、?|という|と呼ばれる)[「『]?{t}"),  # 「…であるX」
        re.compile(rf"{_BULLET}[「『]?{t}[」』]?[：:]"),  # 「➢ X：…」
        re.compile(rf"[「『]{t}[」』]は、?[^。]{{0,40}}(?:を指す|をいう|を意味する)"),  # 「「X」は、…を指す用語」
        re.compile(rf"{t}[」』]?、?(?:すなわち|つまり)"),  # 「「X」、すなわち…」
        re.compile(rf"{_MODIFIES}[「『]{t}[」』]"),  # 「…を狙う「X」」
        re.compile(rf"{t}[」』]?{_GLOSS}"),  # 「X（…による物質の生産）は」
    ]


# What a term is, in brackets right after it (「バイオものづくり（微生物や植物等の細胞による物質の生産）」): a phrase of
# eight characters or more, with kanji and particles in it — not an abbreviation (「（DADC）」), a reading, a figure, a
# date, an example or a page (「（P70参照）」).
_GLOSS = (r"[（(](?=[^（）()]{8,}[）)])(?=[^（）()]*[一-龥])(?![^（）()]*[0-9０-９]|例|注|略|以下|参照)"
          r"([^（）()]*[ぁ-ん][^（）()]*)[）)]")


# A verb's plain form (or 「…ための」「…ような」) right before a quoted term: the clause describes the term.
_MODIFIES = r"(?:[るうくすつぬぶむぐた]|ための|ような)"
# Where a describing clause begins: after the sentence's topic or subject (「日本貿易振興機構は、」).
_TOPIC_END = re.compile(r"(?:は|が|では|には|でも)[、，]")


def defines(text: str, term: str) -> bool:
    """Does ``text`` define ``term`` in one of the set ways a document does (see the module docstring)?"""
    if not term:
        return False
    body = compact(text)
    return any(p.search(body) for p in _patterns(term))


def definition_clause(text: str, term: str) -> str | None:
    """The part of ``text`` that says what ``term`` is, verbatim: after 「Xとは」 or 「X：」, or the clause before
    「（X）」 or 「であるX」; None when ``text`` does not define ``term`` that way."""
    if not term:
        return None
    loose = r"\s*".join(either_width(ch) for ch in compact(term))  # as written in the text, spaces and all
    after = re.search(rf"{loose}\s*」?\s*(?:とは|[：:]|[、，]?\s*(?:すなわち|つまり))[、，\s]*", text)
    if after and after.end() < len(text):
        return text[after.end():].strip()
    before = re.search(rf"(?:[（(](?:以下[「『]?)?{loose}|(?:である|であり)[「『]?{loose})", text)
    if before:
        start = max(text.rfind(sep, 0, before.start()) for sep in "、。：:") + 1
        clause = text[start:before.start()].strip()
        if clause.count("「") + clause.count("『") > clause.count("」") + clause.count("』"):
            # 「…組織として「デジタルアーキテクチャ・デザインセンター（DADC）」を発足」: the bracket abbreviates a
            # name; what the term is is said around the name, not in one clause before it.
            return None
        return clause or None
    gloss = re.search(rf"{loose}\s*[」』]?\s*{_GLOSS}", text)
    if gloss:
        return gloss.group(1).strip()
    modified = re.search(rf"{_MODIFIES}\s*[「『]{loose}\s*[」』]", text)
    if modified:
        # 「日本貿易振興機構は、新興国企業との…変革を狙う「アジアDXプロジェクト」」: from after the topic (or the
        # sentence's start) through the term — the clause may run over commas
        # (「…を掘り起こし又は磨き上げ、…に繋げる」).
        head = text[:modified.start() + 1]
        topics = list(_TOPIC_END.finditer(head))
        start = max(topics[-1].end() if topics else 0, head.rfind("。") + 1)
        return text[start:modified.end()].strip() or None
    return None
