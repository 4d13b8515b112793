"""Question analysis and typed values on small strings (pure functions, Sudachi for morphemes)."""

import pytest

from assistant.extractive import _asked, _value_type
from assistant.question import analyze, answer_type, asked_figures, asked_ordinal, normalize_question
from assistant.values import (
    best_value,
    figure_span,
    figures_for,
    matches_type,
    multiple_of,
    names_in,
    unit_of,
    values_in,
    who_in,
)
from index.config import Bm25Settings
from index.tokens import SudachiTokenizer

NAMES = {"JETRO": "JETRO", "日本貿易振興機構": "JETRO", "IPA": "IPA", "情報処理推進機構": "IPA"}


@pytest.fixture(scope="module")
def analyze_q():
    tokenizer = SudachiTokenizer(Bm25Settings())
    return lambda q: analyze(q, tokenizer.surfaces(q), NAMES)


# ── answer types and constraints ─────────────────────────────────────────
@pytest.mark.parametrize(("question", "kind"), [
    ("JETROの対日投資誘致成功件数の目標は何件ですか？", "count"),
    ("短期借入金の限度額はいくらですか", "amount"),
    ("上位回答の割合は何％以上？", "percentage"),
    ("一部変更されたのはいつですか", "date"),
    ("海外3か国のクラウド評価制度ってどれ？", "list"),
    ("IPAの年度評価の主務大臣は誰ですか", "person"),
    ("「ディープテック」とは何ですか", "definition"),
    ("中期目標でいう「著しい新規性」とは？", "definition"),
    ("JETROの中期目標でいう「伴走型支援」ってどういうもの？", "definition"),
    ("IPAが公開した「プラットフォーム変革手引書」って、どういうものですか？", "definition"),  # a quoted name
    ("成功件数としてカウントされる対象事業って、どういうものですか？", "list"),  # the kinds of it
    ("「標準化」ってどんな取組のこと？", "definition"),
    ("事業を進める3つの柱は？", "list"),
    ("リストには何サービス登録されていますか", "count"),  # any unit a count is written in
    ("見直しではどんな点を検討している？", "list"),
    ("リスク評価手法を浸透させるためにIPAが行う取組は？", "list"),
    ("なぜ目標を引き上げたのですか", "reason"),
    ("アクセス数の目標がなんで困難度高なの？", "reason"),
    ("変更案と現行で目標はどう変わった？", "change"),
    ("補正見込件数を算出した事業はどれ？", "list"),  # which ones, whatever measure the clause before names
    # 「…って何」 asks what a thing is — not when 何 asks a figure, a name or items
    ("マナビDXって何？", "definition"),
    ("政府目標って何兆円？", "amount"),
    ("新設された部署って何名？", "count"),
    ("ISMAPって何の略？", "name"),
    ("その制度って何て名前？", "name"),
    ("キャンプって何がある？", "list"),
    ("重要度高とされてる理由って何？", "reason"),  # what the reason is, not what a thing is
    ("修了生はどんな活躍をした？例をいくつか挙げて", "list"),  # 「いくつか」 is some, not how many
    ("経営改革の推進としてどんな制度や取組を運用する？", "list"),  # things joined with 「や」 are several
    ("どんな制度を運用する？", "fact"),
    # 「何を目指す」 asks what is aimed at, not how many; a counter after 何 still asks a count
    ("長期的には何を目指してるの？", "fact"),
    ("中期目標期間中に何件を目指す？", "count"),
    ("バイオものづくりではどのくらいの市場が見込まれてる？", "amount"),  # the size of a market is money
    ("進捗段階でいう「第1段階」とは、どういう状態を指すのですか。", "definition"),  # a comma after とは
    ("計画に出てくる「共創プログラム」とは、どんな狙いの取組ですか？", "definition"),
    ("５領域として挙がっているのはどの領域？", "list"),  # what is listed, in the intransitive
    ("何件挙がっている？", "count"),
    ("2030年までに何万人を育成する目標？", "count"),  # a magnitude before the counter still counts people
    # 「何年で」「何年間」 ask a span said with the figure, not a date; the figure asked decides
    ("女性起業家の比率は今どれくらいで、何年でどこまで上げる目標？", "percentage"),
    ("何年に策定された？", "date"),
    # 「誰を対象に」「対象は誰」 ask a kind of people (「デジタルを使う人材」), not a person's or body's name
    ("その講座は誰をターゲットにしてる？", "fact"),
    ("アンケートの対象は誰？", "fact"),
    ("講座を作ったのは誰？", "person"),
    # a measure in what the question takes as given is not the asked kind of thing
    ("コロナ禍なのに同規模を保てたのは、どんな工夫をしたから？", "fact"),
    ("研修の規模は？", "amount"),
    ("同規模を保てた研修の規模は？", "amount"),  # (the measure asked, not a kind of thing)
    ("対内直接投資残高の目標はどう書かれている？", "amount"),  # a balance is money, not a count
])
def test_the_answer_type_comes_from_the_question_word(analyze_q, question, kind):
    assert analyze_q(question).answer_type == kind


def test_constraints_name_the_organization_year_revision_and_version(analyze_q):
    a = analyze_q("令和5年度補正を反映した日本貿易振興機構の変更案で、令和6年度の成功件数は？")
    assert a.constraints.organizations == ("JETRO",)
    assert a.constraints.revision == "令和5年度補正" and a.constraints.revision_year == 2023
    assert a.constraints.version == "変更案"
    assert a.constraints.fiscal_years == (2024,)
    assert analyze_q("令和7年の中期目標変更案では何カ国？").constraints.revision == "令和7年"  # not 「令和7年の」
    # Every revision a question names is one, not a fiscal year (the first is the revision constraint).
    c = analyze_q("対日投資支援件数の目標は、令和5年度補正の変更から令和7年の変更案でどう変わった？").constraints
    assert c.revision == "令和5年度補正" and c.fiscal_years == ()


def test_organizations_listed_to_name_one_document_are_its_cover_not_the_asked_ones():
    names = {**NAMES, "NEDO": "NEDO"}
    tokenizer = SudachiTokenizer(Bm25Settings())

    def analyze_q(q: str):
        return analyze(q, tokenizer.surfaces(q), names)

    c = analyze_q("JETROの目標、JETROの変更案と経産省のNEDO・JETRO・IPA新旧対照表とで違う？").constraints
    assert c.organizations == ("JETRO",) and set(c.covers) == {"NEDO", "JETRO", "IPA"}
    c = analyze_q("経産省がNEDO・IPAをまとめた対照表では？").constraints
    assert c.organizations == () and set(c.covers) == {"NEDO", "IPA"}
    for question in ("経産省のNEDO・JETRO・IPA中期目標変更の新旧対照表では、JETROの目標は？",
                     "経産省のNEDO・JETRO・IPA中期目標変更資料で、JETROの目標は？",  # (a name run together)
                     "NEDO・JETRO・IPAの中（長）期目標変更の新旧対照表にあるJETRO中期目標で、目標は？"):
        c = analyze_q(question).constraints
        assert c.organizations == ("JETRO",) and set(c.covers) == {"NEDO", "JETRO", "IPA"}, question
    # … or in brackets after the document's name
    for question, covered in (("経産省の新旧対照表（NEDO・JETRO・IPA）のほうの変更案だと？", {"NEDO", "JETRO", "IPA"}),
                              ("経産省の資料 (NEDO・IPA) では？", {"NEDO", "IPA"})):
        c = analyze_q(question).constraints
        assert c.organizations == () and set(c.covers) == covered, question
    # … or by how many organizations it covers
    for question in ("経産省の3法人まとめの対照表で、JETROの目標は？", "経産省の三法人をまとめた資料では？"):
        c = analyze_q(question).constraints
        assert c.covers_count == 3 and c.covers == (), question
    assert analyze_q("3法人の目標は？").constraints.covers_count == 0  # (the organizations asked, no document)
    # 「それぞれ」 of the two documents compared, not of the organizations the second one covers.
    for question in ("成功件数、JETROの変更案資料と、経産省のNEDO・JETRO・IPAまとめの新旧対照表とで、それぞれ何件？",
                     "経産省のNEDO・JETRO・IPAまとめの対照表の変更案とで、それぞれ何件？"):
        c = analyze_q(question).constraints
        assert set(c.organizations) <= {"JETRO"} and set(c.covers) == {"NEDO", "JETRO", "IPA"}, question
    # … nor of two other things asked of each (the columns of the table).
    c = analyze_q("経産省の新旧対照表（NEDO・JETRO・IPA）のJETRO部分で、成功件数の目標は現行と変更案でそれぞれ何件？"
                  ).constraints
    assert c.organizations == ("JETRO",) and set(c.covers) == {"NEDO", "JETRO", "IPA"}
    # Listed to be asked about each, they are the asked organizations.
    for question in ("NEDO・JETRO・IPAの目標は？", "NEDO・JETRO・IPAの新旧対照表でそれぞれの目標は？",
                     "NEDO・JETRO・IPAの新旧対照表で、それぞれの目標は？",
                     "NEDO・JETRO・IPAをまとめた新旧対照表でそれぞれの目標は？"):
        c = analyze_q(question).constraints
        assert set(c.organizations) == {"NEDO", "JETRO", "IPA"} and c.covers == ()


# ── the asked measure ────────────────────────────────────────────────────
@pytest.mark.parametrize(("question", "focus"), [
    ("令和2年度の情報処理安全確保支援士試験の受験者数は？", "受験者数"),
    ("IPAの令和6年度の新卒採用者数の計画は何人ですか", "新卒採用者数"),
    # the document the figure is read in is no measure (「経産省の新旧対照表だと」)
    ("JETROの海外展開支援件数の目標、経産省の新旧対照表だと何件から何件に変わった？", "海外展開支援件数"),
    # a figure the question gives is not what it asks about (nor the piece of it after a thousands comma)
    ("スタートアップの支援件数の目標は、現行の2,100件から何件に改められた？", "支援件数"),
])
def test_a_focus_naming_a_measure_asks_for_that_measure(analyze_q, question, focus):
    a = analyze_q(question)
    assert a.focus == focus and a.asks_measure


def test_the_government_s_target_of_a_thing_asks_about_that_thing(analyze_q):
    # 「政府目標」 says whose the target is: asked of a thing (「…残高の政府目標」), the thing is asked about; asked
    # of a clause, the target itself is (not 「政府」, nor the verb 「貢献」).
    assert analyze_q("対内直接投資残高の政府目標は？").focus == "対内直接投資残高"
    assert analyze_q("この海外展開支援が貢献しようとしている政府目標は？").focus == "政府目標"
    # 「目標額」「見積額」 name the kind of value, as 「目標値」 does: what it is of is asked about.
    assert analyze_q("2030年の対内直接投資残高の政府目標額はいくら？").focus == "対内直接投資残高"
    assert analyze_q("令和6年度の人件費の見積額はいくら？").focus == "人件費"


def test_a_value_word_measuring_a_clause_asks_about_the_clause_s_thing(analyze_q):
    # 「…のうち、役員報酬に充てられる額は」: the 額 is of what it is spent on, not of the whole named first.
    assert analyze_q("人件費見積りのうち、役員報酬に充てられる額はいくら？").focus == "役員報酬"
    assert analyze_q("令和6年度予算の運営費交付金の額は？").focus == "運営費交付金"
    assert analyze_q("人件費見積りのうち、役員報酬に充てられる額は何円？").focus == "役員報酬"
    # A time or place the clause is set in is no thing measured.
    assert analyze_q("GX投資のうち、今後10年間に投じられる額は？").focus == "GX投資"
    assert analyze_q("補助金のうち、地方で使われた額は？").focus == "補助金"


def test_a_point_in_time_is_when_not_what(analyze_q):
    a = analyze_q("領域ごとの点数を合算して期間終了時に何点以上を目標としていますか？")
    assert a.focus == "点数"


def test_what_a_question_asks_about_with_nitsuite_is_its_focus_not_a_scope(analyze_q):
    # 「…に関連して、…事業者について何を」: 事業者 is what is asked about; what comes before 「に関連して」 sets
    # the scope.
    a = analyze_q("JETROの中期目標では、対日直接投資の取組に関連して、JETROが支援した事業者について何を行っていく？")
    assert a.focus == "事業者"
    # (「…目標に対して、これまでの実績は」: 対して measures against the target; the result is asked.)
    assert analyze_q("デジタル推進人材230万人の育成目標に対して、これまでの実績は何人ですか").focus != "育成目標"


def test_the_word_the_question_word_modifies_says_what_kind_of_figure_is_asked(analyze_q):
    # 「一般管理費は、どのくらいの効率化を」: a rate of 効率化 is asked, not an amount of the 費 named before it.
    assert analyze_q("一般管理費は、どのくらいの効率化を目指してる？").answer_type != "amount"
    assert analyze_q("一般管理費はどのくらい？").answer_type == "amount"
    # 「どの補正予算」 asks which one, not how much.
    assert analyze_q("変更案の算出ではどの補正予算が考慮されてる？").answer_type != "amount"
    # … nor when a target value was named before it, nor when 「どの」 picks it out after a comma.
    assert analyze_q("R7改定の目標値って、どの補正予算を考慮して出してる？").answer_type == "fact"
    assert analyze_q("どのくらいの予算が計上されている？").answer_type == "amount"
    # A judgement asked of a measure (「どう評価されてる」) is no figure of it — unless a figure is asked besides.
    assert analyze_q("スタートアップの数や調達額は世界と比べてどう評価されてる？").answer_type == "fact"
    assert analyze_q("達成率は何%で、それはどう評価されている？").answer_type == "percentage"
    assert analyze_q("どう評価されるかの基準となる件数は何件？").answer_type == "count"


def test_the_role_a_person_is_asked_for_is_the_focus_though_ni_follows_it(analyze_q):
    # 「…の所長には誰が就任」 asks who the 所長 is: the role, not the body it is of.
    for question in ("AISIの所長には誰が就任した？", "AISIの所長は誰？"):
        a = analyze_q(question)
        assert a.answer_type == "person" and a.focus == "所長", question


def test_a_person_is_named_with_a_title_and_an_organization_by_its_role():
    said = "米国 MIT の Oliver deWeck 教授、Bryan Moser 博士を招聘し、研究室長の登大遊氏が受賞。"
    found = [v.text for v in who_in(said)]
    assert "Oliver deWeck 教授" in found and "Bryan Moser 博士" in found and "登大遊氏" in found
    for said in ("申込者の氏名と所属を記入する。", "大学院博士課程の学生", "博士後期課程に進む", "若手博士人材の育成"):
        assert not who_in(said), said  # no person
    assert [v.text for v in who_in("経済産業大臣が定める。")] == ["経済産業大臣"]


@pytest.mark.parametrize(("question", "focus"), [
    ("海外派遣演習はコロナ禍でどのように実施されましたか？", "海外派遣演習"),
    ("JETROの支援はどういうふうに評価されますか", "支援"),
    ("執行管理はどんな風に行う？", "執行管理"),
    # 「どういった」 (どう・いっ・た) asks what the noun after it is, as 「どういう」 does.
    ("有望なスタートアップは、どういった企業・修了生の中から選ばれる？", "企業・修了生"),
])
def test_how_something_is_done_asks_about_the_thing_not_the_manner_word(analyze_q, question, focus):
    # 「どのように」 is どの + the auxiliary stem よう; 「ふう」「風」 after a question word say "how" too.
    a = analyze_q(question)
    assert a.focus == focus and not {"よう", "ふう", "風"} & set(a.qualifiers)


def test_a_part_of_a_document_the_question_points_at_names_nothing(analyze_q):
    # 「…の部分で」「…の箇所では」 say where to look; the passage need not say 部分.
    for question in ("新機軸の人材の部分で、当面の中期目標は？", "新機軸の人材の箇所では、当面の中期目標は？"):
        assert not {"部分", "箇所"} & set(analyze_q(question).qualifiers), question


