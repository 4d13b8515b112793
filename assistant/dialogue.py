"""Follow-up questions: resolve 「それは現行では？」「IPAは？」 against the conversation.

Pure functions over :class:`~assistant.question.QuestionAnalysis`. A follow-up
is a question that leans on the previous turn: it opens with a pronoun or a
connective (それは・その・では…), or it names no thing of its own (「IPAは？」
「現行では？」「理由は？」). It is rewritten into a self-contained question that
carries the previous turn's focus and every constraint (organization, document
kind, fiscal year, revision, 変更案/現行) the new question does not set itself:
「蓄電池は？」 puts the new thing in place of the previous one, 「内訳は？」 asks it of
the previous topic, 「それが…」 stands for the previous topic, and a question of its
own that names no document is asked of the conversation's organization and kind.
The rewritten text is what is searched, and the user is shown it. With an LLM
the chain condenses instead and falls back to this when the LLM fails.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .answer import ABSTAIN
from .question import (
    ALONE,
    FIGURE_COUNTERS,
    GENERIC,
    IMPLIED_FIGURE,
    KINDS,
    MEASURE,
    NOUN_CHARS,
    QUESTION_WORD,
    RESTATING,
    SET_COUNT,
    WHOLE,
    Constraints,
    QuestionAnalysis,
    answer_type,
    asked_ordinal,
    asked_status,
    constraints_of,
    contrast_group,
    era_label,
    indicator_labels,
    named_indicator,
    named_side,
    normalize_question,
    numeral,
    periods_in,
    year_of,
)
from .verify import MARKER_ANY

# Openers that point back at the previous turn (stripped before rewriting).
_OPENER = re.compile(r"^(?:(?:それでは|それじゃあ|では|じゃあ|じゃ|なら|ちなみに|一方|あと|逆に|反対に)[、,\s]*"
                     r"|(?!それぞれ)(?:それ|これ|あれ|そちら|こちら|その|この|あの|上記の?|同じ|そこ(?=で|から|に))(?:ら)?"
                     r"(?:は|も|の|って|で|に|を|が)?[、,\s]*)")
# The question minus a closing 「は？」「では？」「の場合は？」「はどうですか？」.
_BARE = re.compile(r"^(?P<head>.{1,24}?)(?:の場合|について|に関して|だけ|のみ)?(?:では|には|だと|なら|は|も)?"
                   r"(?:どう(?:ですか|なっていますか|なりますか)?)?[？?]?$")
_DETAIL = re.compile(r"^(具体的に|詳しく|詳細|もっと|くわしく)")
# 「温室効果ガスの面では…？」「運営費交付金のほうは…？」: a question of another side of the previous one.
_SIDE_QUESTION = re.compile(r"^[^、。？?]{1,20}?(?:の面|の方|のほう)(?:では|は|だと|なら|で)(?=.)")
# 「年平均にするとどのくらい？」: the previous figure asked in another form.
_RESTATED = re.compile(rf"^[^、。？?]{{1,12}}(?:{'|'.join(RESTATING)})")
_DETAIL_BARE = re.compile(r"^(具体的に(は|いうと)?|詳しく(は|教えて)?|詳細は|もっと詳しく|くわしく)[？?。]?$")
# 「…人流・物流に関するいくつの領域？」: a count asked of a kind of thing, whose items 「具体的には？」 asks for.
_COUNT_OF = re.compile(r"(?:いくつ|何(?:[件社名人つ個]|か所|カ所|ヶ所|箇所|種類))の(?P<noun>[一-龥ァ-ヶー]{1,10})"
                       r"(?:が|を|に)?(?:ありますか|ですか|か)?[？?]?$")
# 「新機軸の資料では」: a question that points at a document by its name sets its own scope.
_NAMES_DOCUMENT = re.compile(r"(資料|文書|報告書|白書)(では|で|に|の中)")
# 「新機軸のほうだと…」「JETROの方では…」: a question that opens by naming where to look instead.
_OTHER_SOURCE = re.compile(r"^[^、。?？]{2,20}?(?:のほう|の方)(?:だと|では)")
_SUCH = re.compile(r"そんな|こんな|あんな|そういう|こういう|そうした|こうした|そのような|このような")
# Not 「それぞれ」 (each); 「そこで」「そこから」 point at the previous thing as a place or occasion.
_PRONOUN = re.compile(r"^(?!それぞれ)(?:それら|これら|あれら|それ|これ|あれ|その|この|あの"
                      r"|そこ(?=で|から|に|の|では|には))")
_THAT_INDICATOR = re.compile(r"^(?:その|この|当該)指標")
# 「その年の」「そのときの」: the pronoun stands for the year or period, which is carried as a constraint.
_WHEN = re.compile(r"^(?:その|この|あの)(?:年度|年|とき|時|頃|ころ|期間)(?:の|は|に)?")
# 「その前の年度は？」「前年度の実績は？」「翌年度は？」: the year before or after the previous turn's.
_RELATIVE_YEAR = re.compile(r"^(?:その|この)?(?:一つ|ひとつ|1つ)?(?P<step>前|昨|翌|次)の?(?:年度|年)(?![比度])(?!と比)")
# 「その前の期は？」「次の期は？」: the period before or after the previous turn's (第4期 -> 第3期).
_RELATIVE_PERIOD = re.compile(r"^(?:その|この)?(?:一つ|ひとつ|1つ)?(?P<step>前|次)の?期(?!間)(?!と比)")
_PERIOD_TEXT = re.compile(r"第\s*[0-9０-９一二三四五六七八九十]+\s*期(?!間)")
# 「経産省の新旧対照表の変更案だとどうなってる？」「…（令和5年度補正を反映したほう）だと？」: a closing that asks
# the previous question of the document the rest names.
_IN_DOCUMENT = re.compile(r"(?:だと|では|で|なら|には|は)"
                          r"(?:どう(?:なって(?:い)?る|なっていますか|ですか|なの|か)?)?[？?]?$")
# Words that name a document (_DOCUMENTS) or one of its columns, not a thing asked about.
_DOCUMENT_NOUNS = ("新旧対照表", "対照表", "資料", "文書")
_DOCUMENTS = (*_DOCUMENT_NOUNS, "版", "ほう", "方", "最新")
# 「中期目標は…」「評価書では…」: a demonstrative before these points at the conversation's document.
# (「この中期目標の主務省は」: an attribute of the document itself.)
_A_DOCUMENT = re.compile(f"(?:{'|'.join((*KINDS, '評価書', *_DOCUMENT_NOUNS))})(?!期間)"
                         r"(?:は|では|で|の中で|に|の(?=[一-龥ァ-ヶー]{2,}(?:は|って|を|が)))")
_DOCUMENT_WORDS = (*_DOCUMENTS, "変更案", "現行")
# 「NEDOの中長期目標の…」: a document named with its organization.
_OWNED_DOCUMENT = re.compile(rf"^[^、。？?の]{{2,12}}の(?:{_A_DOCUMENT.pattern})")
# A question's opening scope (「経産省の新旧対照表で、」「JETROの第六期中期目標の変更案で、」).
_OPENING_SCOPE = re.compile(r"^[^、。？?]{2,40}?(?:では|で|によると|において)、")
# 「支援件数のほうは？」「蓄電池の場合は？」: what is compared with the previous turn's topic.
_SIDE = re.compile(r"(?:のほう|の方|の場合|について|に関して)$")
# 「JETROの中期目標ではこの目標をどう扱ってる？」: a demonstrative inside a question that sets its own scope
# points at what the previous turn asked about.
# Not a set phrase (その他・その後・その結果・そのため): the noun has two characters or more.
_INNER_PRONOUN = re.compile(r"(?<=[はでにもがを、と])(?:この|その|あの)(?!結果|一方|場合|ため)"
                            r"(?P<noun>[一-龥ァ-ヶー]{2,10})")
# 「「新機軸」の資料で」: a quoted word that names a document, not a thing asked about.
_QUOTED_THING = re.compile(r"「([^「」]{2,40})」(?!の?(?:資料|文書|計画|報告書|白書))")
# Nouns that name an attribute of a thing rather than a thing (「内訳は？」「きっかけは？」; 「受講者は？」 of an
# exercise or a course: who takes part in it).
_RELATIONAL = ("きっかけ", "内訳", "根拠", "背景", "経緯", "目的", "効果", "課題", "期間", "予算", "進捗", "評価",
               "評定", "成果", "考え方", "算出方法", "指標", "現状", "受講者", "参加者", "対象者")
# 「令和2年度はどうだった？」「実際にどうやってた？」: asked in the past, of what was done.
_PAST = re.compile(r"(?:だった|でした|てた|ていた)(?:の|か)?[？?]?$|実際に")
# 「令和2年4月の緊急事態宣言のときは？」: the previous question asked of another occasion of the same thing.
_OCCASION = re.compile(r"^(?P<head>[^、。？?]{2,30}?の(?P<noun>[一-龥ァ-ヶー]{2,}))(?:のとき|の時|の際|の場合)"
                       r"(?:は|には|だと|では)?[？?]?$")
# 「変更前は？」 asks for the 現行 column of a 新旧対照表, 「変更後は？」 for the 変更案.
_VERSION_WORDS = {"変更前": "現行", "改正前": "現行", "改定前": "現行", "変更後": "変更案", "改正後": "変更案",
                  "改定後": "変更案", "改定案": "変更案", "改正案": "変更案"}


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of the conversation."""

    question: str
    answer: str = ""


