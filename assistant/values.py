"""Typed values in Japanese text: counts, amounts, percentages, dates — and clauses.

Pure string functions. A value is found as written (full-width digits and all)
so that what the answer states can be checked against the quoted sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from index.column_table import FIGURE
from index.headings import MAJOR_BULLETS, MINOR_BULLETS
from index.meta import era_year
from index.text import compact, either_width, tidy

_D = r"[0-9０-９]"
# A figure begins where a run of digits does (tried inside the run, a long digit string is quadratic).
_START = r"(?<![0-9０-９,，.．])"
# Not after 第 (「第 16 回」: an ordinal names which one, it counts nothing) — but after 次第 (「整い次第 5 件」).
_NOT_ORDINAL = r"(?<!(?<!次)第)(?<!(?<!次)第\s)(?<!(?<!次)第\s\s)"
_NUM = rf"(?:約\s*)?{_START}{_NOT_ORDINAL}{_D}[{_D[1:-1]},，.．]*(?:\s*[万億兆千百]\s*{_D}*)*"
_QUALIFIER = r"(?:\s*(?:分(?=[のをがはもと、。）)\s])|以上|以下|超|未満|程度|前後|強|弱|増|減|超え|を超える|まで))?"
COUNT_UNITS = ("件", "社", "人", "名", "組織", "機関", "点", "回", "か所", "カ所", "ヶ所", "団体", "者", "本", "種類",
               "分野", "か国", "カ国", "テーマ", "項目", "サービス", "法人", "拠点", "校", "自治体", "企業",
               "事業者", "事業", "プロジェクト", "組", "台", "段階", "冊", "会場", "区分", "製品", "品目", "都市",
               "地域", "大学", "講座", "物資", "領域", "会員", "歳", "事例",
               # years counted, not a date: 「30年ぶりの高水準」「8年連続」「8 年続けての増収」
               "年ぶり", "年連続", "年続け")
# A measure that names only a kind of thing (a company, a body) -> the unit that counts it; 件・回・人 count
# anything.
_KIND_UNITS = {"会社": ("社",), "企業": ("社", "企業"), "社": ("社",), "組織": ("組織",), "機関": ("機関",),
               "団体": ("団体",), "法人": ("法人",), "自治体": ("自治体",), "学校": ("校",), "拠点": ("拠点",),
               "国": ("か国", "カ国"), "会員": ("会員",), "点": ("点",)}
AMOUNT_UNITS = ("円", "米ドル", "ドル")
PERCENT_UNITS = ("%", "％", "割", "倍", "ポイント", "pt")
# Counted nouns (not single-character counters such as 件 or 社) that a bare number before 「の」 counts.
_NOUN_UNIT_ALT = "|".join(re.escape(u) for u in COUNT_UNITS
                          if len(u) >= 2 and not u.startswith(("か", "カ", "ヶ", "年")))
_UNIT_ALT = "|".join(sorted((re.escape(u) for u in (*COUNT_UNITS, *AMOUNT_UNITS, *PERCENT_UNITS)),
                            key=len, reverse=True))
# 「1社あたり」「1人当たり」: the figure is the denominator of a rate, not a value of its own
_PER = r"(?!\s*(?:あたり|当たり|につき|ごと|評価|評点))"  # nor the points of a scale: 「5段階評価」
VALUE = re.compile(rf"{_NUM}\s*(?:[万億兆千]\s*)?(?:{_UNIT_ALT}){_PER}{_QUALIFIER}"
                   rf"|{_START}{_D}+\s*[／/]\s*{_D}+{_QUALIFIER}"
                   # a bound with the counted thing after it: 「１０以上の自治体・中小企業等の関係団体」
                   rf"|{_NUM}\s*(?:以上|以下|未満|超)(?=\s*の)"
                   # things counted as 「5 つの民間サービス」: the count of what follows
                   rf"|{_START}{_D}{{1,2}}\s*つ(?=\s*の)"
                   # a bare count of things a counted noun names: 「２２の重点分野」「10 の地域」 (not 「指標３－１の」)
                   rf"|{_START}(?<![－\-‐ー第]){_D}{{1,3}}\s*の\s*[一-龥ァ-ヶー]{{0,6}}?(?:{_NOUN_UNIT_ALT})(?![一-龥ァ-ヶー])")
_WHEN_IN = r"(?:末|初頭|初め|頃|[春夏秋冬]頃?)?"  # 「2022年末」「令和6年度初め」「2023年夏頃」: part of the date
# A period is one date: 「平成 30～令和 4 年度」「11 月27 日～28 日」「2024年度から2028年度まで」.
_UNTIL = rf"(?:\s*(?:[～〜~]|から)\s*(?:(?:令和|平成)\s*)?{_D}+\s*(?:年度?|月|日)(?:\s*{_D}+\s*[月日])*{_WHEN_IN}" \
         r"(?!\s*(?:間|以内|以上|後|前|あたり|当たり|ごと))(?:\s*まで)?)?"  # not 「…から5年間」: a duration
# 「令和６年法律第４６号」: the year of a law's number, not a date.
_LAW_NUMBER = r"(?!\s*(?:法律|政令|省令|告示|条例)第)"
# An era written with its initial, as slides do (「R７年末まで」「H30年度」「R元年度」): not inside a word or a code
# (「SR7年式」「型式H30年式」). (question.spelled_out reads the same initials in a question.)
_ERA_INITIAL = r"(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９.．一-龥々ァ-ヶー])[RHＲＨ](?=\s*(?:[0-9０-９]{1,2}|元)\s*年)"
DATE = re.compile(rf"(?:令和|平成|昭和)\s*(?:{_D}+|元)\s*[～〜~]\s*(?:(?:令和|平成)\s*)?{_D}+\s*年度?"
                  rf"|(?:令和|平成|昭和|{_ERA_INITIAL})\s*(?:{_D}+|元)\s*年度?{_LAW_NUMBER}(?:\s*{_D}+\s*月)?(?:\s*{_D}+\s*日)?{_WHEN_IN}{_UNTIL}"
                  rf"|{_D}{{4}}\s*年度?{_LAW_NUMBER}(?:\s*{_D}+\s*月)?(?:\s*{_D}+\s*日)?{_WHEN_IN}{_UNTIL}"
                  rf"|{_D}{{1,2}}\s*月(?:\s*{_D}+\s*日)?{_UNTIL}"
                  # when as a span of time: 1週間以内, 3か月後, 毎月, 年度末
                  rf"|{_START}{_D}+\s*(?:週間|か月|ヶ月|カ月|日間|年間)\s*(?:以内|以上|後|前|ごと|毎)?"
                  # … or counted from now (「20年後に効果が出る」; not 「2024年後半」「1年前倒し」「10年前比」)
                  rf"|{_START}{_D}{{1,3}}\s*年\s*(?:後|前)(?!半|倒|比)"
                  # a span of a few years: 「今後3-5年」「３ー５年」 (not a date range of 4-digit years)
                  rf"|(?<![0-9０-９]){_D}{{1,2}}\s*[-－‐~〜～ー]\s*{_D}{{1,2}}\s*年(?![度0-9０-９])"
                  r"|毎(?:月|年度|年|週)|(?:年度|年|月)(?:末|内|初)"
                  # a year named from the document's own time: 「来年春頃」「本年夏以降」「本年５～６月」「来年度」
                  rf"|(?:来年|本年|今年|昨年)度?\s*(?:{_D}+\s*(?:[～〜~]\s*{_D}+\s*)?月|[春夏秋冬]|初め|初頭|央|末|中)"
                  r"(?:\s*(?:頃|ごろ|以降|予定|目途))?|来年度")
# A person's title — not 「氏名」「博士課程」「博士後期課程」「博士人材」.
_TITLE = r"(?:准?教授|博士|氏)(?!名|族|課程|号|後期|前期|人材|研究員)"
# Who: a role or an organization as written (「経済産業大臣」「内閣総理大臣」「経済産業省」「福岡本部」), or a
# person by name and title (「Oliver deWeck 教授」「登大遊氏」; not 「氏名」「博士課程」).
WHO = re.compile(r"[一-龥ァ-ヶー・A-Za-zＡ-Ｚａ-ｚ]{0,16}?(?:総理大臣|大臣|長官|理事長|会長|社長|委員長|議長|知事|市長"
                 r"|所長|局長|部長|センター長|省|庁|本部|委員会|機構|協会)"
                 rf"|(?:(?<![A-Za-z])[A-Z][A-Za-z.'-]*(?:\s+[A-Za-z][A-Za-z.'-]*){{0,3}}"
                 rf"|(?<![一-龥々])[一-龥々]{{2,5}}|[ァ-ヶー]{{2,12}}・[ァ-ヶー]{{2,12}})\s*{_TITLE}")
_CLAUSE_END = re.compile(r"[、。，；;：:]")


@dataclass(frozen=True)
class Value:
    text: str  # as written in the source
    start: int
    end: int
    kind: str  # count | amount | percentage | date | number


def _kind_of(text: str) -> str:
    t = unicodedata.normalize("NFKC", text)
    if any(u in t for u in AMOUNT_UNITS):
        return "amount"
    if any(u in t for u in ("%", "割", "倍", "ポイント", "pt")) or "/" in t:
        return "percentage"
    return "count"


def values_in(text: str) -> list[Value]:
    """Every figure with a unit and every date in ``text``, in order."""
    out = [Value(_as_said(m.group(0)), m.start(), m.end(), _kind_of(m.group(0))) for m in VALUE.finditer(text)]
    taken = [(v.start, v.end) for v in out]
    for m in DATE.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            out.append(Value(_as_said(m.group(0)), m.start(), m.end(), "date"))
    return sorted(out, key=lambda v: v.start)


def _as_said(text: str) -> str:
    """A figure as written, without the run of spaces a PDF table cell leaves inside it
    (「160件                    以上」 -> 「160件以上」); a single space stays (「10 件」)."""
    return re.sub(r"\s{2,}", "", text.strip())


def unit_of(value: Value) -> str | None:
    """The unit a figure is written with (「16,469社以上」 -> 社, 「約 10％程度」 -> %)."""
    m = re.search(rf"(?:{_UNIT_ALT})", unicodedata.normalize("NFKC", value.text))
    return m.group(0) if m else None


# A name as written: in 「」/『』, in parentheses after a term (「Reスキル講座（第四次産業革命スキル習得講座
# 認定制度）」), or a Latin-letter name (「IPA NEWS」「J-Bridge」).
_LATIN_WORD = r"[A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ0-9０-９\-－]*"
NAME = re.compile(r"[「『](?P<q>[^「」『』]{2,40})[」』]|[（(](?P<p>[^（）()、。]{4,40})[）)]"
                  rf"|(?P<l>{_LATIN_WORD}(?: {_LATIN_WORD})*)")


_SCOPE_NOTE = re.compile(r"(を含む|を除く|に限る|(?<![平均高対同])等|など|ほか)$")


def _bracket_note(text: str) -> bool:
    """Is a bracket's content a note, not a name: 「（令和2年度）」「（2件以上）」「（ＩＳＭＡＰ－ＬＩＵを含む）」, or
    what the term before it equals (「エクイティスプレッド（＝ROEー株主資本コスト）」)?"""
    return bool(DATE.search(text) or VALUE.search(text) or _SCOPE_NOTE.search(text)) \
        or text.lstrip().startswith(("＝", "="))


def names_in(text: str) -> list[Value]:
    """Names written in ``text`` (the values a 「名前は」「何という」 question is answered by)."""
    out = []
    for m in NAME.finditer(text):
        group = "q" if m.group("q") else "p" if m.group("p") else "l"
        name = m.group(group).strip()
        if group == "p" and _bracket_note(name):
            continue
        if group == "l" and len(name) < 3:
            continue
        out.append(Value(name, m.start(group), m.end(group), "name"))
    return out


def expansion_of(text: str, abbreviation: str) -> Value | None:
    """The name ``abbreviation`` stands for, where ``text`` writes the two side by side: before it
    (「アジア・ゼロエミッション共同体（AZEC）」「…インスティテュート（以下「ＡＩＳＩ」という。）」) or after it in
    brackets (「PHR(Personal Health Record)」); None when it does not. Latin letters match in either width."""
    if not abbreviation.strip():
        return None
    abbr = "".join(either_width(c) for c in unicodedata.normalize("NFKC", abbreviation).strip())
    m = re.search(rf"(?<![A-Za-zＡ-Ｚａ-ｚ]){abbr}\s*[（(]\s*(?P<name>[^（）()「」、。]{{2,60}}?)\s*[）)]", text)
    if m and not m.group("name").startswith("以下") and not _bracket_note(m.group("name")):
        return Value(m.group("name"), m.start("name"), m.end("name"), "name")
    # Quoted whole (「「政府情報システムのためのセキュリティ評価制度（ISMAP）」」), the name is all the quote holds;
    # else it is the run of kanji, katakana and Latin letters before the bracket (not a particle, 「 or 、).
    m = re.search(rf"[「『](?P<name>[^「」『』（）()]{{2,60}})[（(]{abbr}[）)][」』]", text) \
        or re.search(rf"(?P<name>{_NAME_CHAR}{{2,40}})[（(](?:以下[「『])?{abbr}(?![A-Za-zＡ-Ｚａ-ｚ])", text)
    if m and m.group("name").strip():
        return Value(m.group("name").strip(), m.start("name"), m.end("name"), "name")
    return None


_NAME_CHAR = "[一-龥々ァ-ヶーA-Za-zＡ-Ｚａ-ｚ0-9０-９・ 　]"


# The grade of an evaluation (独立行政法人の評定 S/A/B/C/D): 「評定：A」, or a grade stated with its meaning
# (「A：全体として…上回る成果が得られている」) — not the scale 「（Ｓ、Ａ、Ｂ、Ｃ、Ｄ）」.
GRADE = re.compile(r"評定\s*[：:]\s*(?P<a>[SABCDＳＡＢＣＤ])(?![A-Za-zＡ-Ｚａ-ｚ])"
                   r"|(?:^|(?<=[\s。]))(?P<b>[SABCDＳＡＢＣＤ])\s*[：:]\s*(?=[ぁ-ん一-龥])"
                   # a row of a summary table, one grade a year (「業務運営の効率化 B B B   II」): the
                   # latest year's is the last
                   r"|(?<=[一-龥ぁ-んァ-ヶ）])\s+(?:[SABCDＳＡＢＣＤ]\s+){1,4}(?P<c>[SABCDＳＡＢＣＤ])(?=\s|$)")


def grades_in(text: str) -> list[Value]:
    """Evaluation grades stated in ``text`` (the values a 「評定は」 question is answered by)."""
    out = []
    for m in GRADE.finditer(text):
        g = next(k for k in "abc" if m.group(k))
        if g == "c" and _is_scale(m.group(0)):
            continue  # 「評定区分 S A B C D」: the scale, not a year's grades
        out.append(Value(unicodedata.normalize("NFKC", m.group(g)), m.start(g), m.end(g), "grade"))
    return out


def _is_scale(row: str) -> bool:
    """Four or more different grades in scale order (S A B C D) name the scale; three years of grades
    may well read 「S A B」."""
    letters = re.sub(r"\s", "", unicodedata.normalize("NFKC", row))
    return len(letters) >= 4 and len(set(letters)) == len(letters) and letters in "SABCD"


def grade_meaning(text: str, grade: Value, max_chars: int = 60) -> str:
    """What ``text`` says the grade means, right after it (「A：全体として…」 -> 「全体として…」), or ""."""
    m = re.match(r"\s*[：:]\s*([^。（(]{2,})", text[grade.end:])
    return m.group(1).strip()[:max_chars] if m else ""


def who_in(text: str) -> list[Value]:
    """Roles, organizations and persons (by name and title) named in ``text`` (the values a 「誰」 question is
    answered by)."""
    return [Value(m.group(0), m.start(), m.end(), "person") for m in WHO.finditer(text)]


# How often something is done: 「四半期毎」「毎月」「年４回」「隔年」「随時」 (the values a 「どのくらいの頻度」
# question is answered by).
FREQUENCY = re.compile(r"毎\s*(?:年度?|月|週|日|四半期|半期|回)"
                       r"|(?:四半期|半期|(?<![0-9０-９])月|週|(?<![0-9０-９])年度?|[0-9０-９一二三六]+\s*(?:か|ヶ|カ|ケ)?月)"
                       r"\s*(?:毎|ごと)"
                       r"|(?:年|月|週)\s*[0-9０-９一二三四五六七八九十]+\s*回(?:程度|以上)?"
                       r"|隔(?:年|月|週)|随時|定期的")


def frequencies_in(text: str) -> list[Value]:
    """How often ``text`` says something is done (「四半期毎に取り纏めて公開」 -> 四半期毎)."""
    return [Value(m.group(0), m.start(), m.end(), "frequency") for m in FREQUENCY.finditer(text)]


# Values that are not figures: a date, who, a name, a grade, how often.
_NOT_FIGURES = ("date", "person", "name", "grade", "frequency")
# What answers a type that is not a figure or a date: who, a name, a grade, how often (figures and dates:
# values_in).
_FINDERS = {"person": who_in, "name": names_in, "grade": grades_in, "frequency": frequencies_in}


def matches_type(value: Value, answer_type: str, unit: str | None = None) -> bool:
    """Is ``value`` the kind of figure an ``answer_type`` question asks for?"""
    if answer_type in _NOT_FIGURES:
        return value.kind == answer_type
    if value.kind in _NOT_FIGURES:
        return False
    if answer_type == "count":
        if unit:
            return unit in unicodedata.normalize("NFKC", value.text) or value.kind == "count"
        return value.kind in ("count", "percentage")
    if answer_type == "magnitude":  # 「どれくらい」 with no unit: any figure
        return value.kind in ("count", "amount", "percentage")
    if answer_type == "amount":
        return value.kind == "amount"
    if answer_type == "percentage":
        return value.kind == "percentage"
    return True


def states_kind(text: str, answer_type: str) -> bool:
    """Does ``text`` state a figure or date of the kind an ``answer_type`` question asks for?"""
    return any(matches_type(v, answer_type) for v in values_in(text))


# A figure stated as a target: bounded (「30万件以上」) or set as one (「…件とする」「…を目指す」).
_TARGET_BOUND = re.compile(r"(以上|以下|超|未満|超え|を超える)$")
_TARGET_AFTER = re.compile(r"^\s*(?:の\s*)?(?:以上|以下|を目指|とする|を達成|を確保|を目標"
                           r"|を(?:上回|下回|超え)ることを目指)")  # 「約３０万件を上回ることを目指す」
# 「1,000人の人材を海外に派遣するという政府目標」: the clause the figure is in is named a target.
_SET_AS_TARGET = re.compile(r"^[^。、0-9０-９]{0,24}?という[^。、]{0,3}目標")  # no other figure in between
_QUOTED_TARGET = re.compile(r"目標[「『][^」』]*$")  # the figure is inside a target quoted by name
# A result or the current figure: said right before the figure (「実績は6件」), or near before it in the clause
# (「平均アクセス数の1.2倍」, 「令和3年4月1日時点の…」), which is enough to say it is not a target.
_ACTUAL = "実績|現状|現在"
_ACTUAL_SAID = re.compile(rf"(?:{_ACTUAL})値?(?:は|が|で|：|:)?\s*(?:約\s*)?$")
_ACTUAL_BEFORE = re.compile(rf"(?:{_ACTUAL}|平均|時点)[^。、]{{0,12}}$")
# Set for a point in time (「…終了時点で２０００組織以上とする」), not reached by it (「…時点で120件を達成した」).
_SET_FOR = re.compile(r"^\s*(?:の\s*)?(?:以上|以下)?\s*(?:とする|を目指|を目標)")


# A calendar month or day (「令和3年10月1日」「2021年10月」「令和元年9月」), not a year or fiscal year alone.
_CALENDAR = re.compile(r"(?:(?P<era>令和|平成)\s*(?P<n>元|[0-9]{1,2})|(?P<y>(?:19|20)[0-9]{2}))\s*年\s*"
                       r"(?P<m>[0-9]{1,2})\s*月(?:\s*(?P<d>[0-9]{1,2})\s*日)?")


def calendar_dates(text: str) -> dict[tuple[int, int, int | None], str]:
    """The months and days ``text`` names, as (western year, month, day or None) -> as written (NFKC), era or
    western, any width: 「令和3年10月1日」 and 「2021年10月1日」 are both (2021, 10, 1)."""
    out: dict[tuple[int, int, int | None], str] = {}
    for m in _CALENDAR.finditer(unicodedata.normalize("NFKC", text)):
        out.setdefault(_date_of(m), m.group(0))
    return out


# A month without its year: not after a year (「令和 2 年 5 月」「令和7年度 4 月」), an ordinal or another number's
# digits (「第 3 月」「2.5 月」); the first of a range counts too (「10～12 月」).
_BARE_MONTH = re.compile(r"(?<![0-9.,第年度])(?<![0-9.,第年度]\s)(?<![0-9.,第年度]\s\s)"
                         r"([0-9]{1,2})(?:\s*[~〜・、]\s*([0-9]{1,2}))?\s*月")


def fiscal_months(text: str, fiscal_year: int) -> set[tuple[int, int, None]]:
    """The months ``text`` names without a year (「…グループを 5 月に新設」), as (western year, month, None) dated
    in ``fiscal_year`` (April to March) — what they mean in a document about that fiscal year."""
    months = {int(n) for m in _BARE_MONTH.finditer(unicodedata.normalize("NFKC", text)) for n in m.groups() if n}
    return {(fiscal_year if month >= 4 else fiscal_year + 1, month, None) for month in months if 1 <= month <= 12}


def _date_of(m: re.Match[str]) -> tuple[int, int, int | None]:
    """A ``_CALENDAR`` match as (western year, month, day or None)."""
    year = era_year(m["era"], m["n"]) if m["era"] else int(m["y"])
    return year, int(m["m"]), int(m["d"]) if m["d"] else None


def date_ends(text: str, dates: set[tuple[int, int, int | None]]) -> list[int]:
    """Where in ``text`` each mention of one of ``dates`` (as :func:`calendar_dates` reads them) ends."""
    normal = unicodedata.normalize("NFKC", text)
    if not dates or len(normal) != len(text):
        return []  # (positions would not carry over)
    return [m.end() for m in _CALENDAR.finditer(normal) if _date_of(m) in dates]


def counted_by(measure: str, value: Value) -> bool:
    """Does ``value``'s unit name what ``measure`` counts (「会社数」 and 「156 社」, 「団体数」 and 「12 団体」)?
    Only a measure that names nothing but the kind of thing, which the unit also names: 「成功件数」 is not
    answered by any 「92件」, 「合格者数」 by 「5,000 人」, nor 「成約会社数」 by 「120社が参加」."""
    units = _KIND_UNITS.get(measure[:-1], ()) if measure.endswith("数") else ()
    said = re.sub(rf"{_QUALIFIER}$", "", compact(value.text))
    return bool(units) and value.kind == "count" and said.endswith(units)


def target_named(measure: str, value: Value, text: str) -> bool:
    """Is ``value`` the target of ``measure`` written the plans' short way — the measure's stem with 「目標」 and a
    count in its unit (「支援件数」: 「協業・連携支援目標（…）は 716件」, 「成功件数」: 「成功目標は72件」)?"""
    stem = _counted_stem(measure, value)
    return stem is not None and f"{stem}目標" in compact(text)


def count_before(measure: str, value: Value, text: str) -> bool:
    """Is ``value`` the count ``measure`` names, written before the measure's stem (「新規登録者数」: 「1,111 名の
    新規登録を行った」; 「受付件数」: 「16,477 件（昨年比 989 件増）の脆弱性関連情報を受付」, the thing counted
    named between; 「参加人数」: 「計 42 名が参加」, the count the subject of the measure's verb), in the measure's
    unit?"""
    stem = _counted_stem(measure, value)
    if stem is None:
        return False
    after = _ASIDE.sub("", compact(text[value.end:value.end + 80]), count=1)
    return bool(re.match(rf"(?:の(?:[^、。をがは]{{1,16}}を)?|が){re.escape(stem)}", after))


_ASIDE = re.compile(r"^[（(][^（()）]{0,30}[）)]")  # a bracketed aside right after a figure: 「（昨年比 989 件増）」


_NOUN_BEFORE = re.compile(r"[一-龥々ァ-ヶーA-Za-zＡ-Ｚａ-ｚ]$")


def labelled_count(measure: str, value: Value, text: str) -> bool:
    """Is ``value`` the count ``measure`` names, labelled by the measure without its 数 right before it, in the
    measure's unit (「当日視聴者数」: 「当日視聴者: 3,021 名」)?"""
    if _counted_stem(measure, value) is None:
        return False
    # (The label whole: not 「配信視聴者」 or 「不参加者」 for 「視聴者数」「参加者数」.)
    before = compact(text[max(0, value.start - 40):value.start]).rstrip(":：")
    return before.endswith(measure[:-1]) and not _NOUN_BEFORE.search(before[:-len(measure[:-1])])