def test_a_polite_request_asks_for_the_thing_not_whether_it_can_be_told(analyze_q):
    told = analyze_q("JETROの対日投資誘致成功件数の目標を教えてください")
    for request in ("JETROの対日投資誘致成功件数の目標を教えていただけますか",
                    "JETROの対日投資誘致成功件数の目標を示してもらえますか"):
        a = analyze_q(request)
        assert (a.answer_type, a.focus) == (told.answer_type, told.focus) == ("count", "対日投資誘致成功件数")
    assert analyze_q("JETROの対日投資誘致成功件数の目標は設定されていますか").answer_type == "yesno"


@pytest.mark.parametrize(("question", "focus"), [
    ("春期試験はいつ実施されますか", "春期試験"),  # not 実施: what is done to it
    ("経済安全保障重要技術育成基金にはいくら計上されましたか", "経済安全保障重要技術育成基金"),
    ("対日投資誘致成功件数の数値目標は設定されていますか", "対日投資誘致成功件数"),
    ("対日投資誘致成功件数の目標について記載はありますか", "対日投資誘致成功件数"),
    # What a thing is named as (「…として挙げられている」) is asked about, not a noun of the clause before it.
    ("情報の発信や連携促進に用いる交流基盤として挙げられているのは何ですか", "交流基盤"),
])
def test_a_verbal_noun_used_as_the_verb_is_not_the_thing_asked_about(analyze_q, question, focus):
    assert analyze_q(question).focus == focus


def test_a_figure_about_a_thing_is_not_a_measure_question(analyze_q):
    assert not analyze_q("未踏事業の修了生の成果は何件以上が目標ですか？").asks_measure
    assert not analyze_q("「ディープテック」とは何ですか").asks_measure  # no figure asked


# ── values ───────────────────────────────────────────────────────────────
def test_things_counted_by_their_own_counter_are_counts_and_a_scale_is_not_a_figure(analyze_q):
    a = analyze_q("タブレット形式のIT機器は何台配布する予定ですか？")
    assert (a.answer_type, a.unit) == ("count", "台")
    assert analyze_q("選抜は何段階で行われますか").answer_type == "count"
    assert [v.text for v in values_in("５段階評価で平均４．１２、８物資を指定")] == ["８物資"]


def test_values_keep_their_unit_and_qualifier_as_written():
    found = values_in("応募者数５４４，０９０人以上を達成し、予算は３０億円、成功率は約 10％程度。")
    assert [(v.text, v.kind) for v in found] == [("５４４，０９０人以上", "count"), ("３０億円", "amount"),
                                                 ("約 10％程度", "percentage")]
    # 「…分」 after a count is part of it (「130 名分のメディア」: worth of 130 names), not a minute.
    found = values_in("31 法人分、フォローアップは 28 法人分の報告書を提出。")
    assert [v.text for v in found] == ["31 法人分", "28 法人分"]
    assert values_in("所要時間は10 分。") == []


def test_a_time_said_from_the_documents_own_year_is_a_date():
    # A plan's timetable: 「【来年春頃】」 answers 「いつ頃？」 as 「令和7年春」 would.
    found = values_in("○ 「SX銘柄」の選定【来年春頃】、ガイドライン策定【本年夏以降検討開始】、支援【本年５～６月】")
    assert [(v.text, v.kind) for v in found] == [("来年春頃", "date"), ("本年夏以降", "date"), ("本年５～６月", "date")]
    assert [v.text for v in values_in("開設（本年秋予定）、2023年夏頃に公表、来年度本格化")] == \
        ["本年秋予定", "2023年夏頃", "来年度"]
    # 「本年度は」「昨年に引き続き」 say when something is done, not a time to answer with.
    assert values_in("本年度は昨年に引き続き実施した。") == []


def test_an_era_written_with_its_initial_is_a_date():
    """Slides write 「R７年末まで」「H30年度」「R元年度」 for 令和7年末, 平成30年度, 令和元年度 — not a code such as
    「SR7年」 or 「型式H30年式」."""
    found = values_in("行政手続きのオンライン化（R７年末まで）、H30年度に開始、R元年度に完了")
    assert [(v.text, v.kind) for v in found] == [("R７年末", "date"), ("H30年度", "date"), ("R元年度", "date")]
    assert values_in("型番SR7年式") == [] and values_in("型式H30年式") == []


def test_a_bare_bound_before_the_counted_thing_is_a_count():
    found = values_in("令和６年度において、１０以上の自治体・中小企業等の関係団体と連携する。")
    assert [(v.text, v.kind) for v in found if v.kind != "date"] == [("１０以上", "count")]
    assert values_in("基準を満たす以上、対象とする。") == []  # no number, no value
    # The thing after the bound is what it counts: 自治体 answer 「何団体」-like questions, not 「何人」.
    text = "500 以上の自治体が利用し、業務のリモート化が実現された。"
    assert best_value(text, "count", "人", [0], unit_said=True) is None
    assert best_value(text, "count", "自治体", [0], unit_said=True).text == "500 以上"
    assert best_value("300以上の企業が参加した。", "count", "社", [0], unit_said=True).text == "300以上"


def test_an_age_is_a_figure():
    found = values_in("➢ 健康寿命2016年72歳⇒2040年75歳以上")
    assert [v.text for v in found if v.kind != "date"] == ["72歳", "75歳以上"]


def test_things_counted_with_tsu_are_a_count_of_what_follows():
    found = values_in("令和 3 年 3 月には 5 つの民間サービスを登録。")
    assert [(v.text, v.kind) for v in found if v.kind != "date"] == [("5 つ", "count")]
    assert values_in("ひとつの窓口に集約する。") == []  # a number word, no figure


def test_an_item_asked_by_its_place_names_the_set_and_whether_only_the_item_is_asked():
    def asked(q):
        a = asked_ordinal(normalize_question(q))
        return a and (a.n, a.noun, a.count, a.bare)

    assert asked("2つ目の柱は？") == (2, "柱", 0, True)
    assert asked("6つの柱のうち3つ目は？") == (3, "柱", 6, True)
    assert asked("政策資料で、4つの柱の1つ目は何？") == (1, "柱", 4, True)
    assert asked("3番目のテーマはどういう考え方？") == (3, "テーマ", 0, True)
    # More than what the item is: answered of the item by its name.
    assert asked("1つ目の柱では、具体的に何をするの？") == (1, "柱", 0, False)
    # No set named (nothing to count in), a place past the set's count, a plain count: no item asked.
    assert asked("3つ目はどうなった？") is None
    assert asked("4つの柱のうち5つ目は？") is None
    assert asked("柱はいくつある？") is None and asked("3つの柱は何？") is None
    assert asked("十二番目の柱は？") is None  # (not its last digit: 「二番目」)


def test_a_bare_number_before_a_counted_noun_counts_it():
    found = values_in("○ 重点分野の工程を明示（１８の重点分野について、目標を定める）")
    assert [(v.text, v.kind) for v in found] == [("１８の重点分野", "count")]
    assert [v.text for v in values_in("12 の地域で実施した。")] == ["12 の地域"]
    assert [v.text for v in values_in("20の事例からなる事例集を作成。")] == ["20の事例"]
    # Not a label's number (「指標３－１の」), an ordinal (「第2の」), nor a number before any other noun.
    assert values_in("指標３－１の分野別の内訳") == []
    assert values_in("第2の柱として位置付ける。") == []
    assert values_in("3の倍数") == []


def test_a_figure_knows_its_unit():
    assert [unit_of(v) for v in values_in("16,469社以上、約 10％程度、３０億円、２２件")] == ["社", "%", "円", "件"]


def test_the_denominator_of_a_rate_is_not_a_value():
    text = "支援社数1社あたりの海外展開成功件数を1.2倍にし、職員１人当たりの業務量は２０件以上とする。"
    assert [v.text for v in values_in(text)] == ["1.2倍", "２０件以上"]


def test_a_bare_scale_is_of_people_as_often_as_of_money(analyze_q):
    # 「プログラムの規模は？」 is answered by 「40名程度」; 「市場規模」 stays money.
    scale = analyze_q("新設する起業家プログラムの規模は？")
    assert _value_type(scale) == "magnitude"
    assert best_value("起業家プログラム（40名程度）の新設", _value_type(scale), scale.unit, [0]).text == "40名程度"
    assert _value_type(analyze_q("バイオ関連の市場規模は？")) == "amount"


def test_a_count_of_people_said_as_the_number_of_people_asks_for_people(analyze_q):
    # 「亡くなった人の数」 counts people: 「数は5倍に」 (of disasters) does not answer it.
    a = analyze_q("気象災害で亡くなった人の数はどれくらい？")
    assert a.unit == "人"
    assert best_value("気象災害は50年間で、数は5倍に増加した。", _value_type(a), a.unit, [0]) is None


def test_a_count_asked_in_tens_of_thousands_asks_for_its_counter(analyze_q):
    assert analyze_q("半導体人材を何万人育成する？").unit == "人"


def test_how_much_without_a_unit_accepts_any_magnitude(analyze_q):
    a = analyze_q("サーキュラーエコノミー関連市場は世界全体でどれくらいになると見込まれていますか")
    assert _value_type(a) == "magnitude"
    text = "サーキュラーエコノミー関連市場は2030年に4.5兆ドル、2050年に25兆ドルと見込まれる。"
    assert best_value(text, _value_type(a), a.unit, [0]).text == "4.5兆ドル"
    # 「どの水準」 names no unit either: an investment target in 兆円 answers it
    c = analyze_q("国内のバイオ関連投資はどの水準を目指していますか")
    assert _value_type(c) == "magnitude"
    assert best_value("バイオ関連投資（国内）：2030年までに年間3兆円", _value_type(c), c.unit, [0]).text == "3兆円"
    # a counter in the question still narrows it: 「何件」 is not answered by an amount
    b = analyze_q("成功件数は何件ですか")
    assert _value_type(b) == "count"
    assert not matches_type(values_in("4.5兆ドル")[0], _value_type(b), b.unit)
    # growth asked of a count (「件数…どれくらい増えた」) is said as a multiple as often as in 件 …
    g = analyze_q("気象災害の件数は50年でどれくらい増えたの？")
    assert _value_type(g) == "magnitude"
    assert best_value("気象災害は50年間で、数は5倍に増加した。", _value_type(g), g.unit, [0]).text == "5倍"
    # … but not when the question writes the counter itself (「何件増えた」)
    assert _value_type(analyze_q("気象災害は50年で何件増えたの？")) == "count"
    # a result against its target is said as a multiple too (「目標値に対して 2.2 倍」)
    t = analyze_q("登録者数は目標に対してどれくらい取れた？")
    assert _value_type(t) == "magnitude"
    assert best_value("登録者数を目標値に対して 2.2 倍取得した。", _value_type(t), t.unit, [0]).text == "2.2 倍"
    assert _value_type(analyze_q("登録者数はどれくらい取れた？")) == "count"


def test_who_is_answered_by_a_role_or_organization_other_than_the_asked_one(analyze_q):
    a = analyze_q("IPAの年度評価の主務大臣は誰ですか")
    assert a.answer_type == "person" and a.asks_measure
    assert best_value("主務大臣 経済産業大臣", "person", None, [0], a.focus).text == "経済産業大臣"
    assert best_value("主務大臣による評価を行う。", "person", None, [0], a.focus) is None
    said = best_value("経済産業省の要請に基づいて実施する。", "person", None, [], "要請")
    assert said is not None and said.text == "経済産業省"


def test_who_is_never_answered_by_a_role_the_question_names_outside_its_focus(analyze_q):
    a = analyze_q("改正法で、IPAの関係業務の主務大臣に誰が追加されましたか")
    text = "関係業務の主務大臣に、内閣総理大臣（デジタル庁の長）が追加された。"
    assert best_value(text, "person", None, [0], _asked(a, "person")).text == "内閣総理大臣"


# ── the asked topic (what a follow-up replaces or points back to) ────────
@pytest.mark.parametrize(("question", "topic", "scope"), [
    ("新機軸のデジタル社会ミッションで、半導体の長期目標は？", ("半導体", "長期目標"),
     "新機軸のデジタル社会ミッションで、"),
    ("JETROの高度外国人材の活躍推進で、就業機会の提供支援の目標人数は？", ("就業機会", "提供支援", "目標人数"),
     "JETROの高度外国人材の活躍推進で、"),
    ("蓄電池は？", ("蓄電池",), ""),
    # An adverb-like noun leads the compound a noun follows it in (中期 of 中期目標) — not a time word before a
    # one-letter word (前年度比), nor うち before the part of a whole.
    ("OS②で、当面見据える中期目標の数字は？", ("中期目標", "数字"), "OS2で、当面見据える"),
    ("前年度比でどう？", ("比",), "前年度"),
    ("うち女性は何名？", ("女性",), "うち"),
    # A document in the chain says where: what follows it is the topic; a chain that ends in one is that document.
    ("JETROの中期目標の輸出支援の目標は何件？", ("輸出支援", "目標"), "JETROの中期目標の"),
    ("伴走型支援って、JETROの中期目標では何社が目標？", ("中期目標",), "伴走型支援って、JETROの"),
])
def test_the_topic_is_the_chain_of_nouns_before_the_question_word(analyze_q, question, topic, scope):
    a = analyze_q(question)
    assert (a.topic, a.scope) == (topic, scope)


# ── several figures in one question ──────────────────────────────────────
def test_each_asked_figure_has_its_unit_and_the_noun_before_it():
    assert asked_figures("研修には何社・何名が参加した？") == [("社", ""), ("名", "")]
    assert asked_figures("登録セキスペは何名で、何社を訪問した？") == [("名", "登録セキスペ"), ("社", "")]
    assert asked_figures("動画は何本で、再生回数はどのくらい？") == [("本", "動画"), (None, "再生回数")]
    assert asked_figures("何件の応募があり、何テーマ採択された？") == [("件", ""), ("テーマ", "")]
    assert [u for u, _ in asked_figures("いつ、いくらで？")] == ["日付", "円"]


def test_one_figure_is_taken_per_asked_unit_from_the_quoted_sentences():
    texts = ["研修を 2 回実施。", "延べ 370社 654 名が参加し、うち 156 社が表明。"]
    assert [v.text for v in figures_for([("社", ""), ("名", "")], texts)] == ["370社", "654 名"]
    texts = ["「手口検証動画シリーズ 5本」を制作。", "6 万回以上の再生回数を確認。"]
    assert [v.text for v in figures_for([("本", "動画"), (None, "再生回数")], texts)] == ["5本", "6 万回以上"]


def test_a_unit_asked_one_way_is_found_written_the_other():
    texts = ["意欲のある 26 名を発掘。", "採択後に 4 件が起業。"]
    assert [v.text for v in figures_for(asked_figures("何人を発掘し、何件が起業した？"), texts)] == ["26 名", "4 件"]


def test_the_figure_written_after_the_asked_noun_comes_first():
    text = "専門家 452 名のうち登録セキスペ 360 名が参加し、中小企業 395 社を訪問指導。"
    assert [v.text for v in figures_for([("名", "登録セキスペ"), ("社", "")], [text])] == ["360 名", "395 社"]


def test_when_asked_with_a_figure_takes_the_date_written_just_before_that_figure():
    text = "「基本計画」等で掲げられた「2030年に輸出額 5兆円」という政府目標の達成に向けて、2026年度までに…"
    asked = asked_figures("政府はいつまでにいくらの目標を掲げている？")
    assert [v.text for v in figures_for(asked, [text])] == ["2030年", "5兆円"]


def test_when_never_answers_with_the_date_the_question_already_says():
    question = "令和6年度に更新するのは、いつ登録された何社？"
    text = "令和 3 年 3 月に登録し、令和6年度に 7 社の更新を行う。"
    assert [v.text for v in figures_for(asked_figures(question), [text], said=question)] == ["令和 3 年 3 月", "7 社"]
    assert [v.text for v in figures_for(asked_figures(question), [text])] == ["令和6年度", "7 社"]


