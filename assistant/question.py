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
from dataclasses import dataclass, field

ANSWER_TYPES = ("count", "amount", "percentage", "date", "person", "place", "list", "definition", "reason",
                "change", "yesno", "fact")
VALUE_TYPES = ("count", "amount", "percentage", "date")  # answered by a figure the text must state

# Answer-type cues, tried in order: the first that matches decides.
_TYPE_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("definition", re.compile(r"とは(何|なに|どういう|どのよう)|の定義|の意味|って何|とはどんな")),
    ("change", re.compile(r"(何|どこ|どう|どのように)(が|を)?(変わ|変更|改め)|変更(点|内容|前後)|違い|新旧で|現行と(の|比べ)"
                          r"|変更案と現行|現行から|から(何|どう)変")),
    ("reason", re.compile(r"なぜ|どうして|理由|根拠は|背景は|目的は|何のため")),
    ("date", re.compile(r"いつ|何年|何月|何日|時期|期限|期日|何年度")),
    ("percentage", re.compile(r"何(%|％|パーセント|割)|割合|比率|率は|達成率|何倍")),
    ("amount", re.compile(r"いくら|金額|予算(額|規模)?は|(何|いくら)(円|億|兆|万円)|規模は|額は")),
    ("count", re.compile(r"何(件|社|人|名|組織|機関|点|回|か所|カ所|ヶ所|団体|者|本|種類|分野|か国|カ国|テーマ|項目|つ)"
                         r"|いくつ|件数は|人数は|数は|数を|どれ(くらい|ほど|だけ)|どの(くらい|程度|水準)|目標値|何(を|に)?目指")),
    ("person", re.compile(r"誰|だれ|氏名|どなた")),
    ("place", re.compile(r"どこ|どの(国|地域|都市|場所)|所在地")),
    ("list", re.compile(r"挙げ|列挙|(どのような|どんな|何の)(取組|施策|もの|事業|項目|分野|柱|テーマ|課題|方針|内容|支援|手段)"
                        r"|何があ|どういったもの|主な(取組|施策|内容)|(取組|施策|柱|テーマ|分野|課題)(は|を)(何|教え)"
                        r"|それぞれ何")),
    ("yesno", re.compile(r"(ます|です|ある|いる|される)か[？?]?$|のですか[？?]?$")),
]
_UNIT = re.compile(r"何(件|社|人|名|組織|機関|点|回|か所|カ所|ヶ所|団体|者|本|種類|分野|か国|カ国|テーマ|項目)")
_UNIT_WORDS = {"件数": "件", "人数": "人", "社数": "社", "者数": "人"}
# Words that name the kind of value rather than the thing: 「…の目標は」 asks for the focus before it.
GENERIC = ("目標値", "目標件数", "目標数", "目標", "水準", "数値", "値", "実績値", "実績", "数", "件数", "額", "規模", "内容",
           "概要", "状況", "計画", "予定", "結果", "見込み", "こと", "もの", "ところ", "具体的", "具体", "程度", "ため",
           "割合", "累計", "合計", "総数", "総額", "全体")
_FY = re.compile(r"(令和|平成)\s*([0-9]+|元)\s*年度?|(20[0-9]{2})\s*年度?")
_REVISION = re.compile(r"(令和|平成)\s*([0-9]+|元)\s*年度?\s*補正|(令和|平成)\s*([0-9]+|元)\s*年\s*(の)?(改定|変更|改正|版)?"
                       r"|最新|直近|最近の(改定|変更)")
_KINDS = ("中長期目標", "中期目標", "年度計画", "中期計画", "年度評価", "業務実績", "政策資料", "キーメッセージ")
_CROSS = re.compile(r"それぞれ|比較|両(方|者)|各(機関|法人|資料|文書)|ごとに|と(.{1,12})の(違い|差)|どちらも|いずれも")


def era_year(era: str, number: str) -> int:
    """Western year of a Japanese era year: 令和6 -> 2024, 平成30 -> 2018."""
    n = 1 if number == "元" else int(number)
    return (2018 if era == "令和" else 1988) + n


@dataclass(frozen=True)
class Constraints:
    """What a question says about the documents it is asking about."""

    organizations: tuple[str, ...] = ()
    doc_kinds: tuple[str, ...] = ()
    fiscal_years: tuple[int, ...] = ()
    revision: str | None = None  # as written: 令和5年度補正, 令和7年, 最新
    revision_year: int | None = None  # western year of the named revision, when it names one
    version: str | None = None  # 変更案 / 現行


@dataclass(frozen=True)
class QuestionAnalysis:
    question: str
    answer_type: str
    unit: str | None
    focus: str
    qualifiers: tuple[str, ...] = ()  # other content phrases of the question
    constraints: Constraints = field(default_factory=Constraints)
    cross: bool = False  # asks about several documents or organizations

    @property
    def wants_value(self) -> bool:
        return self.answer_type in VALUE_TYPES