# The indexed documents as (organization, kind, fiscal year): a carried document kind is kept only when
# a document of that kind exists for the question's organization and year.
Catalog = frozenset[tuple[str | None, str | None, int | None]]
# A verb modifying a noun (「増えた分」「採択された人数」): a follow-up's head that asks something of its own.
_CLAUSE = re.compile(r"[一-龥](?:(?!の)[ぁ-ん]){0,3}(?:た|る)[一-龥ァ-ヶー]")
# Words for the part a named body plays (「JETROはどういう位置付け？」).
_ROLE = ("位置付け", "位置づけ", "役割", "立場", "関わり", "関与")
# A target, plan or result asked for: 「令和2年度の実績は？」 after 「…の効率化目標は？」 asks for the result.
_STATUS = ("実績値", "目標値", "実績", "目標", "見込み", "予定")
_ATTRIBUTE_ASKED = re.compile(r"^(?P<head>[^、。？?]{1,10}?)(?:は|って)(?:いつ|どこ|誰|だれ|いくら|いくつ|何[件人名社]?"
                              r"|どれ(?:くらい|ほど|だけ)|どの(?:くらい|程度))(?:ですか|なの|だった|でした)?[？?]?$")
# Labels a follow-up may name alone for a sibling of the one asked: a grade (「Ｂは？」), a circled item, an indicator.
_INDICATOR_LABEL = r"指標\s*[0-9]+(?:\s*-\s*[0-9]+)*"
_LABEL_KINDS = (r"(?<![A-Za-z])[A-Z](?![A-Za-z])", "[①-⑳]", _INDICATOR_LABEL)
_SIBLING = re.compile(rf"^(?P<label>{'|'.join(_LABEL_KINDS)})\s*(?:の場合|だと|では|なら|は)[？?]?$")
_PLANS = ("中長期目標", "中期目標", "中期計画", "年度計画")  # documents of what is to be done


def _kind_years(c: Constraints, catalog: Catalog) -> list[int | None]:
    """The fiscal year (None: a multi-year document) of each indexed document of the constraints' kind, for
    its organization."""
    return [year for kind, year in _documents_of(c, catalog) if c.names_kind(kind)]


def _documents_of(c: Constraints, catalog: Catalog) -> list[tuple[str, int | None]]:
    """The (kind, fiscal year) of each indexed document of the constraints' organization (any without one)."""
    return [(kind, year) for org, kind, year in catalog if not c.organizations or c.names_organization(org)]


def kind_exists(c: Constraints, catalog: Catalog | None) -> bool:
    """Is there a document of the constraints' kind, for its organization and fiscal year? (True
    without a catalog or a kind.) A document without a fiscal year (a multi-year plan) fits any year."""
    if not catalog or not c.doc_kinds:
        return True
    return any(year is None or not c.fiscal_years or year in c.fiscal_years for year in _kind_years(c, catalog))


def kind_dated(c: Constraints, catalog: Catalog | None) -> bool:
    """Is a document of the constraints' kind (for its organization) dated by a fiscal year? (True without a
    catalog or a kind: nothing says otherwise.)"""
    if not catalog or not c.doc_kinds:
        return True
    return any(year is not None for year in _kind_years(c, catalog))


def year_dates_a_document(c: Constraints, catalog: Catalog | None) -> bool:
    """Is a document (of the constraints' organization) of one of the constraints' fiscal years? (True without a
    catalog: nothing says otherwise.)"""
    if not catalog:
        return True
    return any(year in c.fiscal_years for _, year in _documents_of(c, catalog))


# Answer types that are figures: a year carried into such a question still says which year's figure.
_FIGURES = ("count", "amount", "percentage")


def _without_years(text: str, years: tuple[int, ...]) -> str:
    """``text`` without its mentions of ``years`` (with the 「の」 after each, or the one before a year that ends
    its phrase: 「JETROの令和6年度で、」 -> 「JETROで、」): a year no longer carried."""
    out, at = [], 0
    for m in re.finditer(f"(?:{_YEAR_SAID.pattern})の?", text):
        if year_of(m) in years:
            lead = m.start() - (not m.group(0).endswith("の") and text[:m.start()].endswith("の"))
            out.append(text[at:lead])
            at = m.end()
            if not m.start() or text[m.start() - 1] in "、,":
                # (the particle of a year opening a phrase goes with it: 「令和元年度に未踏…は？」 -> 「未踏…は？」)
                at += len(_AFTER_YEAR.match(text, at).group(0))
    return "".join(out) + text[at:]


_AFTER_YEAR = re.compile(r"(?:(?:には|では|に|で|は)(?!じめ)[、,]?)?")  # (not 「…にはじめて」)


def _without_words(text: str, words: tuple[str, ...]) -> str:
    """``text`` with each of ``words`` removed, with the 「の」 joining it (「…の現行の目標」 -> 「…の目標」)."""
    for word in words:
        text = re.sub(rf"の{re.escape(word)}(?=の)|{re.escape(word)}の|の{re.escape(word)}|{re.escape(word)}", "",
                      text)
    return text


# The ministry's multi-year objectives for an agency: a national R&D agency's are its 中長期目標, another's its
# 中期目標 — one kind of document under two names.
_COUNTERPART_KINDS = {"中期目標": "中長期目標", "中長期目標": "中期目標"}


def _counterparts(kinds: tuple[str, ...]) -> tuple[str, ...]:
    """``kinds`` each by its other name (see ``_COUNTERPART_KINDS``), or as it is when it has none."""
    return tuple(_COUNTERPART_KINDS.get(k, k) for k in kinds)


def _kind_word(kind: str) -> re.Pattern[str]:
    """``kind`` written for the document, not inside 「中期目標期間」 (a span of time, no document)."""
    return re.compile(f"{re.escape(kind)}(?!期間)")


def _without_kinds(text: str, kinds: tuple[str, ...]) -> str:
    """``text`` with the words naming ``kinds`` removed (「令和2年度計画で」 -> 「令和2年度で」)."""
    for kind in kinds:
        text = re.sub(rf"の{re.escape(kind)}|{re.escape(kind)}の", "", text)
        # 「令和2年度計画」 -> 「令和2年度」, but 「令和2年度年度評価」 -> 「令和2年度」
        said = "年度" if kind.startswith("年度") else None
        text = re.sub(rf"(年度)?{re.escape(kind)}", lambda m, said=said: said or m.group(1) or "", text)
    return text


# How a figure is tallied: 「前年度の合計は？」 after 「…の内訳は？」 asks the total where the breakdown was asked —
# a tally word that ends its noun (not 「平均年齢」「合計特殊出生率」).
_TALLIES = ("内訳", "合計", "総額", "総数", "累計", "平均")
_TALLY = re.compile(rf"(?:{'|'.join(_TALLIES)})(?![一-龥々ァ-ヶー])")
_STATUS_WORD = re.compile("|".join(_STATUS))  # (longest first: 「実績値」 before 「実績」)


def _with_status(text: str, status: str, words: re.Pattern[str] = _STATUS_WORD) -> str:
    """``text`` asking for ``status`` (実績, 目標 …; or a tally, with ``words`` = ``_TALLY``) in place of the last
    such word it asks for."""
    found = list(words.finditer(text))
    if not found or status in text:
        return text
    return text[:found[-1].start()] + status + text[found[-1].end():]


@dataclass(frozen=True)
class Resolved:
    """The question as searched (self-contained; equal to ``original`` when nothing was carried)."""

    question: str
    original: str
    # The question asked on its own, in the conversation's documents only (none when it asks nothing of its
    # own): searched when the rewrite finds no answer — the carried words are a guess, not the user's.
    fallback: str | None = None

    @property
    def rewritten(self) -> bool:
        return self.question != self.original


def has_own_focus(analysis: QuestionAnalysis) -> bool:
    """Does the question name the thing it asks about (not 目標・理由・それ)?"""
    focus = analysis.focus
    # 「そんな」「そういう」 (「なんでそんなに減ったの？」) stand for the previous turn's thing as 「それ」 does.
    return bool(focus) and focus not in GENERIC and not re.match(r"^(それ|これ|あれ|その|この|そんな|こんな|そう|こう)",
                                                                 focus)


def _document_named(question: str, analysis: QuestionAnalysis) -> str:
    """The document a question names when that is all it says (「経産省の新旧対照表の変更案だとどうなってる？」
    -> 「経産省の新旧対照表の変更案」); "" when it asks a thing of its own or names no document."""
    closing = _IN_DOCUMENT.search(question)
    named = question[:closing.start()] if closing else ""
    if len(named) < 4 or "、" in named or re.search("その|この|あの", named):
        return ""  # 「JETROではその年度は？」: a demonstrative stands for the previous thing or year
    focus, c = analysis.focus, analysis.constraints
    if focus and not any(focus.endswith(w) for w in _DOCUMENT_WORDS) and focus not in (*c.organizations,
                                                                                        *c.doc_kinds):
        return ""  # 「経産省の資料では、対日投資の目標はどう？」 asks a thing (even a generic one)
    # A document, not only an organization, year or column (「令和6年度は？」「IPAは？」「現行では？」 swap those).
    # 「NEDOの中長期目標のほう」 is searched as the document (「ほう」 is no word of it). 「ほう」 after a noun
    # (「受講者数の指標のほう」「賃上げに向けた取組のほう」) names a side of the thing asked, not a document;
    # after a clause (「令和5年度補正を反映したほう」) it names a version.
    document = re.sub(r"の(?:ほう|方)$", "", named)
    return document if c.doc_kinds or c.revision or any(w in document for w in _DOCUMENTS) \
        or re.search(r"[たるい](?:ほう|方)$", named) else ""