def labelled_value(measure: str, text: str) -> Value | None:
    """The first figure of ``text`` that ``measure`` labels (see :func:`labelled_count`); None when there is none —
    without reading the figures of a text that never writes the label."""
    if not _COUNT_MEASURE.fullmatch(measure) or measure[:-1] not in compact(text):
        return None
    return next((v for v in values_in(text) if labelled_count(measure, v, text)), None)


# What a 「…件数」「…人数」「…者数」「…社数」「…回数」 counts in (「支援件数」: 件; 「登録者数」: 人 or 名;
# 「視聴回数」: 回).
_TARGET_UNITS = {"件": ("件",), "人": ("人", "名"), "者": ("人", "名"), "社": ("社",), "回": ("回",)}


_COUNT_MEASURE = re.compile(r"(.{2,}?)(件|人|者|社|回)数")


def _counted_stem(measure: str, value: Value) -> str | None:
    """The stem of a measure that counts in a unit (「支援件数」 -> 「支援」) when ``value`` is a count in that unit,
    else None."""
    m = _COUNT_MEASURE.fullmatch(measure)
    if not m or value.kind != "count":
        return None
    said = re.sub(rf"{_QUALIFIER}$", "", compact(value.text))
    return m.group(1) if said.endswith(_TARGET_UNITS[m.group(2)]) else None