def test_a_date_and_a_figure_read_as_the_sentence_writes_them():
    text = "審査を進め、令和 3 年 3 月に 7 社 10 サービスを登録し、リストを公開した。"
    found = figures_for(asked_figures("いつ、何社何サービスが登録された？"), [text])
    assert figure_span(text, found, 60) == "令和 3 年 3 月に 7 社 10 サービス"
    text = "輸出額について「2025年までに2兆円、2030年までに5兆円」という目標。"
    found = figures_for(asked_figures("いつまでにいくら？"), [text])
    assert figure_span(text, found, 60) == "2025年までに2兆円、2030年までに5兆円"
    assert figure_span(text, found, 10) is None  # longer than a direct answer may be


# ── names ────────────────────────────────────────────────────────────────
@pytest.mark.parametrize("question", ["JETROが運営するプラットフォームは何という名前ですか",
                                      "Reスキル講座の正式な名前は？", "IPAの広報誌の名称は何ですか"])
def test_a_name_question_asks_for_a_name(analyze_q, question):
    assert analyze_q(question).answer_type == "name"


def test_names_are_quoted_bracketed_or_latin_and_never_what_was_asked():
    text = "経済産業省の「Re スキル講座」（第四次産業革命スキル習得講座認定制度）と「J-Bridge」、（令和2年度）。"
    assert [v.text for v in names_in(text)] == ["Re スキル講座", "第四次産業革命スキル習得講座認定制度", "J-Bridge"]
    found = best_value(text, "name", None, [], "Reスキル講座の正式な名前は？")
    assert found is not None and found.text == "第四次産業革命スキル習得講座認定制度"
    # What a term equals, in brackets after it, is no name.
    glossed = "PBR又はエクイティスプレッド（＝ROEー株主資本コスト）の高い150社を選ぶ新株価指数の導入を決定。"
    assert [v.text for v in names_in(glossed)] == ["PBR"]


def test_a_figure_already_in_the_question_is_not_its_answer():
    text = "政府全体で２３０万人を育成する目標を掲げている。"
    assert best_value(text, "count", "人", [], "デジタル推進人材230万人") is None


def test_a_measure_is_carried_by_its_name_in_order_not_by_words_from_two_places():
    from assistant.extractive import phrase_coverage

    def weight(term: str) -> float:
        return 1.0

    assert phrase_coverage(["合格", "率"], ["合格", "率", "は", "30", "%"], weight) == 1.0
    assert phrase_coverage(["合格", "率"], ["合格", "の", "率"], weight) == 1.0  # one particle between
    # 「合格者…登録率」: both words occur, but never as one name.
    assert phrase_coverage(["合格", "率"], ["合格", "者", "の", "うち", "登録", "率"], weight) == 0.5
    assert phrase_coverage(["受験", "者", "数"], ["応募", "者", "数", "受験"], weight) == 2 / 3
    assert phrase_coverage([], ["合格"], weight) == 0.0


@pytest.mark.parametrize(("question", "figure"), [
    ("JETROが提供した情報の活用度アンケートで目標とする水準は？", "magnitude"),  # a target: a figure if one is given
    ("NEDOの第4期中長期目標期間における満足度の実績値は？", "magnitude"),
    ("補正予算で上乗せした目標を後で見直す可能性について何と書いている？", None),  # asks what is written
    ("IPAはどんな取組をしていますか", None),
])
def test_a_target_or_result_asked_for_is_looked_for_as_a_figure(analyze_q, question, figure):
    a = analyze_q(question)
    assert _value_type(a) == figure
    assert not a.wants_value  # preferred, never required: a qualitative target still answers


# ── questions of several parts ───────────────────────────────────────────
def test_two_questions_about_two_documents_are_split_and_the_second_borrows_the_subject(analyze_q):
    from assistant.parts import question_parts

    assert question_parts("デジタルスキル標準はいつ策定され、令和6年度にIPAはどう見直す？", analyze_q) == [
        "デジタルスキル標準はいつ策定され？", "デジタルスキル標準について、令和6年度にIPAはどう見直す?"]
    # A pronoun stands for the first part's subject.
    assert question_parts("プラットフォームはいつから構築され、IPAは令和6年度にそれをどう発展させる？", analyze_q)[1] \
        == "IPAは令和6年度にプラットフォームをどう発展させる?"
    # So does a generic word asked of it (「その先にどんな水準」 asks no thing of its own).
    assert question_parts("投資残高の目標は2030年にいくらで、IPAではその先にどんな水準を掲げる？", analyze_q)[1] \
        == "投資残高の目標について、IPAではその先にどんな水準を掲げる?"
    # A scope said first (「…について、」) is of both clauses.
    assert question_parts("「統一基準群」について、新機軸ではいつ改定するとされ、IPAの令和6年度計画では何を整備する？",
                          analyze_q) == [
        "「統一基準群」について、新機軸ではいつ改定するとされ？",
        "「統一基準群」について、IPAの令和6年度計画では何を整備する?"]
    # So is a thing named bare first (「…の出資業務、」「…の成果目標って、」), its organization with it — not a year.
    assert question_parts("IPAの出資業務、令和2年度の収益はいくらで、令和6年度計画ではどんな目標？", analyze_q) == [
        "IPAの出資業務について、令和2年度の収益はいくらで？", "IPAの出資業務について、令和6年度計画ではどんな目標?"]
    assert question_parts("未踏の成果目標って、中期目標では何件で、令和6年度計画では何件？", analyze_q)[1] \
        == "未踏の成果目標について、令和6年度計画では何件?"
    assert question_parts("令和2年度、DX認定の申請は何件で、そのうち何件を認定した？", analyze_q) == []
    # (a theme marked with 「は、」 is compared whole: each document's sentence saying the name answers)
    assert question_parts("J-Bridgeは、JETROの中期目標ではどう扱われ、新機軸ではどう使う？", analyze_q) == []
    # 「Aと、Bは？」 with B in another organization's documents.
    assert question_parts("JETROで連携先として挙げられている機関と、IPAの令和6年度の重点業務は？", analyze_q) == [
        "JETROで連携先として挙げられている機関は？", "IPAの令和6年度の重点業務は?"]
    # 「Aの人数と、Bの件数は？」: two figures are two parts, the second made self-contained like a follow-up.
    two = "令和2年度の未踏事業で発掘した人数と、採択後に起業した件数は？"
    parts = question_parts(two, analyze_q, lambda previous, part: f"未踏事業の{part}")
    assert parts == ["令和2年度の未踏事業で発掘した人数は？", "未踏事業の採択後に起業した件数は?"]
    assert question_parts(two, analyze_q) == []  # (without a way to rewrite the second, one question)
    assert question_parts("IPAによると、令和3年度末時点での自己宣言者数の累計は何件ですか？", analyze_q) == []
    # The times of two things: each has its own (not 「…と…の比率」, one figure of both).
    assert question_parts("化石燃料賦課金と有償オークションの導入時期はそれぞれいつ？", analyze_q) == [
        "化石燃料賦課金の導入時期はいつ?", "有償オークションの導入時期はいつ?"]
    assert question_parts("IT企業とユーザ企業の比率は？", analyze_q) == []
    # Two indicators by their labels, the second without its 「指標」: the question asked of each.
    assert question_parts("IPAの変更案で、定量指標３－１と３－２はそれぞれ何ですか？", analyze_q) == [
        "IPAの変更案で、定量指標3-1は何ですか?", "IPAの変更案で、定量指標3-2は何ですか?"]
    assert question_parts("未踏事業で発掘した人材と、その成果は？", analyze_q, lambda p, q: q) == []  # no figures
    # Two measures joined by 「と」: the question asked of each (two things of another kind stay one question).
    assert question_parts("協業・連携案件の成功件数と支援件数の目標は？", analyze_q) == [
        "協業・連携案件の成功件数の目標は?", "協業・連携案件の支援件数の目標は?"]
    assert question_parts("IT企業とユーザ企業の活用割合は？", analyze_q) == []
    # The second measure may be of things of its own (「国内外での協業・連携案件の支援件数」).
    assert question_parts("対日投資支援件数と国内外での協業・連携案件の支援件数の目標は？", analyze_q) == [
        "対日投資支援件数の目標は?", "国内外での協業・連携案件の支援件数の目標は?"]
    # Two targets likewise (「設備投資目標と投資額の目標」).
    assert question_parts("経済界の設備投資目標とスタートアップ投資額の目標はそれぞれいくら？", analyze_q) == [
        "経済界の設備投資目標の目標はそれぞれいくら?", "経済界のスタートアップ投資額の目標はそれぞれいくら?"]
    # Any two things asked of each (「それぞれ」) are two parts …
    assert question_parts("長期目標の数字、市場規模と国内投資でそれぞれいくら？", analyze_q) == [
        "長期目標の数字、市場規模でいくら?", "長期目標の数字、国内投資でいくら?"]
    assert question_parts("就業機会提供の支援と伴走型支援の目標はそれぞれどのくらい？", analyze_q) == [
        "就業機会提供の支援の目標はどのくらい?", "伴走型支援の目標はどのくらい?"]
    # Figures given together of the two (「現行の173件・2,100件から」): each part with its own, in order.
    assert question_parts("変更案で、スタートアップの成功件数と支援件数の目標は、現行の173件・2,100件から何件に？",
                          analyze_q) == ["変更案で、スタートアップの成功件数の目標は、現行の173件から何件に?",
                                         "変更案で、スタートアップの支援件数の目標は、現行の2,100件から何件に?"]
    # … but not two organizations (the cross-document answer compares them), nor a remark after the question.
    assert question_parts("対日投資の目標、JETROとIPAでそれぞれ何件？", analyze_q) == []
    assert question_parts("効率化目標は？一般管理費と業務経費それぞれで。", analyze_q) == []
    # Two clauses asking two kinds of answer of two things (a count, a name) are asked whole first (one passage
    # often answers both); their clauses are the parts asked when it found nothing. One thing's several sides
    # (「いつ、どこで」) are no such clauses.
    from assistant.parts import clause_parts

    kinds = "ウィークの受講者は何名で、仮想環境で実施した演習は何と呼ばれていますか？"
    assert question_parts(kinds, analyze_q, lambda previous, part: part) == []
    assert clause_parts(kinds, analyze_q, lambda previous, part: part) == [
        "ウィークの受講者は何名で？", "仮想環境で実施した演習は何と呼ばれていますか?"]
    assert clause_parts("年次総会はいつ、どこで開催された？", analyze_q, lambda p, q: q) == []
    assert clause_parts("年次総会は何名が参加した？", analyze_q, lambda p, q: q) == []
    # A thing asked in general, then a figure of its own: two clauses too.
    assert clause_parts("協会と協業して公開した文書は何で、ダウンロード数はどれくらいでしたか？", analyze_q,
                        lambda p, q: q) == ["協会と協業して公開した文書は何で？", "ダウンロード数はどれくらいでしたか?"]
    # The second part's 「この計画」「その…」 is the name the first part quotes (the other document finds it by name).
    plan = "「スタートアップ育成5か年計画」"
    asked = f"JETROの中期目標が引用する{plan}では何社創出するとされ、IPAの令和6年度計画ではこの計画にどう取り組む？"
    assert question_parts(asked, analyze_q)[1] == f"IPAの令和6年度計画では{plan}にどう取り組む?"
    asked = f"JETROの中期目標にある{plan}は何年に策定されたもので、IPAの令和6年度計画ではその遂行期間は何年度？"
    assert question_parts(asked, analyze_q)[1] == f"IPAの令和6年度計画では{plan}の遂行期間は何年度?"
    # (Not 「同」 of sameness, nor 「その」 of a set phrase.)
    from assistant.parts import _named_by_demonstrative

    assert _named_by_demonstrative("IPAではこれと同程度の伸び？", "「DX推進指標」は前年比2割程度で") \
        == "IPAではこれと同程度の伸び？"
    assert _named_by_demonstrative("IPAではその都度どうする？", "「DX推進指標」はいつ") == "IPAではその都度どうする？"
    # … or the compound of the first part that ends with the noun (not a document: 「令和6年度計画」 is where to look).
    asked = "JETROの中期目標でスタートアップ5カ年計画の目標は何社で、IPAの令和6年度計画では同計画にどう取り組む？"
    assert question_parts(asked, analyze_q)[1] == "IPAの令和6年度計画ではスタートアップ5カ年計画にどう取り組む?"
    asked = "IPAの令和6年度計画で試験の応募者数の目標は何人で、JETROの中期目標ではこの計画をどう扱う？"
    assert "この計画" in question_parts(asked, analyze_q)[1]
    asked = "IPAの令和6年度計画でスタートアップ5カ年計画の目標は何社で、JETROの中期目標では同計画にどう取り組む？"
    assert question_parts(asked, analyze_q)[1] == "JETROの中期目標ではスタートアップ5カ年計画にどう取り組む?"
    # A clause that goes on to ask a figure of another kind of the same thing (a date, then a count): that clause,
    # after a scope of both; not when both ask the same kind, nor when the second asks no figure.
    from assistant.parts import figure_clause

    further = figure_clause("IPAの令和2年度評価で、実証実験はいつから始まって、いくつの自治体が使った？", analyze_q)
    assert further is not None and further[:2] == ("IPAの令和2年度評価で、実証実験はいつから始まって？",
                                                   "いくつの自治体が使った?")
    assert further[2].answer_type == "count"
    assert figure_clause("年次総会は何名が参加して、何社が出展した？", analyze_q) is None
    assert figure_clause("運営費交付金の再配分はいつ、何を基に行った？", analyze_q) is None
    # Two names joined by 「と、」 are two parts, as two figures are; the second may go on to its question word.
    assert question_parts("白書の名前と、普及を図るガイドラインの名前を教えて。", analyze_q, lambda p, q: q) == [
        "白書の名前は？", "普及を図るガイドラインの名前を教えて。"]
    assert question_parts("協業・連携支援の成功件数と、同年度の成功率はどのくらいだった？", analyze_q,
                          lambda p, q: q) == ["協業・連携支援の成功件数は？", "同年度の成功率はどのくらいだった?"]
    # A scope said before the two is of both (and 「それぞれ」 asks of each).
    scoped = "未踏事業について、講演の視聴者数と、報告会の視聴者数はそれぞれどれくらい？"
    assert question_parts(scoped, analyze_q, lambda p, q: q) == [
        "未踏事業について、講演の視聴者数は？", "未踏事業について、報告会の視聴者数はどれくらい?"]
    # … as is a document said first (「…計画で、」); what 「Bについて、」 asks after the two is asked of each.
    scoped = "IPAの令和6年度計画で、講座のアクセス数と、試験の応募者数について、それぞれどのような目標がある？"
    assert question_parts(scoped, analyze_q, lambda p, q: q) == [
        "IPAの令和6年度計画で、講座のアクセス数について、どのような目標がある?",
        "IPAの令和6年度計画で、試験の応募者数について、どのような目標がある?"]
    # A clause that asks a question of its own (「…はいつ策定されたもので、」) is no scope of what follows.
    from assistant.parts import _lead_scope
    assert _lead_scope("標準はいつ策定されたもので、IPAは令和6年度にアクセス数をどれくらいにする？") == ""
    # (Not asked of each, and no figure or name asked: one passage may answer both.)
    assert question_parts("IPAの令和6年度計画で、講座の運営と、試験の実施について、どう取り組む？", analyze_q,
                          lambda p, q: q) == []