def _new_thing(analysis: QuestionAnalysis, previous: QuestionAnalysis) -> bool:
    """Does the question ask for a thing the previous one did not (its focus is no status, document or
    figure word and not in the previous question)?"""
    focus = analysis.focus
    return has_own_focus(analysis) and focus not in _STATUS and not IMPLIED_FIGURE.fullmatch(focus) \
        and not any(focus.endswith(w) for w in (*_DOCUMENT_WORDS, *_VERSION_WORDS)) \
        and focus not in normalize_question(previous.question)


def _named_its_kind(word: str, previous: QuestionAnalysis) -> bool:
    """Is ``word`` one of a few contrasting kinds (国内・海外, 中小・大) said of the previous turn's thing itself
    (「国内のバイオ関連投資はいくら？」)? It names which of that thing was asked, not the conversation's scope: a new
    thing asked next (「市場規模の目標も」) is not of that kind unless it says so."""
    if contrast_group(word) is None or not previous.focus:
        return False
    return re.search(f"{re.escape(word)}の?{re.escape(previous.focus)}", normalize_question(previous.question)) \
        is not None


def _shifted(relative: re.Pattern[str], question: str, values: tuple[int, ...]) -> tuple[int, str] | None:
    """「その前の年度は？」「次の期は？」 after a turn about one year or period: the one before or after it, and
    the rest of the question (「は？」); None when the question does not open so."""
    m = relative.match(question)
    if not m or len(values) != 1:
        return None
    return values[0] + (-1 if m.group("step") in "前昨" else 1), question[m.end():]


def _noun_phrase(head: str, analysis: QuestionAnalysis) -> bool:
    """Is ``head`` nothing but the question's noun chain (「蓄電池」「伴走型支援の目標」), no verb or question word?"""
    return bool(analysis.topic) and _compact_chain(head) == "の".join(analysis.topic)


# Words that stand for the figure the previous turn asked (「その数字」「その数値」).
_FIGURE_WORDS = ("数字", "数値", "値")
# 「自治体向け」「中小企業用」: who a thing is made for, not another thing.
_AUDIENCE = ("向け", "用")


def _compact_chain(text: str) -> str:
    return re.sub(r"[\s「」『』]", "", text)


def is_attribute(phrase: str) -> bool:
    """Does ``phrase`` name an attribute (目標水準・成功件数・内訳), not a thing (蓄電池・国内投資)?"""
    return bool(MEASURE.search(phrase)) or phrase.endswith(GENERIC) or phrase.endswith(_RELATIONAL)


def parallel(previous: QuestionAnalysis, phrase: str) -> str | None:
    """The previous question with ``phrase`` in place of the matching part of its topic.

    After 「…で、半導体の長期目標は？」: a thing replaces the thing (「蓄電池」 -> 「…で、蓄電池の
    長期目標は？」); a measure replaces the measure (「合格者数」 for 「応募者数」); another attribute
    replaces the attribute, or is added to a thing (「目標水準」 ->
    「…で、半導体の目標水準は？」). None for a qualified phrase (「第三期の実績」) or when the
    previous question has no topic to put it in.
    """
    topic = list(previous.topic)
    parts = [p for p in _SIDE.sub("", phrase).split("の") if p]
    if not topic or not parts:
        return None
    if len(parts) >= 2 and parts[0] in _FIGURE_WORDS:
        # 「その数字の内訳は？」: the figure the previous turn asked (「…支援件数の目標」), not a thing 「数字」.
        return f"{previous.scope}{'の'.join([*topic, *parts[1:]])}は？"
    if len(parts) == 2 and is_attribute(parts[1]) and not is_attribute(parts[0]) \
            and not periods_in(parts[0]) and not _YEAR_SAID.search(parts[0]) and previous.scope:
        # 「伴走型支援の目標は？」: another thing's attribute, in the previous question's scope.
        return f"{previous.scope}{'の'.join(parts)}は？"
    if len(parts) >= 2:  # 「第三期の実績」: a qualified attribute is asked like any own question
        return None
    if (swapped := _sibling_measure(previous, parts[0])) is not None:
        return swapped
    # (An indicator's label names a measure too: 「支援社数の方は？」 after 「…で、指標3-1（…成功件数）の目標は？」
    # asks the 支援社数's target, not 指標3-1's.)
    measures = [i for i, t in enumerate(topic) if MEASURE.search(t) or re.fullmatch(_INDICATOR_LABEL, t)]
    if MEASURE.search(parts[-1]) and measures:  # 「合格者数」 in place of 「応募者数」 (「…の目標」 stays)
        measure = topic[measures[-1]]
        asked = normalize_question(previous.question)
        if (m := MEASURE.search(measure)) and m.group(0) == MEASURE.search(parts[-1]).group(0) \
                and asked.count(measure) == 1:
            # A measure of the same kind (「業務経費」 for 「一般管理費」): the previous question as asked, what it
            # asked of the one now asked of the other (「…一般管理費は、どのくらいの効率化を目指してる？」).
            return asked.replace(measure, parts[-1], 1)
        new = [*topic[:measures[-1]], *parts, *topic[measures[-1] + 1:]]
    elif is_attribute(parts[-1]):
        new = [*topic[:-1], *parts] if is_attribute(topic[-1]) else [*topic, *parts]
    else:
        new = [*parts, topic[-1]] if is_attribute(topic[-1]) else parts
    return f"{previous.scope}{'の'.join(new)}は？"


def _sibling_measure(previous: QuestionAnalysis, phrase: str) -> str | None:
    """The previous question asked of ``phrase`` when its focus — outside the topic it asks for — is a measure of
    the same head (「受託経費は？」 after 「…で、業務経費が予算より少なくなった理由は？」: 業務経費 and 受託経費
    are both 経費, so the reason is asked of 受託経費); None otherwise."""
    focus = previous.focus
    head = MEASURE.search(phrase)
    if not head or not focus or focus == phrase or focus in previous.topic or len(focus) < 3 \
            or not focus.endswith(phrase[head.start() - 1:]):
        return None
    asked = normalize_question(previous.question)
    return asked.replace(focus, phrase, 1) if asked.count(focus) == 1 else None


# 「同じ資料で、」「同じ箇所では、」「同じ対照表で、」「同じ計画の評価指標で、」: the conversation's document named as
# such, nothing else (the place in it is where the conversation is, which the search favours anyway). What the
# question names in a document named by its kind is kept (「評価指標で、」).
_SAME_PLACE = ("資料", "文書", "表", "箇所", "ところ", "ページ", "部分")
_DOCUMENT_KIND_WORDS = (*KINDS, *_DOCUMENT_NOUNS, "計画", "評価")  # a document named by what it is
_SAME_KIND = tuple(sorted(set(_DOCUMENT_KIND_WORDS) - set(_SAME_PLACE), key=len, reverse=True))
_SAME_SOURCE = re.compile(
    rf"^(?:では|また)?[、,]?\s*同じ(?:(?P<kind>{'|'.join(map(re.escape, _SAME_KIND))})(?P<of>の)"
    r"(?=[^、,「」『』]{1,8}?(?:で|では|には|に)[、,])"
    rf"|(?P<noun>{'|'.join(map(re.escape, (*_SAME_KIND, *_SAME_PLACE)))})(?:で|では|には|に)[、,]\s*)")


_WHEN_NOUN = re.compile(r"年度?|月|期間?|時期|時点|日|頃")  # (「同じ年度で」 is a time, carried as a constraint)
# 「同じOSで…」「同じミッションでは…」: the part of the document an earlier turn named.
_SAME_THING = re.compile(r"^(?:では|また)?[、,]?\s*同じ(?P<noun>[A-Za-zＡ-Ｚａ-ｚ一-龥ァ-ヶー]{1,12}?)"
                         r"(?P<particle>の中で|では|には|で|に)[、,]?\s*")


def _pronoun(question: str, topic: tuple[str, ...]) -> str:
    """「それが貢献する政府目標は？」 -> 「<topic>が貢献する政府目標は？」; 「この補助業務は」 with the
    topic ending in 補助業務 is not doubled; 「その年の」 is dropped (the year is carried as a constraint)."""
    if _WHEN.match(question):
        return _WHEN.sub("", question, count=1)
    rest = _PRONOUN.sub("", question, count=1)
    subject = "の".join(topic)
    if rest.startswith(topic[-1]):
        return subject + rest[len(topic[-1]):]
    return subject + ("" if re.match(r"[はがをにでともへの]|って", rest) else "の") + rest


def _quoted_referent(question: str, previous: QuestionAnalysis) -> str | None:
    """The one term the previous question quoted, when ``question`` opens with 「それ」「これ」: what the
    pronoun stands for (「「SX銘柄」とは何ですか？いつ頃選定されますか？」 -> 「それは何に使われるの？」)."""
    quoted = _quoted_things(previous)
    return quoted[0] if len(quoted) == 1 and _PRONOUN.match(question) and not _WHEN.match(question) else None


def _quoted_things(previous: QuestionAnalysis) -> list[str]:
    """The words the previous question quotes, except a document's name (「「新機軸」の資料」)."""
    return _QUOTED_THING.findall(normalize_question(previous.question))


# An edition named by itself at the head of a follow-up (「初版は」「その第二版は」).
_EDITION_WORD = re.compile(r"(?<![一-龥ァ-ヶー])(?:初版|旧版|新版|改訂版|最新版|第[0-9一二三四五六七八九十]+版)")
_EDITION = re.compile(rf"^(?:その|この)?(?P<edition>{_EDITION_WORD.pattern})(?=は|って|では|で|の|を|が|も)")