def is_actual(value: Value, text: str) -> bool:
    """Is ``value`` said, right before it, to be a result or the current figure (「実績は6件」「現状 1,200件」)?
    (Not 「平均アクセス数の1.2倍（261,438件）」: a target derived from a result.)"""
    return bool(_ACTUAL_SAID.search(text[max(0, value.start - 12):value.start]))


def is_target(value: Value, text: str) -> bool:
    """Is ``value`` stated as a target (bounded, or set as one) rather than as a result?"""
    if is_result(value, text):
        return False
    if _QUOTED_TARGET.search(text[max(0, value.start - 40):value.start]):
        return True  # 「政府目標「5年間で1,000人の人材を…」」
    after = _after_breakdown(value, text)
    return bool(_TARGET_BOUND.search(value.text) or _TARGET_AFTER.match(after[:12]) or _SET_AS_TARGET.match(after))


def _after_breakdown(value: Value, text: str) -> str:
    """What ``text`` says after ``value`` and its breakdown, if any: 「2,100件（2,000件＋令和5年度補正見込件数100件）
    以上」 is bounded after the sum."""
    return _BREAKDOWN.sub("", text[value.end:value.end + 60], count=1)


def is_result(value: Value, text: str) -> bool:
    """Is ``value`` said to be a result or the present figure (「月平均の実績数（アクセス数）は約２万５千件」)? Not
    a figure set for a point in time (「…期間終了時点で２０００組織以上とする」)."""
    before = text[max(0, value.start - 16):value.start]
    if (said := _ACTUAL_BEFORE.search(before)) is None:
        return False
    return not (said.group(0).startswith("時点") and _SET_FOR.match(_after_breakdown(value, text)[:12]))