def test_questions_asked_one_after_the_other_are_parts_each_made_self_contained(analyze_q):
    from assistant.parts import question_parts

    seen = []

    def follow_up(previous: str, part: str) -> str:
        seen.append((previous, part))
        return f"電子入札システムの{part}"

    parts = question_parts("IPAの電子入札システムは、いつ入札したの？また、契約はどうなった？", analyze_q, follow_up)
    assert parts == ["IPAの電子入札システムは、いつ入札したの?", "電子入札システムの契約はどうなった?"]
    assert seen == [("IPAの電子入札システムは、いつ入札したの?", "契約はどうなった?")]  # 「また、」 dropped
    # Without a way to rewrite follow-ups, or with a remark that is no question, the question stays whole.
    assert question_parts("IPAの電子入札システムは、いつ入札したの？契約はどうなった？", analyze_q) == []
    assert question_parts("支援目標716件の内訳は？（JETROの変更案）", analyze_q, follow_up) == []
    # A request closed by 。 after the question is a part too; a statement is not.
    assert question_parts("電子入札システムの対象は何？導入時期も知りたい。", analyze_q, follow_up)[1] \
        == "電子入札システムの導入時期は?"  # asked as the question the request stands for
    assert question_parts("電子入札システムの対象は何？導入は令和2年度。", analyze_q, follow_up) == []
    # 「時期もあわせて教えて。」 asks the date of the same thing: one question asking both, not a part.
    whole = "ISMAPのリストには何社が登録された？時期もあわせて教えて。"
    assert question_parts(whole, analyze_q, follow_up) == []
    assert [unit for unit, _ in asked_figures(whole)] == ["社", "日付"]
    # Whether a figure is given, then the figure: one question, asking the figure.
    assert question_parts("受入れ人数について数値の目標ってある？何人？", analyze_q, follow_up) == []
    assert question_parts("受入れの目標ってある？その根拠は？", analyze_q, follow_up) != []
    # A statement before the questions goes with the first.
    assert len(question_parts("IPAの計画を読んだ。電子入札システムの対象は何？導入時期は？", analyze_q, follow_up)) == 2


def test_a_later_part_is_about_what_the_first_said_it_was_about(analyze_q):
    from assistant.parts import question_parts
    as_asked = lambda previous, part: part  # noqa: E731  (a follow-up rewriting that carries nothing)
    # The theme (「…は、」「…って」「…、」) goes with the later part that names no other thing's document.
    assert question_parts("インキュベーションラボ、令和2年度は何件採択したの？中止したテーマはある？", analyze_q,
                          as_asked)[1] == "インキュベーションラボについて、中止したテーマはある?"
    assert question_parts("電子入札システムは、いつ入札したの？契約はどうなった？", analyze_q, as_asked)[1] \
        == "電子入札システムについて、契約はどうなった?"
    # Not what the first part asks for (「数値目標は？」), nor what it does (「PDCAを」), nor a document.
    assert question_parts("出資業務の数値目標は？いつまでに達成する話？", analyze_q, as_asked)[1] \
        == "いつまでに達成する話?"
    assert question_parts("IPAはPDCAをどう回してたの？役員と話し合う場もあった？", analyze_q, as_asked)[1] \
        == "役員と話し合う場もあった?"
    assert question_parts("新機軸の資料って何年の？2030年の目標は？", analyze_q, as_asked)[1] == "2030年の目標は?"
    # A later part that names a document of its own is about what it names.
    assert question_parts("電子入札システムは、いつ入札したの？令和6年度計画では何をする？", analyze_q, as_asked)[1] \
        == "令和6年度計画では何をする?"


def test_a_year_is_when_not_what_a_question_is_about(analyze_q):
    assert analyze_q("JETROの伴走型支援、2022年度は何社？").topic == ("JETRO", "伴走型支援")
    assert analyze_q("インキュベーションラボは令和2年度に何件の応募があった？").topic == ("インキュベーションラボ",)
    assert analyze_q("令和3年度は？").topic == ()


@pytest.mark.parametrize("question", [
    "IPAが自主制作した動画シリーズは何本で、再生回数はどのくらい？",  # several figures of one passage
    "CyberREXはいつ、どこで実施されましたか",
    "IPAの令和6年度計画で、一般管理費の効率化目標は？",  # one question with a scope
])
def test_a_question_asking_several_things_of_one_passage_stays_whole(analyze_q, question):
    from assistant.parts import question_parts

    assert question_parts(question, analyze_q) == []


def test_a_date_keeps_its_end_or_beginning():
    assert [v.text for v in values_in("標準の策定（2022年末）、令和6年度初めに開始")] == ["2022年末", "令和6年度初め"]


def test_a_target_is_told_from_a_result(analyze_q):
    from assistant.values import is_target

    text = "月平均の実績数（アクセス数）は約２万５千件。これを通年換算した３０万件以上を目指す。"
    result, target = values_in(text)
    assert not is_target(result, text) and is_target(target, text)
    assert best_value(text, "count", None, [0], status="目標").text == "３０万件以上"
    assert best_value(text, "count", None, [0], status="実績").text == "約２万５千件"
    # A point in time says the present figure — unless the figure is set for it (「…終了時点で…とする」).
    text = "令和3年4月時点で 14 万人以上のユーザに利用されている。期間終了時点で２０００組織以上とする。"
    present, set_for = [v for v in values_in(text) if v.kind != "date"]
    assert not is_target(present, text) and is_target(set_for, text)
    text = "令和5年度末時点で120件を達成した。"  # (reached by then: a result)
    assert not is_target(values_in(text)[-1], text)
    assert analyze_q("マナビDXのアクセス数の目標はいくつ？").status == "目標"


    assert analyze_q("第四期の実績はいくつ？").status == "実績"
    assert analyze_q("これまでに実際に何人を海外に派遣したの？").status == "実績"  # what was done
    assert analyze_q("指標２－２ではどんな水準を目指すとしていますか？").status == "目標"  # what is aimed at
    assert analyze_q("一般管理費はどれだけ効率化する計画ですか").status == "目標"  # a planned figure
    assert analyze_q("令和6年度計画で、アクセス数はいくつ？").status is None  # a plan named, nothing asked of it
    # 「中期目標期間」 names a plan's period, not an asked target.
    assert analyze_q("前中期目標期間の支援件数は年平均何件でしたか").status is None


def test_a_target_bound_may_follow_the_figures_breakdown():
    from assistant.values import is_target

    text = "年平均約300件だったが、期間中に2,100件（2,000件＋補正見込件数100件）以上支援する。"
    assert [v.text for v in values_in(text) if is_target(v, text)] == ["2,100件"]
    # A restatement in brackets is no breakdown: what follows it does not make the figure a target.
    text = "アクセス数の１．２倍（２６１，４３８件）を達成する。"
    assert not is_target(values_in(text)[0], text)
    # A bound said in words, with the aim after it.
    text = "通年のアクセス数に換算した約３０万件を上回ることを目指す。"
    assert is_target(values_in(text)[0], text)
    assert not is_target(values_in("約３０万件を上回った。")[0], "約３０万件を上回った。")


def test_a_result_never_answers_a_target_question_even_alone():
    text = "2021年度における成功件数の実績は6件であるところ、成功件数の増加を目指す。"
    assert best_value(text, "count", None, [0], status="目標") is None
    assert best_value(text, "count", None, [0], status="実績").text == "6件"
    # A target derived from a result is still a target.
    text = "平均アクセス数の１．２倍（２６１，４３８件）を達成する。"
    assert best_value(text, "count", None, [0], status="目標").text == "２６１，４３８件"


def test_a_unit_that_names_a_kind_of_thing_says_what_is_counted():
    from assistant.values import counted_by

    company, cases, people = values_in("延べ 370社 654 名が参加し、うち 156 件を表明。")
    assert counted_by("会社数", company) and not counted_by("会社数", cases)
    assert not counted_by("成功件数", cases)  # 件 counts anything: the measure's name must be said
    assert not counted_by("合格者数", people) and not counted_by("会社", company)
    assert not counted_by("成約会社数", company)  # a kind of company: its name must be said
    assert counted_by("会社数", values_in("約150社強が参加")[0])


def test_things_counted_before_their_name_answer_a_count_of_them():
    """「11 の第三者仲介事業者」 counts 事業者 (「何事業者に」); 「5 つの民間サービス」 answers 「民間サービスとしては
    何件」 — the thing counted is the one asked — but not 「何人」 asked of something else."""
    from assistant.question import asked_unit

    assert [v.text for v in values_in("11 の第三者仲介事業者に課題のヒアリングを行い")] == ["11 の第三者仲介事業者"]
    assert asked_unit("そのテーマでは何事業者にヒアリングした？") == "事業者"
    text = "令和 3 年 3 月には 5 つの民間サービスを登録。"
    assert best_value(text, "count", "件", [0], asked="民間サービス", unit_said=True).text == "5 つ"
    assert best_value(text, "count", "人", [0], asked="受講者", unit_said=True) is None


def test_a_count_of_a_thing_counted_by_its_own_name_is_in_that_counter():
    """「会場数」 is counted in 会場 (「213 会場」) and 「組織数」 in 組織; 企業 are counted in 社, so 「企業数」 names
    no counter of its own. The count said with its counter, or with the verb of those counted, names the measure."""
    from assistant.extractive import _done_by_count
    from assistant.question import asked_unit

    assert asked_unit("10月試験の会場数は？") == "会場"
    assert asked_unit("連携する組織数の目標は？") == "組織"
    assert asked_unit("DX認定の企業数は？") is None
    assert asked_unit("会場数値は？") is None and asked_unit("製品数量は？") is None
    assert _done_by_count("会場数").search("応募者約 8.3 万人、213 会場")
    assert _done_by_count("採択者数").search("選考により 85 名を採択し育成")  # those chosen
    assert _done_by_count("視聴者数").search("延べ 394 名が視聴")  # those who watched
    assert not _done_by_count("採択者数").search("85 名が応募")


def test_a_figure_named_a_target_by_its_clause_is_a_target():
    from assistant.values import is_target

    for text in ("5年間で1,000人の人材を海外に派遣するという政府目標の達成に協力する。",
                 "政府目標「5年間で 1,000人の人材を海外に派遣する」への貢献"):
        assert "1,000人" in [v.text for v in values_in(text) if is_target(v, text)]
    text = "令和2年度は1,000人を海外に派遣した。"
    assert not any(is_target(v, text) for v in values_in(text))
    # A figure with another figure between it and 「という目標」 is not the target.
    text = "令和5年度は820件となり1,000件という目標に近づいた。"
    assert [v.text for v in values_in(text) if is_target(v, text)] == ["1,000件"]


def test_a_unit_the_question_names_is_not_answered_by_a_count_of_another(analyze_q):
    text = "「戦略マネジメント系セミナー」を実施し、40 名が受講。"
    asked = analyze_q("戦略マネジメント系セミナーの受講者満足度は何点でしたか？")
    assert asked.unit_said and asked.unit == "点"
    assert best_value(text, "count", "点", [0], unit_said=True) is None
    assert best_value(text, "count", "点", [0]).text == "40 名"  # a unit only guessed stays a preference
    assert best_value("満足度は 4.5 点、受講者は 40 名。", "count", "点", [0], unit_said=True).text == "4.5 点"
    assert not analyze_q("登録セキスペは何名で、何社を訪問した？").unit_said  # several units asked
    assert not analyze_q("受講者数は？").unit_said


def test_a_date_is_the_one_written_before_the_event_asked_of(analyze_q):
    a = analyze_q("AISIは、いつどこに設置されることになったの？")
    assert a.answer_type == "date" and a.event == "設置"
    assert analyze_q("いつ入札したの？").event == "入札"
    assert analyze_q("対日投資の目標はいくつ？").event == ""  # no date asked
    text = "令和５年１２月２１日の会議での指示を踏まえ、令和６年２月１４日にＡＩＳＩをＩＰＡに設置することとした。"
    at = [text.index("設置")]
    assert best_value(text, "date", None, [text.index("ＡＩＳＩ")], events=at).text == "令和６年２月１４日"
    assert best_value(text, "date", None, [0]).text == "令和５年１２月２１日"  # without the event: the nearest


def test_a_date_written_with_another_event_or_a_laws_number_is_not_the_asked_events_date():
    text = "法律案（令和６年３月５日閣議決定）が成立した場合に備え、体制を検討する。"
    assert best_value(text, "date", None, [0], events=[text.index("成立")]) is None
    assert best_value(text, "date", None, [0], events=[text.index("閣議決定")]).text == "令和６年３月５日"
    assert best_value(text, "date", None, [0], events=[text.index("決定")]).text == "令和６年３月５日"  # within it
    law = "令和６年５月３１日、改正法が成立した（令和６年法律第４６号）。"
    assert [v.text for v in values_in(law) if v.kind == "date"] == ["令和６年５月３１日"]
    assert best_value(law, "date", None, [0], events=[law.index("成立")]).text == "令和６年５月３１日"


def test_the_make_up_of_a_figure_the_question_says_is_asked(analyze_q):
    assert analyze_q("協業・連携支援目標716件の内訳は？").breakdown_of == ["716件"]
    assert analyze_q("目標が376件になった理由は？").breakdown_of == ["376件"]
    assert analyze_q("支援件数2,100件のうち、補正分はいくつ？").breakdown_of == ["2,100件"]
    assert analyze_q("716件の目標はいつまで？").breakdown_of == []  # something else is asked of it
    assert analyze_q("目標の内訳は？").breakdown_of == []  # no figure said


def test_a_figure_is_broken_down_by_the_sum_written_after_it():
    from assistant.values import breakdown

    text = "支援目標は 716件（700件＋令和 5年度補正見込件数16件）とする。"
    assert breakdown(text, "716件") == "700件＋令和 5年度補正見込件数16件"
    assert breakdown(text, "700件") is None  # a part of the sum has none of its own
    assert breakdown("成功件数は１．２倍（２６１，４３８件）とする。", "１．２倍") is None  # no sum


def test_an_evaluation_grade_is_a_value_of_its_own(analyze_q):
    from assistant.values import grade_meaning, grades_in

    assert analyze_q("IPAの令和2年度の全体の評定はどうでしたか").answer_type == "grade"
    assert analyze_q("評定に至った理由は？").answer_type == "reason"
    text = "評定（自己評価）（Ｓ、Ａ、Ｂ、Ｃ、Ｄ） A：全体として所期の目標を上回る成果が得られている。"
    (grade,) = grades_in(text)  # the scale is not a grade
    assert grade.text == "A" and grade_meaning(text, grade) == "全体として所期の目標を上回る成果が得られている"
    assert [g.text for g in grades_in("＜評定と根拠＞ 評定：Ｂ 根拠：…")] == ["B"]
    assert grades_in("ABC分析を行う") == [] and grades_in("Aランク") == []


def test_how_often_is_a_value_of_its_own(analyze_q):
    from assistant.values import frequencies_in

    assert analyze_q("受付状況はどのくらいの頻度で公開するの？").answer_type == "frequency"
    assert analyze_q("報告書は何か月ごとに出しますか").answer_type == "frequency"
    assert analyze_q("説明会は何回開催した？").answer_type == "count"  # how many times, not how often
    text = "四半期毎に届出の受付状況を取り纏め公開し、委員会を年２回、説明会を随時開催する（令和6年4月1日）。"
    assert [v.text for v in frequencies_in(text)] == ["四半期毎", "年２回", "随時"]
    assert frequencies_in("令和6年4月に10年ぶりに改定し、3月末に公表した。") == []  # dates are no frequency
    # The frequency answers; the date and the count of the same sentence do not.
    assert best_value(text, "frequency", None, [text.index("受付状況")]).text == "四半期毎"
    assert best_value("令和6年4月に100件を公開した。", "frequency", None, [0]) is None


# ── enumerations inside one sentence ─────────────────────────────────────
@pytest.mark.parametrize(("sentence", "items"), [
    # numbered; the last item ends where the sentence speaks of them all
    ("期間中は、（１）人材の循環、（２）輸出の促進、（３）海外展開支援の3つを柱とする。",
     ["人材の循環", "輸出の促進", "海外展開支援"]),
    # a sentence that opens with ① and continues ②③: all three
    ("①制度の再構築と共に、②供給網の構築、③連携強化を同時に進める。", ["制度の再構築", "供給網の構築", "連携強化"]),
    # in parentheses, cut at など
    ("○ 見直しの検討（要件の撤廃、付与要件の緩和、限度額の引き上げなど改正要望に向けて検討）",
     ["要件の撤廃", "付与要件の緩和", "限度額の引き上げ"]),
])
def test_an_enumeration_inside_one_sentence_gives_its_items(sentence, items):
    from assistant.extractive import _enumerated
    assert _enumerated(sentence) == items


