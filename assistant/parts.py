"""Questions of several parts, each about its own document.

「デジタルスキル標準はいつ策定され、令和6年度にIPAはどう見直す？」 asks two things that two
documents answer: when the standard was made (a policy paper) and what IPA plans for FY2024 (its
annual plan). Searched as one question, the second part's words pull both answers toward one
document. Such a question is split into parts that are searched and answered on their own; the
answer states each part in turn.

Questions asked one after the other, each with its own question mark (or a request closed by 。:
「…も知りたい。」), are always parts. Within one sentence, a question is split only when its second part
names a document constraint (organization, fiscal year, document kind, version) the first does not, or
when two things joined by 「と、」 each ask a figure (「…発掘した人数と、採択後に起業した件数は？」, often stated in
two sentences) or each a name, or when two things that are not documents are each asked of (「市場規模と国内投資で
それぞれいくら」) — 「何本で、再生回数は？」 or 「いつ、どこで」 ask several things of one passage and stay whole.
Two clauses that ask two kinds of answer of two things (「…の受講者は何名で、…演習は何と呼ばれていますか」) are
asked whole first, and as parts (:func:`clause_parts`) only when that found nothing.
Pure string functions; ``analyze`` is passed in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from .dialogue import has_own_focus, is_attribute
from .question import AND_COMMA, KINDS, NOUN_CHARS, QUESTION_WORD, QuestionAnalysis, normalize_question

_WH = f"(?:{QUESTION_WORD.pattern})"
# 「Xはいつ策定され、Yはどう見直す？」: two questions joined at a comma, each with its question word.
_CLAUSES = re.compile(rf"^(?P<a>[^、]*{_WH}[^、]*?)、(?P<b>[^、]*{_WH}.*)$")
# 「Xとして挙げられている機関と、Yで加わった業務は？」: two asked things joined by 「と、」.
# (The second may go on to its question word: 「…の成功件数実績と、同年度の成功率はどのくらいだった？」「…の名前と、
# …ガイドラインの名前を教えて。」)
# (「Aと、Bについて、それぞれどんな目標？」: the second named, then what is asked of both.)
_NOUNS = re.compile(rf"^(?P<a>[^、]{{4,}}){AND_COMMA}(?P<b>[^、]{{4,}}?(?:は|について、|を教えて|を知りたい)[^、]*)$")
_PRONOUN = re.compile(r"それ|これ")
_ASKED_OF_BOTH = re.compile(r"について、")
_EACH = re.compile(r"それぞれ")
# 「指標３－１と３－２」「指標2-1及び指標2-2」: two indicators by their labels.
_TWO_LABELS = re.compile(r"指標\s*(?P<a>[0-9]+(?:-[0-9]+)+)\s*(?:と|及び|および|、)\s*"
                         r"(?:指標\s*)?(?P<b>[0-9]+(?:-[0-9]+)+)")
# 「未踏事業について、Aと、Bはそれぞれどれくらい？」「IPAの令和6年度計画で、Aと、Bは？」: a scope said first, of both
# parts (and 「それぞれ」 asks of each).
_LEAD_SCOPE = re.compile(r"^[^、]{2,40}?(?:について|に関して|では|で)、")
# 「IPAの海外機関との連携、中期目標では何組織で、R6計画ではいくつ？」: a thing named first, bare or with 「って」
# (「…の成果目標って、」), that both clauses that follow ask of — its organization with it (not a word of two
# characters: 「一方、」「今後、」 join, they name nothing). Not a theme marked with 「は、」:
# 「J-Bridgeは、JETROの中期目標ではどういう扱いで、新機軸ではどう使う？」 is compared whole, each document's sentence
# saying the name (split, the JETRO part was answered with a figure from two revisions).
_LEAD_TOPIC = re.compile(rf"^(?P<topic>[^、]{{2,30}}?[{NOUN_CHARS}」』])(?:って)?、")
# 「成功件数と支援件数」「応募者数と合格者数」「設備投資目標と投資額」: two measures, each a figure of its own (not
# 「IT企業とユーザ企業」); the second may be of things of its own (「対日投資支援件数と国内外での協業・連携案件の
# 支援件数」).
_MEASURE_WORD = r"[一-龥ァ-ヶー・]{1,12}(?:件数|者数|人数|社数|数|率|額|目標)"
_TWO_MEASURES = re.compile(rf"(?P<a>{_MEASURE_WORD})と"
                           rf"(?P<b>(?:[一-龥ァ-ヶー・]{{1,12}}(?:での|への|の)){{0,2}}{_MEASURE_WORD})(?![一-龥ァ-ヶー])")
# 「市場規模と国内投資でそれぞれいくら？」「就業機会提供の支援と伴走型支援の目標はそれぞれ」: two things asked of
# each (「それぞれ」). Two documents, organizations, years or versions are not split here: the cross-document and
# version answers compare them.
_NOUN = f"[{NOUN_CHARS}・]"
# 「化石燃料賦課金と有償オークションの導入時期」: the time of each of two things.
_TWO_TIMES = re.compile(rf"(?<![{NOUN_CHARS}・])(?P<a>{_NOUN}{{2,16}})と(?P<b>{_NOUN}{{2,16}})"
                        rf"(?P<rest>の{_NOUN}{{0,6}}(?:時期|期限))(?=は|って|を|[?？])")
_EACH_PAIR = re.compile(rf"(?<![{NOUN_CHARS}・ ])(?P<a>(?:{_NOUN}{{1,12}}の)?{_NOUN}{{2,16}})"
                        rf"と(?P<b>{_NOUN}{{2,16}})(?P<gap>[^?]{{0,14}}?)それぞれ")
# A request closed by 。 (「…時期も知りたい。」「…公開時期もお願い。」「…会社数も。」) asks like a question mark.
_CLOSING_REQUEST = re.compile(r"(?:知りたい|教えて(?:ください|下さい)?|お願い(?:します)?|も)$")
# 「…は何人でしたか。」「…とされているか。」: a question closed by 。 after its particle か.
_CLOSING_QUESTION = re.compile(r"(?:ですか|ますか|でしょうか|[るたい]か|のか)$")
_PIECE = re.compile(r"[^?。]*[?。]|[^?。]+$")  # up to and with each 。 or ?, and what is left after the last
# 「…公開時期もお願い。」「時期もあわせて教えて。」「…会社数も。」: a request, asked as the question it stands
# for (「…公開時期は?」).
_REQUEST = re.compile(r"も(?:あわせて|合わせて|併せて)?(?:知りたい|教えて(?:ください|下さい)?|お願い(?:します)?)?。$")
# 「時期もあわせて教えて。」: the date of what was just asked — one question asking both, not a part.
_WHEN_TOO = re.compile(r"^\s*(?:その)?(?:時期|時点|日付)も")
# 「…数値の目標ってある？何人？」: whether a figure is given, then the figure — one question, asking the figure.
_EXISTS = re.compile(r"(?:ある|あるの|あります|ありますか)[?]$")
_HOW_MANY = re.compile(r"^\s*(?:それは|で)?\s*(?:何[^\s?、]{0,3}|いくつ|いくら|どのくらい|どれくらい)\s*[?]$")
# 「また」「あと」 opening a further question: joining words, not part of what is asked.
_OPENING = re.compile(r"^\s*(?:また|あと|それと|それから|さらに|ちなみに)[、,]?\s*")


# A request only to set the answer beside the other version (「現行の呼び方と比べて教えてください。」).
_COMPARED_ONLY = re.compile(r"^(?:また|あと|それと)?、?(?:現行|変更案|変更前|変更後|改定前|旧)[^、。?]{0,10}(?:と|に)"
                            r"(?:比べ|比較|対比)[^、。?]{0,12}[。?]?$")


def asked_in(question: str) -> list[str]:
    """The questions asked one after the other in ``question`` (normalized: ？ is ?), each closed by its question
    mark, or as a question or request closed by 。; a statement before a question (「…を読んだ。対象は何?」) goes
    with it.
    Text after the last one is left out, so the parts join back into the question only when all of it is asked.
    (One pass over the text: a regular expression of nested repeats took seconds on a long pasted question.)"""
    out: list[str] = []
    pending = ""
    asked_by_ka = False  # the last part is a question closed by 「か。」
    for piece in _PIECE.findall(question):
        pending += piece
        body = piece[:-1]
        if not body.strip():
            continue
        if piece.endswith("?") or (piece.endswith("。") and _CLOSING_QUESTION.search(body)):
            out.append(pending)
            asked_by_ka = piece.endswith("。")
        elif piece.endswith("。") and _CLOSING_REQUEST.search(body):
            # (「…は何件ですか。前年からの増加数もお願いします。」: a request after a question closed by 「か。」 asks
            # more of the same thing — one question, as when the question is closed by 。 alone)
            out[-1:] = [out[-1] + pending] if asked_by_ka else [*out[-1:], pending]
            asked_by_ka = False
        else:
            continue
        pending = ""
    return out


def _constraint_set(analysis: QuestionAnalysis) -> set[str]:
    c = analysis.constraints
    return {*c.organizations, *map(str, c.fiscal_years), *c.doc_kinds, *([c.version] if c.version else [])}


def question_parts(question: str, analyze: Callable[[str], QuestionAnalysis],
                   follow_up: Callable[[str, str], str] | None = None) -> list[str]:
    """The parts of a two-part question, each self-contained; [] for a question of one part.

    The second part borrows the first part's subject when it refers to it (「それをどう発展させる」)
    or names none (「令和6年度にIPAはどう見直す」 -> 「デジタルスキル標準について、…」).

    Questions asked one after the other (「…いつ入札したの？契約はどうなった？」) are parts whatever they
    name: each later one is made self-contained by ``follow_up(previous part, part)`` — the rewriting of
    a chat's follow-up — when it is given; one the rewriting leaves without the subject the part before
    marked as its theme (「電子入札システムは、…」) and that names no document constraint of its own is asked
    about that subject (「電子入札システムについて、契約はどうなった？」).
    """
    q = normalize_question(question)
    asked = asked_in(q)
    if len(asked) == 2 and _COMPARED_ONLY.match(asked[1]) and analyze(asked[0]).answer_type == "change":
        return []  # 「…どう書き換えられていますか？現行と比べて教えてください。」: one change, asked twice over
    if follow_up is not None and len(asked) >= 2 and "".join(asked) == q \
            and not any(_WHEN_TOO.match(part) for part in asked[1:]) \
            and not any(_HOW_MANY.match(part) and _EXISTS.search(before)
                        for before, part in pairwise(asked)):
        parts = [asked[0]]
        for part in asked[1:]:
            part = _REQUEST.sub("は?", _OPENING.sub("", part))
            first, own = analyze(parts[-1]), analyze(part)
            resolved = follow_up(parts[-1], part)
            theme = _theme(first)
            if theme and first.topic[-1] not in resolved and not _A_DOCUMENT.search(theme) \
                    and not _constraint_set(own) - _constraint_set(first):
                # Asked in the same breath, of nothing else named: about what the part before was about
                # (「電子入札システムは、いつ入札したの？契約はどうなった？」), even with a focus of its own.
                resolved = f"{theme}について、{resolved}"
            parts.append(resolved)
        return parts
    scope = _lead_scope(q)
    # (A scope naming a document, 「新機軸では、…、IPAの計画では…」, is the first clause's own: no split here.)
    about = "" if scope and _constraint_set(analyze(scope)) else scope
    topic = _LEAD_TOPIC.match(q)  # (its segment has no question word: else _CLAUSES splits at its comma)
    nouns = None
    if topic and not QUESTION_WORD.search(topic.group(0)) and len(topic["topic"]) >= 3 \
            and _a_thing(analyze(topic["topic"])) and (clauses := _clauses(q[topic.end():], "")):
        # 「地域ソフトウェアセンター向けの出資業務、2020年度の経常収益はいくらで、2024年度計画では…？」: of both
        about = f"{topic['topic']}について、"
        first, second = about + clauses[0], about + clauses[1]
    elif clauses := _clauses(q, about):
        # (「「…整備計画」について、新機軸ではいつ策定するとされ、IPAの計画では何に取り組む？」: of both)
        first, second = clauses[0], about + clauses[1]
    elif nouns := _NOUNS.match(q[len(scope):]):
        b = nouns["b"].replace("それぞれ", "")
        # 「Aと、Bについて、どんな目標？」 asks the same of A: 「Aについて、どんな目標？」
        asked = _ASKED_OF_BOTH.search(b)
        first, second = scope + nouns["a"] + (b[asked.start():] if asked else "は？"), scope + b
    elif m := _TWO_LABELS.search(q):
        # 「定量指標３－１と３－２はそれぞれ何」: the question asked of each indicator.
        return _asked_of_each(q, m, [f"指標{m['a']}", f"指標{m['b']}"])
    elif m := _TWO_TIMES.search(q):
        # 「化石燃料賦課金と有償オークションの導入時期は？」: each thing has a time of its own.
        return _asked_of_each(q, m, [m["a"] + m["rest"], m["b"] + m["rest"]])
    elif m := _TWO_MEASURES.search(q):
        # 「…協業・連携案件の成功件数と支援件数の目標は？」: the question asked of each measure.
        return _figure_each(q[:m.start()] + m["a"] + q[m.end():], q[:m.start()] + m["b"] + q[m.end():])
    elif (m := _EACH_PAIR.search(q)) and ("?" in q[m.end():] or "?" not in q) \
            and not any(_constraint_set(analyze(m[k])) for k in "ab"):
        # (in the question itself: 「…目標は?一般管理費と業務経費それぞれで。」 is a remark after it)
        return _figure_each(*(q[:m.start()] + m[k] + m["gap"] + q[m.end():] for k in "ab"))
    else:
        return []
    a, b = analyze(first), analyze(second)
    if not _constraint_set(b) - _constraint_set(a):
        if not (follow_up is not None and nouns and (_both_named(a, b) or _EACH.search(q))):
            return []  # (「それぞれ」: what is asked, of each)
        # 「…で新たに発掘した人数と、採択後に起業した件数は？」: two figures, each searched on its own.
        return [first, follow_up(first, second)]
    subject = "の".join(a.topic)
    if (named := _named_by_demonstrative(second, first)) != second:
        second = named
    elif subject and subject not in second:
        if _PRONOUN.search(second):
            second = _PRONOUN.sub(subject, second, count=1)
        elif not has_own_focus(b):  # (「その先にどんな水準を」 asks a generic word of the subject)
            second = f"{subject}について、{second}"
    return [first, second]


# (not 「共同研究」, nor 同 of sameness: 「と同程度」「同年度」)
_DEMONSTRATIVE = re.compile(r"(?:(?<![一-龥ァ-ヶー])(?:この|その)"
                            r"|(?<![一-龥ァ-ヶーと])同(?!程度|水準|数|様|等|時|年|月|日|期))(?P<noun>[一-龥ァ-ヶー]{1,8})")
_QUOTED_NAME = re.compile(r"「([^「」]{2,40})」")


def _named_by_demonstrative(second: str, first: str) -> str:
    """``second`` with 「この計画」「その計画」「同計画」 replaced by the name the first part quotes that ends with that
    noun (「「スタートアップ育成5か年計画」では…、新機軸の資料ではこの計画は…」 -> 「…新機軸の資料では「スタートアップ
    育成5か年計画」は…」) — else by the nearest longer compound of the first part that ends with the whole noun,
    as written (「…スタートアップ5カ年計画に…、…同計画の将来目標」), not a document (「令和6年度計画」); and
    「その…」 of anything else by 「「name」の…」 when the first part quotes one name (「その着実な遂行期間」).
    Unchanged otherwise."""
    names = _QUOTED_NAME.findall(first)
    for m in _DEMONSTRATIVE.finditer(second):
        noun = m["noun"]
        # (a quoted name may end with the noun's head, two characters or more: 「この計画は」 -> 計画)
        quoted = next(((f"「{n}」", k) for k in range(len(noun), 1, -1) for n in names if n.endswith(noun[:k])), None)
        compounds = [c.group(0) for c in re.finditer(rf"{_NOUN}+{re.escape(noun)}", first)
                     if not c.group(0).endswith(KINDS)] if len(noun) >= 2 else []
        if found := quoted or ((compounds[-1], len(noun)) if compounds else None):
            name, head = found
            return f"{second[:m.start()]}{name}{noun[head:]}{second[m.end():]}"
        if m.group(0).startswith("その") and len(names) == 1 and len(noun) >= 2 \
                and not noun.startswith(_NOT_OF_A_THING):
            return f"{second[:m.start()]}「{names[0]}」の{second[m.start() + 2:]}"
    return second


# 「その他」「その都度」「その時点」…: not 「その」 of a thing named before.
_NOT_OF_A_THING = ("他", "後", "際", "ため", "うち", "結果", "上", "場合", "一方", "前", "時", "都度", "中", "分", "間",
                   "通り", "範囲")


def _asked_of_each(question: str, m: re.Match[str], each: list[str]) -> list[str]:
    """``question`` asked once of each of ``each`` in place of the pair ``m`` matched (「それぞれ」 dropped)."""
    return _figure_each(*((question[:m.start()] + one + question[m.end():]).replace("それぞれ", "") for one in each))


# Two figures said together of the two things asked (「現行の173件・2,100件から」).
_FIGURE = r"[0-9][0-9,.]*\s*(?:[万億兆]\s*)?(?:件|社|名|人|組織|%|円|回|倍)?"
_FIGURE_PAIR = re.compile(rf"(?<![0-9,.])(?P<x>{_FIGURE})(?:・|、|と|/)(?P<y>{_FIGURE})(?![0-9,.])")


def _figure_each(first: str, second: str) -> list[str]:
    """The two parts of a question asking of two things, each with its own of the figures the question gave
    them together, in order (「成功件数と支援件数の目標が、現行の173件・2,100件から…」 -> 「成功件数の目標が、現行の
    173件から…」, 「支援件数の目標が、現行の2,100件から…」): the other's figure would draw its part to the other's
    sentence."""
    m = _FIGURE_PAIR.search(first)
    if m is None or m.group(0) not in second or not re.search(r"[件社名人織%円回倍]$", m["x"] + m["y"]):
        return [first, second]
    return [first.replace(m.group(0), m["x"], 1), second.replace(m.group(0), m["y"], 1)]


def _a_thing(analysis: QuestionAnalysis) -> bool:
    """Does a phrase name a thing, of an organization at most (「IPAの海外機関との連携」) — not a year or a document
    (「令和2年度」「コロナ禍の令和2年度」「IPAの令和6年度計画」: where or when, which the first clause is asked of)?"""
    return bool(analysis.focus) and not _constraint_set(analysis) - set(analysis.constraints.organizations)


def _lead_scope(question: str) -> str:
    """The scope said before two things joined by 「と、」 (「未踏事業について、」), of both; "" when none."""
    lead = _LEAD_SCOPE.match(question)
    # (「…はいつ策定されたもので、」 asks a question of its own: a clause, not a scope)
    return lead.group(0) if lead and not QUESTION_WORD.search(lead.group(0)) else ""


def clause_parts(question: str, analyze: Callable[[str], QuestionAnalysis],
                 follow_up: Callable[[str, str], str]) -> list[str]:
    """The two clauses of a question that asks two kinds of answer of two things (「…の受講者は何名で、…演習は何と
    呼ばれていますか」: a count and a name), the second made self-contained by ``follow_up``; [] otherwise. Asked
    whole, one passage often answers both (「SC3は何のための組織で、何会員が参加した」), so these parts are for
    when the whole question found no answer."""
    pair = _two_clauses(question, analyze)
    if pair is None or not _two_kinds(pair[1], pair[3]):
        return []
    return [pair[0], follow_up(pair[0], pair[2])]


# Kinds of figure a clause can ask besides another (「いつ公開されて、どれくらいダウンロードされた」).
_FIGURE_KINDS = ("count", "amount", "percentage", "date")


def figure_clause(question: str, analyze: Callable[[str], QuestionAnalysis]
                  ) -> tuple[str, str, QuestionAnalysis] | None:
    """The first clause, and the second with its analysis, of a question that goes on to ask a figure of another
    kind of the same thing (「アジャイル開発版はいつ公開されて、どれくらいダウンロードされた？」: a date, then a
    count); None otherwise. Asked whole, such a question is answered by the first kind, often from a sentence
    that does not state the second."""
    pair = _two_clauses(question, analyze)
    if pair is None:
        return None
    first, a, second, b = pair
    if b.answer_type not in _FIGURE_KINDS or a.answer_type == b.answer_type:
        return None
    return first, second, b


def _two_clauses(question: str, analyze: Callable[[str], QuestionAnalysis]
                 ) -> tuple[str, QuestionAnalysis, str, QuestionAnalysis] | None:
    """The two clauses of one sentence, each with its question word, joined at a comma (「…はいつ公開されて、
    どれくらい…」), after a scope of both (「IPAの令和2年度評価で、」), with their analyses — None when the second
    names a document constraint the first does not (:func:`question_parts` splits those)."""
    q = normalize_question(question)
    if not (clauses := _clauses(q, _lead_scope(q))):
        return None
    first, second = clauses
    a, b = analyze(first), analyze(second)
    if _constraint_set(b) - _constraint_set(a):
        return None
    return first, a, second, b


def _clauses(question: str, scope: str) -> tuple[str, str] | None:
    """The two clauses of ``question`` after ``scope`` (which the first keeps), joined at a comma, each with its
    question word; None when it has no such pair."""
    m = _CLAUSES.match(question[len(scope):])
    return (scope + m["a"] + "？", m["b"]) if m else None


def _both_named(a: QuestionAnalysis, b: QuestionAnalysis) -> bool:
    """Do two things joined by 「と、」 each ask a figure, or each a name (「白書の名前と、ガイドラインの名前を教えて」)
    — answered by a sentence each, not by one passage on both?"""
    return (a.wants_value and b.wants_value) or a.answer_type == b.answer_type == "name"


def _two_kinds(a: QuestionAnalysis, b: QuestionAnalysis) -> bool:
    """Do two clauses ask different kinds of answer, each of a thing it names (「受講者は何名で、…演習は何と
    呼ばれて」: a count and a name) — not one thing's several sides (「いつ、どこで」)?"""
    # (「…公開した文書は何で、ダウンロード数は？」: a thing asked in general, then a figure of its own.)
    return a.answer_type != b.answer_type and (a.answer_type != "fact" or b.wants_value) and b.answer_type != "fact" \
        and bool(a.focus) and bool(b.focus) and a.focus != b.focus and not re.match(_WH, b.question.strip())


