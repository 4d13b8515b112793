"""Question analysis: what is asked, about what, and under which constraints.

Pure string functions, no model: the answer type (count, amount, percentage,
date, person, place, list, definition, reason, change, yes/no, fact), the
*focus* — the thing whose value is asked (「合格者数」「対日投資誘致成功件数」) —
and the constraints a question puts on the documents: organization, document
kind, fiscal year, revision (令和5年度補正 / 令和7年 / 最新) and version
(変更案 / 現行). Organization names are not listed here: the caller passes the
names (and aliases) found in the indexed documents.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from index.meta import era_year
from index.text import compact, either_width

from .definitions import defined_term
from .values import COUNT_UNITS, WHEN, values_in

ANSWER_TYPES = ("count", "amount", "percentage", "date", "person", "name", "grade", "frequency", "place", "list",
                "definition", "reason", "change", "yesno", "fact")
# Answered by a value the text must state: a figure, a date, who (a person's role or an organization),
# a name (「J-Bridge」「第四次産業革命スキル習得講座認定制度」), the grade an evaluation gives (S/A/B/C/D), or how
# often (「四半期毎」).
VALUE_TYPES = ("count", "amount", "percentage", "date", "person", "name", "grade", "frequency")

# The things a figure counts, as a question asks for them (「何件」「何サービス」): the units a count is written in.
_COUNTED = "|".join(re.escape(u) for u in sorted(COUNT_UNITS, key=len, reverse=True))
_HOW_MANY = r"何\s*[万千百]?"  # before a counter: 「何件」, and 「何万人」 counts people too
# A figure gone from one value to another (「…に変わった」「…に引き上げられた」).
_CHANGED = "(変わ|な|増え|減|引き上げ|引き下げ|上が|下が|見直)"
# Answer-type cues, tried in order: the first that matches decides.
_TYPE_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("definition", re.compile(r"とは[、，]?(何|なに|どういう|どのよう|どんな)|とは[？?\s]*$|の定義|の意味"
                              # 「…ってなに？」, not a figure, name or items asked with 何 (「…の目標って何兆円？」
                              # 「…って何の略？」「…って何て名前？」「…って何がある？」), nor a reason
                              # (「理由って何？」)
                              r"|(?<!理由)(?<!根拠)(?<!背景)(?<!目的)って(何|なに)(?![一-龥ァ-ヶ0-9０-９%％]|の略|て|と(い|呼)|が)"
                              # 「「プッシュ型支援」ってどういうもの？」「…ってどんな支援のこと？」
                              # (after a comma only of a quoted name: 「「…手引書」って、どういうもの？」 —
                              # 「対象事業って、どういうもの？」 asks for the kinds of it)
                              r"|(って|」って[、，])(どういう|どんな|どのような)[^、。？?]{0,8}(もの|こと|意味)")),
    ("change", re.compile(r"(何|どこ|どう|どのように)(が|を)?(変わ|変更|改め|書き?換え|置き換え)"
                          r"|変更(点|内容|前後)|違い|新旧で"
                          r"|現行と(の|比べ)"
                          r"|変更案と現行|現行から|から(何|どう)変"
                          # 「何件から何件に変わる？」「いくつからいくつになった？」: a figure before and after
                          rf"|(何|いくつ)[^、。？?]{{0,3}}から(何|いくつ)[^、。？?]{{0,3}}に{_CHANGED}"
                          # 「現行の370件からいくつに変わった？」: the figure before said, the one after asked
                          rf"|[0-9０-９][^、。？?]{{0,4}}から(何|いくつ)[^、。？?]{{0,3}}に{_CHANGED}")),
    ("name", re.compile(r"(の|な)(名前|名称)(は|を|が)|何という(名前|名称)?|何と(いう|呼)|何て(いう)?(名前|名称)"
                        r"|正式(名称|な名前|名)"
                        r"|何の略")),
    ("reason", re.compile(r"なぜ|なんで(?!も)|どうして|理由|根拠は|背景は|目的は|何のため"
                          r"|(どういう|どんな|どのような)目的")),
    ("grade", re.compile(r"評定(は|を|が|って|の結果)|何評定")),
    # 「どのくらいの頻度で公開」「何か月ごとに」 (before date: 「何月ごと」 asks how often, not which month).
    ("frequency", re.compile(r"頻度|どの(くらい|程度)の(間隔|ペース)|何\s*(か|ヶ|カ)?(月|年|週|日)(ごと|おき|毎)")),
    # (「何年ぶり」「何年連続」 count years: a count, not a date; 「何年で」「何年間」 a span, said with the figure.)
    ("date", re.compile(r"いつ|何年(?!ぶり|連続|続け|で|間)|何月|何日|時期|期限|期日|何年度|どの(くらい|程度)の期間"
                        r"|期間(は|って|が)?(どれ|どの)(くらい|ほど|程度)")),
    # 「…件数を算出した事業はどれ？」: a question that ends asking which ones asks for them, whatever
    # measure its relative clause names.
    ("list", re.compile(r"(は|が|って)どれ(です|でしょう)?か?[？?]?$")),
    ("percentage", re.compile(r"何(%|％|パーセント|割)|割合|比率|何倍")),
    ("amount", re.compile(r"いくら|金額|予算(額|規模)?は|(何|いくら)(円|億|兆|万円)|規模は|額(は|が|を)|の額"
                          r"|投資額|市場規模"
                          # 「どのくらいの市場が見込まれてる」: a size of money asked without saying 額
                          r"|(どの|どれ)(くらい|ぐらい|ほど|程度)の(市場|投資|予算|売上|資金|費用)")),
    ("count", re.compile(rf"{_HOW_MANY}(?:{_COUNTED}|つ)"
                         r"|いくつ(?!か)|件数は|人数は|数は|数を|どれ(くらい|ほど|だけ)|どの(くらい|程度|水準)"
                         # 「目標値は？」, not a compound that only begins with it (「目標値設定の前提は」)
                         r"|目標値(?![一-龥])")),
    # (「誰を対象に」「対象は誰」「誰向け」 ask who is aimed at — a kind of people, 「デジタルを使う人材」 —
    # not a name.)
    ("person", re.compile(r"(?<!対象は)(?<!ターゲットは)(?:誰|だれ)(?!(?:を|が)?(?:対象|ターゲット)|向け)"
                          r"|氏名|どなた")),
    ("place", re.compile(r"どこ|どの(国|地域|都市|場所)|所在地")),
    ("list", re.compile(r"挙げ|挙が[っるり]|列挙|(どのような|どんな|どういう|何の)"
                        r"(取組|施策|もの|事業|項目|分野|柱|テーマ|課題|方針|内容|支援|手段|点)"
                        r"|[2-9２-９二三四五六七八九]つの|(取組|施策|事項|措置)(は|を)?[？?]?$"
                        # 「どんな制度や取組を運用」: things joined with 「や」 after the question word are several
                        r"|(どのような|どんな|どういう)[^、。？?]{1,8}や[^、。？?]{1,8}を"
                        r"|何があ|どういったもの|主な(取組|施策|内容)|(取組|施策|柱|テーマ|分野|課題)(は|を)(何|教え)"
                        r"|それぞれ何"
                        # 「…を全部教えて」「すべて挙げて」「一覧で」: every item asked for
                        r"|(全部|全て|すべて|残らず)(教え|知り|示し|挙げ|を?列挙)|一覧(で|に|を)")),
    # Only without a question word: 「比べるとどうなっていますか」 asks what, not whether; and not a polite
    # request (「…を教えていただけますか」「示してもらえますか」 ask for the thing itself).
    # (Not inside other words: 「などの」「それほどの」「みんなに」; 「何らか」「何か」 are not question words.)
    ("yesno", re.compile(r"^(?!.*(どう|何(?!らか|か)|(?<![みん])なに(?!か)|どこ|(?<![なほ])どの|どれ|どんな|いつ"
                         r"|誰|だれ|なぜ|いくつ|いくら"
                         r"|(教え|示し|挙げ|説明し|紹介し|まとめ|知らせ)て(いただけ|頂け|もらえ|くれ|くださ|下さ)))"
                         r".*((ます|です|ある|いる|される)か[？?]?$|のですか[？?]?$)")),
]
# Each figure a question asks for, with the unit it names (「何社・何名」 -> 社, 名; 「どのくらい」 -> none).
_WH = re.compile(rf"{_HOW_MANY}(?P<unit>{_COUNTED}|%|％|割|倍|年|月|日)"
                 r"|(?P<price>いくら)|いくつ|どのくらい|どれくらい|どれだけ|どの程度"
                 r"|(?P<when>いつ|(?:時期|時点|日付)も)")  # 「…何社？時期もあわせて」: the date too
# A focus that names a measure (「合格者数」「成長率」「設備投資額」): the figure must be of that measure,
# not of a neighbouring one (応募者数 for 合格者数) — the commonest way a document does not say.
MEASURE = re.compile(r"(数|率|額|高|量|費|割合|比率|規模|倍率)$")
# What a question asks for when its last phrase is 「目標」「実績」「水準」: in plans and evaluations, a figure.
IMPLIED_FIGURE = re.compile(r"目標|実績|水準|数値|数字")
_PLAN_NAME = re.compile(r"中長?期目標|目標期間")  # a plan's name, not an asked target
# A size asked without saying what of (「どれくらい」「どの程度」): counts, amounts and shares all answer it.
MAGNITUDE = re.compile(r"どれ(くらい|ぐらい|ほど|だけ)|どの(くらい|ぐらい|程度|水準|レベル)")
_UNIT = re.compile(rf"{_HOW_MANY}({_COUNTED})")
_UNIT_WORDS = {"件数": "件", "人数": "人", "社数": "社", "者数": "人", "人の数": "人", "者の数": "人"}
# Things a text counts by their own name (「213 会場」), not by another counter (企業 by 社, 事業者 by 社 or 者).
SELF_COUNTED = ("会場", "組織", "機関", "団体", "拠点", "校", "都市", "地域", "分野", "領域", "区分", "品目",
                 "テーマ", "講座", "大学", "自治体", "法人", "製品", "事例", "プロジェクト", "サービス")
COUNTED_BY_NAME = f"(?:{'|'.join(sorted(SELF_COUNTED, key=len, reverse=True))})"  # one of them, as a pattern
_THING_COUNTED = re.compile(rf"({COUNTED_BY_NAME})数(?![値字量多理学百千十万])")
# Words that name the kind of value rather than the thing: 「…の目標は」 asks for the focus before it.
GENERIC = ("目標値", "目標額", "見積額", "見込額", "見積り", "見積もり",
           "目標件数", "目標人数", "目標社数", "目標数", "実績件数", "実績人数", "実績社数", "目標", "水準",
           "数値", "値", "実績値", "実績", "数", "件数", "人数", "社数", "額", "金額", "規模",
           "内容", "関わり", "関与", "役割", "立場", "位置付け", "位置づけ",
           "概要", "状況", "計画", "予定", "結果", "見込み", "こと", "もの", "ところ", "具体的", "具体", "程度", "ため",
           "割合", "累計", "合計", "総数", "総額", "全体", "中身", "理由", "取組", "取り組み", "種類", "名前", "名称",
           "対象", "項目",  # 「…の中身として挙げられている項目は」 asks the items of what comes before
           "方針", "位置づけ", "位置付け", "特徴", "役割", "定義", "意味", "時期", "年度", "頻度", "間隔", "ペース",
           "記載", "記述", "言及", "内訳",  # 「…について記載はありますか」 asks about what comes before
           "部分", "箇所")  # 「人材（OS①）の部分で」 points at a part of a document, it names nothing
_FY = re.compile(r"(令和|平成)\s*([0-9]+|元)\s*年度?|(20[0-9]{2})\s*年度?")
# A year with the point of it named (「令和2年度末時点」「2024年度当初」): still only when, never what.
_FY_POINT = re.compile(rf"(?:{_FY.pattern})\s*(?:末|初め|当初|時点|現在)*")
_MONTH = r"\s*[0-9]{1,2}\s*月"  # right after a year: the year is a date's (「令和3年3月」)
_A_MONTH = re.compile(rf"(?<!度){_MONTH}")
_REVISION = re.compile(r"(令和|平成)\s*([0-9]+|元)\s*年度?\s*補正"
                       rf"|(令和|平成)\s*([0-9]+|元)\s*年(?!度)(?!{_MONTH})\s*(の)?(改定|変更|改正|版)?"
                       r"|最新|直近|最近の(改定|変更)")
KINDS = ("中長期目標", "中期目標", "年度計画", "中期計画", "年度評価", "業務実績", "政策資料", "キーメッセージ")
# A verb's (or adjective's) attributive ending: a kind of document written right after it is a target the clause
# describes (「当面見据える中期目標は？」), not a document.
_ATTRIBUTIVE = "[るたうく]"
# A document named by its kind (「業務実績」「実績評価」) or a plan's name: not a figure asked for.
_DOCUMENT_NAME = re.compile("|".join((*KINDS, "実績評価", _PLAN_NAME.pattern)))
_DOC_WORD = r"(資料|計画|目標|評価|対照表)"
NOUN_CHARS = r"一-龥ァ-ヶーA-Za-zＡ-Ｚａ-ｚ0-9０-９"  # what a noun is written in: no kana particles
# (「比較の基準となる」「比較対象」 name a baseline, not a comparison asked for.)
_CROSS = re.compile(r"それぞれ|比較(?!の|対象)|両(方|者)|各(機関|法人|資料|文書)|ごとに|と(.{1,12})の(違い|差)"
                    r"|どちらも|いずれも"
                    # 「JETROの中期目標に書いてあるものと新機軸のキーメッセージとで違いはある？」
                    r"|と[^、。？?]{2,40}とで(?:違い|差|異な)"
                    # 「JETROの目標と新機軸資料で」: two documents named, nothing but nouns between them
                    rf"|{_DOC_WORD}と[{NOUN_CHARS}]{{1,20}}{_DOC_WORD}(で|の中で)")


# A figure the question states as known, closing its clause (「1,561件のうち」「230万人の育成目標のうち」
# 「60名超とのことですが」「155.9%って話だけど」「16.3%ってあるけど」) — not one inside what is asked
# (「PBR1倍以上の割合」「PBR1倍以上の企業のうち」: a bound, not a whole).
KNOWN_AFTER = re.compile(r"(?<!以上)(?<!以下)(?<!未満)(?<!超)\s*の[一-龥ァ-ヶー]{1,8}の?うち"
                         r"|\s*(?:以上|以下|超|程度|ほど)?\s*(?:の?うち|とのこと|って(?:話|こと|いう|ある|書)"
                         r"|と(?:いう|言う|聞|ある|書)|(?:です|だ)(?:が|けど)|[、,]"
                         # 「115兆円目標が紹介されていますが、」: the clause it closes grants it
                         r"|[^、。？?]{1,16}?(?:ます|です|だ|る|た)(?:が|けど|けれど)[、,])")
# Two years joined as one span (「2016年度～2018年度」「平成28年度から30年度」): a period, not two documents.
_YEAR_RANGE = re.compile(r"年度?\s*(?:~|～|〜|-|－|から)\s*(?:令和|平成)?\s*(?:[0-9]+|元)\s*年")


@dataclass(frozen=True)
class Constraints:
    """What a question says about the documents it is asking about."""

    organizations: tuple[str, ...] = ()
    doc_kinds: tuple[str, ...] = ()
    fiscal_years: tuple[int, ...] = ()
    revision: str | None = None  # as written: 令和5年度補正, 令和7年, 最新
    revision_year: int | None = None  # western year of the named revision, when it names one
    version: str | None = None  # 変更案 / 現行
    periods: tuple[int, ...] = ()  # numbered plan periods: 第5期, 第五期 -> 5
    # organizations listed together to name the one document that covers them all (「NEDO・JETRO・IPA新旧対照表」)
    covers: tuple[str, ...] = ()
    # … or counted (「経産省の3法人まとめの対照表」): the one document covering that many organizations
    covers_count: int = 0

    def names_organization(self, organization: str | None) -> bool:
        """Is ``organization`` (a document's) one the question names?"""
        return bool(organization) and any(o in organization for o in self.organizations)

    def names_cover(self, covered: set[str] | frozenset[str]) -> bool:
        """Is a file whose documents are of the organizations ``covered`` the one the question names by what it
        covers (「NEDO・JETRO・IPAの新旧対照表」「3法人まとめの対照表」)? False when it names none so."""
        return bool(self.covers or self.covers_count) and set(self.covers) <= covered \
            and len(covered - {""}) >= self.covers_count

    def names_kind(self, kind: str | None) -> bool:
        """Is ``kind`` (a document's) the kind the question names (either written inside the other)?"""
        return bool(kind) and any(k in kind or kind in k for k in self.doc_kinds)


@dataclass(frozen=True)
class QuestionAnalysis:
    question: str
    answer_type: str
    unit: str | None
    focus: str
    qualifiers: tuple[str, ...] = ()  # other content phrases of the question
    constraints: Constraints = field(default_factory=Constraints)
    cross: bool = False  # asks about several documents or organizations
    anchor: str = ""  # the phrase right before the question word (「累計で何件」 -> 累計): where the figure sits
    # The の-chain asked about, right before the question word (「…で、半導体の長期目標は？」 ->
    # (半導体, 長期目標)), and the question before it (「…で、」): what a follow-up replaces or refers to.
    topic: tuple[str, ...] = ()
    scope: str = ""
    # The parts joined by と (「IPAの令和2年度の実績と、新機軸での施策」), each with the documents it names:
    # which document each part of a comparison asks about. Empty for a question of one part.
    parts: tuple[tuple[str, Constraints], ...] = ()
    # Places the question names (「栃木」「ニューヨーク」; not a country, which a text may call 我が国 or 海外):
    # a name the answer's passage must say — a figure of another place is not the answer.
    places: tuple[str, ...] = ()

    @property
    def wants_value(self) -> bool:
        return self.answer_type in VALUE_TYPES

    @property
    def asks_measure(self) -> bool:
        """A value of a named measure or role is asked (「受験者数は？」「代表者は誰？」), so only text
        naming it can answer. A change of a named measure (「対日投資誘致成功件数の目標は現行からどう変わった？」)
        asks for that measure's figures too, not any figure that changed."""
        if self.answer_type == "change":
            return bool(MEASURE.search(self.focus))
        return self.wants_value and (self.answer_type == "person" or bool(MEASURE.search(self.focus)))

    @property
    def status(self) -> str | None:
        """「目標」 when a target is asked (「…の目標は？」), 「実績」 when a result is (「…の実績は？」), else None."""
        return asked_status(self.question)

    @property
    def term(self) -> str:
        """For a definition question, the term whose meaning is asked (「「プッシュ型支援」ってどういう支援のこと」
        -> 「プッシュ型支援」, not the focus 「支援」); "" otherwise."""
        if self.answer_type != "definition":
            return ""
        return defined_term(self.question, (*self.topic, *self.qualifiers, self.focus))

    @property
    def restricted_to(self) -> str:
        """The one thing a question narrows a figure to (「ヒアリング、自治体だけに絞ると何件」 -> 「自治体」,
        「市場のうち国内市場だけの規模」 -> 「国内市場」); "" when it narrows nothing (「どれだけ」)."""
        return restriction(normalize_question(self.question))

    @property
    def part_asked(self) -> str:
        """The part of a stated whole whose figure is asked (「採択者85名のうち、女性は何名」 -> 「女性」), else ""."""
        return part_of_whole(normalize_question(self.question))

    @property
    def parts_ask_figures(self) -> bool:
        """A comparison whose parts ask a target or a result (「令和2年度の実績と、令和6年度計画の目標を比べると」):
        each part is answered by a figure when its document gives one."""
        return any(IMPLIED_FIGURE.search(_DOCUMENT_NAME.sub("", text)) for text, _ in self.parts)

    @property
    def event(self) -> str:
        """What a date or a count is asked of, when the question names it as a verb (「いつ設置された」 -> 「設置」,
        「いつ入札したの」 -> 「入札」, 「何名を採択しましたか」 -> 「採択」, 「起業した件数」 -> 「起業」);
        "" otherwise."""
        pattern = {"date": _EVENT, "count": _COUNT_EVENT}.get(self.answer_type)
        m = pattern.search(normalize_question(self.question)) if pattern else None
        event = next((g for g in m.groups() if g), "") if m else ""
        return "" if event in _NO_EVENT else event

    @property
    def unit_said(self) -> bool:
        """The question names the unit of the one figure it asks (「何点」「何社」), not only a word that
        suggests one (「受講者数は」)."""
        return bool(_UNIT.search(normalize_question(self.question))) and not self.asks_several

    @property
    def breakdown_of(self) -> list[str]:
        """「716件の内訳は」「376件になった理由は」「2,100件のうち補正分は」: the figures (count or amount) the
        question says and asks the make-up of; [] when it says none or asks something else of them."""
        if not _MAKE_UP.search(self.question):
            return []
        return [v.text for v in values_in(normalize_question(self.question)) if v.kind in ("count", "amount")]

    @property
    def asks_parts(self) -> bool:
        """「…人件費の見積りの内訳は？」「人件費3,808百万円はどんな内訳？」: the parts a figure is made of (the figure
        said, if any, is in breakdown_of)."""
        return "内訳" in self.question

    @property
    def asks_deadline(self) -> bool:
        """「何年までに」「いつまでに」: the date by which something is to be done."""
        return self.answer_type == "date" and bool(re.search(r"(いつ|何年度?|何月)まで", self.question))

    @property
    def asks_span(self) -> bool:
        """「何日間やった」「どのくらいの期間」: how long, a span of time (「当面10年間」), not when."""
        return self.answer_type == "date" and bool(re.search(r"何\s*(日|週|か月|ヶ月|カ月|年)間|期間", self.question))

    @property
    def asks_indicators(self) -> bool:
        """「…にはどんな数値目標がある？」「定量指標は？」: the targets set for something, as its plan states them —
        not one indicator named by its label (「指標2-2の目標は？」), nor the figure of one counted in its own unit
        (「連携強化の指標は何組織を目標に」)."""
        return self.answer_type != "reason" and not (self.answer_type == "count" and self.unit) \
            and asks_indicators(self.question)  # not why they were set

    @property
    def ordinal(self) -> OrdinalAsk | None:
        """The item the question asks by its place in a set (see :func:`asked_ordinal`)."""
        return asked_ordinal(normalize_question(self.question))

    @property
    def counted_set(self) -> tuple[str, str] | None:
        """The set a question counts and asks the members of (「５以上の領域とはどこ」 -> ("5", "領域"),
        「6つの柱には何がある」 -> ("6", "柱"), 「5都市ってどこ」 -> ("5", "都市")); None when it asks no members
        (「何件」, or a count it only mentions)."""
        if self.answer_type not in ("list", "place", "name", "fact", "definition"):  # 「6つの柱って何？」
            return None
        return counted_set(normalize_question(self.question))

    @property
    def members_asked(self) -> int:
        """How many members the question asks for: the count of its counted set (「6つの柱には何がある」 -> 6) or a
        bare count (「必要な取組として挙げられている4つは？」 -> 4); 0 when it counts none."""
        if counted := self.counted_set:
            return numeral(counted[0])
        if self.answer_type == "list" and (m := _BARE_COUNT.search(normalize_question(self.question))):
            return numeral(m[1])
        return 0

    @property
    def asks_several(self) -> bool:
        """「何名で、何社を訪問した？」: more than one figure asked."""
        return len(asked_figures(self.question)) >= 2


# The targets a plan sets for something, asked without naming one (「どんな数値目標がある」「定量指標って何」「指標は
# ある？」「KPIは？」). A bare 「目標」 asks a figure (「目標は何件」), so it is not one of these words.
_INDICATOR_WORD = r"(?:数値目標|定量目標|定量指標|定量的指標|評価指標|成果指標|指標|KPI)"
# (A plan's text names them the same ways: 「以下のとおり数値目標を設定する」.)
INDICATOR_WORD = re.compile(_INDICATOR_WORD)
_ASKS_INDICATORS = re.compile(rf"(?:どんな|どういう|どのような|何の)\s*{_INDICATOR_WORD}"
                              rf"|{_INDICATOR_WORD}(?:って|は|が|と|も|として)?\s*(?:何|なに|どう|どれ|ある|あり|[?？]|$)")
# A numbered set (「５以上の領域」「6つの柱」「3つの部会」「5都市」): after 「つの」「以上の」 any noun; written
# straight after the number only a noun that names things (not a figure's counter: 件・名・社).
SET_COUNT = r"[0-9]{1,2}|[二三四五六七八九十]"  # how many a set is said to have (「6つの」「五つの」)
_COUNTED_SET = re.compile(rf"(?<![0-9.,第])({SET_COUNT})\s*(つの|以上の)?\s*([一-龥ァ-ヶー]{{1,6}})")
FIGURE_COUNTERS = ("件", "社", "人", "名", "点", "回", "者", "本", "台", "組", "冊", "段階", "年", "月", "日", "倍")
# (the set itself closing the question: 「…5領域は？」)
_SET_ASKED = re.compile(rf"{_COUNTED_SET.pattern}(?:は|って)\s*[?？]?\s*$")
# 「…として挙げられている4つは？」「3つを教えて」: members asked by their count alone, closing the question (not
# 「この2つは何が違う？」, which refers back to two things).
_BARE_COUNT = re.compile(rf"(?<![0-9.,第])({SET_COUNT})\s*つ(?:は|って|とは|を)\s*"
                         r"(?:(?:何|なに|どれ)(?:です|でしょう)?か?|(?:教えて|挙げて)(?:ください|下さい)?)?\s*[?]?\s*$")
_ASKS_WHICH = re.compile(r"どこ|どれ|何(?!件|名|人|社|%|％|割|倍|年|月|日|回)|どんな|どういう|どのような"
                         r"|どの(?=\s*[0-9二三四五六七八九十])|挙げ|教えて")  # (「どの3つの観点から」)


def asks_indicators(question: str) -> bool:
    """See :attr:`QuestionAnalysis.asks_indicators`."""
    q = normalize_question(question)
    return bool(_ASKS_INDICATORS.search(q)) and not indicator_labels(q)


def counted_set(question: str) -> tuple[str, str] | None:
    """See :attr:`QuestionAnalysis.counted_set` (``question`` NFKC-normalized)."""
    if _ASKS_WHICH.search(question):
        found = list(_COUNTED_SET.finditer(question))
    else:  # 「…アーキテクチャを整備する5領域は？」: the set itself asked, with no question word, asks its members
        found = [m] if (m := _SET_ASKED.search(question)) else []
    for m in found:
        number, joint, noun = m.groups()
        if joint or (noun in COUNT_UNITS and noun not in FIGURE_COUNTERS):
            return number, noun
    return None


# 「いつ…設置されることになった」「いつ入札したの」: the event (a verbal noun) a date is asked of.
_EVENT = re.compile(r"いつ[^?？。]*?([一-龥]{2,4})(?:され|した|する|して|を行)")
# 「何名を採択した」「何件が起業」「新たに発掘した人数」: the action a count is asked of.
_COUNT_EVENT = re.compile(rf"何(?:{_COUNTED})(?:を|が)([一-龥]{{2,4}})(?:し|され|する|さ)"
                          r"|([一-龥]{2,4})(?:した|された)(?:人数|件数|社数|者数|数)"
                          rf"|何(?:{_COUNTED})の([一-龥]{{2,4}})(?:が|は)?(?:あっ|あり|ある)")  # 「何件の応募があった」
# 「何組織を目指す」「何件を計画」: a target or a plan, said with any verb — not an action the text names.
_NO_EVENT = ("目指", "計画", "予定", "目標", "想定", "見込")
# What a question asks of a figure it says: what it is made of, or how it was reached.
_MAKE_UP = re.compile(r"内訳|うち|理由|根拠|なぜ|どうして|計算|算出|積み上げ|どこから|どう(やって)?決")


# 「R2年度」「H30」「R元」: an era written by its initial (Reiwa, Heisei) and a year.
_ERA_INITIAL = re.compile(r"(?<![A-Za-z0-9.])([RH])\s*([0-9]{1,2}|元)(?![0-9A-Za-z.\-])(年度|年)?")
_ERAS = {"R": ("令和", 20), "H": ("平成", 31)}
_REVISED = re.compile(r"\s*(?:の)?(?:改定|改正|変更案|版)")


def spelled_out(question: str) -> str:
    """``question`` with each era written by its initial spelled out, as documents write it (「R2年度」 ->
    「令和2年度」, 「H30〜R2年度」 -> 「平成30年度〜令和2年度」, 「R2年8月」 -> 「令和2年8月」, 「R6計画」 ->
    「令和6年度計画」): the question unchanged when it writes none."""
    def era(m: re.Match[str]) -> str:
        name, last = _ERAS[m.group(1)]
        if m.group(2) != "元" and not 1 <= int(m.group(2)) <= last:
            return m.group(0)
        # 「R7改定」 names a revision by its calendar year (「令和7年改定」), any other bare one a fiscal year.
        default = "年" if _REVISED.match(m.string, m.end()) else "年度"
        return f"{name}{m.group(2)}{m.group(3) or default}"

    text = unicodedata.normalize("NFKC", question)
    out = same_named(_ERA_INITIAL.sub(era, text))
    return out if out != text else question


# 「同データベース」「同計画」「同年度」: 同 and a noun that refers back to a thing the question named before it.
_SAME = re.compile(r"(?<![一-龥ァ-ヶー])同(?P<head>[一-龥ァ-ヶー]{2,8}?)(?=[のはでをにがともへや、,]|$)")
_NAME_RUN = re.compile(rf"[{NOUN_CHARS}・]+$")  # the noun run a thing's name ends in


def same_named(question: str) -> str:
    """``question`` with each 「同<noun>」 written as the thing it refers back to: the latest name before it that
    ends in that noun (「脆弱性対策情報データベース…と、同データベースのアクセス件数」 -> 「…と、脆弱性対策情報
    データベースのアクセス件数」; 「「スタートアップ育成5か年計画」…同計画」 -> 「スタートアップ育成5か年計画」), so
    that each part of the question says what it asks about. Unchanged when no earlier name ends so (「同レベル」)."""
    def named(m: re.Match[str]) -> str:
        head, before = m.group("head"), question[:m.start()]
        # (where each name ends, how long it is: the latest, and of two ending there the whole quoted name)
        names = [(q.end(1), len(q.group(1)), q.group(1)) for q in re.finditer(r"[「『]([^」』]+)[」』]", before)
                 if q.group(1).endswith(head) and q.group(1) != head]
        for end in (h.end() for h in re.finditer(re.escape(head), before)):
            run = _NAME_RUN.search(before[:end]).group(0)
            if len(run) > len(head) and run != f"同{head}":  # (not a 「同X」 said before)
                names.append((end, len(run), run))
        return max(names)[2] if names else m.group(0)
    return _SAME.sub(named, question)


def normalize_question(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


# 「成功件数の目標（変更案）は？」: the version asked, said aside — no part of what is asked or how.
_VERSION_ASIDE = re.compile(r"[（(](?:変更案|現行|最新版?|改定後|改定前|変更前|変更後)[）)]")


def answer_type(question: str) -> str:
    q = _VERSION_ASIDE.sub("", normalize_question(question))
    for name, pattern in _TYPE_CUES:
        if pattern.search(q):
            return name
    return "fact"


# The noun right before a question word names what its figure counts: 「登録セキスペは何名」.
_CUE = re.compile(r"([一-龥ァ-ヶーA-Za-z]{2,})(?:は|が|を|の)?$")


def asked_figures(question: str) -> list[tuple[str | None, str]]:
    """Each figure asked, in order, as (unit, the noun just before it): 「何社・何名が参加」 ->
    [(社, ""), (名, "")]; 「登録セキスペは何名で、何社」 -> [(名, 登録セキスペ), (社, "")];
    「再生回数はどのくらい」 -> (None, 再生回数); 「いくら」 -> 円; 「いつ」 -> 日付 (a date, not a figure)."""
    q = normalize_question(question)
    out: list[tuple[str | None, str]] = []
    for m in _WH.finditer(q):
        unit = m.group("unit") or ("円" if m.group("price") else WHEN if m.group("when") else None)
        cue = _CUE.search(q[max(0, m.start() - 20):m.start()])
        out.append((unit, cue.group(1) if cue else ""))
    if len(out) <= 1 and (pair := _PAIR.search(q)):  # 「官民追加投資と売上高の目標は」: one figure each
        unit = out[0][0] if out else None
        out = [(unit, pair.group(1)), (unit, pair.group(2))]
    return out


# Two measures asked together: 「官民追加投資と売上高の目標は」「応募者数と合格者数は」.
_NOUN = rf"([{NOUN_CHARS}・]{{2,12}})"
_PAIR = re.compile(rf"{_NOUN}と{_NOUN}(?:の(?:目標|実績|見込み?|計画|数値|値|規模|額|水準)(?:値)?)?(?:は|を教え)")


def asked_unit(question: str) -> str | None:
    q = normalize_question(question)
    m = _UNIT.search(q)
    if m:
        return m.group(1)
    for word, unit in _UNIT_WORDS.items():
        if word in q:
            return unit
    # 「会場数は？」「連携組織数は？」: a count of a thing the texts count in that thing (「213 会場」「計１０組織」).
    m = _THING_COUNTED.search(q)
    return m.group(1) if m else None


_QUESTION_WORDS = ("何", "なに", "なん", "いくつ", "いくら", "どれ", "どの", "どんな", "どう", "どこ", "いつ", "誰",
                   "だれ",
                   "どちら", "なぜ", "どうして", "どういう", "どのよう")
# A question word anywhere in a text (longest first), for the modules that read questions.
QUESTION_WORD = re.compile("|".join(sorted(_QUESTION_WORDS, key=len, reverse=True)))
_COMPOUND_POS = {"名詞", "接頭辞", "接尾辞", "形状詞"}
_JOINERS = set("・-ー/")
_ADVERBIAL = ("で", "に", "と", "から", "まで", "より", "において", "にて", "へ")
_DEGREE_WORDS = ("程度", "水準", "くらい", "ぐらい", "ほど")
_ABOUT = ("として", "について", "に関して")  # after に/と, not a scope: what is asked about
_FOREIGN = re.compile(r"[ァ-ヴー・A-Za-zＡ-Ｚａ-ｚ]{2,}")  # katakana or Latin words join a compound whatever their POS
# (「経産省の新旧対照表だと」 names the document the figure is read in: no measure.)
_CONSTRAINT_WORDS = (*KINDS, "変更案", "現行", "最新", "補正", "資料", "文書", "新旧対照表", "対照表", "経産省",
                     "経済産業省", "独立行政法人", "国立研究開発法人",
                     "法人",
                     "機構", "変更", "改定", "改訂", "計画", "年度", "令和", "平成")


@dataclass(frozen=True)
class Compound:
    text: str
    before: bool  # comes before the question word
    modified: bool  # the question word modifies it: 「どれだけの設備投資額」
    particle: str  # the particle after it: は / の / で …
    start: int = 0  # where it starts and ends in the question (NFKC, as the morphemes are written)
    end: int = 0
    verb: bool = False  # a verbal noun used as the verb (「設定されて」「確認したい」), not a thing


_OPEN, _CLOSE = "(（", ")）"
# 「どういうふうに」「どんな風に」: the manner asked about, not a thing (「どのように」's よう is an auxiliary stem).
_MANNER = ("ふう", "風", "様")
_MANNER_BEFORE = ("どの", "いう", "どんな", "こんな", "そんな", "この", "その")
# Forms of する after a verbal noun (「設定されて」「確認したい」「達成する」).
_SURU = ("し", "さ", "する", "すれ", "せ", "しよ", "させ")


def without_asides(morphemes: list[tuple[tuple[str, ...], str]]) -> tuple[list, list]:
    """(the question without its asides, the asides): 「海外展開成功件数（見込含む）の目標」 asks for the
    target of 海外展開成功件数; a parenthesis between a noun and の qualifies it and is no part of the chain
    (one before は may say what is asked: 「評価（NPSと満足度）は」) — unless it names only the version asked
    (「目標（変更案）は」)."""
    main: list = []
    asides: list = []
    i = 0
    while i < len(morphemes):
        surface = morphemes[i][1]
        after_noun = bool(main) and main[-1][0][0] in _COMPOUND_POS
        close = next((j for j in range(i + 1, len(morphemes)) if morphemes[j][1] in _CLOSE), None) \
            if surface in _OPEN and after_noun else None
        named_version = close is not None and _VERSION_ASIDE.fullmatch(
            "".join(m[1] for m in morphemes[i:close + 1])) is not None
        if close is None or (not named_version and (close + 1 >= len(morphemes) or morphemes[close + 1][1] != "の")):
            main.append(morphemes[i])
            i += 1
            continue
        asides += morphemes[i + 1:close]
        i = close + 1
    return main, asides


def compounds(morphemes: list[tuple[tuple[str, ...], str]]) -> list[Compound]:
    """Noun compounds of a question, with where they stand relative to the question word.

    「どれだけの設備投資額を」: 設備投資額 is modified by the question word; in
    「対日投資誘致成功件数の目標は何件」 the compounds come before it.
    """
    out: list[Compound] = []
    current = ""
    asked = modified = pending = last_verbal = False
    offset = start = 0

    def close(particle: str = "", verb: bool = False) -> None:
        nonlocal current
        text = current.strip("・-/")
        if text:
            lead = len(current) - len(current.lstrip("・-/"))
            out.append(Compound(text, not asked, modified, particle, start + lead, start + lead + len(text),
                                verb and last_verbal))
        current = ""

    for i, (pos, surface) in enumerate(morphemes):
        offset += len(surface)
        previous = morphemes[i - 1][1] if i else ""
        if surface.startswith(_QUESTION_WORDS):
            close()
            asked = pending = True
            continue
        # 「うち」「今後」「全体」 (adverb-like nouns) are not part of what is asked about — unless a noun follows
        # them in one word (「中期目標」「長期戦略」).
        noun = (pos[0] in _COMPOUND_POS and pos[1] not in ("代名詞", "助動詞語幹")
                and (pos[2] != "副詞可能" or _heads_noun(morphemes, i))
                and not (surface in _MANNER and previous.endswith(_MANNER_BEFORE))) \
            or bool(_FOREIGN.fullmatch(surface))
        latin_space = surface == " " and current[-1:].isascii() and current[-1:].isalpha()
        if noun or (current and (surface in _JOINERS or latin_space)):
            if not current:
                modified = pending
                start = offset - len(surface)
            current += surface
            last_verbal = pos[2] == "サ変可能"
            continue
        if current:
            close(surface if pos[0] == "助詞" else "", pos[0] == "動詞" and surface in _SURU)
        # 「どれだけの」「何の」「どのような」「どういった」: the next compound is what is asked about.
        pending = pending and (surface in ("の", "な", "だけ", "くらい", "ぐらい", "ほど", "程度")
                               or pos[0] in ("連体詞", "助動詞") or (previous, surface) == ("どう", "いっ"))
    close()
    return out


_KANJI = re.compile(r"[一-龥]+")


def _heads_noun(morphemes: list[tuple[tuple[str, ...], str]], i: int) -> bool:
    """Does an adverb-like noun lead a compound: a common noun right after it (「中期|目標」, not 「今後|5年」 or
    「うち|女性」)?"""
    if i + 1 >= len(morphemes) or not _KANJI.fullmatch(morphemes[i][1]):
        return False  # (「うち女性」: うち is the part of a whole, not a word of the compound)
    pos, word = morphemes[i + 1]
    # (「前年度比」: a one-letter word after it makes a ratio or the like of the time word, not a compound noun.)
    return pos[0] == "名詞" and pos[1] == "普通名詞" and pos[2] not in ("副詞可能", "助数詞可能") and len(word) >= 2


# Nouns of a relation (the basis, premise, object of something), and what makes one a description of the next noun.
_RELATIONAL = ("基準", "前提", "根拠", "契機", "きっかけ", "目安", "土台")
_DESCRIBES = ("となる", "となった", "となっている")


def _describing(c: Compound, text: str) -> bool:
    """Is ``c`` a relational noun describing the noun after it (「基準となる|2020年時点」)?"""
    return c.text in _RELATIONAL and text[c.end:].startswith(_DESCRIBES)


# A point in time a period is measured at (「期間終了時」「計画開始時点」): when, never what.
_TIME_POINT = re.compile(r"(?:期間|年度|計画)?(?:終了|開始|満了)時点?$")


def _strip_constraints(phrase: str, organizations: dict[str, str]) -> str:
    s = phrase
    for name in sorted(organizations, key=len, reverse=True):
        s = re.sub(re.escape(name), "", s, flags=re.I)
    s = _FY_POINT.sub("", s)
    s = _TIME_POINT.sub("", s)
    s = PERIOD.sub("", s)
    s = re.sub(r"^[0-9]+", "", s)
    for word in _CONSTRAINT_WORDS:
        if s.startswith(word) or s.endswith(word) or s == word:
            s = s.replace(word, "")
    return s.strip(" ・「」『』()（）")


# 「政府目標」: whose the target is, not what it is of — the owner is no thing asked about without the target.
_OWNERS = ("政府", "国")


def _specific(phrase: str) -> str | None:
    """The phrase without a generic tail (「応募者数の目標値」 -> 応募者数); None when all generic."""
    if phrase in GENERIC:
        return None
    for g in GENERIC:
        if phrase.endswith(g) and len(phrase) - len(g) >= 2 \
                and g not in ("件数", "人数", "社数", "数", "額", "金額", "割合"):
            rest = phrase[: -len(g)]
            return phrase if _owned(phrase) else rest if rest not in GENERIC else None
        if phrase.startswith(g) and phrase[len(g):] in GENERIC:
            return None
    return phrase


# A figure the question gives when it asks for another (「現行の2,100件から何件に」), not a thing it asks about (as
# 「5領域」 may be; and 「1.2倍にしたのはなぜ？」 asks about the figure it gives).
_GIVEN_FIGURE = re.compile(rf"[0-9０-９][0-9０-９,，.．]*\s*[万億兆]?\s*(?:{'|'.join(FIGURE_COUNTERS)}|%|％|円|組織)?")


_FIGURES_ASKED = ("count", "amount", "percentage", "change")


def focus_of(morphemes: list[tuple[tuple[str, ...], str]], organizations: dict[str, str] | None = None,
             figure_asked: bool = False) -> tuple[str, tuple[str, ...]]:
    """The asked-for thing and the question's other content phrases.

    「JETROの変更案では対日投資誘致成功件数の目標は何件」 -> 対日投資誘致成功件数: the last
    noun compound before the question word that is not a generic value word (目標)
    nor a constraint (organization, year, document kind, version); 「経団連はどれだけの
    設備投資額を」 -> 設備投資額: a compound the question word modifies comes first. ``figure_asked``: a figure
    the question gives (「現行の2,100件から」) is none of them.
    """
    found = []
    text = "".join(surface for _, surface in morphemes)
    every = compounds(morphemes)
    for c in every:
        p = _strip_constraints(c.text, organizations or {})
        if len(p) >= 2 and not (figure_asked and _GIVEN_FIGURE.fullmatch(c.text)):
            found.append((p, c))
    # 「春期試験はいつ実施されますか」: the verbal noun is what is done to the thing, not the thing asked about
    # (unless nothing else is named: 「目標はどう設定されてた？」).
    things = [(p, c) for p, c in found if not c.verb]
    found = things if any(_specific(p) for p, _ in things) else found
    specific = [(s, c) for p, c in found if (s := _specific(p))]
    if not specific:
        phrases = [p for p, _ in found]
        return (phrases[-1] if phrases else ""), tuple(phrases[:-1])
    # 「基準となる2020年時点では」「前提となった成功率」: a relational noun said of the thing after it describes that
    # thing; it is not what is asked about (nothing is, when it is all the question names).
    named = tuple(s for s, _ in specific)
    specific = [(s, c) for s, c in specific if not _describing(c, text)]
    if not specific:
        return "", named
    # 「何組織が実施した」: the counter after 何 says how the answer is counted, not what about (自己診断).
    counter = [s for s, c in specific if c.modified and _counter_asked(c, text)]
    modified = [s for s, c in specific if c.modified and s not in counter] or \
        ([] if len(specific) > len(counter) else counter)
    before = [s for s, c in specific if c.before]
    # A compound followed by で/に/から… sets the scope (「世界全体で」), not the asked thing.
    # (「…ビジネスマッチングプラットフォームとして挙げられているのは」: what a thing is named as is asked about, and
    # 「…が支援した事業者について何を行っていく」 what the question is about.)
    topical = [s for s, c in specific
               if c.before and (c.particle not in _ADVERBIAL or text.startswith(_ABOUT, c.end))]
    # 「…半導体関連投資にどれくらいの額」: a generic word asked about points back to the compound before it.
    generic_asked = any(c.modified and (len(p) < 2 or _specific(p) is None)
                        for c in every for p in [_strip_constraints(c.text, organizations or {})])
    # 「AISIの所長には誰が就任」: the role the person is asked for is what is asked, though に follows it.
    role = [s for s, c in specific if _ROLE_ASKED.match(text, c.end) and _ROLE.search(s)]
    clause = _clause_measured(every, text, organizations or {})
    if modified:
        focus = modified[0]
    elif clause:
        focus = clause
    elif role:
        focus = role[-1]
    elif generic_asked and before:
        focus = before[-1]
    else:
        focus = topical[-1] if topical else before[-1] if before else specific[-1][0]
    # 「対内直接投資残高の政府目標」: the owner's target of the thing before it — that thing is asked about.
    at = next((i for i, (s, _) in enumerate(specific) if s == focus), None)
    if at and _owned(focus) and text[specific[at - 1][1].end:specific[at][1].start] == "の":
        focus = specific[at - 1][0]
    return focus, tuple(s for s in named if s != focus)


# 「…のうち、役員報酬に充てられる額は」: the value word the question asks about, measuring what the clause before
# it does with a thing — that thing is asked about (not a time or place the clause is set in: 「10年間に」「海外に」
# stay scopes, and 「…で」 always sets one).
_MEASURE_WORDS = ("額", "金額", "総額", "数", "件数", "人数", "社数", "者数")
_MEASURING_CLAUSE = re.compile(r"[にを][ぁ-んァ-ヶ一-龥]{1,8}[るた]")
_WHEN_OR_WHERE = re.compile(r"(?:年間|期間|中|末|時|前|後|内|外|海外|国内|地方|地域)$")


def _clause_measured(found: list[Compound], text: str, organizations: dict[str, str]) -> str | None:
    """The thing the value word asked about (the last compound before the question word) measures through the clause
    between them (see ``_MEASURING_CLAUSE``), or None."""
    asked = [c for c in found if c.before]
    if len(asked) < 2 or (last := asked[-1]).text not in _MEASURE_WORDS or last.particle not in ("は", "が", "って"):
        return None
    thing = asked[-2]
    if not _MEASURING_CLAUSE.fullmatch(text[thing.end:last.start]) or thing.verb \
            or _WHEN_OR_WHERE.search(thing.text):
        return None
    return p if len(p := _strip_constraints(thing.text, organizations)) >= 2 and _specific(p) == p else None


def _counter_asked(c: Compound, text: str) -> bool:
    """Is compound ``c`` of the question ``text`` the counter of 何 (「何件」「何組織」)?"""
    return c.text in COUNT_UNITS and text[:c.start].endswith("何")


_ROLE_ASKED = re.compile(r"に(?:は|も)?(?:誰|だれ|どなた)")  # 「…所長には誰が」
_ROLE = re.compile(r"(?:大臣|長官|長|委員|議長|会長|社長|理事|監事|顧問|担当者|責任者|代表者?)$")


def _owned(phrase: str) -> bool:
    """Is ``phrase`` an owner's generic value (「政府目標」)?"""
    return any(phrase.startswith(o) and phrase[len(o):] in GENERIC for o in _OWNERS)


# 「年平均にすると」「1年あたりに換算すると」: the same figure asked in another form.
RESTATING = ("にすると", "に換算すると", "に直すと", "で言うと", "でいうと")


_PLACEHOLDERS = ("もの", "こと", "ところ")


# Prefixes of a figure (「第何回」「約何件」), no thing of their own.
_FIGURE_PREFIXES = ("第", "約", "計", "全", "延べ")
# Question words that pick one thing among several (「どの事業継続計画」), not a figure's or a time's
# (「何件の」「いつの」).
_PICKING = ("どの", "どちらの", "いずれの")


def topic_of(morphemes: list[tuple[tuple[str, ...], str]]) -> tuple[tuple[str, ...], str]:
    """The の-chain of noun compounds the question asks about, and the text before it.

    「新機軸のデジタル社会ミッションで、半導体の長期目標は？」 -> ((半導体, 長期目標),
    「新機軸のデジタル社会ミッションで、」): the last compound before the question word and
    the compounds joined to it by の.
    """
    text = "".join(surface for _, surface in morphemes)
    chain: list[Compound] = []
    found = compounds(morphemes)
    # 「どの事業継続計画について…」: the thing the question word picks among, when nothing before it is asked about.
    picked = next((c for c in found if not c.before), None)
    picked = picked if picked is not None and picked.modified and text[:picked.start].endswith(_PICKING) \
        and picked.text not in (*_PLACEHOLDERS, *_DEGREE_WORDS) else None
    for i, c in enumerate(found):
        if not c.before:
            break
        if c.text in _FIGURE_PREFIXES and (i + 1 == len(found) or not found[i + 1].before):
            continue  # 「第何回」「約何件」: a part of the figure asked, not what about
        if (c.text.endswith("的") and text[c.end:c.end + 1] in ("に", "な")) or text[c.end:].startswith(RESTATING):
            continue  # 「具体的には」「年平均にすると」: how it is asked, not what about (「目的は」 is a topic)
        if c.text in _PLACEHOLDERS:
            continue  # 「主要施策として挙がっているものは」: もの stands for what was named before it
        if _FY_POINT.fullmatch(c.text) or _REVISION.fullmatch(c.text):
            continue  # 「インキュベーションラボ、令和2年度は何件」: the year is when (a constraint), not what
        chain = [*chain, c] if chain and text[chain[-1].end:c.start] == "の" else [c]
    # 「JETROの中期目標の輸出支援の目標」: a document named in the chain, and what comes before it, say where, not
    # what (「当面見据える中期目標の数字」: a target the clause describes is no document, and is kept).
    # A chain that ends in a document (「JETROの中期目標では」) is that document.
    documents = [i for i, c in enumerate(chain) if text[:c.end].endswith(KINDS)
                 and not re.search(f"{_ATTRIBUTIVE}$", text[:c.start])]
    if documents:
        chain = chain[documents[-1] + 1:] or ([] if picked is not None else chain[-1:])
    if not chain:
        return ((picked.text,), text[:picked.start]) if picked is not None else ((), "")
    before = text[: chain[0].start]
    opened = max(before.rfind("「"), before.rfind("『"))
    if opened > max(before.rfind("」"), before.rfind("』")):
        # Inside a quoted phrase (「「徹底した人手不足への対応」として」): the phrase is the topic, whole.
        closed = min((i for i in (text.find("」", chain[-1].end), text.find("』", chain[-1].end)) if i >= 0),
                     default=-1)
        if closed >= 0:
            return (text[opened + 1:closed],), text[:opened]
    return tuple(c.text for c in chain), before.rstrip("(（「『[［")


_INDICATOR = re.compile(r"指標\s*[0-9]+(?:\s*-\s*[0-9]+)*")  # on NFKC text: 「指標３－１」


def label_form(text: str) -> str:
    """``text`` as indicator labels are compared: NFKC, every dash a hyphen (「指標３－１」 -> 「指標3-1」)."""
    return re.sub(r"[‐‑−–—－]", "-", unicodedata.normalize("NFKC", text))


def indicator_labels(text: str) -> set[str]:
    """The indicators a text names (「指標３－１」 as 「指標3-1」): a target's label, which identifies it."""
    text = label_form(text)
    return {re.sub(r"\s", "", m) for m in _INDICATOR.findall(text)}


def named_indicator(text: str) -> str | None:
    """The indicator ``text`` names by its label, with the thing named before it (「…農林水産物・食品輸出の指標2-1の
    困難度」 -> 「農林水産物・食品輸出の指標2-1」), when it names one; else None."""
    form = label_form(text)
    m = re.search(rf"(?:[一-龥ァ-ヶー・A-Za-z]+の)?{_INDICATOR.pattern}", form)
    return m.group(0) if m and len(indicator_labels(form)) == 1 else None


def labels_only(text: str) -> bool:
    """Is ``text`` nothing but indicator labels (「【指標１－２－３】【指標１－２－４】」: a line heading what
    follows)?"""
    return not re.sub(r"[\W_]", "", _INDICATOR.sub("", label_form(text)))


# An indicator's name line: its label, its name and the part of the plan it serves (「指標３－２：海外機関との連携の
# 強化（上記３．（１）関連）」, 「＜指標２：…（上記２．（２）関連）＞【基幹目標】」), with no sentence after it.
_INDICATOR_TITLE = re.compile(r"^[<＜]?\s*指標\s*[0-9-]+\s*[:：][^。]*上記[^。]*関連[)）][^。]*$")


def indicator_title(text: str) -> bool:
    """Is ``text`` an indicator's name line — what the lines under it are about, not a statement of its target?"""
    return bool(_INDICATOR_TITLE.match(label_form(text).strip()))


def opening_year(text: str) -> int | None:
    """The fiscal year a sentence opens with (「令和元年度未踏…」 -> 2019), or None."""
    m = _FY.match(normalize_question(text))
    return year_of(m) if m else None


def era_label(year: int) -> str:
    """2024 -> 令和6年度, 2019 -> 令和元年度, 2018 -> 平成30年度."""
    if year >= 2019:
        n = year - 2018
        return f"令和{'元' if n == 1 else n}年度"
    return f"平成{year - 1988}年度"


def year_mentions(text: str) -> list[tuple[int, int]]:
    """The fiscal years ``text`` writes (its digits in ASCII, as :func:`normalize_question` gives them), each with
    where its mention ends. Every revision named (「令和5年度補正の変更→令和7年の変更案」) is a revision, and
    「令和3年3月」 a date (checked as one), not a fiscal year."""
    revisions = [r.span() for r in _REVISION.finditer(text)]
    return [(year_of(m), m.end()) for m in _FY.finditer(text)
            if not any(start <= m.start() < end for start, end in revisions) and not _A_MONTH.match(text, m.end())]


def year_of(m: re.Match) -> int:
    """The western year of a fiscal-year match (groups: era, its number, or a four-digit year), as
    ``_FY`` and the follow-ups' year pattern capture it."""
    return era_year(m.group(1), m.group(2)) if m.group(1) else int(m.group(3))


# Where a question joins two things it asks about: 「…と、…」, 「AとB」 between nouns, 及び. Not the と of
# 「…とされている」 (a kana follows) or 「…と比べ」「…と同じ」 (compared with, not asked about).
# 「と、」 joins two things, unless it is a verb's 「…すると、」「…によると、」 (if, according to): a verb's
# ending before it.
AND_COMMA = r"(?<![るうくすつむぶぐぬ])と、"
_COORDINATE = re.compile(rf"{AND_COMMA}|(?<=[{NOUN_CHARS})」』])と(?=[{NOUN_CHARS}「『])(?!比|同|異な|共に)"
                         r"|及び|および")


def asked_status(text: str) -> str | None:
    """「目標」 when ``text`` asks a target (「…の目標は？」「増やす計画ですか」), 「実績」 when it asks a result
    (「…の実績は？」「これまでに実際に何人」), None when it asks neither or both (「実績と目標を比べると」)."""
    asked = _PLAN_NAME.sub("", text)
    # 「…効率化する計画ですか」「増やす予定」「どんな水準を目指す」: a planned or aimed-at figure is a target.
    target = "目標" in asked or bool(re.search(r"(する|させる|増やす|減らす|目指す)(計画|予定)|を目指[すし]", asked))
    # 「これまでに実際に何人を派遣したの」: what was done, not what is planned.
    result = "実績" in asked or bool(re.search(r"実際に|これまでに", asked))
    return "目標" if target and not result else "実績" if result and not target else None


# The part of speech Sudachi gives a place's name (「大阪」「米国」「シリコンバレー」).
PLACE_NAME = ("名詞", "固有名詞", "地名")
# 「iパス単独の」 and 「試験全体の」: a part alone and the whole, said of one figure.
ALONE = ("単独", "単体")
WHOLE = ("全体", "合計", "総計", "全て", "すべて")
# 「Xだけに絞ると」「Xだけの」「Xのみでは」「X単独の」: the figure of X alone is asked — not a document of one
# organization alone (「JETRO単独の新旧対照表」).
_ONLY = re.compile(r"(?<!どれ)(?<!それ)(?<!これ)(?<!あれ)(?:(?:だけ|のみ)(?:に(?:絞|限)|だと|では|で|の|は)"
                   rf"|(?<!の)(?:{'|'.join(ALONE)})(?:の|では|だと)"
                   r"(?!\s*(?:新旧対照表|対照表|資料|文書|版|ファイル|中長?期目標|計画)))")
_BEFORE_ONLY = re.compile(r"(?:、|,|うち|では|には|は|で|を|が|も|について)")


# 「採択者85名のうち、女性は何名」: the part of a whole the question states, asked by its figure.
_PART_OF = re.compile(rf"[0-9０-９][0-9０-９,，.]*\s*(?:{_COUNTED})のうち[、,]?"
                      rf"(?P<thing>[{NOUN_CHARS}・]{{2,12}}?)(?:から|で|に|として)?(?:は|が|って)")


def part_of_whole(question: str) -> str:
    """The part whose figure ``question`` asks of a whole whose figure it states (「採択者85名のうち、女性は何名」
    -> 「女性」); "" when it asks none."""
    m = _PART_OF.search(question)
    return m["thing"] if m else ""


def restriction(question: str) -> str:
    """What ``question`` narrows a figure to with 「だけ」「のみ」 (see :attr:`QuestionAnalysis.restricted_to`)."""
    m = _ONLY.search(question)
    if not m:
        return ""
    before = question[:m.start()]
    cuts = [c.end() for c in _BEFORE_ONLY.finditer(before)]
    thing = before[cuts[-1] if cuts else 0:].strip("「」『』 ")
    return thing if len(thing) >= 2 else ""


def part_status(text: str) -> str | None:
    """The kind of figure one part of a comparison asks (「令和2年度の実績」 -> 「実績」), when it names a figure
    at all: 「どんな整備をする予定なのか」 asks no target figure, though a planned one would be a target."""
    return asked_status(text) if IMPLIED_FIGURE.search(_DOCUMENT_NAME.sub("", text)) else None


def coordinated_parts(question: str, organizations: dict[str, str] | None = None,
                      documents: Mapping[str, Sequence[str]] | None = None) -> tuple[tuple[str, Constraints], ...]:
    """The parts of a question joined by と or 及び, each with the document constraints it names (() when
    there is only one part): 「JETROの変更案（令和5年度補正）と経産省の対照表（令和7年）で」 names one
    revision in each part."""
    parts = [p for p in _COORDINATE.split(normalize_question(question)) if p.strip()]
    if len(parts) < 2:
        return ()
    return tuple((p, constraints_of(p, organizations, documents)) for p in parts)


def given_years(question: str) -> set[int]:
    """The years a question states with a figure it gives as known (see ``KNOWN_AFTER``): in
    「2020年時点は21.1兆円だけど、2022年時点だといくら？」 2020 is what the user has, 2022 what is asked."""
    q = normalize_question(question)
    out: set[int] = set()
    for v in values_in(q):
        if v.kind != "date" and KNOWN_AFTER.match(q, v.end):
            start = max(q.rfind(mark, 0, v.start) for mark in "、。,?？") + 1  # in the figure's own clause
            out.update(year_of(m) for m in _FY.finditer(q[start:v.start]))
    return out


# After a year, what makes it the one compared with (「令和元年度と比べ」「（令和元年度）に比べ」「前年度比」).
_COMPARED_AFTER = re.compile(r"\s*[)）]?\s*(?:との?(?:比べ|比較)|に比べ|比(?![率例重]))")


def compared_years(question: str) -> set[int]:
    """The years a question compares with rather than asks about (「前年度（令和元年度）と比べるとどう？」)."""
    q = normalize_question(question)
    return {year for year, end in year_mentions(q) if _COMPARED_AFTER.match(q, end)}


# 「経産省のNEDO・JETRO・IPA新旧対照表」「NEDO・JETRO・IPAをまとめた対照表」: organizations listed together to name
# the one document that covers them all, not each asked about (unless each is: 「それぞれ」「各」 — said of them, not of
# that document and another the question names).
_COVER_TAIL = (r"\s*(?:の|を(?:まとめた|扱った|対象とした|並べた))?\s*(?:まとめの?|[一-龥()]{1,12}の?)?\s*"
               r"(?:新旧)?(?:対照表|資料)")  # (「NEDO・JETRO・IPA中期目標変更の新旧対照表」「…中(長)期目標変更資料」)
_EACH = re.compile(r"それぞれ|各")
_OTHER_DOCUMENT = re.compile(r"資料|対照表")
_EACH_COMPARED = re.compile(r"とで[、，]?\s*(?:それぞれ|各)")  # 「…の対照表とで、それぞれ」: of the documents compared


def _covers(q: str, organizations: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    """``q`` without the runs of organizations that name a document (「NEDO・JETRO・IPA新旧対照表」), and the
    organizations of those runs (canonical names)."""
    if not organizations:
        return q, ()
    alias = "|".join(re.escape(a) for a in sorted(organizations, key=len, reverse=True))
    listed = rf"(?:{alias})(?:\s*[・、/／]\s*(?:{alias}))+"
    # before the document's name, or in brackets after it (「経産省の新旧対照表（NEDO・JETRO・IPA）」; NFKC brackets)
    run = re.compile(rf"{listed}(?={_COVER_TAIL})|(?:(?<=対照表)|(?<=資料))\s*\(\s*{listed}\s*(?=\))", flags=re.I)
    rest = run.sub("", q)
    each_document = rest != q and (_OTHER_DOCUMENT.search(re.sub(_COVER_TAIL, "", rest, count=1))
                                   or _EACH_COMPARED.search(rest))
    if _each_organization(q, alias) and not each_document:
        return q, ()  # (「JETROの資料と、NEDO・JETRO・IPAの対照表とで、それぞれ」: each of the two documents)
    lower = {a.lower(): c for a, c in organizations.items()}
    covered = [lower[m.group(0).lower()] for r in run.finditer(q) for m in re.finditer(alias, r.group(0), flags=re.I)]
    return rest, tuple(dict.fromkeys(covered))


def _each_organization(q: str, alias: str) -> bool:
    """Is a 「それぞれ」/「各」 of ``q`` said of the organizations (「NEDO・JETRO・IPAの新旧対照表で、それぞれの
    目標は？」) — not of two other things joined with と just before it (「現行と変更案でそれぞれ何件」)?"""
    return any(not (pair := _PAIR_BEFORE.search(q[:each.start()]))
               or any(re.search(alias, side, flags=re.I) for side in pair.groups()) for each in _EACH.finditer(q))


# 「現行と変更案で」 right before 「それぞれ」: the two things it is said of.
_PAIR_BEFORE = re.compile(r"([^、と]{1,8})と([^、と]{1,8}?)(?:で|では|の|は|が)?\s*$")


# 「3法人まとめの対照表」「3法人分の新旧対照表」「3法人をまとめた資料」: a count of organizations naming a document.
_COUNTED_COVER = re.compile(rf"(?P<n>[2-9]|[二三四五六七八九])\s*(?:法人|機関)(?:分|まとめ|を?まとめた|を?並べた)?"
                            rf"{_COVER_TAIL}")


def compares(question: str) -> bool:
    """Does the question ask to compare or give each (「それぞれ」「比較」「…と…とで違い」)?"""
    return bool(_CROSS.search(normalize_question(question)))


_SIDE = ("ほう", "方")


def named_side(analysis: QuestionAnalysis) -> QuestionAnalysis:
    """「レポート提出形式のほうは何人受けた？」: the side named before 「のほう」 is the thing asked about.
    (For answering, and for the previous turn a follow-up leans on; the follow-up rules read the new question's
    「…のほうは？」 as written.)"""
    if analysis.focus not in _SIDE or len(analysis.topic) < 2:
        return analysis
    side = analysis.topic[-2]
    return replace(analysis, focus=side, qualifiers=tuple(q for q in analysis.qualifiers if q != side))


# A term a question quotes (「「アジアDXプロジェクト」はどんな狙い？」): asked about as written.
QUOTED_TERM = re.compile(r"[「『]([^「」『』]{2,40})[」』]")


def quoted_terms(question: str, titles: Iterable[str] = ()) -> list[str]:
    """The terms ``question`` quotes, compact, of three characters or more — not a word of one of ``titles``
    (「新機軸」 names a document: see ``title_word_aliases``)."""
    named = [compact(t) for t in titles]
    return [t for t in dict.fromkeys(compact(x) for x in QUOTED_TERM.findall(question))
            if len(t) >= 3 and not any(t in title for title in named)]


def term_pattern(term: str) -> str:
    """An RE2 pattern for ``term`` as a text may write it: wrapped over lines (whitespace between any two
    characters, the ideographic space too: RE2's \\s is ASCII only) and its letters and digits in either width."""
    return "(?:\\s|\u3000|\u00a0)*".join(either_width(ch) for ch in compact(term))


# A comparison table, as a question names one after its owner (「METIの新旧対照表」「経産省のNEDO・JETRO・IPA対照表」).
# (Not a kind such as 中期目標: 「新機軸の…中期目標」 is a target the policy paper sets, not a document.)
# (in brackets after a kind of plan too: 「METIの中期目標（新旧対照表）」)
_DOCUMENT_NOUN = re.compile(r"\s*の\s*[A-Za-z0-9・/／一-龥々ァ-ヶー\s(（]{0,20}?(新旧対照表|対照表)")


def publishers(question: str, organizations: dict[str, str], documents: Mapping[str, Sequence[str]]) -> set[str]:
    """The organizations ``question`` names as the owner of a comparison table when none of their own
    ``documents`` (organization -> its documents' titles and kinds) is one — the ministry that publishes its
    agencies' tables (「METIの新旧対照表にあるJETROの中期目標」): they say where to look, not whose document.
    An organization not in ``documents`` is never one."""
    q = normalize_question(question)
    out: set[str] = set()
    for alias, canonical in organizations.items():
        own = documents.get(canonical)
        if own is None:
            continue
        for m in re.finditer(re.escape(alias), q, flags=re.I):
            if (noun := _DOCUMENT_NOUN.match(q, m.end())) and not any(noun[1] in d for d in own):
                out.add(canonical)
    return out


def constraints_of(question: str, organizations: dict[str, str] | None = None,
                   documents: Mapping[str, Sequence[str]] | None = None) -> Constraints:
    """Organizations (canonical names), kinds, fiscal years, revision and version a question names; with
    ``documents`` (organization -> its documents' titles and kinds), not an organization named as a publisher
    (:func:`publishers`)."""
    q = normalize_question(question)
    named, covers = _covers(q, organizations or {})
    aside = publishers(q, organizations, documents) if organizations and documents else set()
    orgs: list[str] = []
    for alias, canonical in sorted((organizations or {}).items(), key=lambda kv: -len(kv[0])):
        if re.search(re.escape(alias), named, flags=re.I) and canonical not in orgs and canonical not in aside:
            orgs.append(canonical)
    kinds = tuple(k for k in KINDS if re.search(f"(?<!{_ATTRIBUTIVE}){k}", q))
    revision = revision_year = None
    m = _REVISION.search(q)
    if m:
        revision = re.sub(r"\s*の$", "", m.group(0))  # 「令和7年の中期目標」 names 「令和7年」
        if m.group(1):
            revision_year = era_year(m.group(1), m.group(2))
        elif m.group(3):
            revision_year = era_year(m.group(3), m.group(4))
    years = [year for year, _ in year_mentions(q)]
    version = None
    if "現行" in q and "変更案" not in q:
        version = "現行"
    elif "変更案" in q and "現行" not in q:
        version = "変更案"
    counted = numeral(m["n"]) if (m := _COUNTED_COVER.search(q)) else 0
    return Constraints(tuple(orgs), kinds, tuple(years), revision, revision_year, version, periods_in(q), covers,
                       counted)


_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_NUMERAL = r"[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九]"  # 一…九, 十, 十二, 二十
PERIOD = re.compile(rf"第\s*([0-9０-９]{{1,2}}|{_NUMERAL})\s*期")


# 「第2回」「第 47 号」: a numbered occurrence of something (a meeting, an issue), not a plan period.
# Not 「法第12条第1号」: an item of a law.
ORDINAL = re.compile(rf"(?<![条項])第\s*([0-9０-９]{{1,4}}|{_NUMERAL})\s*(回|号)(?P<of>[一-龥ァ-ヶー]{{0,4}})")


def numeral(n: str) -> int:
    """「5」「５」「四」「十二」 -> int."""
    if n.isdigit():
        return int(unicodedata.normalize("NFKC", n))
    tens, _, ones = n.partition("十")  # 十, 十二, 二十
    return (_KANJI_DIGITS.get(tens, 1) * 10 + _KANJI_DIGITS.get(ones, 0)) if "十" in n else _KANJI_DIGITS[n]


def revisions_in(text: str) -> list[str]:
    """Every revision a question names, as written once each (「令和5年度補正の変更案と令和7年の対照表」 ->
    ["令和5年度補正", "令和7年"])."""
    said = [re.sub(r"\s*の$", "", m.group(0)) for m in _REVISION.finditer(normalize_question(text))]
    return list(dict.fromkeys(said))


def periods_in(text: str) -> tuple[int, ...]:
    """The numbered periods ``text`` names (「第5期」「第四期」 -> 5, 4), in order, once each."""
    return tuple(dict.fromkeys(numeral(m.group(1)) for m in PERIOD.finditer(text)))


@dataclass(frozen=True)
class OrdinalAsk:
    """An item asked by its place in a set (「3つ目の柱はどういう考え方？」): the place ``n``, the set's ``noun``
    (柱), how many the question says the set has (``count``, 0 when it does not), where the reference stands in
    the question (``start``, ``end``) and whether the question asks only what that item is (``bare``)."""

    n: int
    noun: str
    count: int
    start: int
    end: int
    bare: bool


_DIGIT = r"[0-9]{1,2}|[一二三四五六七八九十]"
# 「3つ目の柱は」「6つの柱のうち3つ目は」「4つの柱の1つ目は」「2番目のテーマって」 (NFKC).
_ORDINAL_ITEM = re.compile(
    rf"(?:(?<![0-9〇一二三四五六七八九十])(?P<count>{_DIGIT})\s*つの\s*(?P<set>[一-龥ァ-ヶー]{{1,6}}?)(?:の\s*うち|のうち|の中で|の)\s*、?\s*)?"
    rf"(?<![0-9〇一二三四五六七八九十])(?P<n>{_DIGIT})\s*(?:つ目|番目)"
    r"(?:の\s*(?P<noun>[一-龥ァ-ヶー]{1,6}?)(?=は|って|では|で|に|の|を|が|だと|なら|とは|、|[?？]|$))?")
# What may follow an item asked only for what it is: 「は？」「って何？」「はどういう考え方？」.
_ITEM_ITSELF = re.compile(r"^(?:は|って|とは)?\s*(?:何|なに|どれ|(?:どういう|どんな|どういった|どのような)"
                          r"(?:もの|こと|内容|考え方|方針|柱|項目)?)?(?:です|でしょう)?か?(?:の)?[?？]?$")


def asked_ordinal(question: str) -> OrdinalAsk | None:
    """The item ``question`` (NFKC-normalized) asks by its place in a set, or None — also when it does not say
    what set (「3つ目はどうなった？」: there is nothing to count in)."""
    m = _ORDINAL_ITEM.search(question)
    if m is None or not (noun := m.group("noun") or m.group("set")):
        return None
    count = numeral(m.group("count")) if m.group("count") else 0
    n = numeral(m.group("n"))
    if n < 1 or (count and n > count):
        return None
    return OrdinalAsk(n, noun, count, m.start(), m.end(), bool(_ITEM_ITSELF.match(question[m.end():].strip())))


def ordinals_in(text: str) -> tuple[tuple[int, str, str], ...]:
    """The numbered occurrences ``text`` names, as (number, counter, what of): 「第3回年次総会」「第 46 号では」 ->
    (3, '回', '年次総会'), (46, '号', ''), in order, once each."""
    return tuple(dict.fromkeys((numeral(m.group(1)), m.group(2), m.group("of")) for m in ORDINAL.finditer(text)))


def kind_asked(question: str, focus: str) -> bool:
    """Does the question ask what its focus is like (「どんな人材」「どういった企業」「どんな工夫をした」)?"""
    return bool(focus) and re.search(rf"(?:どんな|どういう|どのような|どういった)\s*{re.escape(focus)}",
                                     normalize_question(question)) is not None


_WHICH = r"どの(?!くらい|ぐらい|程度|水準|ほど|よう)"
# A judgement asked of something (「どう評価されてる」「どう位置付けられてた」「どう捉えている」), not a figure.
_JUDGED = re.compile(r"どう(?:評価|捉え|とらえ|位置[付づ]け)")


def picked_out(question: str, focus: str) -> bool:
    """Does the question pick its focus out with 「どの」 (「どの補正予算が考慮されてる」: which budget — not how much;
    「どのくらいの予算」 asks an amount)?"""
    return bool(focus) and re.search(rf"{_WHICH}[一-龥ァ-ヶーA-Za-z0-9]*{re.escape(focus)}",
                                     normalize_question(question)) is not None


def _measure_kind(word: str) -> str:
    """The kind of figure a measure word names: 「成功率」 a percentage — as are the degrees a survey measures
    (「満足度」「役立ち度」) —, 「予算額」「投資残高」 an amount, else a count."""
    if re.search(r"(率|割合|比率|倍率|(?:満足|役立ち|認知|理解|活用|達成|浸透)度)$", word):
        return "percentage"
    if re.search(r"(額|規模|予算|費|売上高|残高)$", word):
        return "amount"
    return "count"


_KANJI = re.compile(r"[一-龥々]+")
_KANA_END = re.compile(r"[ぁ-ん]$")  # a verb's stem form (「役立ち」), not a kanji-only word


_TOPIC_PARTICLE = (("助詞", "係助詞", "*", "*", "*", "*"), "って")


def mended(morphemes: list[tuple[tuple[str, ...], str]]) -> list[tuple[tuple[str, ...], str]]:
    """``morphemes`` with Sudachi's misreadings mended: 「満足度って」 read as 満足 + the 'verb' 度っ + て is
    満足度 + って (a one-kanji verb right after a noun, with no particle between, is the noun's last character);
    「役立ち度」 read as the verb 役立ち + 度 is one noun; and 「地域別内訳」 read as 地域 + the place name 別内 + 訳
    is 地域別 + 内訳 (a two-kanji place name between a common noun and a one-kanji common noun, with no particle
    between, is the end of the one and the start of the other)."""
    out: list[tuple[tuple[str, ...], str]] = []
    i = 0
    while i < len(morphemes):
        pos, surface = morphemes[i]
        if surface == "度" and pos[0] == "名詞" and out and out[-1][0][0] == "動詞" and _KANA_END.search(out[-1][1]):
            # 「役立ち度」 read as the verb 役立ち + 度: one noun, a measure (as 「満足度」 is).
            out[-1] = (pos, out[-1][1] + surface)
            i += 1
            continue
        if tuple(pos[:3]) == PLACE_NAME and len(surface) == 2 and _KANJI.fullmatch(surface) \
                and out and tuple(out[-1][0][:2]) == ("名詞", "普通名詞") and i + 1 < len(morphemes) \
                and tuple(morphemes[i + 1][0][:2]) == ("名詞", "普通名詞") and len(morphemes[i + 1][1]) == 1 \
                and _KANJI.fullmatch(morphemes[i + 1][1]):
            noun_pos, noun = out.pop()
            out += [(noun_pos, noun + surface[0]), (morphemes[i + 1][0], surface[1] + morphemes[i + 1][1])]
            i += 2
            continue
        if pos[0] == "動詞" and len(surface) == 2 and surface.endswith("っ") and _KANJI.fullmatch(surface[0]) \
                and i + 1 < len(morphemes) and morphemes[i + 1][1] == "て" and out \
                and (out[-1][0][0] == "名詞" or (surface[0] == "度" and out[-1][0][0] == "動詞")):
            noun_pos, noun = out.pop()  # (「役立ち度って」: the verb 役立ち + 度っ + て)
            noun_pos = noun_pos if noun_pos[0] == "名詞" else ("名詞", "普通名詞", "一般", "*", "*", "*")
            out += [(noun_pos, noun + surface[0]), _TOPIC_PARTICLE]
            i += 2
            continue
        out.append(morphemes[i])
        i += 1
    return out


def analyze(question: str, morphemes: list[tuple[tuple[str, ...], str]],
            organizations: dict[str, str] | None = None,
            documents: Mapping[str, Sequence[str]] | None = None) -> QuestionAnalysis:
    """Everything the answerer needs to know about a question.

    ``morphemes`` are the question's (part of speech, surface) pairs from a
    morphological analyzer (Sudachi in production; tests may pass their own). ``documents`` (organization ->
    its documents' titles and kinds) tells an organization named as a publisher (:func:`publishers`).
    """
    orgs = organizations or {}
    morphemes = mended(morphemes)
    kind = answer_type(question)
    # (A place written before its institution is often read as a surname: 「石川SC」's 石川 — in kanji; a clipped
    # katakana word is no name: 「アンケ」.)
    places = tuple(dict.fromkeys(surface for pos, surface in morphemes
                                 if (tuple(pos[:3]) == PLACE_NAME
                                     or (tuple(pos[:3]) == ("名詞", "固有名詞", "人名") and _KANJI.fullmatch(surface)))
                                 and pos[3:4] != ("国",)
                                 and len(surface) >= 2 and surface not in orgs))
    morphemes, asides = without_asides(morphemes)
    focus, qualifiers = focus_of(morphemes, orgs, kind in _FIGURES_ASKED)
    qualifiers += tuple(q for c in compounds(asides) if len(q := _strip_constraints(c.text, orgs)) >= 2
                        and q not in qualifiers and q != focus)
    found = compounds(morphemes)
    before = [c.text for c in found if c.before]
    # (「一般管理費は、どのくらいの効率化を」: the compound a question word of quantity modifies says what is
    # measured — not one 「どの」 picks out: 「どの補正予算が考慮されてる」 asks which budget, not its amount.)
    # (「どの程度」「どの水準」 are the question word itself.)
    # (「何件」: the counter after 何 is no phrase the figure sits after — 「ヒアリングは何件」 -> ヒアリング.)
    said = "".join(surface for _, surface in morphemes)
    anchor = next((c.text for c in found if c.modified and kind == "count" and c.text not in _DEGREE_WORDS
                   and not _counter_asked(c, said)), before[-1] if before else focus)
    # 「成功率はどのくらい」「支援規模は」: the asked word itself says what kind of figure it is.
    # (Not a measure in what the question takes as given, when it asks what kind of thing: 「同規模を保てたのは、
    # どんな工夫をしたから？」 asks for the 工夫.)
    q = normalize_question(question)
    if kind in ("count", "amount", "percentage", "fact") and (_JUDGED.search(q) or picked_out(q, focus)) \
            and not any(unit for unit, _ in asked_figures(question)):
        # 「調達額は世界と比べてどう評価されてる？」 asks for a judgement, 「どの補正予算が考慮されてる？」 for which
        # budget: the measure word names no figure asked (unless one is asked besides: 「何%で、どう評価」).
        kind = "fact"
    elif kind in ("count", "fact") and (measured := _measure_kind(anchor)) != "count" \
            and not (kind == "fact" and anchor != focus and kind_asked(question, focus)):
        kind = measured
    elif kind == "fact" and IMPLIED_FIGURE.search(anchor) and MEASURE.search(focus):
        # 「参加者数の目標は？」「成長率の実績は？」: a figure of that measure is asked, and must be stated.
        kind = _measure_kind(focus)
    constraints = constraints_of(question, orgs, documents)
    # Years set aside, not asked: the year of a figure the user has (「2020年時点は21.1兆円だけど、2022年時点だと？」
    # — unless no other year is left), and a year compared with (「前年度（令和元年度）と比べるとどう？」).
    given = given_years(q)
    aside = (given if set(constraints.fiscal_years) - given else set()) | compared_years(q)
    if aside:
        constraints = replace(constraints, fiscal_years=tuple(y for y in constraints.fiscal_years if y not in aside))
    # Several organizations, or two fiscal years (「令和2年度の実績と令和6年度の目標」), span documents.
    # 「現行と変更案でそれぞれ」 compares the two columns of one 新旧対照表, not documents.
    columns = names_both_columns(q) and len(constraints.organizations) <= 1
    cross = (compares(q) and not columns) or len(constraints.organizations) >= 2 \
        or (len(set(constraints.fiscal_years)) >= 2 and not _YEAR_RANGE.search(q))
    topic, scope = topic_of(morphemes)
    return QuestionAnalysis(question, kind, asked_unit(question), focus, qualifiers, constraints, cross, anchor,
                            topic, scope, coordinated_parts(question, orgs, documents), places)


def names_both_columns(question: str) -> bool:
    """Does a question name both columns of a 新旧対照表 (「現行と変更案でそれぞれ」)?"""
    return "現行" in question and "変更案" in question


# Modifiers that name one of a few contrasting kinds (a size of business, where): 「大企業」 and 「中堅・中小企業」 are
# siblings though 「企業」 alone is too common a head to tell them by.
CONTRASTS = (("大", "大手", "中小", "中堅", "小規模", "零細", "中堅・中小"),
             ("国内", "海外", "国外", "外国", "グローバル"),
             # directions: inward and outward investment, exports and imports
             ("対内", "対外"), ("輸出", "輸入"),
             ("新卒", "中途"))  # hires


def contrast_group(modifier: str) -> int | None:
    """The contrast group ``modifier`` is one of the kinds of (by its last words), or None."""
    return next((n for n, group in enumerate(CONTRASTS) if modifier.split("・")[-1] in group or modifier in group),
                None)