def test_a_sentence_own_number_is_not_an_enumeration():
    from assistant.extractive import _enumerated
    assert _enumerated("（２） 以下の基準に該当するものは、解散に向けた取組を促すものとする。") == []


def test_a_count_is_answered_by_a_number_of_things_not_by_a_ratio_beside_it():
    text = "情報アクセス数について、平均アクセス数の１．２倍（２６１，４３８件）を達成する。"
    assert best_value(text, "count", None, [text.index("アクセス数")]).text == "２６１，４３８件"


def test_a_figure_right_after_a_named_phrase_belongs_to_it(analyze_q):
    from assistant.extractive import value_anchors
    text = "DX（半導体・次世代計算基盤構築２兆円超（JASM支援、Rapidus支援等）、蓄電池0.4兆円等）"
    a = analyze_q("半導体・次世代計算基盤構築への支援規模は？")
    supports = [i for i in range(len(text)) if text.startswith("支援", i)]
    assert best_value(text, "amount", None, supports).text == "0.4兆円"  # the generic word alone misleads
    assert text.index("構築") + 2 in value_anchors(text, a, "amount")  # the named phrase's end is an anchor
    assert best_value(text, "amount", None, value_anchors(text, a, "amount")).text == "２兆円超"


def test_a_count_asked_with_a_bare_counter_is_looked_for_after_the_thing_counted(analyze_q):
    """「ヒアリングは何件？」: the figure sits after ヒアリング, not after every 件 of the sentence (which would pick
    the shortest figure, here the interviews' 5 件)."""
    from assistant.extractive import value_anchors
    text = "・自治体、事業者へのヒアリング 30 件及び各専門家にインタビューを 5 件行い、課題を収集。"
    a = analyze_q("住民起点MaaSのほうでは、ヒアリングは何件？")
    assert a.anchor == "ヒアリング" and a.focus == "ヒアリング"
    assert best_value(text, "count", "件", value_anchors(text, a, "count")).text == "30 件"
    assert analyze_q("累計で何件？").anchor == "累計"


def test_the_year_of_a_figure_the_user_already_has_is_not_asked(analyze_q):
    from assistant.question import given_years
    q = "輸出額の合計、2020年時点は21.1兆円だけど、2022年時点だといくらになってる？"
    assert given_years(q) == {2020}
    a = analyze_q(q)
    assert a.constraints.fiscal_years == (2022,) and not a.cross
    # A year asked beside another (two documents compared) stays asked.
    assert given_years("令和2年度の実績と令和6年度の目標は？") == set()


def test_the_year_compared_with_is_not_asked(analyze_q):
    assert analyze_q("前年度（令和元年度）と比べるとどうだった？").constraints.fiscal_years == ()
    assert analyze_q("令和元年度と比べて令和2年度は何件増えた？").constraints.fiscal_years == (2020,)
    assert analyze_q("令和2年度の実績と令和6年度の目標を比べると？").cross  # two years asked, compared together


def test_the_point_of_a_year_is_when_not_what(analyze_q):
    a = analyze_q("社会基盤業務経理の令和2年度末時点の運営費交付金残存率は？")
    assert a.focus == "運営費交付金残存率" and a.constraints.fiscal_years == (2020,)


def test_a_span_of_years_is_one_period_not_two_documents(analyze_q):
    a = analyze_q("伴走型支援、2016年度～2018年度の年間平均の支援社数は？")
    assert set(a.constraints.fiscal_years) == {2016, 2018} and not a.cross
    b = analyze_q("令和2年度の実績と令和6年度の目標を比べると？")
    assert b.cross


def test_two_things_compared_with_とで違い_make_a_cross_document_question(analyze_q):
    assert analyze_q("対内直接投資の目標、JETROの中期目標にあるものと新機軸のキーメッセージとで違いはある？").cross
    # An evaluation that names the plan it evaluates is one document.
    assert not analyze_q("IPAの年度評価で、中期目標の達成状況は？").cross
    assert not analyze_q("この年度評価の対象となる中期目標期間はいつからいつまでですか").cross


def test_numbered_periods_are_read_in_digits_and_kanji(analyze_q):
    from assistant.question import periods_in
    assert periods_in("第5期と第四期、第十二期、第 ３ 期") == (5, 4, 12, 3)
    assert periods_in("第一二期、第二十期") == (20,)  # not a number: no period (and no error)
    from assistant.question import ordinals_in
    assert ordinals_in("第 46 号と第四十九号、第3回総会（第３回）、第5期") == (
        (46, "号", ""), (49, "号", ""), (3, "回", "総会"), (3, "回", ""))
    assert ordinals_in("法第12条第1号に基づく") == ()  # an item of a law is no occurrence
    assert analyze_q("NEDOの第5期中長期目標期間における満足度の実績値は？").constraints.periods == (5,)


@pytest.mark.parametrize(("question", "kind"), [
    ("キャンプの令和6年度の参加者数の目標は？", "count"),
    ("輸出額の実績は？", "amount"),
    ("満足度調査の回答率の目標は？", "percentage"),
])
def test_a_target_or_result_of_a_named_measure_asks_for_its_figure(analyze_q, question, kind):
    a = analyze_q(question)
    assert a.answer_type == kind and a.wants_value and a.asks_measure


def test_a_target_of_a_thing_still_may_be_answered_in_words(analyze_q):
    assert analyze_q("デジタル人材育成の目標は？").answer_type == "fact"


def test_a_figure_loses_the_run_of_spaces_a_table_cell_left_inside_it():
    assert [v.text for v in values_in("成功件数を160件                    以上にする。10 件")] == ["160件以上", "10 件"]


def test_both_columns_of_one_table_are_not_two_documents(analyze_q):
    assert not analyze_q("成功件数の目標は、JETROの中期目標の現行と変更案でそれぞれいくつ？").cross
    assert analyze_q("成功件数の目標は、JETROとIPAでそれぞれいくつ？").cross
    assert analyze_q("投資残高の政府目標は、JETROの目標と新機軸資料でどう書かれている？").cross  # two documents named
    assert not analyze_q("年度計画と整合する目標に何を掲げた？").cross
    assert not analyze_q("実績は目標と比べて評価でどうだった？").cross


def test_a_row_of_a_grade_table_gives_its_latest_grade():
    from assistant.values import grades_in
    assert [g.text for g in grades_in("業務運営の効率化 B B A   II")] == ["A"]  # one grade a year, latest last
    assert [g.text for g in grades_in("新たな脅威への対応 S A B   I-1")] == ["B"]
    assert grades_in("評定区分 S A B C D") == []  # the scale is not a grade
    assert grades_in("評価は（Ｓ、Ａ、Ｂ、Ｃ、Ｄ）の5段階") == []


def test_figures_written_together_are_stated_together_whichever_was_picked():
    from assistant.values import value_run
    text = "回答した率85％以上、かつ「非常に満足している」と回答した率35％以上を目指す。実績は87.0％。"
    found = values_in(text)
    assert [v.text for v in value_run(text, found[1])] == ["85％以上", "35％以上"]  # not the next sentence's
    assert [v.text for v in value_run(text, found[0])] == ["85％以上", "35％以上"]


@pytest.mark.parametrize(("text", "first", "stated"), [
    # Each figure with the words that say what it is: back to the punctuation before it, or within 12
    # characters from the start of a word (after the particle 「の」).
    ("過去の修了生から講師として 1 名、チューターとして1 名を登用。", 0,
     "修了生から講師として 1 名、チューターとして1 名"),
    # A figure that is all of a bracket keeps the word the bracket belongs to.
    ("情報処理安全確保支援士試験として春期試験（４月）、秋期試験（１０月）並びに", 0,
     "春期試験（４月）、秋期試験（１０月）"),
    ("➢ リスキリング等「人への投資」支援（5年で1兆円）", 0, "5年で1兆円"),
    # Not from a particle; a label running on from the figure before is one stretch with it.
    ("一般管理費について前年度比３％以上の効率化を図る。", 0, "前年度比３％以上"),
    ("令和 3 年 4 月 1 日時点の登録セキスペは 20,178 名となった。", 1, "登録セキスペは 20,178 名"),
    # A colon keeps its label; a bullet does not join it; not back past a figure that is not shown.
    ("応募者数：16,597名", 0, "応募者数：16,597名"),
    ("◼ 支援件数 100件", 0, "支援件数 100件"),
    # A label cut at a bracket before a colon keeps the value side only, not the colon.
    ("➢ バイオ関連投資（国内）：2030年までに年間3兆円", 1, "2030年までに年間3兆円"),
])
def test_a_figure_is_stated_with_what_it_is(text, first, stated):
    from assistant.values import labelled, value_run
    found = values_in(text)
    assert labelled(text, value_run(text, found[first])) == stated


def test_a_figure_is_not_labelled_with_a_figure_not_shown():
    from assistant.values import labelled
    text = "応募件数は 1件から5件"
    assert labelled(text, values_in(text)[1:]) == "5件"
    text = "令和６年度中に２２０組織以上増加させる。"  # a date says what the figure is
    assert labelled(text, values_in(text)[1:]) == "令和６年度中に２２０組織以上"


def test_figures_whose_words_run_on_are_one_stretch():
    from assistant.values import labelled
    text = "令和 3 年 4 月 1 日時点の登録セキスペは 20,178 名となった。"
    assert labelled(text, values_in(text)) == "令和 3 年 4 月 1 日時点の登録セキスペは 20,178 名"


def test_figures_asked_together_are_each_said_with_what_they_are():
    from assistant.values import figures_in, figures_said
    text = "登録セキスペ 360 名が参加。中小企業 395 社を訪問指導"
    found = figures_in(asked_figures("登録セキスペが何名参加し、中小企業を何社訪問指導した？"), [text])
    assert figures_said(found) == "登録セキスペ 360 名、中小企業 395 社"
    # A sentence's figures read together, as written; a second sentence's after them.
    texts = ["審査を進め、令和 3 年 3 月に 7 社 10 サービスを登録し", "合計 20 件の相談を受けた。"]
    found = figures_in(asked_figures("何社何サービスが登録され、何件の相談があった？"), texts)
    assert figures_said(found) == "令和 3 年 3 月に 7 社 10 サービス、合計 20 件の相談"


def test_a_figure_asked_at_a_time_is_the_one_written_after_that_time():
    question = "2020年時点の合計額はいくらで、年率何％の伸びが必要？"
    text = "「2030 年までに合計額を 35.5兆円とする」には、2020年時点で同合計額が 21.1兆円であることから、年率 6％以上"
    asked = asked_figures(question)
    assert [v.text for v in figures_for(asked, [text], said=question)] == ["21.1兆円", "6％以上"]
    assert [v.text for v in figures_for(asked, [text])] == ["35.5兆円", "6％以上"]  # no time said: the first
    # The time is said of the second figure asked: the first is not drawn to it.
    question = "輸出額はいくらで、2020年時点の売上高はいくら？"
    text = "輸出の目標は 5兆円、2020年時点で売上の合計が 21.1兆円"
    assert [v.text for v in figures_for(asked_figures(question), [text], said=question)] == ["5兆円", "21.1兆円"]


@pytest.mark.parametrize("text, stated", [
    ("令和 3 年 3 月には 5 つの民間サービスを登録。", "5 つの民間サービス"),
    ("延べ 30 件のヒアリングを実施した。", "延べ 30 件のヒアリング"),
    ("全国 20 カ所の地域ソフトウェアセンターに対して出資。", "全国 20 カ所の地域ソフトウェアセンター"),
    ("支援件数 100件（アウトカム指標）", "支援件数 100件"),  # no noun after it: the count alone
    ("100 社の売上高は 3 億円", "100 社"),  # a measure of them is another figure's name
])
def test_a_count_keeps_the_noun_it_counts(text, stated):
    from assistant.values import labelled
    assert labelled(text, [v for v in values_in(text) if v.kind == "count"][:1], counted=True) == stated


def test_figures_after_a_counted_noun_or_in_a_row_are_said_once_each():
    from assistant.values import labelled
    text = "10 件の相談 3 件"  # (the second figure's words do not begin inside the first's noun)
    assert labelled(text, values_in(text), counted=True) == "10 件の相談、3 件"
    text = "達成度は 139% 175% 273%"  # like figures in a row: each a column's
    assert labelled(text, values_in(text), counted=True) == "達成度は 139%、175%、273%"


def test_two_measures_asked_together_ask_one_figure_each():
    assert asked_figures("2030年までの官民追加投資と売上高の目標は？") == [(None, "官民追加投資"), (None, "売上高")]
    assert asked_figures("応募者数と合格者数は何人？") == [("人", "応募者数"), ("人", "合格者数")]
    assert asked_figures("大学と企業が連携した件数は？") == []  # a pair of subjects, one figure
    text = "2030年までに、10兆円超規模の官民による追加投資を行い、合計売上高を15兆円超とする。"
    asked = asked_figures("官民追加投資と売上高の目標は？")
    assert [v.text for v in figures_for(asked, [text])] == ["10兆円超", "15兆円超"]


def test_a_deadline_is_not_answered_by_the_date_something_was_done(analyze_q):
    a = analyze_q("ユニコーン創出は何年までに達成する目標ですか")
    assert a.asks_deadline and not analyze_q("計画はいつ策定された？").asks_deadline
    text = "2022年に策定された計画で、2030年までにユニコーンを創出する。"
    assert best_value(text, "date", None, [0], deadline=True).text == "2030年"
    assert best_value("2022年に策定された計画で、ユニコーンを創出する。", "date", None, [0], deadline=True) is None


def test_a_scope_note_in_parentheses_is_not_a_name():
    text = "ＩＳＭＡＰ制度（ＩＳＭＡＰ－ＬＩＵを含む）の運営、講座（第四次産業革命スキル習得講座）"
    found = [n.text for n in names_in(text)]
    assert found == ["ＩＳＭＡＰ", "第四次産業革命スキル習得講座"]  # not 「ＩＳＭＡＰ－ＬＩＵを含む」


def test_a_code_of_letters_and_digits_is_a_search_token_of_its_own():
    tokenizer = SudachiTokenizer(Bm25Settings())
    tokens = tokenizer("コンソーシアム（ＳＣ３）の運営、G7議長国、令和6年度")
    assert "sc3" in tokens and "g7" in tokens  # as well as the pieces Sudachi cut them into
    assert "sc" in tokens and "3" in tokens
    assert tokenizer("SC3とSC3").count("sc3") == 2  # a repeated code counts twice
    assert not [t for t in tokenizer("ABC、123、令和6年度") if t not in ("abc", "123", "、", "令和", "6", "年度")]


def test_how_long_a_period_is_asks_a_date(analyze_q):
    assert analyze_q("基金で先端技術を育てる期間ってどれくらい？").answer_type == "date"
    assert analyze_q("基金で育てた技術の数はどれくらい？").answer_type == "count"


def test_a_period_is_one_date_but_a_duration_is_not_part_of_it():
    assert [v.text for v in values_in("令和元～3年度に実施")] == ["令和元～3年度"]
    assert [v.text for v in values_in("令和5年度から5年間")] == ["令和5年度", "5年間"]
    # A time counted from now is one too (「20年後に効果」); 「2024年後半」 is a year.
    assert [v.text for v in values_in("労働供給面では20年後に効果が出る")] == ["20年後"]
    assert [v.text for v in values_in("2024年後半に開始")] == ["2024年"]
    assert [v.text for v in values_in("計画を1年前倒しで実施")] == []