# After a theme: its particle and a comma, or no question word (「Xは、」「Xって結局」; not 「Xは何」「Xは?」).
_THEME_MARK = re.compile(rf"[」』]?\s*(?:(?:は|って|とは|について)(?:、|(?!{_WH}|\?))|、)")


_A_DOCUMENT = re.compile(r"(?:資料|文書|報告書|白書|対照表|目標|計画|評価)$")  # where to look, not what about


def _theme(analysis: QuestionAnalysis) -> str:
    """What a question is about when it says so — its topic marked as the theme (「電子入札システムは、」
    「ITSS+のセキュリティ領域の改訂版って」「…概念実証、」), not one asked of directly (「…システムって何」),
    with a quoted name joined to it by の (「「…契約書」の第二版って」) — else "" (「新たに発掘したのは」 and
    「PDCAを」 are what is asked)."""
    if not analysis.topic or is_attribute(analysis.topic[-1]):
        return ""  # 「数値目標は？」「点数はどう計算する」: an attribute, asked of something else
    q = normalize_question(analysis.question)
    chain = "の".join(analysis.topic)
    at = q.find(chain)
    if at < 0 or not _THEME_MARK.match(q, at + len(chain)):
        return ""
    quoted = re.search(r"[「『]([^」』]+)[」』]の$", q[:at])
    return f"{quoted[1]}の{chain}" if quoted else chain