def breakdown(text: str, figure: str) -> str | None:
    """The bracketed sum written right after ``figure`` in ``text`` (spacing and width aside): for 「716件」 in
    「…は 716件（700件＋令和 5年度補正見込件数16件）とする」 -> 「700件＋令和 5年度補正見込件数16件」."""
    want = compact(figure)
    for v in values_in(text):
        if compact(v.text) == want and (m := _BREAKDOWN.match(text[v.end:v.end + 60])):
            return m.group(0).strip()[1:-1]
    return None


_MULTIPLIER = {"十": 1e1, "百": 1e2, "千": 1e3, "万": 1e4, "億": 1e8, "兆": 1e12}
_MAGNITUDE = re.compile(rf"([0-9][0-9,]*(?:\.[0-9]+)?)\s*([十百千万億兆]*)\s*({_UNIT_ALT})")


def magnitude(value: Value) -> tuple[float, str] | None:
    """A figure as a number and its unit (「３，８０８百万円」 -> (3.808e9, 円), 「4,589 件」 -> (4589.0, 件)); None
    for a date or a figure without a unit."""
    m = _MAGNITUDE.search(unicodedata.normalize("NFKC", value.text)) if value.kind != "date" else None
    if not m:
        return None
    n = float(m.group(1).replace(",", ""))
    for ch in m.group(2):
        n *= _MULTIPLIER[ch]
    return n, m.group(3)


def in_unit_of(value: Value, figures: list[Value]) -> list[Value]:
    """The ``figures`` written in ``value``'s unit (「百万円」 and 「億円」 are both 円), in order."""
    want = magnitude(value)
    return [f for f in figures if want is not None and (m := magnitude(f)) is not None and m[1] == want[1]]


# How far parts written rounded may be off their whole (a share of it).
PART_TOLERANCE = 0.005


def summing_run(total: Value, figures: list[Value], tolerance: float = PART_TOLERANCE) -> list[Value] | None:
    """The first run of two or more consecutive ``figures`` written in ``total``'s unit that adds up to it (each
    part rounded: within ``tolerance`` of it): the parts 「82,297件」 is made of (4,589件、71,654件、6,054件).
    Figures in other units are skipped over; None when no run adds up."""
    want = magnitude(total)
    if want is None:
        return None
    same = [(f, magnitude(f)[0]) for f in in_unit_of(total, figures)]
    for i in range(len(same)):
        added = 0.0
        for j in range(i, len(same)):
            added += same[j][1]
            if added > want[0] * (1 + tolerance):
                break
            if j > i and abs(added - want[0]) <= want[0] * tolerance:
                return [f for f, _ in same[i:j + 1]]
    return None


def made_of(total: Value, parts: list[Value], tolerance: float = PART_TOLERANCE) -> bool:
    """Can ``total`` be made of ``parts`` (in its unit)? Counts and amounts add up to it; shares (a rate of the
    whole: 「IT企業では79.6%、ユーザ企業では44.6%、全体で62.1%」) lie on both sides of it — not a row of years
    each larger than the one before (「1,016,117件 1,134,669件 1,237,169件」)."""
    want = magnitude(total)
    got = [magnitude(v)[0] for v in in_unit_of(total, parts)]
    if want is None or len(got) < 2 or len(got) < len(parts):
        return False
    if total.kind == "percentage":
        return min(got) < want[0] < max(got)
    return abs(sum(got) - want[0]) <= want[0] * tolerance


_BRACKET_AFTER = re.compile(r"\s*([（(]([^（）()]{1,200})[）)])")