def test_a_ratio_restated_as_a_count_is_answered_by_the_count_and_only_then():
    assert best_value("平均の１．２倍（２６１，４３８件）を達成", "count", None, [0]).text == "２６１，４３８件"
    # A count question (目標値) about a share is still answered by the share.
    assert best_value("回答者1,000人の調査で満足度90%以上を目指す。", "count", None, [15]).text == "90%以上"


def test_a_parenthesis_inside_the_noun_chain_qualifies_it_and_is_not_the_focus(analyze_q):
    a = analyze_q("JETROの変更案で、海外展開成功件数（見込含む）の目標は？")
    assert a.focus == "海外展開成功件数" and a.topic == ("海外展開成功件数", "目標")
    assert "見込" in "".join(a.qualifiers)  # kept as a qualifier
    # Before は a parenthesis may say what is asked: it stays in the chain.
    assert analyze_q("ワークショップの評価（NPSと満足度）は？").focus == "満足度"


def test_a_part_played_is_asked_of_the_thing_not_found_as_a_word(analyze_q):
    # 「関わり」「役割」 are not written in the answer (「…の事務局として」): the thing is the focus.
    assert analyze_q("SC3に対するIPAの関わりは、令和2年度と令和6年度計画でどう書かれている？").focus == "SC3"
    assert analyze_q("DADCの役割は？").focus == "DADC"


def test_a_count_of_people_or_companies_asked_as_a_target_is_generic(analyze_q):
    a = analyze_q("JETROの高度外国人材の就業機会の提供支援の目標人数は？")
    assert a.focus == "就業機会の提供支援" or a.focus.endswith("提供支援")
    assert a.unit == "人"
    # 「金額」 names the kind of figure: the figure of the thing before it is asked, any amount of it answers.
    a = analyze_q("研究開発投資について中期目標として掲げられている金額はいくら？")
    assert a.focus == "研究開発投資" and a.answer_type == "amount" and not a.asks_measure
    assert analyze_q("基金の補助金額はいくら？").focus == "補助金額"  # (a compound keeps its 金額)


def test_the_parts_of_a_comparison_each_carry_the_documents_they_name():
    from assistant.question import coordinated_parts

    orgs = {"JETRO": "JETRO", "IPA": "IPA"}
    parts = coordinated_parts("JETROの変更案（令和5年度補正）と経産省の対照表（令和7年）で、目標はそれぞれ？", orgs)
    assert [c.revision_year for _, c in parts] == [2023, 2025]
    assert parts[0][1].organizations == ("JETRO",) and parts[1][1].organizations == () and "経産省" in parts[1][0]
    parts = coordinated_parts("IPAの令和2年度の実績と、新機軸での施策は？", orgs)
    assert [c.fiscal_years for _, c in parts] == [(2020,), ()] and "新機軸" in parts[1][0]
    # The と of 「…とされている」 or 「…と比べ」 joins nothing; one part is no comparison.
    assert coordinated_parts("新機軸で今後の施策とされていることは？", orgs) == ()
    assert coordinated_parts("令和2年度と比べて増えた？", orgs) == ()
    # 「…によると、」「…すると、」 say where from or if: not two things (a year said after it is no second part).
    assert coordinated_parts("IPAによると、令和3年度末の累計は何件？", orgs) == ()
    assert coordinated_parts("令和2年度と比較すると、令和6年度は何件増える？", orgs) == ()


def test_which_ones_of_a_kind_is_a_list_question():
    from assistant.question import answer_type
    assert answer_type("共通プラットフォームに向けて選定された分野はどれですか？") == "list"
    assert answer_type("対象となる事業はどれ？") == "list"
    assert answer_type("対象に中小企業は含まれますか？") == "yesno"


def test_asking_for_all_of_them_is_a_list_question():
    from assistant.question import answer_type
    assert answer_type("重点となる分野を全部教えて") == "list"
    assert answer_type("支援メニューをすべて挙げてください") == "list"
    assert answer_type("支援策の中身を一覧で") == "list"
    assert answer_type("支援件数は全部で何件？") == "count"  # a total is one figure


def test_a_sentence_that_opens_with_a_year_is_about_that_year():
    from assistant.extractive import _opens_with_year
    assert _opens_with_year("・令和元年度未踏アドバンスト事業で育成した 16 名の成果報告書を公開。", (2019,))
    assert not _opens_with_year("応募者数平均（令和元年度を除く）は５４４，０９０人", (2019,))
    assert _opens_with_year("（例：2022年は過去最大の貿易赤字、電気機器も赤字に転落）", (2022,))  # an example's year


def test_a_sentence_that_writes_a_figure_right_after_a_year_states_that_years_figure():
    from assistant.extractive import _year_figure
    assert _year_figure("➢ 域内の観光消費額 2022年1.2兆円⇒2040年3兆円", (2040,), None)
    assert _year_figure("新規登録者の合計は 19,235 人（前年度 12,600 人）", (2019,), 2020)  # the report's 前年度
    assert not _year_figure("新規登録者の合計は 19,235 人（前年度 12,600 人）", (2019,), 2022)
    assert not _year_figure("応募者数平均（令和元年度を除く）は５４４，０９０人", (2019,), None)  # in passing
    assert not _year_figure("2040年までに、観光消費額の倍増を目指す。", (2040,), None)  # no figure of that year


def test_an_adverb_in_teki_is_not_a_topic_but_a_noun_in_teki_is(analyze_q):
    assert analyze_q("NEDOの指標は具体的には何が評価されるの？").topic == ("NEDO", "指標")
    assert analyze_q("伴走支援の目的は？").topic == ("伴走支援", "目的")


def test_a_topic_inside_a_quoted_phrase_is_the_whole_phrase(analyze_q):
    a = analyze_q("新機軸の人材で、「徹底した人手不足への対応」としてどんな施策が挙げられていますか？")
    assert a.topic == ("徹底した人手不足への対応",) and a.scope == "新機軸の人材で、"


def test_a_placeholder_noun_is_not_a_topic(analyze_q):
    # 「もの」 stands for what the question named before it: a follow-up's 「その基金」 is that thing's.
    assert analyze_q("経済安全保障分野の主要施策として挙がっているものは？").topic == ("経済安全保障分野", "主要施策")


def test_a_count_labelled_by_the_asked_measure_needs_no_unit():
    from assistant.values import labelled_figures
    text = "「概説」を公開（令和 2 年 7 月。ダウンロード数：39,192）。"
    assert [v.text for v in labelled_figures(text, "ダウンロード数")] == ["39,192"]
    assert labelled_figures("アクセス数：39,192件", "アクセス数") == []  # with a unit it is a figure already
    assert labelled_figures(text, "アクセス数") == []  # another measure's number is not it
    assert best_value(text, "count", None, [text.index("ダウンロード数")], asked="ダウンロード数").text == "39,192"
    # The counts of its parts, each after the part's name: the one nearest the asked part answers.
    parts = "レポート（令和 3 年 1 月。ダウンロード数：国内編 1,024、欧米編565、中国編 578）"
    assert [v.text for v in labelled_figures(parts, "ダウンロード数")] == ["1,024", "565", "578"]
    assert best_value(parts, "count", None, [parts.index("欧米編")], asked="ダウンロード数").text == "565"
    assert [v.text for v in labelled_figures("ダウンロード数：1,234、前年度 1,100", "ダウンロード数")] == ["1,234"]
    assert labelled_figures("ダウンロード数：令和2年度 1,234", "ダウンロード数") == []  # (a year is no part)


def test_how_long_is_answered_by_a_span_of_time_not_a_date(analyze_q):
    a = analyze_q("その基金による育成はどのくらいの期間やる想定？")
    assert a.answer_type == "date" and a.asks_span
    assert not analyze_q("基金はいつ設置された？").asks_span
    text = "○ 経済安全保障重要技術育成基金の執行を通じた先端重要技術の育成（2022年度から当面10年間）"
    assert best_value(text, "date", None, [], span=True).text == "10年間"
    assert best_value(text, "date", None, []).text == "2022年度"
    # ... and when is never answered by how long alone (「3か月後」 is a when).
    held = "成果報告会を 2 日間にわたり開催し、延べ 3,000 名が視聴。"
    assert best_value(held, "date", None, []) is None
    assert best_value(held, "date", None, [], span=True).text == "2 日間"
    assert best_value("事業開始から3か月後に見直す。", "date", None, []).text == "3か月後"


def test_members_and_us_dollars_are_units():
    from assistant.values import counted_by
    found = values_in("「SC3」を設立、170 会員が参加。損失は3兆6400億米ドルに達した")
    assert [(v.text, v.kind) for v in found] == [("170 会員", "count"), ("3兆6400億米ドル", "amount")]
    assert counted_by("会員数", found[0])  # 「会員数」 is answered by a count of 会員


def test_a_revision_named_is_a_constraint_not_a_qualifier(analyze_q):
    a = analyze_q("令和7年改定のJETRO中期目標変更案で、「世界で勝てるスタートアップの裾野拡大」で強化するのは？")
    assert a.constraints.revision == "令和7年改定" and "改定" not in a.qualifiers


def test_a_law_number_asked_is_answered_with_the_date_it_is_written_after(analyze_q):
    from assistant.extractive import _value_reader
    text = "産業競争力強化法等の一部を改正する法律（令和6年6月7日法律第45号）により改正され"
    read = _value_reader(analyze_q("その法律はいつの何号の法律？"), "date")
    assert read(text, []).text == "令和6年6月7日法律第45号"
    assert _value_reader(analyze_q("その法律はいつ公布された？"), "date")(text, []).text == "令和6年6月7日"


def test_the_previous_years_figure_in_a_report_is_the_one_after_zennendo():
    from assistant.extractive import previous_year_ends
    # In the report of 2020, 「前年度」 is 2019, and its figure may be written bare.
    text = "「Twitter」については 32,651 人のフォロワー数の大幅増加につながった（前年度 24,542）。"
    assert best_value(text, "count", None, [], periods=previous_year_ends(text, (2019,), 2020)).text == "24,542"
    text = "受講者数は前年度と同規模（前年度延べ 1,775 名→令和 2 年度延べ 1,761 名）"
    assert best_value(text, "count", None, [0], periods=previous_year_ends(text, (2019,), 2020)).text == "1,775 名"
    assert previous_year_ends(text, (2019,), 2021) == [] and previous_year_ends("前年度比 9.0％増", (2019,), 2020) == []
    # The figure in brackets after its noun (「前年度実績（822 件）」) is that year's.
    text = "関心を高めたことにより、前年度実績（822 件）を大幅に超える 1,561 件の有効回答を得た。"
    at = previous_year_ends(text, (2019,), 2020)
    assert best_value(text, "count", None, [text.index("有効回答")], periods=at).text == "822 件"
    # A clause about the year is not its figure.
    text = "応募者数平均（中止となった前年度を除く）５４４，０９０人は、第三期の実績値４７８，９４０人の約1.1倍"
    at = previous_year_ends(text, (2019,), 2020)
    assert best_value(text, "count", None, [text.index("実績値")], periods=at).text == "４７８，９４０人"


def test_a_rate_written_without_a_unit_answers_a_rate_question():
    from assistant.values import rates_in
    text = "希望出生率は、2010年、2015年ともに1.8であったが、2021年に1.6と低下。"
    assert [v.text for v in rates_in(text)] == ["1.8", "1.6"]
    assert rates_in("1.2倍（261,438件）、62.1%、3.5兆円") == []  # decimals with a unit are other figures
    at = text.index("2021年") + len("2021年")
    assert best_value(text, "count", None, [at], rate=True).text == "1.6"
    assert best_value(text, "count", None, [at]) is None  # only a rate asked may be a bare decimal
    # 「希望出生率はいくつ？」 is typed as a percentage: a rate is not always written as one.
    assert best_value(text, "percentage", None, [at], rate=True).text == "1.6"
    assert best_value("合格率は62.1%、前回は1.6", "percentage", None, [0], rate=True).text == "62.1%"


def test_a_rate_asked_in_percent_is_not_a_bare_decimal(analyze_q):
    from assistant.extractive import _asks_rate
    assert _asks_rate(analyze_q("2021年の希望出生率はいくつ？"))
    assert not _asks_rate(analyze_q("希望出生率は何％？"))
    assert not _asks_rate(analyze_q("合格率は何割？"))


def test_a_question_word_makes_it_no_yes_no_question():
    from assistant.question import answer_type
    assert answer_type("一般管理費の効率化について、実績と目標を比べるとどうなっていますか？") != "yesno"
    assert answer_type("この補助業務は何の法改正で追加されたのですか？") != "yesno"
    assert answer_type("JETROにも同じような満足度の目標はありますか？") == "yesno"
    # Not a question word inside another word, nor 「何らか」「何か」.
    assert answer_type("輸出支援などの事業を実施していますか") == "yesno"
    assert answer_type("何らかの数値目標はありますか") == "yesno"


def test_a_comparison_of_a_result_and_a_target_asks_figures(analyze_q):
    asks = analyze_q("DX推進指標の自己診断実施組織数、令和2年度の実績と、令和6年度計画での増加目標を両方教えて。")
    assert asks.parts_ask_figures
    # 「中期目標」 names a plan, not an asked target.
    plans = analyze_q("IPAの中期目標とNEDOの中長期目標では、スタートアップ支援をどう書いている？")
    assert not plans.parts_ask_figures
    reports = analyze_q("IPAの業務実績とNEDOの業務実績では、スタートアップ支援をどう書いている？")
    assert not reports.parts_ask_figures  # 業務実績 names a document


def test_a_count_is_the_one_written_before_the_action_asked_of(analyze_q):
    assert analyze_q("全国大会では何名を採択しましたか").event == "採択"
    assert analyze_q("採択後に起業した件数は？").event == "起業"
    assert analyze_q("自己診断実施組織数は何組織を目指しますか").event == ""  # a target, not an action
    assert analyze_q("令和6年度に何件を計画していますか").event == ""  # a plan, not an action
    text = "応募者数は 190 名となり、選考により 85 名を採択し育成。"
    at = [text.index("採択")]
    assert best_value(text, "count", "名", [0], events=at).text == "85 名"
    assert best_value(text, "count", "名", [0]).text == "190 名"  # without the action: the nearest
    # Only a figure joined to the action: 「190 名、採択者数は」 is the figure of what comes before it.
    text = "応募者数は 190 名、採択者数は 85 名となった。"
    at = [text.index("採択")]
    assert best_value(text, "count", "名", at, events=at).text == "85 名"


def test_a_figure_begins_where_its_digits_do():
    # Only one match per run of digits (tried at every digit, a long digit string in a table was quadratic:
    # 2,000 digits took 0.5 s, now 1 ms — measured, not asserted).
    assert [v.text for v in values_in("1" * 3000 + "件")] == ["1" * 3000 + "件"]
    assert [v.text for v in values_in("3,775件以上、2/3以上、3か月後")] == ["3,775件以上", "2/3以上", "3か月後"]


def test_questions_asked_one_after_the_other_are_read_in_one_pass():
    from assistant.parts import asked_in
    assert asked_in("いつ入札したの?契約はどうなった?") == ["いつ入札したの?", "契約はどうなった?"]
    # A statement goes with the question after it; a request closed by 。 is asked too.
    assert asked_in("報告書を読んだ。対象は何?時期も知りたい。") == ["報告書を読んだ。対象は何?", "時期も知りたい。"]
    # A question closed by 「か。」 is asked too — and a request after it asks more of the same question.
    assert asked_in("第一版はいつ公開されましたか。また、何章までが取りまとめられていますか。") == [
        "第一版はいつ公開されましたか。", "また、何章までが取りまとめられていますか。"]
    assert asked_in("何件ですか。前年からの増加数もお願いします。") == ["何件ですか。前年からの増加数もお願いします。"]
    # Text after the last question is not asked; a lone question mark asks nothing.
    assert asked_in("対象は何?ほか") == ["対象は何?"]
    assert asked_in("何件? ?") == ["何件?"]
    # A long pasted text with no question mark is read once (a nested regular expression took 30-50 s here).
    assert asked_in("あ" * 5000) == []