def _edition_of(edition: str, turns: Sequence[QuestionAnalysis]) -> str | None:
    """``edition`` of the thing the latest of ``turns`` to quote one quoted (「「…のためのガイド」の初版」), or that
    thing itself when its name says the edition (「「…契約書 第二版」」); None when none quotes a thing, or the
    one quoted names another edition."""
    things = next((quoted for t in reversed(turns) if (quoted := _quoted_things(t))), [])
    if len(things) != 1:
        return None  # (「「A」と「B」の違いは？」: which one's edition is not said)
    said = _EDITION_WORD.findall(things[0])
    if edition in said:
        return f"「{things[0]}」"
    return None if said else f"「{things[0]}」の{edition}"


def _quoted_focus(previous: QuestionAnalysis) -> str | None:
    """The one name the previous question quoted, when its focus is that name's last word (「経済的威圧への対応」
    for the focus 「対応」)."""
    quoted = _quoted_things(previous)
    focus = previous.focus
    return quoted[0] if len(quoted) == 1 and focus and quoted[0] != focus and quoted[0].endswith(focus) else None


def _referent(previous: QuestionAnalysis, noun: str) -> str:
    """What 「この<noun>」 stands for after ``previous``: its quoted things and its focus, with ``noun``
    (「その政府目標」 after 「…対内直接投資の目標は？」 -> 「対内直接投資の政府目標」; 「この制度」 after
    「「公益デジタルプラットフォーム」の認定制度とは？」 -> 「公益デジタルプラットフォームの認定制度」)."""
    quoted = _quoted_things(previous)
    focus = previous.focus if previous.focus and not any(previous.focus in t for t in quoted) else ""
    if focus.endswith(noun):
        head = focus
    elif focus and not is_attribute(focus):
        head = f"{focus}の{noun}"
    elif focus and (subject := _subject(previous)):
        # A measure (「実施組織数」) with what it counts: 「自己診断の実施組織数の目標」 — and what the previous turn
        # said it was of (「スタートアップ支援では、成功件数の目標は」: 「スタートアップ支援の成功件数の目標」).
        of = [w for w in previous.qualifiers if len(w) >= 2 and w not in subject and not is_attribute(w)]
        head = "の".join([*of, subject if subject.endswith(noun) else f"{subject}の{noun}"])
    else:
        head = noun
    # Unquoted: the other document need not use the very words (a quoted term must be in the answer).
    return "".join(f"{t}の" for t in quoted) + head


def _as_list(question: str) -> str | None:
    """A count question asked again for the items counted (「…いくつの領域？」 -> 「…領域を挙げて」); None when
    it does not end in a count of a kind of thing."""
    m = _COUNT_OF.search(question)
    return f"{question[:m.start()]}{m.group('noun')}を挙げて" if m else None


_COLUMNS = frozenset({*_VERSION_WORDS, *_VERSION_WORDS.values()})


def _subject(previous: QuestionAnalysis) -> str:
    """What the previous turn asked about, as a noun phrase: its quoted things and its topic
    (「「プラットフォーム変革手引書」の第一版はいつ…？」 -> 「プラットフォーム変革手引書の第一版」)."""
    quoted = _quoted_things(previous)
    # (not a column compared: 「…の目標は、変更案と現行でどう違う？」 is about the target, not about 現行)
    chain = "の".join(t for t in previous.topic if not any(t in q for q in quoted) and t not in _COLUMNS)
    return "の".join([*quoted, *([chain] if chain else [])]) or previous.focus


def names_constraints(c: Constraints) -> bool:
    """Does the question name an organization, document kind, fiscal year, revision or version?"""
    return bool(c.organizations or c.doc_kinds or c.fiscal_years or c.revision or c.version)


def is_follow_up(question: str, analysis: QuestionAnalysis) -> bool:
    """Does the question lean on the previous turn?"""
    q = normalize_question(question)
    if _OPENER.match(q) or any(w in q for w in _VERSION_WORDS) or _RESTATED.match(q) \
            or _RELATIVE_YEAR.match(q) or _RELATIVE_PERIOD.match(q):
        return True  # 「一つ前の期は何名だった？」 asks the previous question of another period
    if _SIDE_QUESTION.match(q) and not names_constraints(analysis.constraints):
        return True
    if _document_named(_strip_opener(q), analysis):
        return True  # 「経産省の新旧対照表の変更案だとどうなってる？」
    if not has_own_focus(analysis):
        return True
    # 「目標はどう設定されてた？」: it asks about an attribute and names no thing or scope of its own.
    if analysis.topic and all(is_attribute(w) for w in analysis.topic) \
            and not names_constraints(analysis.constraints) and not _NAMES_DOCUMENT.search(q):
        return True
    # 「IPAは？」「現行では？」: short, and the only content is a constraint; 「蓄電池は？」「内訳は？」:
    # short, and nothing but a noun — another thing or attribute of the previous turn's kind.
    bare = _BARE.match(q)
    if len(q) <= 12 and bool(bare) and (names_constraints(analysis.constraints)
                                        or _noun_phrase(bare.group("head"), analysis)):
        return True
    # 「公開はいつ？」「予算はいくら？」: an attribute and a question word, nothing else — of the previous thing.
    asked = _ATTRIBUTE_ASKED.match(q)
    return bool(asked) and not names_constraints(analysis.constraints) \
        and _noun_phrase(asked.group("head"), analysis)


def year_words(*questions: str) -> dict[int, str]:
    """Each year the questions name, as they write it (「2040年」 stays a calendar year, 「令和6年度」 a fiscal one)."""
    out: dict[int, str] = {}
    for q in questions:
        for m in _YEAR_SAID.finditer(normalize_question(q)):
            out.setdefault(year_of(m), re.sub(r"\s", "", m.group(0)))
    return out


def constraint_words(c: Constraints, written: dict[int, str] | None = None) -> list[str]:
    """Constraints written back as the words a question would use (a year as ``written`` says it, if it does)."""
    written = written or {}
    # (once each: 「令和2年度評価で、令和2年度の…」 names the year twice)
    return list(dict.fromkeys([*c.organizations, *(written.get(y) or era_label(y) for y in c.fiscal_years),
                               *c.doc_kinds, *([c.revision] if c.revision else []),
                               *([c.version] if c.version else [])]))


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


# A year as a question says it, fiscal or calendar (「2040年」, not the year of a date 「2040年3月」; a bare 「令和7年」
# names a revision): groups as question.year_of reads them.
_YEAR_SAID = re.compile(r"(令和|平成)\s*([0-9]+|元)\s*年度|(20[0-9]{2})\s*年度?(?!\s*[0-9]+\s*月)")


def _swap(text: str, before: Constraints, now: Constraints, names: dict[str, str],
          written: dict[int, str] | None = None) -> str:
    """``text`` (the previous question) with the constraints the new question sets swapped in (a year as
    ``written`` says it)."""
    out = text
    if now.organizations:
        new = "・".join(now.organizations)
        old = sorted((a for a, canonical in names.items() if canonical in before.organizations), key=len, reverse=True)
        for alias in old:
            out = re.sub(re.escape(alias), "\0", out, flags=re.I)
        out = re.sub("\0+", new, out, count=1).replace("\0", "") if "\0" in out else out
    if now.doc_kinds and before.doc_kinds and now.doc_kinds != before.doc_kinds:
        # 「NEDOの中長期目標では？」 after a JETRO 中期目標 question: the kind too (longest first)
        for kind in sorted(before.doc_kinds, key=len, reverse=True):
            if (word := _kind_word(kind)).search(out):
                out = word.sub(now.doc_kinds[0], out, count=1)
                break
    if now.version:
        # 「現行（令和5年3月）」 -> 「変更案」: the date in brackets was the other column's.
        other = "現行" if now.version == "変更案" else "変更案"
        out = re.sub(rf"{other}(?:[（(][^）)]{{1,20}}[）)])?", now.version, out)
    if now.periods and before.periods and now.periods != before.periods:
        # 「第4期」 -> 「第3期」 (each mention of the previous period)
        out = _PERIOD_TEXT.sub(lambda m: f"第{now.periods[0]}期" if periods_in(m.group(0)) == before.periods[:1]
                               else m.group(0), out)
    if now.fiscal_years:
        # Every mention of the previous year (「令和2年度年度評価によると、令和2年度の…」), else the first year.
        label = (written or {}).get(now.fiscal_years[0]) or era_label(now.fiscal_years[0])
        if any(year_of(m) in before.fiscal_years for m in _YEAR_SAID.finditer(out)):
            out = _YEAR_SAID.sub(lambda m: label if year_of(m) in before.fiscal_years else m.group(0), out)
        else:
            out = _YEAR_SAID.sub(label, out, count=1)
    return out