def normalize_question(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def answer_type(question: str) -> str:
    q = normalize_question(question)
    for name, pattern in _TYPE_CUES:
        if pattern.search(q):
            return name
    return "fact"


def asked_unit(question: str) -> str | None:
    q = normalize_question(question)
    m = _UNIT.search(q)
    if m:
        return m.group(1)
    for word, unit in _UNIT_WORDS.items():
        if word in q:
            return unit
    return None


_QUESTION_WORDS = ("何", "なに", "なん", "いくつ", "いくら", "どれ", "どの", "どんな", "どう", "どこ", "いつ", "誰", "だれ",
                   "どちら", "なぜ", "どうして", "どういう", "どのよう")
_COMPOUND_POS = {"名詞", "接頭辞", "接尾辞", "形状詞"}
_JOINERS = set("・-ー/")
_CONSTRAINT_WORDS = (*_KINDS, "変更案", "現行", "最新", "補正", "資料", "文書", "独立行政法人", "国立研究開発法人", "法人",
                     "機構", "変更", "計画", "年度", "令和", "平成", "期間")


def compounds(morphemes: list[tuple[tuple[str, ...], str]]) -> list[str]:
    """Noun compounds of a question up to its question word (「対日投資誘致成功件数」「目標」)."""
    out: list[str] = []
    current = ""
    for pos, surface in morphemes:
        if surface.startswith(_QUESTION_WORDS) or (pos[0] == "助詞" and surface in ("とは", "って")):
            break
        noun = pos[0] in _COMPOUND_POS and pos[1] not in ("代名詞",)
        latin_space = surface == " " and current[-1:].isascii() and current[-1:].isalpha()
        if noun or (current and (surface in _JOINERS or latin_space)):
            current += surface
        else:
            if current:
                out.append(current)
            current = ""
    if current:
        out.append(current)
    return [c.strip("・-/") for c in out if c.strip("・-/")]


def _strip_constraints(phrase: str, organizations: dict[str, str]) -> str:
    s = phrase
    for name in sorted(organizations, key=len, reverse=True):
        s = re.sub(re.escape(name), "", s, flags=re.I)
    s = _FY.sub("", s)
    s = re.sub(r"第[0-9一二三四五六七八九十]+期", "", s)
    s = re.sub(r"^[0-9]+", "", s)
    for word in _CONSTRAINT_WORDS:
        if s.startswith(word) or s.endswith(word) or s == word:
            s = s.replace(word, "")
    return s.strip(" ・「」『』()（）")


def focus_of(morphemes: list[tuple[tuple[str, ...], str]],
             organizations: dict[str, str] | None = None) -> tuple[str, tuple[str, ...]]:
    """The asked-for thing and the question's other content phrases.

    「JETROの変更案では対日投資誘致成功件数の目標は何件」 -> 対日投資誘致成功件数: the last
    noun compound before the question word that is not a generic value word (目標)
    nor a constraint (organization, year, document kind, version).
    """
    phrases = [p for p in (_strip_constraints(c, organizations or {}) for c in compounds(morphemes)) if len(p) >= 2]
    specific = []
    for p in phrases:
        if p in GENERIC:
            continue
        for g in GENERIC:  # 「応募者数の目標値」 -> 応募者数
            if p.endswith(g) and len(p) - len(g) >= 2 and g not in ("件数", "数", "額", "割合"):
                p = p[: -len(g)]
                break
        specific.append(p)
    if not specific:
        return (phrases[-1] if phrases else ""), tuple(phrases[:-1])
    return specific[-1], tuple(specific[:-1])


def constraints_of(question: str, organizations: dict[str, str] | None = None) -> Constraints:
    """Organizations (canonical names), kinds, fiscal years, revision and version a question names."""
    q = normalize_question(question)
    orgs: list[str] = []
    for alias, canonical in sorted((organizations or {}).items(), key=lambda kv: -len(kv[0])):
        if re.search(re.escape(alias), q, flags=re.I) and canonical not in orgs:
            orgs.append(canonical)
    kinds = tuple(k for k in _KINDS if k in q)
    revision = revision_year = None
    m = _REVISION.search(q)
    if m:
        revision = m.group(0)
        if m.group(1):
            revision_year = era_year(m.group(1), m.group(2))
        elif m.group(3):
            revision_year = era_year(m.group(3), m.group(4))
    years = []
    for fm in _FY.finditer(q):
        if revision and fm.group(0) in revision:
            continue
        years.append(era_year(fm.group(1), fm.group(2)) if fm.group(1) else int(fm.group(3)))
    version = None
    if "現行" in q and "変更案" not in q:
        version = "現行"
    elif "変更案" in q and "現行" not in q:
        version = "変更案"
    return Constraints(tuple(orgs), kinds, tuple(years), revision, revision_year, version)


def analyze(question: str, morphemes: list[tuple[tuple[str, ...], str]],
            organizations: dict[str, str] | None = None) -> QuestionAnalysis:
    """Everything the answerer needs to know about a question.

    ``morphemes`` are the question's (part of speech, surface) pairs from a
    morphological analyzer (Sudachi in production; tests may pass their own).
    """
    orgs = organizations or {}
    kind = answer_type(question)
    focus, qualifiers = focus_of(morphemes, orgs)
    constraints = constraints_of(question, orgs)
    q = normalize_question(question)
    cross = bool(_CROSS.search(q)) or len(constraints.organizations) >= 2 or len(constraints.doc_kinds) >= 2
    return QuestionAnalysis(question, kind, asked_unit(question), focus, qualifiers, constraints, cross)