def test_a_figure_reads_as_a_number_in_its_unit():
    from assistant.values import magnitude

    assert magnitude(values_in("３，８０８百万円")[0]) == (3.808e9, "円")
    assert magnitude(values_in("4,589 件")[0]) == (4589.0, "件")
    assert magnitude(values_in("62.1%")[0]) == (62.1, "%")
    assert magnitude(values_in("令和3年4月1日")[0]) is None  # a date is no amount


def test_the_parts_of_a_total_are_the_figures_in_its_unit_that_add_up_to_it():
    from assistant.values import summing_run

    total = values_in("82,297 件")[0]
    after = values_in("目標値比 165% 4,589 件 71,654 件 6,054 件 役立ち度 92%")
    assert [v.text for v in summing_run(total, after)] == ["4,589 件", "71,654 件", "6,054 件"]
    # Each part rounded: 849 + 221 + 1,609 + 1,128 = 3,807 for a total of 3,808.
    rounded = values_in("849百万円、221百万円、1,609百万円、1,128百万円")
    assert len(summing_run(values_in("3,808百万円")[0], rounded)) == 4
    assert summing_run(total, values_in("4,589 件 6,054 件")) is None  # no run adds up


def test_a_share_lies_between_its_parts_and_a_row_of_years_is_no_breakdown():
    from assistant.values import made_of

    text = "IT 企業では79.6%、ユーザ企業では 44.6%、全体で 62.1%。"
    share, *parts = sorted(values_in(text), key=lambda v: v.text != "62.1%")
    assert made_of(share, parts)
    years = values_in("実績値 1,016,117件 1,134,669件 1,237,169件")
    assert not made_of(years[-1], years[:-1])  # the figure of each year, not parts of the last one
    assert made_of(values_in("300件")[0], values_in("100件、200件"))


def test_a_bracket_listing_figures_in_the_unit_of_the_one_before_it_holds_its_parts():
    from assistant.values import parts_in_bracket

    text = "令和６年度には３，８０８百万円（デジタル基盤８４９百万円、法人共通１，１２８百万円）を支出する。"
    total = next(v for v in values_in(text) if v.text.startswith("３"))
    assert parts_in_bracket(text, total) == "デジタル基盤８４９百万円、法人共通１，１２８百万円"
    text = "中期目標期間中に180件以上（アウトカム指標）を達成する。"
    assert parts_in_bracket(text, values_in(text)[0]) is None


def test_a_date_that_opens_or_closes_a_span_is_said_with_its_bound():
    from assistant.values import date_bound

    def bound(text: str) -> str:
        return date_bound(text, next(v for v in values_in(text) if v.kind == "date"))

    assert bound("基金を活用した事業の執行（2023年度～）") == "～"  # from 2023, not in 2023
    assert bound("行政手続きのオンライン化（R７年末まで）") == "まで"
    assert bound("令和6年度以降、順次導入する。") == "以降"
    assert bound("令和6年度に導入する。") == ""  # on that date
    text = "応募者数 544,090人から"
    assert date_bound(text, values_in(text)[0]) == ""  # not a date


def test_a_figure_restated_in_brackets_as_another_kind_is_said_with_it():
    from assistant.values import restatement

    text = "アクセス数の１．２倍（２６１，４３８件）を達成する。"
    assert restatement(text, values_in(text)[0]) == "（２６１，４３８件）"
    text = "アクセス数は２６１，４３８件（前年度比 1.2倍）。"
    assert restatement(text, values_in(text)[0]) == "（前年度比 1.2倍）"
    text = "成功件数は 180件（アウトカム指標）とする。"  # no figure in the bracket
    assert restatement(text, values_in(text)[0]) == ""
    text = "2,100件（2,000件＋補正見込件数100件）以上"  # a sum of the same kind is a breakdown, not a restatement
    assert restatement(text, values_in(text)[0]) == ""


def test_the_counter_after_nani_is_how_the_answer_is_counted_not_what_about(analyze_q):
    a = analyze_q("DX推進指標の自己診断、令和2年度は何組織が実施した？")
    assert (a.focus, a.answer_type) == ("自己診断", "count")
    assert analyze_q("何名のイノベータを発掘した？").focus == "イノベータ"  # a thing after the counter is
    assert analyze_q("対象は何分野ですか").focus == "分野"  # nothing else named: the counter stays


def test_a_span_of_a_few_years_is_read_as_when():
    assert [(v.text, v.kind) for v in values_in("今後3-5年を集中取組期間とし、中長期的（5-10年）にも")] == [
        ("3-5年", "date"), ("5-10年", "date")]
    assert [v.text for v in values_in("（継続・発展～３ー５年を「集中取組期間」）")] == ["３ー５年"]
    assert [v.text for v in values_in("2020-2025年の計画")] == ["2025年"]  # years, not a span of two digits


def test_calendar_dates_are_read_in_either_era_or_width():
    from assistant.values import calendar_dates

    found = calendar_dates("令和3年10月1日付で更新、２０２１年１０月１日にも、令和元年 9 月、令和6年度")
    assert set(found) == {(2021, 10, 1), (2019, 9, None)}  # a fiscal year alone is no calendar date
    assert found[(2019, 9, None)] == "令和元年 9 月"  # as written, to say in an abstention


def test_a_month_written_without_its_year_falls_in_the_documents_fiscal_year():
    from assistant.values import fiscal_months

    # April to March: 「5 月に新設」 and 「2 月に公開」 in a document about fiscal 2020 are May 2020 and February 2021;
    # a month written with its year is a calendar date, not a bare month, and 「3 か月」 is no month at all.
    text = "「評価グループ」を\n5 月に新設。２月に公開。令和 2 年 10 月に開催。約 3 か月で実施。"
    assert fiscal_months(text, 2020) == {(2020, 5, None), (2021, 2, None)}
    # nor after a fiscal year, its line broken; nor an ordinal or another number's digits; both ends of a range
    assert fiscal_months("令和元年\n12 月、令和7年度 4 月、第 3 月、2.5 月、1,000 月", 2020) == set()
    assert fiscal_months("10～12 月に実施", 2020) == {(2020, 10, None), (2020, 12, None)}


def test_a_word_quoted_in_a_documents_title_names_its_organization():
    from index.meta import title_word_aliases

    aliases = title_word_aliases([
        ("産業政策「新潮流」の要点", "XMIN"),
        ("独立行政法人甲機構「未来計画」", "KOU"),
        ("乙機構「未来計画」の評価", "OTSU"),  # quoted by two organizations' titles: names neither
        ("三法人の「共同目標」", "KOU, OTSU"),  # a document of several organizations names none
        ("「DX」推進の手引き", "HEI"),  # too short a word to stand for a document
    ])
    assert aliases == {"新潮流": "XMIN"}


def test_an_abbreviation_is_read_where_a_text_defines_it():
    from index.meta import abbreviations

    found = abbreviations([
        "策立案を行うとともに、デジタルスキル標準（ＤＳＳ）の見直し、",
        "ＡＩセーフティ・イン\nスティテュート（以下「ＡＩＳＩ」という。）を設立し",  # wrapped over two lines
        "情報技術（IT）を活用し、",  # two capitals stand for too much
        "ＤＳＳ（ＤＳＳ）",  # no name
    ])
    assert found == {"DSS": "デジタルスキル標準", "AISI": "AIセーフティ・インスティテュート"}


def test_a_count_written_with_tsu_answers_for_the_unit_named_after_it():
    from assistant.question import asked_figures
    from assistant.values import figures_for

    text = "支援事業者として、令和 4 年 5 月には 3 つの地域サービスを登録。"
    question = "地域サービスとして登録されたのはいつで、何サービス？"
    found = [v.text for v in figures_for(asked_figures(question), [text], question)]
    assert found == ["令和 4 年 5 月", "3 つの地域サービス"]
    # Only for the unit asked: 「3 つの地域サービス」 is no count of 拠点.
    assert figures_for(asked_figures("何拠点？"), [text], "何拠点？") == []


def test_a_question_narrowing_a_figure_to_one_thing_names_it():
    from assistant.question import restriction

    assert restriction("説明会の参加者、自治体だけに絞ると何人?") == "自治体"
    assert restriction("市場のうち国内市場だけの規模は?") == "国内市場"
    assert restriction("年報2023のみでは何部?") == "年報2023"
    assert restriction("経費はどれだけ削減する計画?") == ""  # 「どれだけ」 narrows nothing
    # 単独・単体 narrow as だけ does — but a document of one organization alone is where to look, not a figure's part.
    assert restriction("ITパスポート試験単独の応募者数は?") == "ITパスポート試験"
    assert restriction("iパス単体では何人?") == "iパス"
    assert restriction("JETRO単独の新旧対照表では何件?") == ""
    assert restriction("JETROが単独で実施した件数は?") == ""  # how it was done
    assert restriction("JETROの変更案の単独の支援件数は?") == ""  # 単独 of nothing named (a rewrite's leftover)


def test_a_place_the_question_names_is_kept_but_not_a_country(analyze_q):
    assert analyze_q("栃木の地域ソフトウェアセンターは令和2年度にいくら配当を出しましたか？").places == ("栃木",)
    assert analyze_q("日本の代表的企業のPBRは？").places == ()
    # A place before its institution, which the analyzer reads as a surname, is a place too; a clipped katakana
    # word is not.
    assert analyze_q("石川SCってR2年度に配当いくら出した？").places == ("石川",)
    assert analyze_q("ガイドラインの利用者アンケの役立ち度は？").places == ()


def test_a_change_of_a_named_measure_asks_for_that_measure(analyze_q):
    a = analyze_q("対日投資誘致成功件数の目標は現行からどう変わった？")
    assert a.answer_type == "change" and a.asks_measure
    assert not analyze_q("特定公募型研究開発業務に変更案で新しく加わった事業は何ですか").asks_measure


def test_a_figure_asked_before_and_after_is_a_change(analyze_q):
    assert analyze_q("スタートアップの海外展開成功件数の目標は何件から何件に変わる？").answer_type == "change"
    assert analyze_q("有効回答は何件から何件に増えた？").answer_type == "change"
    assert analyze_q("支援件数の目標は現行の何件から何件に引き上げられた？").answer_type == "change"
    assert analyze_q("有効回答は何件ですか？").answer_type == "count"
    # The figure before said, the one after asked.
    assert analyze_q("成功件数の目標は現行の370件からいくつに変わった？").answer_type == "change"
    assert analyze_q("成功件数は2019年度からいくつ増えた？").answer_type != "change"  # a year, not a figure before


def test_an_abbreviation_is_answered_by_the_name_written_beside_it():
    from assistant.values import expansion_of

    assert expansion_of("⇒可視化の中核は、PHR(Personal Health Record)の活用。", "PHR").text == "Personal Health Record"
    # full-width letters in the text, half-width in the question
    text = "① ＰＭＯ（Ｐｏｒｔｆｏｌｉｏ Ｍａｎａｇｅｍｅｎｔ Ｏｆｆｉｃｅ）によるＩＴポートフォリオ管理"
    assert expansion_of(text, "PMO").text == "Ｐｏｒｔｆｏｌｉｏ Ｍａｎａｇｅｍｅｎｔ Ｏｆｆｉｃｅ"
    # the name before the bracket: the whole quote, else the run of name characters (not the particle before it)
    quoted = "「政府情報システムのためのセキュリティ評価制度（ISMAP）」の運用を開始"
    assert expansion_of(quoted, "ISMAP").text == "政府情報システムのためのセキュリティ評価制度"
    assert expansion_of("米国がＡＩセーフティ・インスティテュート（以下「ＡＩＳＩ」という。）を設立", "AISI").text \
        == "ＡＩセーフティ・インスティテュート"
    assert expansion_of("ISMAP（令和2年度）の登録", "ISMAP") is None  # a year is no name
    assert expansion_of("AISIと連携する", "AISI") is None
    assert expansion_of("DXPMO（x）", "PMO") is None  # part of another abbreviation


def test_an_era_written_by_its_initial_is_spelled_out_as_documents_write_it():
    from assistant.question import spelled_out

    assert spelled_out("IPAのR6計画で") == "IPAの令和6年度計画で"
    assert spelled_out("評定はH30〜R2年度でどうなってる？") == "評定は平成30年度〜令和2年度でどうなってる?"
    assert spelled_out("R2年8月に公開した注意喚起") == "令和2年8月に公開した注意喚起"
    assert spelled_out("R元年度の大臣評価") == "令和元年度の大臣評価"
    assert spelled_out("Ｒ２年度は？") == "令和2年度は?"
    # A revision is named by its calendar year (「令和7年改定」), a supplementary budget by its fiscal year.
    assert spelled_out("R7改定の変更案") == "令和7年改定の変更案"
    assert spelled_out("R5補正の変更案") == "令和5年度補正の変更案"
    # Not an era: letters or digits around it, a hyphenated code, a year past the era's last.
    for text in ("R2-D2の型番", "HR2年", "R25年度", "Web3.0", "R&D", "FY2024の計画"):
        assert spelled_out(text) == text


def test_same_and_a_noun_is_written_as_the_thing_the_question_named_before():
    from assistant.question import spelled_out

    # 「同データベース」 in the second ask is the database the first one named: each part says what it is about.
    assert spelled_out("脆弱性対策情報データベース「JVN iPedia」の登録件数と、同データベースのアクセス件数は？") \
        == "脆弱性対策情報データベース「JVN iPedia」の登録件数と、脆弱性対策情報データベースのアクセス件数は?"
    # A quoted name is taken whole (not 「年計画」 from 「…5か年計画」); the latest name ending in the noun wins.
    assert spelled_out("「スタートアップ育成5か年計画」の期間と、JETROの目標での同計画の扱いは") \
        == "「スタートアップ育成5か年計画」の期間と、JETROの目標でのスタートアップ育成5か年計画の扱いは"
    assert spelled_out("2021年度の成功件数と同年度の成功率") == "2021年度の成功件数と2021年度の成功率"
    assert spelled_out("脆弱性データベースの登録数と、同データベースの閲覧数と、同データベースの更新数") \
        == "脆弱性データベースの登録数と、脆弱性データベースの閲覧数と、脆弱性データベースの更新数"
    # Nothing named before that ends in the noun: 同 is said of something else (「同レベル」: the same level).
    for text in ("第4期と同レベル以上を求める理由", "同年度は", "IPAの同サービス制度は"):
        assert spelled_out(text) == text


def test_an_organization_named_as_the_owner_of_a_table_it_has_none_of_is_a_publisher():
    from assistant.question import constraints_of, publishers

    organizations = {"METI": "METI", "経済産業省": "METI", "JETRO": "JETRO"}
    documents = {"METI": ["経済産業政策のキーメッセージ 政策資料"],
                 "JETRO": ["日本貿易振興機構（JETRO）第六期中期目標の変更 新旧対照表 中期目標"]}
    # The ministry has no comparison table of its own: the table it publishes is of the agency asked about.
    question = "METIの新旧対照表にあるJETROの中期目標で、対日投資の目標は？"
    assert publishers(question, organizations, documents) == {"METI"}
    assert constraints_of(question, organizations, documents).organizations == ("JETRO",)
    assert publishers("経済産業省のNEDO・JETRO・IPA新旧対照表で", organizations, documents) == {"METI"}
    # (the table named in brackets after the kind of plan it compares)
    assert publishers("METIの中期目標（新旧対照表）では、その根拠は？", organizations, documents) == {"METI"}
    # An organization with such a document owns it; one named with another kind of document is asked about.
    assert publishers("JETROの新旧対照表で、対日投資の目標は？", organizations, documents) == set()
    question = "METIの政策資料とJETROの中期目標で、対日投資の目標は？"
    assert publishers(question, organizations, documents) == set()
    assert set(constraints_of(question, organizations, documents).organizations) == {"METI", "JETRO"}
    # (「METIの資料とJETROの中期目標」: the kind after と is JETRO's, not METI's.)
    assert publishers("METIの資料とJETROの中期目標で", organizations, documents) == set()
    # A kind of plan after the owner is no table: 「新機軸の…中期目標」 is a target the policy paper itself sets.
    titled = {**organizations, "新機軸": "METI"}
    assert publishers("新機軸のスタートアップ政策の中期目標は？", titled, documents) == set()
    # Without the documents, every organization named is one asked about.
    assert set(constraints_of("METIの新旧対照表にあるJETROの中期目標で", organizations).organizations) \
        == {"METI", "JETRO"}