def resolve(question: str, analysis: QuestionAnalysis, previous: QuestionAnalysis | None,
            names: dict[str, str] | None = None, catalog: Catalog | None = None,
            earlier: Sequence[QuestionAnalysis] = ()) -> Resolved:
    """Rewrite a follow-up into a self-contained question (unchanged otherwise).

    ``previous`` is the analysis of the previous turn *as resolved*, so a chain of
    follow-ups keeps its subject; ``names`` maps organization aliases to canonical
    names (as for :func:`~assistant.question.analyze`); ``catalog`` lists the indexed
    documents, so a carried document kind is dropped when the new year has no such
    document (「令和2年度は？」 after a 令和6年度計画 question, with only a 令和2年度 評価).
    ``earlier``: the turns before the previous one, oldest first, where 「この制度」 is looked for when the
    previous turn does not name a 制度.
    """
    if previous is None:
        return Resolved(question, question)
    # 「運営費交付金のほうはどう管理した？」 was about 運営費交付金: 「なぜ？」 after it asks why of that.
    previous = named_side(previous)
    q = normalize_question(question)
    if (same := _SAME_SOURCE.match(q)) and q[same.end():]:
        # 「同じ資料で、…の出席率は？」「同じ箇所で、JFOODOについては？」: a question of its own, in the conversation's
        # document — its organization (unless the question names its own), kind, year and version, not the previous
        # turn's thing. (Its own organization's part of it — 「同じ対照表で、JETROの…」 — when that organization has a
        # document of the kind, by either of its names.)
        own, carried = analysis.constraints.organizations, previous.constraints
        kinds = carried.doc_kinds
        for named in dict.fromkeys((kinds, _counterparts(kinds))) if own else ():
            # (the kind by the name that organization's document has: NEDO's 中長期目標 is JETRO's 中期目標)
            if _has_document(own, replace(carried, doc_kinds=named, fiscal_years=()), catalog):
                carried = replace(carried, organizations=(), doc_kinds=named)
                break
        words = constraint_words(carried, year_words(previous.question))
        if (noun := same["kind"] or same["noun"]) not in _SAME_PLACE \
                and not any(noun in w or _counterparts((noun,))[0] in w for w in words):
            words.append(noun)  # (the document's kind as named, when the conversation's words do not say it)
        return Resolved(_scoped(words, q[same.end():], "の" if same["of"] else "で、"), question)
    if (same := _SAME_THING.match(q)) and q[same.end():] and not _WHEN_NOUN.fullmatch(same.group("noun")) \
            and not same.group("noun").endswith((*_DOCUMENT_KIND_WORDS, "表")):
        # 「同じOSで触れている「未来人材ビジョン」は…」: a question of its own, under the part of the conversation's
        # document an earlier turn named (「OS①（人材）で」), in that document.
        noun = same.group("noun")
        # (only turns about the same organizations, and only a part named with its number or name: 「同じ目標で」
        # names no part, and 「指標2-1」 is read by _indicator_named)
        turns = [e for e in (previous, *reversed(earlier))
                 if e.constraints.organizations == previous.constraints.organizations]
        named = next((m.group(0) for e in turns
                      if (m := re.search(rf"{re.escape(noun)}[①-⑳0-9０-９]*(?:[（(][^）)]{{1,20}}[）)])?",
                                         normalize_question(e.question)))), noun)
        if named != noun and noun != "指標":
            words = constraint_words(previous.constraints, year_words(previous.question))
            return Resolved(_scoped(words, named + same.group("particle") + q[same.end():]), question)
    inner = _INNER_PRONOUN.search(q)
    if inner and not _WHEN.match(inner.group(0)) \
            and (names_constraints(analysis.constraints) or _NAMES_DOCUMENT.search(q)):
        # Another document asked about the same thing: its own scope, the previous turn's thing — of the
        # previous turn's organization unless it names one.
        noun = inner.group("noun")
        # 「この制度」: the last turn that spoke of a 制度 (「「Reスキル講座」って、何の制度？」), if not the previous.
        named = previous if noun in normalize_question(previous.question) else next(
            (e for e in reversed(earlier) if noun in normalize_question(e.question)), previous)
        body = q[:inner.start()] + _referent(named, noun) + q[inner.end():]
        if not analysis.constraints.organizations:
            body = _scoped(list(previous.constraints.organizations), body)
        return Resolved(body, question)
    placed = _with_counted_noun(q, (*earlier, previous))
    if (ordinal := asked_ordinal(placed)) and placed[:ordinal.start] in ("", "その", "この") \
            and (where := _set_asked((*earlier, previous), ordinal.noun)):
        # 「3つ目の柱はどういう考え方？」 after 「…新機軸資料で、スタートアップ・イノベーションのエコシステム強化の6つの
        # 柱は何？」: that set's third, where it was asked.
        return Resolved(where + placed[ordinal.start:], question)
    asked_before = normalize_question(previous.question)
    if (occasion := _OCCASION.match(q)) and (said := _occasion_in(asked_before, occasion["noun"])):
        # 「令和2年4月の緊急事態宣言のときは？」 after 「令和3年1月8日からの緊急事態宣言下で、…？」
        return Resolved(asked_before[:said[0]] + occasion["head"] + asked_before[said[1]:], question)
    if (sibling := _SIBLING.match(q)) and (swapped := _sibling_in(asked_before, sibling["label"])):
        # 「Ｂは？」 after 「…達成率Ａ（50％）はどんな状態を指す？」: the same question of the next grade
        return Resolved(swapped, question)
    if (edition := _EDITION.match(q)) and not names_constraints(analysis.constraints) \
            and (edited := _edition_of(edition["edition"], (*earlier, previous))) is not None:
        # 「初版はいつ出たもの？」「その第二版はいつ公開された？」 after a turn on 「「…向上のためのガイド」」: an
        # edition of the thing the conversation quoted, in the conversation's document.
        body = edited + q[edition.end():]
        return Resolved(_scoped(constraint_words(previous.constraints, year_words(previous.question)), body, "で、"),
                        question)
    if not names_constraints(analysis.constraints) and (headed := _headed(q, analysis, previous)) is not None:
        # 「どういう立場の人向けの演習なの？」 after a turn about 「業界別サイバーレジリエンス強化演習」: that 演習 (in
        # the year of a document, not of a figure — see _figure_year).
        carried = previous.constraints
        if _figure_year(carried, analysis, catalog):
            carried = replace(carried, fiscal_years=())
        return Resolved(_scoped(constraint_words(carried, year_words(previous.question)), headed), question)
    if not is_follow_up(question, analysis):
        return Resolved(own_question(question, analysis, previous, catalog), question)
    if (other := _OTHER_SOURCE.match(q)) and has_own_focus(analysis) and analysis.focus not in other.group(0):
        # 「新機軸のほうだと対内直接投資の目標はどうなってる？」: its own question, of the source it names instead
        # of the conversation's — nothing is carried.
        return Resolved(question, question)
    names = names or {}
    written = year_words(question, previous.question)
    rest = _strip_opener(question)
    now, before = analysis.constraints, previous.constraints
    if not now.version and (version := next((v for w, v in _VERSION_WORDS.items() if w in question), None)):
        now = replace(now, version=version)
    if not now.fiscal_years and (year := _shifted(_RELATIVE_YEAR, rest, before.fiscal_years)):
        now, rest = replace(now, fiscal_years=(year[0],)), era_label(year[0]) + year[1]
    moved = False  # 「その前の期は？」: another period of the same question
    if not now.periods and (period := _shifted(_RELATIVE_PERIOD, rest, before.periods)):
        now, rest, moved = replace(now, periods=(period[0],)), f"第{period[0]}期" + period[1], True
    bare = _BARE.match(rest)
    if (scope := _document_named(rest, analysis)) and not _new_thing(analysis, previous):
        # 「経産省の新旧対照表の変更案だとどうなってる？」: the previous question, asked of that document.
        before_q = normalize_question(previous.question)
        opening = _OPENING_SCOPE.match(before_q)
        if opening and not (names_constraints(constraints_of(opening.group(0), names))
                            or any(w in opening.group(0) for w in _DOCUMENT_WORDS)):
            opening = None  # 「〇〇の取組では、」 is a thing asked about, not where
        body = f"{scope}で、" + _swap(before_q[opening.end():] if opening else before_q, before, now, names,
                                      written)
    elif _PRONOUN.match(q) and (
            (_A_DOCUMENT.match(document := _PRONOUN.sub("", q, count=1))
             and not (bare and (now.organizations or now.fiscal_years or now.revision or now.version)))
            or (now.organizations and _OWNED_DOCUMENT.match(document))):
        # 「この中期目標はいつ定められた？」「このNEDOの中長期目標の主務省は？」: the conversation's document,
        # carried as its constraints (not 「この中期目標で、令和5年度は？」: the previous question of another year)
        body = document
    elif bare and (names_constraints(now) or moved) and not _asks_why_instead(rest, previous) and (
            not has_own_focus(analysis) or (len(bare.group("head")) <= 12 and not _new_thing(analysis, previous))) \
            and not _other_aspect(analysis, previous) and not _CLAUSE.search(bare.group("head")):
        # 「IPAは？」「現行では？」「令和2年度は？」: the previous question under the new constraint
        # (「令和2年度の実績は？」: asking for the result where it asked for the target).
        body = _swap(normalize_question(previous.question), before, now, names, written)
        if analysis.focus in _STATUS:
            body = _with_status(body, analysis.focus)
        elif analysis.focus in _TALLIES:
            body = _with_status(body, analysis.focus, _TALLY)
        elif _PAST.search(q) and now.fiscal_years and before.fiscal_years \
                and now.fiscal_years[0] < before.fiscal_years[0] and asked_status(previous.question) == "目標":
            # 「令和2年度はどうだった？」 after 「令和6年度計画で、…の目標は？」: what an earlier year achieved.
            body = _with_status(body, "実績")
    elif _DETAIL.match(rest) and not names_constraints(now):
        bare_detail, before_q = _DETAIL_BARE.match(rest), normalize_question(previous.question)
        if not bare_detail and (subject := _subject(previous)) \
                and (has_own_focus(analysis) or QUESTION_WORD.search(rest)):
            # 「具体的にはどこまでの内容？」: its own question, about the previous turn's thing.
            body = f"{subject}は{rest}"
        else:
            # 「具体的には？」「もっと詳しく教えて」: the previous question again, asking for detail — after
            # 「いくつの領域？」, the items.
            body = (bare_detail and _as_list(before_q)) or "具体的に、" + before_q
    elif bare and not names_constraints(now) and _noun_phrase(bare.group("head"), analysis) \
            and not is_attribute(bare.group("head")) and not bare.group("head").endswith(("度", "率")) \
            and len(quoted := _quoted_things(previous)) == 1:
        # 「財務内容の改善は？」 after 「…で、「業務運営の効率化」の評定は？」: the thing the previous turn quoted,
        # replaced by this one — the same question of a sibling item (not a degree or rate: 「達成度は？」 asks
        # an attribute of the quoted thing).
        before_q = normalize_question(previous.question)
        head = _compact_chain(_SIDE.sub("", bare.group("head")))
        # (「自治体向けのほうは？」: a version of the quoted thing — 「自治体向けの「シン・テレワークシステム」」.)
        named = f"{head}の「{quoted[0]}」" if head.endswith(_AUDIENCE) else f"「{head}」"
        body = before_q.replace(f"「{quoted[0]}」", named, 1)
    elif bare and not names_constraints(now) and _noun_phrase(bare.group("head"), analysis) \
            and (swapped := parallel(previous, bare.group("head"))):
        body = swapped
    elif (side := _SIDE_QUESTION.match(rest)) and not names_constraints(now) and previous.scope \
            and not (has_own_focus(analysis) and analysis.asks_measure and analysis.focus not in side.group(0)):
        # 「温室効果ガスの面ではどんな目標？」: the same question of another side, in the previous scope — without
        # a sibling the previous question joined with 「と」 (「…年度評価で、予算の執行状況と」). (「定量目標のほうで、
        # 海外展開支援社数の目標は？」 names a measure of its own after the side: it is its own question.)
        body = re.sub(r"[^、]+[とや]$", "", previous.scope) + rest
    elif _RESTATED.match(rest) and not names_constraints(now):
        # 「年平均にするとどのくらい？」: the previous turn's figure, restated.
        body = f"{_subject(previous)}を{rest}"
    elif (lead := _LEADING_DEMONSTRATIVE.match(q)) and not any(lead["noun"] in t for t in previous.topic) \
            and (where := _scope_naming(lead["noun"], (*earlier, previous))):
        # 「このミッションの長期目標は？」 after turns about 希望出生率 asked 「…ミッション⑧（…）で、」: the mission of
        # that scope, not the previous turn's thing.
        body = where + q[lead.start("noun"):]
    elif lead and not any(lead["noun"] in t for t in previous.topic) \
            and (phrase := _phrase_naming(lead["noun"], (*earlier, previous))):
        # 「そのレポートは企業に何を示した？」 two turns after 「…で、ブロックチェーンに関するリサーチ・レポートの
        # タイトルは？」: that report, as the conversation named it, not the previous turn's thing.
        body = phrase + q[lead.end("noun"):]
    elif (that := _THAT_INDICATOR.match(q)) and (named := _indicator_named((*earlier, previous))):
        # 「その指標の目標値は？」 after a question on 「農林水産物・食品輸出の指標2-1の困難度」: the indicator it
        # named, by its label and the thing before it — or by what it is of, two turns back (「…貢献に関する指標が
        # 重要度高とされている理由は？」「困難度が高いとされる理由は？」「その指標はどうやって評価するの？」).
        body = named + q[that.end():]
    elif (has_own_focus(analysis) or q.startswith("そこ")) and previous.topic and _PRONOUN.match(q):
        # (「そこで何が示された？」: at the previous thing, whatever is asked there.)
        body = _pronoun(q, (quoted,) if (quoted := _quoted_referent(q, previous)) else previous.topic)
    elif bare and _CLAUSE.search(bare.group("head")) and previous.topic and _PRONOUN.match(q):
        # 「そのうち令和2年度に増えた分は？」: what the clause asks, of the previous turn's thing as it was asked
        # (「36道県でSECURITY ACTION制度に参加している中小企業数のうち…」) — not the previous question of that year.
        body = previous.scope + _pronoun(q, previous.topic)
    elif has_own_focus(analysis):
        # 「では応募者数は？」: another attribute of the same subject (and programme) — and of the thing the
        # previous question quoted (「「…概説」はどこと組んで作った？」「ダウンロード数は？」).
        quoted = [t for t in _quoted_things(previous) if t not in rest]
        new = _new_thing(analysis, previous)
        words = [*quoted, *(w for w in previous.qualifiers if w not in rest and not any(w in t for t in quoted)
                            and not (new and _named_its_kind(w, previous))
                            # (「試験全体の…なら？」 after 「iパス単独の…」: the whole, no longer the part alone)
                            and not (w.endswith(ALONE) and any(x in rest for x in WHOLE)))]
        body = "".join(f"{w}の" for w in words) + rest
    else:
        # 「理由は？」「それはいつまでに？」: the new question about the previous focus — as the previous turn
        # quoted it, when it is the end of a quoted name (「何をすることになってる？」 after 「「経済的威圧への
        # 対応」は現行にもある？」 asks of 経済的威圧への対応, not of any 対応).
        subject = _quoted_referent(q, previous) or _quoted_focus(previous) or previous.focus
        if subject == previous.focus and subject and _SUCH.search(q):
            # 「なんでそんなに減ったの？」 points at the previous turn's thing as a whole: 「アジア共通統一試験の
            # 応募者数」, not 「応募者数」 alone.
            words = [w for w in (*_quoted_things(previous), *previous.qualifiers) if w not in rest and w != subject]
            subject = "".join(f"{w}の" for w in dict.fromkeys(words)) + subject
        joint = "は" if QUESTION_WORD.match(rest) else "の"
        body = f"{subject}{joint}{rest}" if subject and subject not in rest else rest
    if any(now.names_kind(k) for k in _PLANS) and "実績" not in q and asked_status(body) == "実績":
        # 「令和6年度計画だと？」 after 「…の登録実績は？」: a plan says what is to be done, not what was.
        body = re.sub(r"(?:の|での)?実績値?", "", body)
    merged = merge(now, before)
    if not now.doc_kinds and not kind_exists(merged, catalog):
        counterpart = _counterparts(merged.doc_kinds)
        if kind_exists(replace(merged, doc_kinds=counterpart), catalog):
            # 「IPAのほうは？」 after 「このNEDOの中長期目標の主務省は？」: IPA's 中期目標, the same plan by its name.
            merged = replace(merged, doc_kinds=counterpart)
            for old, new in zip(before.doc_kinds, counterpart):
                body = _kind_word(old).sub(new, body)
        else:
            merged = replace(merged, doc_kinds=())
            body = _without_kinds(body, before.doc_kinds)
    if now.doc_kinds and not now.fiscal_years and before.fiscal_years and not kind_dated(now, catalog):
        # 「中期目標ではどうなってる？」 after a 令和6年度計画 question: that year dated the plan; the 中期目標
        # covers several years and is not asked of one.
        merged = replace(merged, fiscal_years=())
        body = _without_years(body, before.fiscal_years)
    if not now.fiscal_years and (_figure_year(merged, analysis, catalog) or _NOW.search(q)):
        # (「経常収支は今どういう構造？」 after 「2022年の貿易収支は？」: now, not the year asked before.)
        merged = replace(merged, fiscal_years=())
        body = _without_years(body, before.fiscal_years)
    if now.revision and now.revision != before.revision and not now.version and before.version:
        # 「令和7年改定の対照表では？」 after 「現行では？」: 現行 and 変更案 are the columns of one revision's table.
        merged = replace(merged, version=None)
        body = _without_words(body, (before.version,))
    return Resolved(_scoped(constraint_words(merged, written), body), question)


