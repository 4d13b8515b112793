"""Follow-up questions: resolve 「それは現行では？」「IPAは？」 against the conversation.

Pure functions over :class:`~assistant.question.QuestionAnalysis`. A follow-up
is a question that leans on the previous turn: it opens with a pronoun or a
connective (それは・その・では…), or it names no thing of its own (「IPAは？」
「現行では？」「理由は？」). It is rewritten into a self-contained question that
carries the previous turn's focus and every constraint (organization, document
kind, fiscal year, revision, 変更案/現行) the new question does not set itself.
The rewritten text is what is searched, and the user is shown it. With an LLM
the chain condenses instead and falls back to this when the LLM fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .question import GENERIC, Constraints, QuestionAnalysis, normalize_question

# Openers that point back at the previous turn (stripped before rewriting).
_OPENER = re.compile(r"^(?:(?:それでは|それじゃあ|では|じゃあ|じゃ|なら|ちなみに|一方|あと)[、,\s]*"
                     r"|(?:それ|これ|あれ|そちら|こちら|その|この|あの|上記の?|同じ)(?:ら)?"
                     r"(?:は|も|の|って|で|に|を|が)?[、,\s]*)")
# The question minus a closing 「は？」「では？」「の場合は？」「はどうですか？」.
_BARE = re.compile(r"^(?P<head>.{1,24}?)(?:の場合|について|に関して)?(?:では|には|だと|なら|は|も)?"
                   r"(?:どう(?:ですか|なっていますか|なりますか)?)?[？?]?$")
_DETAIL = re.compile(r"^(具体的に|詳しく|詳細|もっと|くわしく)")
_QUESTION_WORD = re.compile(r"^(いつ|何|なに|どこ|どの|どれ|いくつ|いくら|誰|だれ|どう|なぜ)")
# 「変更前は？」 asks for the 現行 column of a 新旧対照表, 「変更後は？」 for the 変更案.
_VERSION_WORDS = {"変更前": "現行", "改正前": "現行", "変更後": "変更案", "改正後": "変更案"}


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of the conversation."""

    question: str
    answer: str = ""


@dataclass(frozen=True)
class Resolved:
    """The question as searched (self-contained; equal to ``original`` when nothing was carried)."""

    question: str
    original: str

    @property
    def rewritten(self) -> bool:
        return self.question != self.original


def has_own_focus(analysis: QuestionAnalysis) -> bool:
    """Does the question name the thing it asks about (not 目標・理由・それ)?"""
    focus = analysis.focus
    return bool(focus) and focus not in GENERIC and not re.match(r"^(それ|これ|あれ|その|この)", focus)


def _names_constraints(c: Constraints) -> bool:
    return bool(c.organizations or c.doc_kinds or c.fiscal_years or c.revision or c.version)


def is_follow_up(question: str, analysis: QuestionAnalysis) -> bool:
    """Does the question lean on the previous turn?"""
    q = normalize_question(question)
    if _OPENER.match(q) or any(w in q for w in _VERSION_WORDS):
        return True
    if not has_own_focus(analysis):
        return True
    # 「IPAは？」「現行では？」: short, and the only content is a constraint.
    return len(q) <= 12 and bool(_BARE.match(q)) and _names_constraints(analysis.constraints)


def era_label(year: int) -> str:
    """2024 -> 令和6年度, 2019 -> 令和元年度, 2018 -> 平成30年度."""
    if year >= 2019:
        n = year - 2018
        return f"令和{'元' if n == 1 else n}年度"
    return f"平成{year - 1988}年度"


def constraint_words(c: Constraints) -> list[str]:
    """Constraints written back as the words a question would use."""
    return [*c.organizations, *(era_label(y) for y in c.fiscal_years), *c.doc_kinds,
            *([c.revision] if c.revision else []), *([c.version] if c.version else [])]