def test_a_quoted_term_is_looked_for_as_a_text_may_write_it():
    import re

    from assistant.question import quoted_terms, term_pattern

    assert quoted_terms("「アジアDXプロジェクト」は、どんな狙い？") == ["アジアDXプロジェクト"]
    # (a word of a document's title; a term too short to look for)
    assert quoted_terms("経済産業政策「新機軸」で「GX」の目標は？", ["経済産業政策「新機軸」の資料"]) == []
    pattern = term_pattern("アジアDXプロジェクト")
    assert re.search(pattern, "を狙う「アジアＤＸプロ\nジェクト」等")  # wrapped, and in the other width
    import pyarrow as pa
    import pyarrow.compute as pc

    # The chunk table scans with RE2, whose \\s is ASCII only: an ideographic space between is still spacing.
    found = pc.match_substring_regex(pa.array(["「アジアDXプロ\u3000ジェクト」", "アジアのDX"]), pattern).to_pylist()
    assert found == [True, False]
    assert not re.search(pattern, "アジアのDX")


def test_a_noun_of_a_verb_s_continuative_form_and_the_verb_are_one_word():
    from assistant.extractive import other_form

    assert other_form("狙い") == "狙う" and other_form("狙う") == "狙い"
    assert other_form("取り組み") == "取り組む" and other_form("行う") == "行い"
    assert other_form("目標") is None and other_form("する") is None  # no kana after a kanji; no kanji


def test_a_year_with_a_month_is_a_date_not_a_fiscal_year_or_a_revision():
    from assistant.question import constraints_of

    c = constraints_of("IPAの令和2年度評価で、ISMAPには令和3年3月に何サービスが登録された？", {})
    assert c.fiscal_years == (2020,) and c.revision is None  # 令和3年3月 is in fiscal 2020
    assert constraints_of("2020年10月の試験の合格者数は？", {}).fiscal_years == ()
    assert constraints_of("令和7年の改定では？", {}).revision_year == 2025



def test_another_thing_in_the_questions_own_words_is_found_between_them():
    from assistant.extractive import in_its_frame
    question = "2030年までに国内で蓄電池を生産する企業の合計売上高は?"
    said = "国内で半導体を生産する企業の合計売上高を15兆円超とする。"
    assert in_its_frame(question, "蓄電池", said) == "半導体"
    assert in_its_frame(question, "蓄電池", "国内で蓄電池を生産する企業の売上高") is None  # the same thing
    assert in_its_frame(question, "蓄電池", "半導体の国内生産を強化する。") is None  # not in the question's words


def test_a_figure_of_the_world_is_not_the_countrys_nor_the_reverse():
    from assistant.extractive import _other_scope
    said = "自然災害による被害が世界中で増加（経済的損失は7倍以上に増加し3兆6400億米ドルに達した）。"
    assert _other_scope("日本国内の気象災害による経済的損失はどれだけ増えた？", said) == ("国内", "世界")
    assert _other_scope("世界の市場規模はいくら？", "国内の市場規模は10兆円。") == ("世界", "国内")
    assert _other_scope("気象災害による経済的損失は？", said) is None  # no scope asked
    assert _other_scope("日本の世界シェアは？", "日本の世界シェアは10％。") is None  # both asked, both said
    assert _other_scope("国内の投資額は？", "世界に先駆け、国内で5兆円を投資。") is None  # the asked one is said
    # Developed and developing countries likewise.
    assert _other_scope("先進国の適応市場の規模は？", "途上国の適応市場（最大約77兆円）") == ("先進国", "途上国")


def test_the_years_a_text_writes_are_read_with_where_each_ends():
    from assistant.question import year_mentions

    text = "2010年、2015年ともに1.8であったが、2021年に1.6と低下。"
    assert [(y, text[end:end + 1]) for y, end in year_mentions(text)] == [(2010, "、"), (2015, "と"), (2021, "に")]
    # A revision (「令和5年度補正」) and a date's year (「令和3年3月」) are no fiscal year.
    assert year_mentions("令和5年度補正見込件数16件") == []
    assert year_mentions("令和3年3月に公開") == []
    assert [y for y, _ in year_mentions("令和元年度大臣評価")] == [2019]


def test_a_figure_written_right_after_the_asked_year_is_that_years():
    from assistant.extractive import written_year_ends

    text = "希望出生率は、2010年、2015年ともに1.8であったが、2021年に1.6と低下。"
    focus = [text.index("希望出生率")]
    # Without the year, the figure nearest the asked measure; with it, the one right after the year.
    assert best_value(text, "percentage", None, focus, rate=True).text == "1.8"
    assert best_value(text, "percentage", None, focus, rate=True,
                      written=written_year_ends(text, (2021,))).text == "1.6"
    # Only a particle may stand between the year and its figure: 「に育成した 26 名」 is not 2019's count.
    text = "令和元年度に育成した 26 名のうち、17 名が認定された。"
    assert best_value(text, "count", "名", [text.index("認定")], written=written_year_ends(text, (2019,))).text \
        == "17 名"
    # Nor is a bare number of another unit (「2030年９兆円」) a count of people.
    text = "経済的損失の推計（2030年９兆円）"
    assert best_value(text, "count", "人", [0], unit_said=True, written=written_year_ends(text, (2030,))) is None


def test_every_revision_a_question_names_is_read_once_each():
    from assistant.question import revisions_in

    assert revisions_in("令和5年度補正の変更案と、令和7年の対照表では？") == ["令和5年度補正", "令和7年"]
    assert revisions_in("当初から令和5年度補正、令和7年改定と、どう変わった？") == ["令和5年度補正", "令和7年改定"]
    assert revisions_in("令和6年度計画の目標は？") == []  # a fiscal year, not a revision


def test_a_multiple_of_the_asked_measure_is_not_its_figure():
    text = "令和元年度から令和３年度の平均アクセス数の１．２倍（２６１，４３８件）を達成する。"
    value = next(v for v in values_in(text) if v.kind == "count")
    assert multiple_of(text, value, "平均アクセス数")
    assert not multiple_of(text, value, "アクセス数")  # not the compound written there: its target may be asked
    assert not multiple_of("平均アクセス数は２１７，８６５件。", values_in("平均アクセス数は２１７，８６５件。")[0],
                           "平均アクセス数")


def test_a_line_of_indicator_labels_alone_is_no_indicators_statement():
    from assistant.question import labels_only

    assert labels_only("【指標１－２－３】【指標１－２－４】【指標１－２－５】")
    assert not labels_only("指標２－２：月平均アクセス数８５％以上を目指す。")
    assert not labels_only("【指標１－２－３】起業家育成プログラムの派遣人数")


def test_an_indicators_name_line_is_told_from_a_statement_of_its_target():
    from assistant.question import indicator_title

    assert indicator_title("指標３－２：海外機関との連携の強化（上記３．（１）関連）")
    assert indicator_title("＜指標２：リスキリング支援機能等の強化（上記２．（２）関連）＞【基幹目標】")
    assert not indicator_title("指標３－２：第四期中期目標期間に定期的に交流を行っているのが６組織であり、今")
    assert not indicator_title("指標２－２：月平均アクセス数８５％以上を目指す。")


def test_a_figure_counted_in_its_own_unit_is_not_a_question_for_the_indicators(analyze_q):
    # 「…の指標は何組織を目標に」 asks the target's figure; 「…の指標は何？」 asks which indicators are set.
    assert not analyze_q("IPAの海外機関との連携強化の指標は何組織を目標にしていますか？").asks_indicators
    assert analyze_q("IPAのサイバーセキュリティ分野の指標は何？").asks_indicators


def test_a_kind_of_document_right_after_a_verb_is_a_target_not_a_document():
    from assistant.question import constraints_of
    assert constraints_of("価値創造経営で当面見据える中期目標は？").doc_kinds == ()
    assert constraints_of("JETROの中期目標では？").doc_kinds == ("中期目標",)


def test_a_relational_noun_describing_the_next_one_is_not_the_focus(analyze_q):
    assert analyze_q("基準となる2020年時点ではいくらだった？").focus == ""
    assert analyze_q("誘致支援件数を決める前提となった成功率はどのくらいですか").focus == "成功率"
    assert analyze_q("その基準はいくら？").focus == "基準"  # said of nothing after it, it is the thing asked


def test_years_counted_are_a_count_not_a_date():
    assert answer_type("春闘の賃上げは何年ぶりの高水準？") == "count"
    assert answer_type("何年連続の増収になった？") == "count"
    assert answer_type("何年に公表された？") == "date"
    assert [v.kind for v in values_in("春闘は30年ぶりの高水準")] == ["count"]
    value = values_in("8 年続けての増収。")[0]
    assert matches_type(value, "count", "年連続")  # 「8 年続けて」 counts the same as 「8年連続」
    assert [v.kind for v in values_in("2020年9月に公表")] == ["date"]


def test_a_measure_counted_in_persons_or_companies_keeps_its_counter_in_the_focus(analyze_q):
    assert analyze_q("JETROの中期目標で、支援社数の目標は？").focus == "支援社数"  # not 「支援」
    assert analyze_q("採択人数は？").focus == "採択人数"


def test_a_count_written_before_the_measures_stem_is_its_figure():
    from assistant.values import count_before

    text = "普及活動により 1,111 名の新規登録を行った。"
    value = next(v for v in values_in(text) if v.kind == "count")
    assert count_before("新規登録者数", value, text)
    assert not count_before("新規更新者数", value, text)  # another stem
    assert not count_before("新規登録件数", value, text)  # persons are not 件
    after = "新規登録は 1,111 名。"
    assert not count_before("新規登録者数", values_in(after)[0], after)  # not before the stem
    named = "16,477 件（昨年比 989 件増）の脆弱性関連情報を受付。"
    assert count_before("受付件数", values_in(named)[0], named)  # the thing counted named between
    other = "16,477 件の脆弱性関連情報を公表し、受付を継続。"
    assert not count_before("受付件数", values_in(other)[0], other)  # another verb: not what is counted
    subject = "修了生、会員企業の方計 42 名が参加。"
    assert count_before("参加人数", values_in(subject)[0], subject)  # the count is who did what the measure names
    assert not count_before("成約会社数", values_in("120社が参加。")[0], "120社が参加。")
    views = "公開した動画は合計約 1,800回の視聴を得た。"
    assert count_before("視聴回数", values_in(views)[0], views)  # a number of times: 回
    assert not count_before("視聴者数", values_in(views)[0], views)


def test_the_part_of_a_stated_whole_is_what_a_figure_is_asked_of(analyze_q):
    assert analyze_q("全国大会の採択者85名のうち、女性は何名だった？").part_asked == "女性"
    assert analyze_q("有効回答1,561件のうち、中小企業からは何件？").part_asked == "中小企業"
    assert analyze_q("全国大会の女性の採択者は何名？").part_asked == ""
    assert analyze_q("そのうち令和2年度に増えた分は？").part_asked == ""  # no whole stated
    assert analyze_q("情報セキュリティ白書2020のうち販売数は？").part_asked == ""  # an edition, not a figure


def test_a_target_value_word_inside_a_compound_does_not_make_a_count(analyze_q):
    assert analyze_q("輸出支援の目標値は？").answer_type == "count"
    assert analyze_q("輸出支援の目標値設定の前提になってる政府目標は？").answer_type == "fact"


def test_a_baseline_of_comparison_is_not_a_comparison_asked(analyze_q):
    assert not analyze_q("比較の基準となる2022年度の国内設備投資の実績額は？").cross
    assert analyze_q("2022年度と比較して国内設備投資はどう変わった？").cross


def test_a_noun_sudachi_splits_before_tte_is_mended(analyze_q):
    # Sudachi reads 「満足度って」 as 満足 + a verb 度っ + て; the asked measure is 満足度.
    assert analyze_q("受講者の満足度ってどのくらいだったの？").focus == "満足度"
    assert analyze_q("受講者の満足度はどのくらい？").focus == "満足度"
    from assistant.question import mended

    verb = SudachiTokenizer(Bm25Settings()).surfaces("計画を使って進める？")
    assert mended(verb) == verb  # a verb after a particle is left alone


def test_a_degree_sudachi_reads_as_a_verb_and_a_noun_is_one_measure(analyze_q):
    # Sudachi reads 「役立ち度」 as the verb 役立ち + 度 (and 「役立ち度って」 as 役立ち + 度っ + て).
    for question in ("利用者アンケートでは役立ち度はどの程度だった？", "利用者アンケの役立ち度ってどのくらい出た？"):
        asked = analyze_q(question)
        assert asked.focus == "役立ち度" and asked.answer_type == "percentage", asked
    # A degree a survey measures is a percentage; other words ending in 度 are not.
    assert analyze_q("受講者の満足度はどのくらい？").answer_type == "percentage"
    assert analyze_q("制度の利用件数はどのくらい？").answer_type != "percentage"


def test_a_place_name_sudachi_reads_inside_a_compound_is_mended(analyze_q):
    # Sudachi reads 「分野別内訳」 as 分野 + the place name 別内 + 訳: no place is asked, and 内訳 is a word.
    asked = analyze_q("採択者の分野別内訳は？")
    assert asked.places == () and "内訳" in asked.anchor
    from assistant.question import mended

    tokens = SudachiTokenizer(Bm25Settings())
    assert [s for _, s in mended(tokens.surfaces("年齢別内訳"))] == ["年齢別", "内訳"]
    place = tokens.surfaces("北海道の大会")
    assert mended(place) == place  # a place name standing as one is left alone
    assert analyze_q("北海道で開いた大会は？").places == ("北海道",)


def test_the_side_named_before_nohou_is_what_is_answered(analyze_q):
    from assistant.question import named_side

    asked = analyze_q("集合講習の代わりにやったレポート提出形式のほうは何人受けた？")
    assert asked.focus == "ほう"  # as written, for the follow-up rules
    assert named_side(asked).focus == "レポート提出形式"
    assert named_side(analyze_q("受講者は何人？")) == analyze_q("受講者は何人？")


def test_a_degree_asked_may_be_a_bare_score(analyze_q):
    from assistant.extractive import _asks_rate

    assert _asks_rate(analyze_q("受講者の満足度はどのくらい？"))
    assert not _asks_rate(analyze_q("令和2年度の予算はどのくらい？"))
    assert not _asks_rate(analyze_q("満足度は何％？"))  # asked in percent


def test_the_clause_describing_a_counted_thing_is_the_one_right_before_it():
    from assistant.extractive import _describing_clause

    question = "令和2年度の実践研修で、リスク分析に取り組むと表明した企業は何社だった？"
    assert _describing_clause(question, "企業") == "リスク分析に取り組むと表明した"
    assert _describing_clause("IPAの支援企業は何社？", "企業") == ""  # no clause, only a compound
    assert _describing_clause("IPAの支援企業は何社？", "団体") == ""


def test_a_figure_after_a_named_date_is_that_dates(analyze_q):
    from assistant.extractive import value_anchors
    from assistant.values import date_ends

    text = "令和 2 年 6 月からは（在宅勤務率：約 60%）、さらに令和 3 年 1 月 8日からは（在宅勤務率：約 76%）。"
    assert date_ends(text, {(2021, 1, 8)}) == [text.rindex("からは（")]
    assert date_ends(text, {(2021, 1, 7)}) == []
    a = analyze_q("令和3年1月8日からの緊急事態宣言下の在宅勤務率は何％？")
    assert best_value(text, "percentage", None, value_anchors(text, a, "percentage")).text == "約 76%"