# The present, said in a follow-up (not 「今後」「今年度」「今回」: a time relative to the document).
_NOW = re.compile(r"今(?![後年回期般])|現在|現状|近年|最近|足下|足元")


def _figure_year(carried: Constraints, analysis: QuestionAnalysis, catalog: Catalog | None) -> bool:
    """Is the year ``carried`` from the conversation a figure's, not a document's, so that it does not date what
    ``analysis`` asks (not a figure)? 「そのための施策は？」 after 「2021年は？」 of a figure in an undated document;
    「インタビュー調査もした？」 after 「前年度の実績は？」 of a figure in the 令和2年度 evaluation."""
    return bool(carried.fiscal_years) and analysis.answer_type not in _FIGURES \
        and not year_dates_a_document(carried, catalog)


def _has_document(organizations: tuple[str, ...], named: Constraints, catalog: Catalog | None) -> bool:
    """Do ``organizations`` have a document of the kind and (if any) fiscal year ``named`` names? (A year no
    document is of — 「2022年の貿易収支」 — is a figure's, and does not make the question theirs.)"""
    asked = Constraints(organizations=organizations, doc_kinds=named.doc_kinds, fiscal_years=named.fiscal_years)
    return kind_exists(asked, catalog) and (not named.fiscal_years or year_dates_a_document(asked, catalog))


def own_question(question: str, analysis: QuestionAnalysis, previous: QuestionAnalysis,
                 catalog: Catalog | None = None) -> str:
    """``question`` asked on its own — but of the conversation's organization and kind of document when it names
    neither a constraint nor a document (「…で、<question>」), or names only the conversation's organization
    (「「IPAクラウド」はどう進める？」 after a question on IPA's 令和6年度計画: still that plan); and of the
    conversation's organization when it names only a kind or year of document that organization has."""
    c, before = analysis.constraints, previous.constraints
    if (c.doc_kinds or c.fiscal_years) and not c.organizations and before.organizations \
            and not _NAMES_DOCUMENT.search(question) and _has_document(before.organizations, c, catalog):
        # 「前の中期目標では何を指標にしてたの？」「令和2年度の時点では…？」 in a conversation about JETRO, IPA: that
        # organization's document of the kind or year named, when it has one.
        return _scoped(list(before.organizations), question)
    if names_constraints(replace(c, organizations=())) or not set(c.organizations) <= set(before.organizations) \
            or _NAMES_DOCUMENT.search(question):
        return question
    # The kind goes with the year that dates it (「令和2年度評価」): the same document, not any of its kind.
    # (Not a year no document is of: 「2022年の貿易収支は？」 asked the figure's year, not the document's.)
    dated = before.doc_kinds and year_dates_a_document(before, catalog) and not _NOW.search(question)
    carried = Constraints(organizations=before.organizations, doc_kinds=before.doc_kinds,
                          fiscal_years=before.fiscal_years if dated else ())
    return _scoped(constraint_words(carried, year_words(previous.question)), question, "で、")