def merge(now: Constraints, before: Constraints) -> Constraints:
    """Each constraint the new question sets wins; the rest is carried over."""
    return Constraints(
        organizations=now.organizations or before.organizations,
        doc_kinds=now.doc_kinds or before.doc_kinds,
        fiscal_years=now.fiscal_years or before.fiscal_years,
        revision=now.revision or before.revision,
        revision_year=now.revision_year if now.revision else before.revision_year,
        version=now.version or before.version,
    )


def _strip_opener(question: str) -> str:
    q = normalize_question(question)
    while (stripped := _OPENER.sub("", q, count=1)) not in (q, ""):
        q = stripped
    for word, version in _VERSION_WORDS.items():
        q = q.replace(word, version)
    return q


def _swap(text: str, before: Constraints, now: Constraints, names: dict[str, str]) -> str:
    """``text`` (the previous question) with the constraints the new question sets swapped in."""
    out = text
    if now.organizations:
        new = "・".join(now.organizations)
        old = sorted((a for a, canonical in names.items() if canonical in before.organizations), key=len, reverse=True)
        for alias in old:
            out = re.sub(re.escape(alias), "\0", out, flags=re.I)
        out = re.sub("\0+", new, out, count=1).replace("\0", "") if "\0" in out else out
    if now.version:
        other = "現行" if now.version == "変更案" else "変更案"
        out = out.replace(other, now.version)
    if now.fiscal_years:
        out = re.sub(r"(令和|平成)\s*([0-9]+|元)\s*年度|20[0-9]{2}\s*年度", era_label(now.fiscal_years[0]), out,
                     count=1)
    return out


def resolve(question: str, analysis: QuestionAnalysis, previous: QuestionAnalysis | None,
            names: dict[str, str] | None = None) -> Resolved:
    """Rewrite a follow-up into a self-contained question (unchanged otherwise).

    ``previous`` is the analysis of the previous turn *as resolved*, so a chain of
    follow-ups keeps its subject; ``names`` maps organization aliases to canonical
    names (as for :func:`~assistant.question.analyze`).
    """
    if previous is None or not is_follow_up(question, analysis):
        return Resolved(question, question)
    names = names or {}
    rest = _strip_opener(question)
    now, before = analysis.constraints, previous.constraints
    if not now.version and (version := next((v for w, v in _VERSION_WORDS.items() if w in question), None)):
        now = replace(now, version=version)
    bare = _BARE.match(rest)
    if bare and _names_constraints(now) and (not has_own_focus(analysis) or len(bare.group("head")) <= 12):
        # 「IPAは？」「現行では？」「令和2年度は？」: the previous question under the new constraint.
        body = _swap(normalize_question(previous.question), before, now, names)
    elif has_own_focus(analysis):
        # 「では応募者数は？」: another attribute of the same subject (and programme).
        body = "".join(f"{w}の" for w in previous.qualifiers if w not in rest) + rest
    elif _DETAIL.match(rest):
        # 「具体的には？」: the previous question again, asking for detail.
        body = "具体的に、" + normalize_question(previous.question)
    else:
        # 「理由は？」「それはいつまでに？」: the new question about the previous focus.
        subject = previous.focus
        joint = "は" if _QUESTION_WORD.match(rest) else "の"
        body = f"{subject}{joint}{rest}" if subject and subject not in rest else rest
    missing = [w for w in constraint_words(merge(now, before)) if w.lower() not in body.lower()]
    return Resolved("".join(f"{w}の" for w in missing) + body, question)


def resolve_history(questions: list[str], analyze, names: dict[str, str] | None = None) -> list[Resolved]:
    """Resolve every question of a conversation in order (``analyze``: text -> QuestionAnalysis)."""
    out: list[Resolved] = []
    previous: QuestionAnalysis | None = None
    for q in questions:
        now = analyze(q)
        r = resolve(q, now, previous, names)
        previous = analyze(r.question) if r.rewritten else now
        out.append(r)
    return out