def bracket_after(text: str, value: Value) -> re.Match[str] | None:
    """The bracket written right after ``value`` in ``text`` (spaces aside, none nested): group 1 with its brackets,
    group 2 what is inside."""
    return _BRACKET_AFTER.match(text, value.end)


def parts_in_bracket(text: str, value: Value) -> str | None:
    """The bracket right after ``value`` when it lists two or more figures in its unit (「３，８０８百万円（デジタル基盤
    ８４９百万円、デジタル人材育成２２１百万円、…）」 -> 「デジタル基盤８４９百万円、…」); None otherwise."""
    m = bracket_after(text, value)
    inside = m.group(2) if m and len(m.group(2)) >= 4 else ""
    return inside.strip() if inside and len(in_unit_of(value, values_in(inside))) >= 2 else None


def restatement(text: str, value: Value) -> str:
    """The bracket right after ``value`` when it restates it as a figure of another kind (「前年度の１．２倍
    （２６１，４３８件）」 -> 「（２６１，４３８件）」), else ""."""
    m = bracket_after(text, value)
    if not m or len(m.group(2)) > 30 or re.search("[、。]", m.group(2)):
        return ""
    inside = values_in(m.group(1))
    return m.group(1) if len(inside) == 1 and inside[0].kind not in (value.kind, "date") else ""


# A bound written right after a date (「2023年度～」「R７年末まで」「令和6年度（2024年度）以降」): the date opens or
# closes a span. (Not 「より」: 「令和5年度より増加」 compares.)
_DATE_BOUND = re.compile(r"\s*(?:[（(][^（）()]{1,12}[）)]\s*)?(?:[～〜~]|から|までに|まで|以降)")


def date_bound(text: str, value: Value) -> str:
    """The bound written right after ``value`` when it is a date (「～」「まで」「以降」), else "": 「2023年度～」 says
    from 2023, not in 2023 — the answer keeps it."""
    if value.kind != "date":
        return ""
    m = _DATE_BOUND.match(text, value.end)
    return m.group(0).strip() if m else ""


_BREAKDOWN = re.compile(r"^\s*[（(][^（()）]{0,50}[＋+][^（()）]{0,50}[）)]")  # a sum: 「（A＋B）」


# A date of something done (「2022年に策定された」「令和5年12月に取りまとめ」): not a deadline.
_EVENT_AFTER = re.compile(r"^\s*(?:に|の)?\s*"
                          r"(?P<event>策定|公表|決定|閣議決定|発表|設立|創設|改定|改正|取りまとめ|成立|施行|公布)")


# A rate written without a unit (「希望出生率は…2021年に1.6と低下」): a decimal, not part of a figure with a unit.
_BARE_RATE = re.compile(r"(?<![0-9０-９.．,，])[0-9０-９]+[.．][0-9０-９]+"
                        r"(?![0-9０-９.．,，]|\s*(?:[%％倍万億兆千百]|" + _UNIT_ALT + r"))")


def rates_in(text: str) -> list[Value]:
    """Every decimal written without a unit in ``text`` (kind "number"), in order."""
    return [Value(m.group(0), m.start(), m.end(), "number") for m in _BARE_RATE.finditer(text)]


_SPAN = re.compile(r"(?:週間|か月|ヶ月|カ月|日間|年間)")
# A length of time and nothing more (「2 日間」「約2か月」): how long, never when (「3か月後」「1週間以内」 are when).
_DURATION = re.compile(rf"(?:約|当面)?\s*{_D}+\s*(?:週間|日間|年間|(?:か|ヶ|カ)月間?)")
# A number written without a unit (「39,192」), not a part of a longer figure or a date.
_BARE = rf"({_NUM})(?![0-9０-９,，.．]|\s*(?:{_UNIT_ALT}|[年月日]))"
_CELL = rf"(?:{_NUM}\s*(?:[万億兆千]\s*)?(?:{_UNIT_ALT})?{_QUALIFIER}|[-－‐―])"
_CELLS = re.compile(_CELL)
_ROW = re.compile(rf"^(?P<label>(?:\S.*?)??)\s*(?<![0-9０-９,，.．])(?P<cells>{_CELL}(?:\s+{_CELL})+)\s*$")
_DASH = re.compile(r"[-－‐―]")
_EDITION = re.compile(r"(?:19|20)[0-9]{2}")  # a year in a name (「情報セキュリティ白書 2020」)
# A table row of one figure: a short label (no sentence), a space, and its figure to the line's end.
_ONE_CELL_ROW = re.compile(rf"^(?P<label>[^。、]{{1,40}}?)\s+(?<![0-9０-９,，.．])(?P<cell>{_NUM}\s*(?:[万億兆千]\s*)?"
                           rf"(?:{_UNIT_ALT})?)\s*$")


def row_figure(text: str) -> Value | None:
    """The figure of a table row written as one line with one cell: a short label, a space and the figure to the
    line's end (「情報セキュリティ白書 2020 1,552」, 「IT 人材白書 2020 285」). Written bare, it is a count of what
    the table's caption names. None when ``text`` is no such row."""
    m = _ONE_CELL_ROW.match(text.strip())
    if not m or ((cells := row_cells(text)) is not None
                 and not all(c is not None and _EDITION.fullmatch(c.text) for c in cells[1][:-1])):
        return None  # several figures — unless the others are a name's year (「白書 2020」)
    offset = text.index(text.strip()) + m.start("cell")
    said = m.group("cell").strip()
    return Value(said, offset, offset + len(said), _kind_of(said))


def cell_figure(text: str, unit: str = "") -> Value | None:
    """The figure of a table cell that holds one figure alone (「１９，２６４」「654」), read in the ``unit`` its
    table states (「（単位:百万円）」: an amount); None for a dash or anything else."""
    body = text.strip()
    if not re.fullmatch(FIGURE, body):
        return None
    offset = text.index(body)
    return Value(body, offset, offset + len(body), _kind_of(body + unit))


def is_table_row(text: str) -> bool:
    """Is ``text`` a row of a table of figures (one cell or several), no sentence?"""
    return bool(_ONE_CELL_ROW.match(text.strip())) or row_cells(text) is not None


def row_cells(text: str) -> tuple[str, list[Value | None]] | None:
    """A table row written as one line: its label and its cells — two or more figures or dashes, separated by
    spaces, to the line's end (「前期中(長)期目標期間繰越積立金 1,476 1,016 306」「実績値70,315 件 86,036 件」); a
    dash is an empty cell (None). None when ``text`` is no such row."""
    m = _ROW.search(text.strip())
    if not m or re.search(r"[0-9０-９]$", m.group("label")):
        return None
    offset = text.index(text.strip()) + m.start("cells")
    cells: list[Value | None] = []
    for c in _CELLS.finditer(m.group("cells")):
        said = c.group(0).strip()
        cells.append(None if _DASH.fullmatch(said) else
                     Value(said, offset + c.start(), offset + c.start() + len(said), _kind_of(said)))
    return (m.group("label"), cells) if len(cells) >= 2 else None


def labelled_figures(text: str, label: str) -> list[Value]:
    """Every number written without a unit as the value of ``label`` (「ダウンロード数：39,192」, a table's
    「…件数　1,234」 is not: only a colon labels) — or of a part of it, listed after the colon (「ダウンロード数：
    国内編 1,024、欧米編565」) — in order (kind "count")."""
    if not label:
        return []
    out = []
    for m in re.finditer(rf"{re.escape(label)}\s*[：:]", text):
        at = m.end()
        while item := _LABELLED_ITEM.match(text, at):
            out.append(Value(item.group(1), item.start(1), item.end(1), "count"))
            at = item.end()
            if not (sep := _LIST_SEPARATOR.match(text, at)):
                break
            at = sep.end()
    return out


# (「国内編 1,024」: a part's name first — not a year's, 「前年度 1,100」)
_LABELLED_ITEM = re.compile(rf"\s*(?:(?![一-龥ァ-ヶー]*年度?\s*[0-9０-９])[一-龥ァ-ヶー]{{1,6}}\s*)?{_BARE}")
_LIST_SEPARATOR = re.compile(r"\s*[、,，]\s*")