def _headed(question: str, analysis: QuestionAnalysis, previous: QuestionAnalysis) -> str | None:
    """``question`` with a bare noun (「演習」) replaced by the previous turn's thing it is the head of
    (「業界別サイバーレジリエンス強化演習」); None when none of its nouns ends a longer thing of that turn."""
    things = [t for t in (*_quoted_things(previous), *previous.qualifiers, *previous.topic) if len(t) > 2]
    for noun in (*analysis.qualifiers, *analysis.topic):
        if len(noun) < 2 or noun not in question or is_attribute(noun):
            continue  # 「成功件数って」 asks an attribute, which the measures of any thing end in
        full = next((t for t in things if t.endswith(noun) and t != noun and _NOUN_START.match(t[-len(noun) - 1])),
                    None)
        if full is not None:
            return question.replace(noun, full, 1)
    return None


_NOUN_START = re.compile(r"[一-龥ァ-ヶー]")  # the head joins a noun before it (「強化|演習」)


def _other_aspect(analysis: QuestionAnalysis, previous: QuestionAnalysis) -> bool:
    """Does the question ask, in a word that names no thing (「位置付け」「役割」), for an aspect the previous one
    did not ask about (「JETROはどういう位置付け？」 after 「…の政府目標は？」 asks JETRO's place in it, not that
    target again)?"""
    return analysis.focus in _ROLE and analysis.focus not in normalize_question(previous.question)


def _asks_why_instead(question: str, previous: QuestionAnalysis) -> bool:
    """「なんで令和2年度は除くの？」 after a question of what: a reason asked, not the previous question again."""
    return bool(_WHY.search(question)) and previous.answer_type != "reason"


_WHY = re.compile(r"なぜ|なんで|どうして|理由")


def _sibling_in(question: str, label: str) -> str | None:
    """``question`` with ``label`` in place of the one label of the same kind it names (a grade letter, a
    circled number, an indicator number), with the bracket that described the old one dropped; None when it
    names none or several."""
    kind = next(k for k in _LABEL_KINDS if re.fullmatch(k, label))
    found = [m for m in re.finditer(kind, question) if m.group(0) != label]
    if len(found) != 1 or re.search(kind, question[:found[0].start()] + question[found[0].end():]):
        return None
    m = found[0]
    after = re.match(r"\s*[（(][^（）()]{0,20}[）)]", question[m.end():])
    return question[:m.start()] + label + question[m.end() + (after.end() if after else 0):]


def _occasion_in(question: str, noun: str) -> tuple[int, int] | None:
    """Where ``question`` names an occasion of ``noun`` with words of its own before it (「令和3年1月8日からの
    緊急事態宣言」, from the clause's start): (start, end), or None when it does not name ``noun``."""
    at = question.find(noun)
    if at <= 0:
        return None
    start = max(question.rfind("、", 0, at), question.rfind("。", 0, at)) + 1
    return (start, at + len(noun)) if at > start else None


def _scope_naming(noun: str, turns: Sequence[QuestionAnalysis]) -> str | None:
    """The scope (「「新機軸」資料のミッション8(…)で、」) of the latest of ``turns`` that names ``noun`` in it, up to
    the comma after the noun — not a word that names only a kind of value (「目標」), which every plan's scope says;
    None when none does."""
    if is_attribute(noun):
        return None
    for t in reversed(turns):
        if (at := t.scope.find(noun)) >= 0:
            # (up to the comma after it, outside brackets: 「…ミッション④新しい健康社会で、PHRの業種横断的な」 names
            # the mission, then the thing that turn asked of)
            comma = _comma_after(t.scope, at)
            return t.scope[:comma + 1] if comma >= 0 else t.scope
    return None


def _comma_after(text: str, at: int) -> int:
    """The index of the first 「、」 after ``at`` outside brackets (「ミッション⑧（少子化対策、…）で、」), or -1."""
    depth = 0
    for i in range(at, len(text)):
        depth += (text[i] in "(（「『") - (text[i] in ")）」』")
        if text[i] == "、" and depth <= 0:
            return i
    return -1


# Where a noun phrase a question names begins: after a clause's comma or a scope's 「で、」.
_PHRASE_START = re.compile(r"[、。，,]")


def _phrase_naming(noun: str, turns: Sequence[QuestionAnalysis]) -> str | None:
    """The noun phrase ending in ``noun`` as the latest of ``turns`` to name one wrote it, with what qualifies it
    (「ブロックチェーンに関するリサーチ・レポート」 for 「レポート」) — not an attribute (「目標」), not a noun inside a
    longer one (「レポート数」), not a phrase asking (「どのレポート」) or pointing (「そのレポート」) itself; None
    when no turn names it with more than the noun."""
    if is_attribute(noun):
        return None
    return next((phrase for turn in reversed(turns) if (phrase := _phrase_in(noun, turn.question))), None)


def _phrase_in(noun: str, question: str) -> str | None:
    """The last noun phrase ending in ``noun`` that ``question`` writes with more than the noun (see
    :func:`_phrase_naming`), or None."""
    asked = normalize_question(question)
    for m in reversed(list(re.finditer(re.escape(noun), asked))):
        if re.match(f"[{NOUN_CHARS}々]", asked[m.end():m.end() + 1]):
            continue
        start = max((c.end() for c in _PHRASE_START.finditer(asked, 0, m.start())), default=0)
        phrase = asked[start:m.end()].strip()
        # (not a phrase cut inside a bracket: 「「DXレポート」の概要」 would leave a lone 「)
        if len(phrase) > len(noun) and not QUESTION_WORD.search(phrase) and not _PRONOUN.match(phrase) \
                and _balanced(phrase):
            return phrase
    return None


def _indicator_named(turns: Sequence[QuestionAnalysis]) -> str | None:
    """The indicator the latest of ``turns`` to name one named: by its label, with the thing before it (「…輸出の
    指標2-1」), or by what it is of (「国の安全保障の確保への貢献に関する指標」) — not past a turn that moved on to
    another organization's or kind of document (「JETROの中期目標で、輸出支援社数の目標は？」); None when none
    does."""
    for i in range(len(turns) - 1, -1, -1):
        if named := named_indicator(turns[i].question) or _phrase_in("指標", turns[i].question):
            return named
        if i and ((now := turns[i].constraints).organizations, now.doc_kinds) \
                != ((before := turns[i - 1].constraints).organizations, before.doc_kinds):
            return None
    return None


def _balanced(text: str) -> bool:
    """Does every bracket ``text`` opens close in it?"""
    return all(text.count(o) == text.count(c) for o, c in ("「」", "『』", "（）", "()"))


_COUNT = f"(?:{SET_COUNT})"
_COUNT_BEFORE = re.compile(rf"(?:その|この)?{_COUNT}\s*(?:つの)?$")  # 「6つの|柱」「その3|テーマ」
_SET_ASKED = re.compile(r"(?:は|って|には)?(?:いくつ|何|なに|どれ|どんな|挙げ)")  # 「柱|はいくつあり」
# 「3つ目はどうなった？」: a place in a set the question does not name.
_PLACE_ONLY = re.compile(rf"^(?:その|この)?(?P<n>{_COUNT})\s*(?:つ目|番目)(?!の?[一-龥ァ-ヶー])")
# A set a turn counts (「その3テーマはそれぞれ何？」「5つの領域」), not a figure (「3件」).
_COUNTED_SET = re.compile(rf"(?<![0-9.,第和成〇一二三四五六七八九十])(?P<count>{_COUNT})"
                          r"\s*(?:つの)?\s*(?P<noun>[一-龥ァ-ヶー]{1,6}?)(?=は|を|が|の|って|と|、|[?？]|$)")


def _with_counted_noun(question: str, turns: Sequence[QuestionAnalysis]) -> str:
    """「3つ目はどうなった？」 with the set the latest of ``turns`` to count one (at least that many) named:
    「3つ目のテーマはどうなった？」 after 「その3テーマはそれぞれ何？」. ``question`` as it is otherwise."""
    if not (m := _PLACE_ONLY.match(question)):
        return question
    for turn in reversed(turns):
        for c in _COUNTED_SET.finditer(normalize_question(turn.question)):
            # (not a figure's counter: 「3件」「5年度」「5期」)
            if not c["noun"].startswith((*FIGURE_COUNTERS, "期")) and numeral(c["count"]) >= numeral(m["n"]):
                return f"{question[:m.end()]}の{c['noun']}{question[m.end():]}"
    return question


