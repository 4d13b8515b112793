"""Questions of several parts, each about its own document.

「デジタルスキル標準はいつ策定され、令和6年度にIPAはどう見直す？」 asks two things that two
documents answer: when the standard was made (a policy paper) and what IPA plans for FY2024 (its
annual plan). Searched as one question, the second part's words pull both answers toward one
document. Such a question is split into parts that are searched and answered on their own; the
answer states each part in turn.

A question is split only when its second part names a document constraint (organization, fiscal
year, document kind, version) the first does not — 「何本で、再生回数は？」 or 「いつ、どこで」 ask
several things of one passage and stay whole. Pure string functions; ``analyze`` is passed in.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .question import QUESTION_WORD, QuestionAnalysis, normalize_question

_WH = f"(?:{QUESTION_WORD.pattern})"
# 「Xはいつ策定され、Yはどう見直す？」: two questions joined at a comma, each with its question word.
_CLAUSES = re.compile(rf"^(?P<a>[^、]*{_WH}[^、]*?)、(?P<b>[^、]*{_WH}.*)$")
# 「Xとして挙げられている機関と、Yで加わった業務は？」: two asked things joined by 「と、」.
_NOUNS = re.compile(r"^(?P<a>[^、]{4,})と、(?P<b>[^、]{4,}(?:は|を教えて)[？?]?)$")
_PRONOUN = re.compile(r"それ|これ")


def _constraint_set(analysis: QuestionAnalysis) -> set[str]:
    c = analysis.constraints
    return {*c.organizations, *map(str, c.fiscal_years), *c.doc_kinds, *([c.version] if c.version else [])}


def question_parts(question: str, analyze: Callable[[str], QuestionAnalysis]) -> list[str]:
    """The parts of a two-part question, each self-contained; [] for a question of one part.

    The second part borrows the first part's subject when it refers to it (「それをどう発展させる」)
    or names none (「令和6年度にIPAはどう見直す」 -> 「デジタルスキル標準について、…」).
    """
    q = normalize_question(question)
    if m := _CLAUSES.match(q):
        first, second = m["a"] + "？", m["b"]
    elif m := _NOUNS.match(q):
        first, second = m["a"] + "は？", m["b"]
    else:
        return []
    a, b = analyze(first), analyze(second)
    if not _constraint_set(b) - _constraint_set(a):
        return []
    subject = "の".join(a.topic)
    if subject and subject not in second:
        if _PRONOUN.search(second):
            second = _PRONOUN.sub(subject, second, count=1)
        elif not b.focus:
            second = f"{subject}について、{second}"
    return [first, second]