def best_value(text: str, answer_type: str, unit: str | None, anchors: list[int], asked: str = "",
               status: str | None = None, deadline: bool = False, rate: bool = False,
               unit_said: bool = False, events: list[int] | None = None, span: bool = False,
               periods: list[int] | None = None, written: list[int] | None = None) -> Value | None:
    """The value of the asked type closest after (else before) an anchor position (the asked phrase).

    ``asked`` is the asked-for phrase itself: 「主務大臣は誰」 is not answered by 「主務大臣」 (for a
    name, the whole question: 「ISMAPに登録された事業者の名前」 is not answered by 「ISMAP」).
    ``status`` 目標 prefers a figure stated as a target, 実績 one that is not (see :func:`is_target`).
    ``deadline`` (「何年までに」) leaves out the dates of things done (「2022年に策定された」).
    ``rate`` (a rate asked, 「出生率はいくつ」): with no figure of the asked type, a decimal written without a
    unit (「1.6」) is one. ``unit_said``: the question names the unit itself (「何点」), so a count of another
    unit (「40 名」) does not answer it; a unit only guessed from a word (「…者数」) is a preference.
    ``events``: where the event a date or count is asked of (「いつ設置された」「何名を採択」) is written — the
    value is the one closest before it (「令和６年２月１４日にＡＩＳＩをＩＰＡに設置」「85 名を採択」), when one is.
    ``span`` (「どのくらいの期間」): a span of time (「当面10年間」) answers before a date (「2022年度から」).
    ``periods``: where a mention of the asked year ends (「前年度」 in the next year's report) — a figure
    written right after one is that year's (「（前年度 24,542）」), even bare. ``written``: where the asked year
    written out ends (「2010年、2015年ともに1.8であったが、2021年に1.6と低下」) — a figure of the asked type right
    after it, with at most a particle between, is that year's (not a bare number: 「2030年９兆円」 counts nothing).
    """
    found = _FINDERS.get(answer_type, values_in)(text)
    typed = [v for v in found if matches_type(v, answer_type, unit) and not (asked and _said(v.text, asked))
             and not (deadline and v.kind == "date" and _EVENT_AFTER.match(text[v.end:v.end + 12]))
             and not (asked and multiple_of(text, v, asked))]
    if unit:
        exact = [v for v in typed if _has_unit(unicodedata.normalize("NFKC", v.text), unit)]
        typed = exact or ([v for v in typed if not _other_unit(v, unit, text, asked)] if unit_said else typed)
    if status and answer_type not in _NOT_FIGURES:
        # A target asked: a figure said to be a result (「実績は6件であるところ」) never answers, even alone.
        fallback = [v for v in typed if not is_actual(v, text)] if status == "目標" else typed
        typed = [v for v in typed if is_target(v, text) == (status == "目標")] or fallback
    if not typed and answer_type in ("count", "magnitude"):
        # 「ダウンロード数：39,192」: a count written as the asked measure's value, without a unit
        typed = labelled_figures(text, asked) or (rates_in(text) if rate and not unit else [])
    elif not typed and answer_type == "percentage" and rate and not unit:
        typed = rates_in(text)  # 「希望出生率は…1.6と低下」: a rate is not always a percentage
    if answer_type in ("count", "magnitude", "amount", "percentage"):
        if periods and (dated := _right_after(text, typed, periods)):
            return dated
        if written and (dated := _right_after(text, typed, written, _YEAR_PARTICLE, bare=False)):
            return dated
    if not typed:
        return None

    if span:
        typed = [v for v in typed if _SPAN.search(v.text)] or typed
    elif answer_type == "date":
        typed = [v for v in typed if not _DURATION.fullmatch(v.text.strip())]  # 「いつ」 is no length of time
        if not typed:
            return None
    if answer_type == "date" and events:
        # 「（令和６年３月５日閣議決定）が成立した」: a date written with another event is not the asked one's.
        typed = [v for v in typed if not _dates_another_event(text, v, events)]
        if not typed:
            return None
        if dated := _closest_before(text, typed, events):
            return dated  # 「令和６年２月１４日に…設置」: the date of the asked event
    if answer_type == "count" and events and (counted := _right_before(text, typed, events)):
        return counted  # 「選考により 85 名を採択」: the count of the asked action

    def distance(v: Value) -> float:
        # A figure after the focus (「…件数 376件以上」) is nearer than one before it.
        return min((v.start - a) if v.start >= a else (a - v.start) * 1.5 for a in anchors)

    best = min(typed, key=distance) if anchors else typed[0]
    return _restated(best, found, text) if answer_type == "count" else best


YEARS_FIGURE_GAP = 12  # characters between a year's mention and its figure (「前年度延べ 1,775 名」)
# Between a year and its figure only a particle or a noun (「前年度延べ 1,775 名」「前年度は 20 件」), not a
# clause about the year (「前年度を除く）５４４，０９０人」).
_YEARS_FIGURE = re.compile(r"[\s:：]*(?:は|の|に|で|、)?\s*(?:[一-龥々ァ-ヶー][一-龥々ぁ-んァ-ヶー]{0,5})?"
                           r"\s*[:：（(]?\s*")  # (「前年度実績（822 件）」: the figure in brackets after its noun)
_YEAR_PARTICLE = re.compile(r"[\s:：]*(?:は|に|で|の|、)?\s*")  # 「2021年に1.6」「2021年1.6」
_BARE_AFTER = re.compile(rf"\s*[：:]?\s*{_BARE}")


def _right_after(text: str, values: list[Value], at: list[int], between: re.Pattern = _YEARS_FIGURE,
                 bare: bool = True) -> Value | None:
    """The first of ``values`` a few characters after one of ``at``, with only what ``between`` allows in between
    (by default a particle or a noun: 「前年度延べ 1,775 名」) — or (``bare``) a bare number right there
    (「前年度 24,542」)."""
    for p in at:
        after = [v for v in values if 0 <= v.start - p <= YEARS_FIGURE_GAP]
        if after and between.fullmatch(text[p:min(v.start for v in after)]):
            return min(after, key=lambda v: v.start)
        if bare and not after and (m := _BARE_AFTER.match(text, p)):
            return Value(m.group(1), m.start(1), m.end(1), "count")
    return None


def _dates_another_event(text: str, value: Value, events: list[int]) -> bool:
    """Is ``value`` written with an event of its own (「令和６年３月５日閣議決定」) that is not at an asked
    event's position (「…が成立した」 asked)?"""
    m = _EVENT_AFTER.match(text[value.end:value.end + 12])
    if not m:
        return False
    start, end = value.end + m.start("event"), value.end + m.end("event")
    return not any(start <= a < end for a in events)


def _closest_before(text: str, values: list[Value], at: list[int]) -> Value | None:
    """Of ``values``, the one written closest before a position in ``at``, in the same sentence of ``text``
    (a date before the figure or event it dates: 「2030年に…5兆円」「令和６年２月１４日に…設置」)."""
    before = [(a - v.end, v) for v in values for a in at if v.end <= a and "。" not in text[v.end:a]]
    return min(before, key=lambda p: p[0])[1] if before else None


_JOINED = re.compile(r"\s*[をがの]?\s*")  # a figure and the action it counts: 「85 名を採択」「4 件が起業」


def _right_before(text: str, values: list[Value], at: list[int]) -> Value | None:
    """Of ``values``, one written right before a position in ``at``, joined to it by a particle at most
    (「85 名を採択」「4 件が起業」; not 「190 名、採択者数は」, where the figure belongs to what is before it)."""
    return next((v for v in values for a in at if v.end <= a and _JOINED.fullmatch(text[v.end:a])), None)


_MULTIPLE = re.compile(r"の\s*[0-9.]+\s*倍\s*[（(]?\s*$")