def _set_asked(turns: Sequence[QuestionAnalysis], noun: str) -> str | None:
    """The words before a set of ``noun`` (「柱」) in the latest of ``turns`` to name one — the latest to count it
    or ask of it (「…で、スタートアップ・イノベーションのエコシステム強化の6つの柱は何？」), if any: its scope and
    what the set is of (「…で、スタートアップ・イノベーションのエコシステム強化の」), without the set's count and
    noun. None when no turn names such a set."""
    said = [(q[:at], q[at + len(noun):]) for t in turns if (at := (q := normalize_question(t.question)).find(noun)) > 0]
    counted = [before for before, after in said if _COUNT_BEFORE.search(before) or _SET_ASKED.match(after)]
    for before in (*reversed(counted), *(b for b, _ in reversed(said) if b not in counted)):
        # (「その3テーマ」 says nothing of where the set is: the turn before that named it does)
        if before := _COUNT_BEFORE.sub("", before):
            return before if before.endswith(("の", "る", "た", "、")) else before + "の"
    return None


def _scoped(words: list[str], body: str, joint: str = "の") -> str:
    """``body`` preceded by the constraint words it does not already contain (「IPAの令和2年度の…」)."""
    missing = [w for w in words if w.lower() not in body.lower()]
    return "の".join(missing) + joint + body if missing else body


# 「その基金、予算は？」: a demonstrative before a noun the previous question did not use points at the thing the
# previous answer named with that noun (「経済安全保障重要技術育成基金」).
_LEADING_DEMONSTRATIVE = re.compile(r"^(?:その|この|あの)(?!結果|一方|場合|ため)(?P<noun>[一-龥ァ-ヶー]{2,10})"
                                    r"(?=[、,はがをにでのもへと]|って)")
_NAME_RUN = "[一-龥々ァ-ヶーA-Za-zＡ-Ｚａ-ｚ0-9０-９・]{1,30}"
# A title in brackets ending in a noun, without the section number before it (「Ⅸ．５．人材の確保・育成に係る方針」).
_TITLED = r"「(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ0-9０-９]+[．.]|[（(][0-9０-９]+[）)])*\s*(?P<name>[^「」]{{1,40}}?{})」"


def _without_markers(answer: str) -> str:
    """An answer's text without its citation markers (「[1]」「[1,2]」「［１］」)."""
    return MARKER_ANY.sub("", answer)


def first_line(answer: str) -> str:
    """An answer's first line — the answer itself — without its citation markers."""
    return _without_markers(answer).split("\n", 1)[0]


def answer_referent(question: str, previous_question: str, previous_answer: str) -> str:
    """``question`` with 「その<noun>」 in place of the name ending in that noun that the previous answer gives
    (「その基金、予算は？」 -> 「経済安全保障重要技術育成基金、予算は？」), or the bracketed title it quotes
    (「その方針って…」 -> 「人材の確保・育成に係る方針って…」), when the previous question does not say the noun
    itself; else unchanged."""
    q = normalize_question(question)
    m = _LEADING_DEMONSTRATIVE.match(q)
    if not m or not previous_answer or m.group("noun") in normalize_question(previous_question):
        return question
    noun = m.group("noun")
    said = _without_markers(previous_answer)
    # The first the answer gives: a name run (「…育成基金」) or a bracketed title (「「Ⅸ．５．…に係る方針」」).
    found = [x for x in (re.search(f"(?P<name>{_NAME_RUN}{re.escape(noun)})", said),
                         re.search(_TITLED.format(re.escape(noun)), said)) if x]
    named = min(found, key=lambda x: x.start())["name"] if found else None
    return named + q[m.end():] if named else question


def asked_name_referent(question: str, questions: Sequence[str], answers: Sequence[str]) -> str:
    """``question`` with 「その<noun>」 in place of the name an earlier answer gave when its question asked for that
    noun's name (「…のポータルサイトは何？」 answered 「…ポータルサイト「マナビＤＸ」を通じた…」: 「そのポータルサイトの
    アクセス数は？」 asks of 「マナビＤＸ」, however many turns ago); else unchanged."""
    q = normalize_question(question)
    m = _DEMONSTRATIVE_NOUN.search(q)
    if not m:
        if (it := _BARE_PRONOUN.search(q)) and questions and answer_type(questions[-1]) == "name" \
                and (name := _name_answered(answers[-1])):
            # 「それをどう位置づけている？」 right after 「…の取組は、何という名前で推進する？」 answered
            # 「ウラノス・エコシステム」: 「それ」 is the name.
            return q[:it.start()] + f"「{name}」" + q[it.end():]
        if it and questions and (named := _thing_answered(questions[-1], answers[-1])):
            # 「それはいつから実施されている？」 right after 「…輸出未経験企業等を対象にしたプログラムは何？」 answered
            # 「…輸出未経験企業等を対象にした新規輸出１万者支援プログラムの推進・強化。」: 「それ」 is that programme.
            return q[:it.start()] + named + q[it.end():]
        return question
    noun = re.escape(m.group("noun"))
    for asked, said in zip(reversed(questions), reversed(answers)):
        if re.search(rf"{noun}(?:は|って)(?:何|なに|どこ|どれ)|どの{noun}|{noun}の名[前称]", normalize_question(asked)):
            name = re.search(rf"{noun}「([^「」]{{2,40}})」", first_line(said))
            return q[:m.start()] + f"「{name.group(1)}」" + q[m.end():] if name else question
    return question


# 「それを」「これは」: a pronoun standing alone (not 「それぞれ」「これまで」「それで、」).
_BARE_PRONOUN = re.compile(r"(?:それ|これ)(?=を|は|が|に|の|って|も)")


# 「…を対象にしたプログラムは何？」: which thing of a kind is asked (the kind ends the question's noun run).
_WHICH_THING = re.compile(r"(?P<noun>[一-龥ァ-ヶー]{2,10})(?:は|って)(?:何|なに|どれ)(?:ですか|なの|でしょうか)?[?]?$")


def _thing_answered(question: str, answer: str) -> str | None:
    """The thing the answer's first line names when ``question`` asked which thing of a kind (「…プログラムは何？」
    -> 「新規輸出１万者支援プログラム」): a name ending in the kind, longer than the question says it; None
    otherwise."""
    asked = _WHICH_THING.search(normalize_question(question))
    first = first_line(answer)
    if not asked or is_attribute(asked["noun"]) or not first or first.strip().startswith(ABSTAIN):
        return None  # (「…の目標は何？」 asks an attribute: 「それ」 after it is not the 数値目標 the answer names)
    return next((m.group(0) for m in re.finditer(f"{_NAME_RUN}{re.escape(asked['noun'])}", _without_markers(first))
                 if m.group(0) not in normalize_question(question)), None)


def _name_answered(answer: str) -> str | None:
    """The name an answer's first line gives: inside its quotes, or the line itself when it is a short name
    (「ウラノス・エコシステム[1][2]」); None for an abstention or a sentence."""
    first = first_line(answer).strip()
    if not first or first.startswith(ABSTAIN):
        return None
    if quoted := re.search(r"「([^「」]{2,40})」", first):
        return quoted.group(1)
    return first if len(first) <= 30 and not re.search(r"[。、，,：:]", first) else None


# 「そもそもそれは…」「ところで、…」: an opening aside that says nothing of what is asked.
_ASIDE = re.compile(r"^(?:そもそも|ところで|念のため(?:に)?|ついでに)[、,\s]*(?=.)")
# 「支援件数のほうの目標は？」: the side named (「のほう」) is what the target is of — 「支援件数の目標」.
_SIDE_OF = re.compile(r"(?<=[一-龥ァ-ヶー])のほう(?=の)")
_DEMONSTRATIVE_NOUN = re.compile(r"(?:この|その|あの)(?P<noun>[一-龥ァ-ヶー]{2,10}?)(?=の|は|で|を|が|に)")


def resolve_history(questions: list[str], analyze, names: dict[str, str] | None = None,
                    catalog: Catalog | None = None, answers: Sequence[str] = ()) -> list[Resolved]:
    """Resolve every question of a conversation in order (``analyze``: text -> QuestionAnalysis; ``answers``:
    the answers given to the questions before the last, where 「その基金」 may have been named)."""
    out: list[Resolved] = []
    resolved: list[QuestionAnalysis] = []
    for i, q in enumerate(questions):
        asked = said = _SIDE_OF.sub("", _ASIDE.sub("", q)) if i else q
        if 0 < i <= len(answers):
            asked = asked_name_referent(said, questions[:i], answers[:i])
            asked = answer_referent(said, questions[i - 1], answers[i - 1]) if asked == said else asked
        if resolved:
            asked = indicator_sibling(asked, resolved[-1].question)
        now = analyze(asked)
        r = resolve(asked, now, resolved[-1] if resolved else None, names, catalog, resolved[:-1])
        resolved.append(analyze(r.question) if r.question != asked else now)
        fallback = None
        if r.question != asked and i and has_own_focus(now) and (QUESTION_WORD.search(asked) or _ASKS.search(asked)):
            fallback = own_question(asked, now, resolved[-2], catalog)
        out.append(Resolved(r.question, q, fallback if fallback != r.question else None))
    return out


_ASKS = re.compile(r"ある[？?]|教えて|挙げて")  # a question without a question word

# A bare indicator number (「４－２のほうは？」), not part of a longer label, date or figure.
_BARE_LABEL = re.compile(r"(?<![指標0-9０-９\-－‐−./／])([0-9０-９]{1,2}\s*[\-－‐−]\s*[0-9０-９]{1,2})"
                         r"(?![0-9０-９\-－‐−./／年月日%％件人社])")


def indicator_sibling(question: str, previous: str) -> str:
    """「４－２のほうは誰が対象？」 after a question on 「指標４－１」: the bare number is the sibling indicator's label
    (「指標４－２のほうは…」)."""
    if not indicator_labels(previous) or indicator_labels(question):
        return question
    return _BARE_LABEL.sub(lambda m: "指標" + m.group(1), question, count=1)