def multiple_of(text: str, value: Value, measure: str) -> bool:
    """Is ``value`` a multiple of ``measure`` rather than its figure (「平均アクセス数の１．２倍（２６１，４３８件）」
    for 平均アクセス数; not for アクセス数, which is not the compound written there)?"""
    before = unicodedata.normalize("NFKC", text[max(0, value.start - 60):value.start])
    m = _MULTIPLE.search(before)
    if not m:
        return False
    said, asked = compact(before[:m.start()]), compact(measure)
    return said.endswith(asked) and not _WORD_CHAR.fullmatch(said[:-len(asked)][-1:])


def _restated(value: Value, found: list[Value], text: str) -> Value:
    """A ratio restated as a number of things right after it (「１．２倍（２６１，４３８件）」): the number."""
    if value.kind == "percentage" and text[value.end:value.end + 1] in "（(":
        return next((v for v in found if v.start == value.end + 1 and v.kind == "count"), value)
    return value


# Units that count the same things, written either way (「何人」 is answered by 「26 名」).
_SAME_UNITS = (("人", "名"), ("か所", "カ所", "ヶ所", "箇所"), ("か国", "カ国", "ヶ国"), ("年連続", "年続け"))


def _has_unit(written: str, unit: str) -> bool:
    """Is ``written`` (NFKC) a figure in ``unit`` or a unit that counts the same things?"""
    same = next((group for group in _SAME_UNITS if unit in group), (unit,))
    return any(u in written for u in same)


def _other_unit(value: Value, unit: str, text: str = "", asked: str = "") -> bool:
    """Is ``value`` a count of something else than ``unit`` counts (「40 名」 when 「何点」 is asked, or a bound
    counting the thing after it, 「500 以上の自治体」 when 「何人」 is)? Not a count of the ``asked`` thing itself
    written before it (「5 つの民間サービス」 for 「民間サービスとしては何件」)."""
    written = unicodedata.normalize("NFKC", value.text)
    if _has_unit(written, unit):
        return False
    if any(u in written for u in COUNT_UNITS):
        return True
    counted = re.match(r"\s*の\s*([一-龥ァ-ヶー]+)", text[value.end:])
    if counted and len(asked) >= 2 and counted.group(1).endswith(asked):
        return False
    return bool(counted) and unit not in counted.group(1) and not any(
        unit in units for kind, units in _KIND_UNITS.items() if counted.group(1).startswith(kind))


WHEN = "日付"  # the unit :func:`~assistant.question.asked_figures` gives 「いつ」: a date, not a figure


def figures_for(asked: list[tuple[str | None, str]], texts: list[str], said: str = "") -> list[Value]:
    """One figure per asked (unit, noun), taken from ``texts`` (the answering sentence first): see
    :func:`figures_in`."""
    return [v for _, v in figures_in(asked, texts, said)]


def figures_in(asked: list[tuple[str | None, str]], texts: list[str], said: str = "") -> list[tuple[str, Value]]:
    """One figure per asked (unit, noun), taken from ``texts`` (the answering sentence first), each with the text
    it is in.

    ``asked`` as from :func:`~assistant.question.asked_figures`. A unit is matched as written
    (「370社」 for 社); no unit takes a figure not of another asked unit (「6 万回以上」 for
    「再生回数はどのくらい」); 「いつ」 takes a date, not one already ``said`` in the question — the one
    closest before a picked figure if any. Among the fitting figures, one written right after the asked noun
    (「登録セキスペ 360 名」) comes first, else the first in order — and before either, one written right after a
    date the figure's clause of the question says (「2020年時点でいくら」: 「2020年時点で同合計額が 21.1兆円」).
    Figures no text holds are left out.
    """
    pool = [(t, v) for t in texts for v in values_in(t)]
    named = {u for u, _ in asked if u and u != WHEN}
    timed = _timed_clauses(said, len(asked))
    dates: dict[str, list[Value]] = {}
    for t, v in pool:
        if v.kind == "date":
            dates.setdefault(t, []).append(v)
    picked: dict[int, tuple[str, Value]] = {}
    # Figures first, then dates: the date asked with a figure is the one written just before it
    # (「2030年に…5兆円」), not one that merely follows the asked noun.
    order = sorted(range(len(asked)), key=lambda i: asked[i][0] == WHEN)
    for i in order:
        unit, noun = asked[i]
        fitting = []
        for t, v in pool:
            written = unicodedata.normalize("NFKC", v.text)
            if unit == WHEN:
                fits = v.kind == "date" and not (said and _said(v.text, said))
            else:
                fits = v.kind != "date" and (_has_unit(written, unit) if unit
                                             else not any(_has_unit(written, u) for u in named))
            if fits and all(v is not p for _, p in picked.values()):
                fitting.append((t, v))
        if unit and unit != WHEN and not fitting:
            fitting = [(t, v) for t in texts for v in _counted_by_tsu(t, unit)]
        if not fitting:
            continue
        if unit == WHEN:
            dated = [(ft, d) for ft, f in picked.values()
                     if (d := _closest_before(ft, [v for t, v in fitting if t is ft], [f.start]))]
            picked[i] = dated[0] if dated else fitting[0]
        else:
            named_before = [(t, v) for t, v in fitting
                            if noun and noun in t[max(0, v.start - len(noun) - 12):v.start]]
            # (a figure asked at a time its clause of the question says, 「2020年時点でいくら」: the one written
            # right after that time — 「2020年時点で同合計額が 21.1兆円」, not the target 「2030 年までに…35.5兆円」)
            at_said = [(t, v) for t, v in named_before or fitting
                       if any(compact(d.text) in timed[i] and 0 <= v.start - d.end <= 12 for d in dates.get(t, ()))
                       ] if timed.get(i) else []
            picked[i] = (at_said or named_before or fitting)[0]
    return [picked[i] for i in sorted(picked)]


def _counted_by_tsu(text: str, unit: str) -> list[Value]:
    """Figures counted with 「つ」「個」 and the ``unit`` asked for named right after them (「5 つの民間サービス」
    for 「何サービス」), each as one figure through its unit."""
    pattern = rf"[0-9０-９]+\s*[つ個]\s*の[^、。0-9０-９]{{0,10}}?{re.escape(unit)}"
    return [Value(m.group(0), m.start(), m.end(), "count") for m in re.finditer(pattern, text)]


# A question word asking a figure (「いくら」「何件」「どれくらい」), one per asked figure.
_FIGURE_ASKED = re.compile(r"いくら|何(?!ら|か|を|が|の|で|と)|どれ(?:くらい|ぐらい|ほど|だけ)"
                           r"|どの(?:くらい|ぐらい|程度)")


def _timed_clauses(question: str, n_asked: int) -> dict[int, set[str]]:
    """For each asked figure (by its order among the question words asking figures) whose clause of ``question``
    says a date (「…は2020年時点でいくらとされ、」), that date, compact — when the question words are as many as
    the figures asked, so that each is known by its order."""
    if not question:
        return {}
    # (each question word asking a figure, as the clause it is in)
    words = [clause for clause in re.split(r"[、。,?？]", question) for _ in _FIGURE_ASKED.findall(clause)]
    if len(words) != n_asked:
        return {}
    dates = [{compact(d.text) for d in values_in(clause) if d.kind == "date"} for clause in words]
    return {i: said for i, said in enumerate(dates) if said}


def figures_said(found: list[tuple[str, Value]]) -> str:
    """Figures, each with the text it is in (as from :func:`figures_in`), as those texts say them: each with the
    words that say what it is (「登録セキスペ 360 名、中小企業 395 社」, not 「360 名、395 社」), a sentence's figures
    read together (「7 社 10 サービス」) — see :func:`labelled`."""
    by_text: dict[str, list[Value]] = {}
    for text, v in found:
        by_text.setdefault(text, []).append(v)
    return "、".join(labelled(text, sorted(shown, key=lambda v: v.start), counted=True)
                    for text, shown in by_text.items())


def figure_span(text: str, found: list[Value], max_chars: int) -> str | None:
    """The stretch of ``text`` from the first to the last of ``found`` — the last one's run of like figures
    included — when it is one clause-sized piece: 「2025年までに2兆円、2030年までに5兆円」 for a date and an
    amount asked together. None when it spans a sentence end or more than ``max_chars``."""
    lo = min(v.start for v in found)
    last = max(found, key=lambda v: v.end)
    hi = value_run(text, last)[-1].end
    if hi - lo > max_chars or "。" in text[lo:hi]:
        return None
    return text[lo:hi]


def _said(value: str, asked: str) -> bool:
    """Is ``value`` already part of what was asked (spacing and width aside)?"""
    return compact(value) in compact(asked)


def clause_around(text: str, start: int, end: int, max_chars: int) -> tuple[int, int]:
    """The span of the clauses (between 、。) holding ``text[start:end]``, grown up to ``max_chars``."""
    bounds = [0] + [m.end() for m in _CLAUSE_END.finditer(text)] + [len(text)]
    lo = max(b for b in bounds if b <= start)
    hi = min((b for b in bounds if b >= end), default=len(text))
    while True:
        grown = False
        before = [b for b in bounds if b < lo]
        after = [b for b in bounds if b > hi]
        if before and hi - before[-1] <= max_chars:
            lo, grown = before[-1], True
        if after and after[0] - lo <= max_chars:
            hi, grown = after[0], True
        if not grown:
            break
    return lo, hi


def trim(text: str, start: int, end: int, max_chars: int) -> str:
    """``text`` cut to the clauses around ``[start, end)``, with … where cut (still verbatim inside)."""
    if len(text) <= max_chars:
        return text
    lo, hi = clause_around(text, start, end, max_chars)
    if hi - lo > max_chars:  # one long clause: a window around the span
        lo = max(0, min(start, end - max_chars // 2) - max_chars // 3)
        hi = min(len(text), lo + max_chars)
    body = text[lo:hi].strip()
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(text) else "")


# Each one literally (no ranges), and the dashes slides use as sub-bullets (「– スタートアップ：…」), which
# headings.LIST_START reads as items too.
_BULLET_MARKS = re.escape(MAJOR_BULLETS + MINOR_BULLETS + "–—")


def strip_marker(item: str) -> str:
    """A list item without its bullet or number (「① 対日直接投資」 -> 「対日直接投資」)."""
    return re.sub(r"^\s*(?:[（(]?[0-9０-９ア-ンａ-ｚa-z]{1,2}[）)．.]|[①-⑳]"
                  rf"|[{_BULLET_MARKS}]"
                  r"|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[．.、])\s*", "", item).strip()


def value_run(text: str, first: Value, gap: int = 40) -> list[Value]:
    """``first`` and the figures of the same kind written closely around it, in one sentence:
    「率85％以上、かつ…率35％以上」 whichever of the two was picked."""
    found = values_in(text)
    alike = [v for v in found if v.kind == first.kind]
    run = [first]
    for v in reversed([v for v in alike if v.end <= first.start]):  # backwards from the picked figure
        if run[0].start - v.end > gap or "。" in text[v.end:run[0].start]:
            break
        run.insert(0, v)
    for v in (v for v in alike if v.start >= first.end):
        if v.start - run[-1].end > gap or "。" in text[run[-1].end:v.start]:
            break
        run.append(v)
    return run


_WORD_CHAR = re.compile(r"[一-龥々ァ-ヶーA-Za-zＡ-Ｚａ-ｚ0-9０-９.．]")  # a word a bracket belongs to
_KANA_OR_SPACE = re.compile(r"[ぁ-ん\s]")
_AFTER_PARTICLE = re.compile(r"[ぁ-ん](?=[^ぁ-ん])")
# What ends the words that say what a figure is: punctuation, brackets, a bullet or circled number (a colon
# does not: 「応募者数：16,597名」 is said with its label).
_CIRCLED = "".join(map(chr, range(0x2460, 0x2474)))  # ①-⑳
_LABEL_STOP = "、。，,；;「」『』（）()【】［］[]〔〕" + MAJOR_BULLETS + MINOR_BULLETS + _CIRCLED
# What the first line states with its words: figures and dates (a name or a role is its own label).
LABELLED_KINDS = ("count", "amount", "percentage", "number", "date")
# The noun a count counts, written after it with 「の」 (「5 つの民間サービス」「600 件の具体的事例」
# 「3 件の実証PoC」) — not a measure of them (「100 社の売上高」「20 件の支援額」: another figure's name).
_COUNTED_NOUN = re.compile(r"\s*の\s*[一-龥々ァ-ヶーA-Za-zＡ-Ｚａ-ｚ]{1,16}(?![一-龥々ァ-ヶーA-Za-zＡ-Ｚａ-ｚ])")
_MEASURE_ENDS = ("高", "額", "数", "率", "量", "比", "費", "割合", "規模")


def _unit(value: Value | None) -> str:
    """What a figure is written with besides its number (「10 サービス」 -> 「サービス」, 「令和 2 年度」 ->
    「令和年度」): two figures alike in it are of a row (not :func:`unit_of`, which reads counted units only)."""
    return re.sub(r"[0-9０-９,，.．\s]", "", value.text) if value else ""


def labelled(text: str, shown: list[Value], reach: int = 12, counted: bool = False) -> str:
    """The figures as the sentence says them, each with the words just before it that say what it is
    (「講師として 1 名、チューターとして1 名」「春期試験（４月）、秋期試験（１０月）」「5年で1兆円」): back to the
    nearest punctuation, bracket or earlier figure, at most ``reach`` characters; a figure that is all of a
    bracket (「（４月）」) keeps the bracket and the word before it. A figure whose words run on from the figure
    before it, or only a space after it, is one stretch with it (「令和 3 年 4 月 1 日時点の登録セキスペは 20,178 名」
    「7 社 10 サービス」). With ``counted``, a count keeps the noun written after it with 「の」 — what it counts
    (「5 つの民間サービス」「30 件のヒアリング」)."""
    spans: list[list[int]] = []
    previous: Value | None = None
    # Not back past a figure of the same kind that is not shown (「…1件から5件」 states 5件 alone); a date before
    # the figure says what it is (「令和６年度中に２２０組織以上」).
    floor = max((v.end for v in values_in(text) if shown and v.end <= shown[0].start and v.kind == shown[0].kind),
                default=0)
    for v in shown:
        start, end = v.start, v.end
        bracketed = start > 0 and end < len(text) and text[start - 1] in "（(" and text[end] in "）)"
        if bracketed:
            start, end = start - 1, end + 1
        at = start
        if bracketed:  # 「春期試験（４月）」: the word the bracket belongs to
            while at > max(floor, start - reach) and _WORD_CHAR.match(text[at - 1]):
                at -= 1
        else:
            while at > max(floor, start - reach) and text[at - 1] not in _LABEL_STOP:
                at -= 1
            if at > 0 and text[at - 1] not in _LABEL_STOP and not (spans and at <= floor):
                # cut at the reach or at a figure not shown: begin at a word, after a particle
                # (「の|修了生から講師として」, 「令和 3 年 4 月 1 日時点の|登録セキスペは」)
                at = m.end() if (m := _AFTER_PARTICLE.search(text, at, start)) else start
            while at < start and _KANA_OR_SPACE.match(text[at]):
                at += 1  # not from a particle (「を 12 か所」「について前年度比３％」)
            if counted and v.kind == "count" and (noun := _COUNTED_NOUN.match(text, end)) \
                    and not noun.group(0).endswith(_MEASURE_ENDS):
                end = noun.end()
        # (a space alone between figures of different units: one reading, 「7 社 10 サービス」 — not a row of
        # like figures, 「139% 175% 273%」, whose figures are each a column's)
        if spans and (at <= floor or (not text[floor:start].strip() and _unit(v) != _unit(previous))):
            spans[-1][1] = end
        else:
            spans.append([at, end])
        floor, previous = max(v.end, end), v
    # A label cut at a bracket just before a colon (「バイオ関連投資（国内）：2030年までに…」) is the value side.
    return "、".join(dict.fromkeys(tidy(text[a:b]).lstrip("：:") for a, b in spans))
