"""The workspace pieces without a browser: follow-ups, kept chats, diffs, rendering, uploads, viewer."""

from pathlib import Path

import pytest

from assistant import chats
from assistant.dialogue import constraint_words, era_label, is_follow_up, resolve, resolve_history
from assistant.diff import change_summary, changed_figures, changed_words, char_diff
from assistant.question import analyze
from assistant.render import chat_markdown, markdown_of, render_record, sanitized_markdown, turn_of
from assistant.workspace import mark_quote, render_document, safe_name
from index.config import Bm25Settings
from index.documents import Line
from index.tokens import SudachiTokenizer

NAMES = {"JETRO": "JETRO", "日本貿易振興機構": "JETRO", "IPA": "IPA", "情報処理推進機構": "IPA", "NEDO": "NEDO"}


@pytest.fixture(scope="module")
def analyze_q():
    tokenizer = SudachiTokenizer(Bm25Settings())
    return lambda q: analyze(q, tokenizer.surfaces(q), NAMES)


def _conversation(analyze_q, *questions):
    return [r.question for r in resolve_history(list(questions), analyze_q, NAMES)]


# ── follow-ups ──────────────────────────────────────────────────────────
def test_a_self_contained_question_is_left_alone(analyze_q):
    _, second = _conversation(analyze_q, "JETROの対日投資誘致成功件数の目標は？", "IPAの短期借入金の限度額は？")
    assert second == "IPAの短期借入金の限度額は？"


def test_the_same_document_named_as_such_carries_the_document_not_the_previous_thing(analyze_q):
    # 「同じ資料で、」: the conversation's document (organization, year, kind) — the previous turn's thing is no
    # part of the new question, and a year the previous question named twice is said once.
    _, _, follow = _conversation(analyze_q, "IPAの令和2年度評価で、令和2年度のアーキテクチャ設計の取組は何件？",
                                 "DADCのインキュベーションラボのテーマはどうなった？",
                                 "同じ資料で、公開セミナーの出席率は？")
    assert follow == "IPAの令和2年度の年度評価で、公開セミナーの出席率は?", follow
    _, follow = _conversation(analyze_q, "JETROの中期目標で、農林水産物の輸出の指標の困難度の背景は？",
                              "同じ箇所で、プロモーション機関についてはどう書かれている？")
    assert follow == "JETROの中期目標で、プロモーション機関についてはどう書かれている?", follow
    # 「同じ計画の評価指標で、」: the document by its kind, and what the question names in it — not the previous thing.
    _, follow = _conversation(analyze_q, "IPAの令和6年度計画で、アジア共通統一試験（ITPEC試験）については何をする？",
                              "同じ計画の評価指標で、「マナビＤＸ」のアクセス数の目標は？")
    assert follow.startswith("IPAの令和6年度の年度計画の評価指標で、") and "アジア" not in follow, follow
    # A question naming its own organization asks of it in that document, not of the previous one.
    _, follow = _conversation(analyze_q, "NEDOの中長期目標で、スタートアップ支援の指標は？",
                              "同じ中長期目標で、JETROの指標は？")
    assert "JETRO" in follow and "中長期目標" in follow and "NEDO" not in follow, follow
    # A document named by a word of its own (「対照表」) is still named.
    _, follow = _conversation(analyze_q, "経産省の新旧対照表で、JETROの対日投資の目標は？",
                              "同じ対照表で、NEDOの指標は？")
    assert "対照表" in follow and "NEDO" in follow, follow
    # Another organization's part of the same document, though its plan goes by the other name (中長期目標/中期目標).
    catalog = frozenset({("NEDO", "中長期目標", None), ("JETRO", "中期目標", None)})
    asked = ["NEDOの中長期目標の変更で、追加された業務は？", "同じ対照表で、JETROの成功件数の目標は？"]
    follow = resolve_history(asked, analyze_q, NAMES, catalog)[1].question
    assert "JETROの成功件数" in follow and "NEDO" not in follow and "中期目標" in follow, follow
    # One that has no such document is asked of, in the conversation's organization's (「同じ評価で、…との連携は？」).
    catalog = frozenset({("IPA", "年度評価", 2020), ("JETRO", "中期目標", None)})
    follow = resolve_history(["IPAの令和2年度評価で、相談件数は？", "同じ評価で、JETROとの連携は？"],
                             analyze_q, NAMES, catalog)[1].question
    assert "IPA" in follow and "JETRO" in follow, follow
    # A place in the document (「同じページの下の表で」) is no document: left to the other rules.
    _, follow = _conversation(analyze_q, "IPAの令和6年度計画で、試験の応募者数の目標は？",
                              "同じページの下の表で、数値は？")
    assert "下の表" in follow, follow


def test_a_demonstrative_inside_a_question_of_another_document_stands_for_the_previous_thing(analyze_q):
    _, follow = _conversation(analyze_q, "政策資料で、「地域の包摂的成長」の中で中小企業の賃上げ目標は？",
                              "IPAの年度計画ではこの目標にどう触れてる？")
    # The new question's own document, the previous turn's thing (its quoted words, unquoted), no 「この」.
    assert follow.startswith("IPAの年度計画では") and "この" not in follow
    assert "地域の包摂的成長" in follow and "「" not in follow and "政策資料" not in follow
    # 「その年度」 is a year, not a thing: left to the other rules (the previous question under JETRO).
    _, other = _conversation(analyze_q, "IPAの令和2年度評価で未踏事業の修了生は何名？", "JETROではその年度は？")
    assert other.startswith("JETROの令和2年度") and "修了生" in other


def test_a_demonstrative_before_a_noun_only_the_previous_answer_used_stands_for_the_name_it_gave(analyze_q):
    questions = ["新機軸の経済安全保障のミッションで、技術優位性の確保に向けて今後実施する施策は何ですか？",
                 "その基金、予算はどのくらい？"]
    answers = ["経済安全保障重要技術育成基金の執行を通じた先端重要技術の育成、技術保全の強化[1]"]
    follow = resolve_history(questions, analyze_q, NAMES, answers=answers)[1]
    assert "経済安全保障重要技術育成基金" in follow.question and "その" not in follow.question
    assert follow.original == questions[1]
    # Without the answer, or when the previous question says the noun itself, the other rules decide.
    assert "経済安全保障重要技術育成基金" not in resolve_history(questions, analyze_q, NAMES)[1].question
    said = ["IPAの地域事業出資業務の基金の残高は？", "その基金の配当は？"]
    assert "育成基金" not in resolve_history(said, analyze_q, NAMES, answers=answers)[1].question
    # A title the answer quotes, read without its section number.
    questions = ["IPAの令和6年度計画で、人事に関する計画は何を踏まえて実施する？", "その方針って、どういうもの？"]
    answers = ["人材の確保・育成については、「Ⅱ．１．（２）人材確保等」及び「Ⅸ．５．人材の確保・育成に係る方針」を"
               "踏まえ、人事方針を定める。[1]"]
    follow = resolve_history(questions, analyze_q, NAMES, answers=answers)[1]
    # (The title the answer gives first, not the name run after it: 「人事方針」.)
    assert "人材の確保・育成に係る方針って" in follow.question and "Ⅸ" not in follow.question, follow.question


def test_a_demonstrative_before_a_noun_an_earlier_turn_asked_the_name_of_stands_for_that_name(analyze_q):
    questions = ["デジタル人材育成のポータルサイトは何？", "国家試験に関してアジア諸国とは何をする？",
                 "IPAの令和6年度計画では、そのポータルサイトのアクセス数の目標は？"]
    answers = ["（２）デジタル人材育成プラットフォームのポータルサイト「マナビＤＸ」を通じた推進[1]",
               "アジア共通統一試験を実施[1]"]
    follow = resolve_history(questions, analyze_q, NAMES, answers=answers)[2]
    assert "「マナビＤＸ」のアクセス数" in follow.question and "その" not in follow.question
    # A turn that did not ask for the name gives none (its answer may quote another thing).
    told = ["デジタル人材育成のポータルサイトの役割は？", *questions[1:]]
    assert "マナビ" not in resolve_history(told, analyze_q, NAMES, answers=answers)[2].question


def test_it_right_after_a_name_was_asked_stands_for_the_name_answered(analyze_q):
    questions = ["企業を横断したデータ連携の取組は、何という名前で推進する？",
                 "IPAの令和6年度計画ではそれをどう位置づけている？"]
    follow = resolve_history(questions, analyze_q, NAMES, answers=["データ連携網「スカイリンク」[1]"])[1]
    assert "「スカイリンク」をどう位置づけている" in follow.question
    follow = resolve_history(questions, analyze_q, NAMES, answers=["スカイリンク・ネット[1][2]"])[1]
    assert "「スカイリンク・ネット」を" in follow.question
    # Not after an abstention or a sentence, nor when the previous question asked no name; 「それぞれ」 is no pronoun.
    for answers in (["資料に記載なし（…）"], ["取組を、関係者と連携して推進する。[1]"]):
        assert "それを" in resolve_history(questions, analyze_q, NAMES, answers=answers)[1].question
    told = ["企業を横断したデータ連携の取組の目的は？", questions[1]]
    assert "スカイリンク" not in resolve_history(told, analyze_q, NAMES, answers=["スカイリンク[1]"])[1].question
    each = [questions[0], "IPAの令和6年度計画ではそれぞれどう位置づけている？"]
    assert "スカイリンク" not in resolve_history(each, analyze_q, NAMES, answers=["スカイリンク[1]"])[1].question


def test_an_own_question_naming_only_the_conversations_organization_keeps_its_document(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの令和6年度計画で、ITガバナンスのためにPMOは何を担う？",
                              "「IPAクラウド」についてはどう進める？")
    assert analyze_q(follow).constraints.fiscal_years == (2024,) and "「IPAクラウド」" in follow
    # Another organization named: its own question.
    _, follow = _conversation(analyze_q, "IPAの令和6年度計画で、ITガバナンスのためにPMOは何を担う？",
                              "JETROの海外事務所はいくつ？")
    assert follow == "JETROの海外事務所はいくつ？"


def test_another_occasion_of_the_same_thing_is_asked_the_previous_question(analyze_q):
    first = "令和3年1月8日からの緊急事態宣言下で、IPAは在宅勤務率をどのくらいに設定した？"
    _, follow = _conversation(analyze_q, first, "令和2年4月の緊急事態宣言のときは？")
    assert follow == "令和2年4月の緊急事態宣言下で、IPAは在宅勤務率をどのくらいに設定した?"
    # An organization is swapped as before (「JETROの場合は？」 names no occasion of a thing).
    _, other = _conversation(analyze_q, first, "JETROの場合は？")
    assert other == "令和3年1月8日からの緊急事態宣言下で、JETROは在宅勤務率をどのくらいに設定した?"


def test_an_earlier_year_asked_in_the_past_asks_what_was_achieved(analyze_q):
    first = "IPAの令和6年度計画で、地域事業出資業務の経常収益の目標は？"
    _, follow = _conversation(analyze_q, first, "令和2年度はどうだった？")
    assert "令和2年度" in follow and "実績" in follow and "目標" not in follow
    _, same = _conversation(analyze_q, first, "令和2年度は？")  # not asked in the past: the target still
    assert "目標" in same


def test_another_organizations_document_of_another_kind_swaps_the_kind_too(analyze_q):
    _, follow = _conversation(analyze_q, "JETROの中期目標では対内直接投資の政府目標にどう触れてる？",
                              "NEDOの中長期目標ではどう？")
    assert "NEDOの中長期目標" in follow and "JETRO" not in follow and follow.count("目標では") == 1


def test_a_version_follow_up_keeps_the_subject_and_takes_the_new_version(analyze_q):
    _, follow = _conversation(analyze_q, "JETROの変更案で対日投資誘致成功件数の目標は何件？", "それは現行ではいくつ？")
    assert "対日投資誘致成功件数" in follow and "JETRO" in follow
    assert "現行" in follow and "変更案" not in follow
    assert analyze_q(follow).constraints.version == "現行"


def test_an_organization_follow_up_swaps_the_organization(analyze_q):
    _, follow = _conversation(analyze_q, "JETROの中期目標で職員の研修の目標は何回ですか？", "IPAは？")
    c = analyze_q(follow).constraints
    assert c.organizations == ("IPA",) and "研修" in follow and "中期目標" in follow


def test_a_new_attribute_keeps_the_organization_year_and_programme(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの令和6年度計画で情報処理技術者試験の応募者数の目標は？",
                              "では合格者数は？")
    c = analyze_q(follow).constraints
    assert c.organizations == ("IPA",) and 2024 in c.fiscal_years
    assert "合格者数" in follow and "情報処理技術者試験" in follow and "応募者数" not in follow


def test_a_new_attribute_is_asked_of_the_thing_the_previous_question_quoted(analyze_q):
    _, follow = _conversation(analyze_q, "「データ活用のための実践手引書」はどこと組んで作ったもの？",
                              "ダウンロード数はどれくらい？")
    assert "データ活用のための実践手引書" in follow and "ダウンロード数" in follow


def test_a_chain_of_follow_ups_keeps_its_subject(analyze_q):
    turns = _conversation(analyze_q, "NEDOの変更案で研究開発成果の実用化の目標は？", "変更前は？", "それはいつまでに？")
    assert analyze_q(turns[1]).constraints.version == "現行"
    assert "NEDO" in turns[2] and "現行" in turns[2] and analyze_q(turns[2]).answer_type == "date"


def test_a_demonstrative_noun_two_turns_back_stands_for_the_phrase_that_named_it(analyze_q):
    turns = _conversation(analyze_q, "NEDOの評価で、水素の利用拡大に関する技術ロードマップの公表時期は？",
                          "どんな分野を対象にしてる？", "そのロードマップは何を目標にしてる？")
    # The roadmap the first turn named, with what qualified it — not the second turn's 分野.
    assert "水素の利用拡大に関する技術ロードマップ" in turns[2] and "その" not in turns[2]

def test_a_named_phrase_is_not_cut_inside_a_bracket():
    from types import SimpleNamespace

    from assistant.dialogue import _phrase_naming
    said = [SimpleNamespace(question="NEDOの評価で、「水素ロードマップ」の公表時期は？")]
    assert _phrase_naming("ロードマップ", said) is None  # not 「「水素ロードマップ」 with a lone 「
    said.append(SimpleNamespace(question="水素の利用拡大に関する技術ロードマップの分野は？"))
    assert _phrase_naming("ロードマップ", said) == "水素の利用拡大に関する技術ロードマップ"


def test_a_measure_named_as_a_side_replaces_the_previous_measure(analyze_q):
    _, _, follow = _conversation(analyze_q, "JETROの中期目標で、海外展開支援の目標は？", "成約件数の目標は？",
                                 "相談件数のほうの目標は？")
    assert "相談件数の目標" in follow and "成約件数" not in follow and "ほう" not in follow


def test_a_measure_of_the_same_kind_is_asked_what_the_previous_measure_was_asked(analyze_q):
    # 業務経費 for 一般管理費 (both 費): the same question, not a bare 「…の業務経費は？」 that asks no longer how much
    # more efficient it is to be.
    _, follow = _conversation(analyze_q, "IPAの令和6年度計画で、一般管理費は、どのくらいの効率化を目指してる？",
                              "業務経費は？")
    assert "業務経費は、どのくらいの効率化を目指してる" in follow and "一般管理費" not in follow, follow


def test_a_plural_demonstrative_joins_the_previous_thing_once(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの年度計画で、脆弱性対策の指標は？", "それらの達成時期は？")
    assert "脆弱性対策の指標の達成時期" in follow and "それら" not in follow and "のの" not in follow


def test_a_pronoun_after_an_opening_aside_or_before_tte_stands_for_the_previous_thing(analyze_q):
    first = "IPAの令和6年度計画で、ITPEC試験について何をするとしている？"
    for follow_up in ("そもそもそれはどういう試験？", "それってどういう試験？", "ところで、それってどういう試験？"):
        _, follow = _conversation(analyze_q, first, follow_up)
        assert "ITPEC試験" in follow and "それ" not in follow and "そもそも" not in follow, follow
        assert "ITPEC試験のって" not in follow, follow


def test_the_same_part_of_a_document_is_the_one_an_earlier_turn_named(analyze_q):
    first = "経産省の「新機軸」資料のOS①（人材）で、「人材版伊藤レポート」は何を提言した？"
    _, _, follow = _conversation(analyze_q, first, "その後、どんな政策の進展があった？",
                                 "同じOSで触れている「未来人材ビジョン」は、いつ公表された？")
    assert "OS1(人材)で" in follow or "OS①（人材）で" in follow, follow
    assert "伊藤" not in follow and "未来人材ビジョン" in follow, follow
    # 「同じ目標で」 names no part by its number or name: the previous thing is carried as before
    _, follow = _conversation(analyze_q, "IPAのマナビDXのアクセス数の目標は？", "同じ目標で、令和5年度の実績は？")
    assert "マナビDX" in follow or "アクセス数" in follow, follow
    # 「同じ対照表で」 names the conversation's document, not a part of it an earlier turn named
    _, follow = _conversation(analyze_q, "NEDOの中長期目標の新旧対照表で、指標2-1の困難度が高い理由は？",
                              "同じ対照表で、JETROはスタートアップの海外展開成功件数を何件以上にする？")
    assert "NEDO" not in follow and "JETRO" in follow, follow


def test_what_a_which_question_picked_among_is_what_a_pronoun_after_it_stands_for(analyze_q):
    first = "IPAの令和6年度計画では、どの事業継続計画について周知や訓練を行うとしている？"
    assert analyze_q(first).topic == ("事業継続計画",)
    _, follow = _conversation(analyze_q, first, "それらをどう運用していく？")
    assert "事業継続計画をどう運用" in follow, follow
    # 「いつの試験」 asks when, not which exam: the previous thing stays what a pronoun stands for
    assert analyze_q("それはいつの試験から実施された？").topic != ("試験",)
    # 「第何回」: 第 is part of the figure asked, not what the question is about
    assert analyze_q("「ひろげよう情報モラル・セキュリティコンクール」は第何回だった？").topic \
        == ("ひろげよう情報モラル・セキュリティコンクール",)


def test_a_bare_reason_question_asks_about_the_previous_focus(analyze_q):
    _, follow = _conversation(analyze_q, "IPAのマナビDXのアクセス数の目標は？", "理由は？")
    assert "マナビDX" in follow or "アクセス数" in follow
    assert analyze_q(follow).answer_type == "reason"


def test_a_question_of_the_previous_focus_asks_it_by_the_name_the_previous_turn_quoted(analyze_q):
    # The focus 「対応」 ends the quoted name: what is asked next is asked of 経済的威圧への対応, not of any 対応.
    _, follow = _conversation(analyze_q, "JETROの中期目標変更案にある「経済的威圧への対応」は現行にもある項目？",
                              "何をすることになってる？")
    assert "経済的威圧への対応" in follow, follow


def test_a_fiscal_year_follow_up_replaces_the_year(analyze_q):
    _, follow = _conversation(analyze_q, "令和2年度のIPAの評価でセキュリティの評定は？", "令和6年度は？")
    assert analyze_q(follow).constraints.fiscal_years == (2024,) and "令和2年度" not in follow


def test_a_document_kind_is_carried_only_where_the_new_year_has_such_a_document(analyze_q):
    first = "IPAの令和6年度計画で、一般管理費の効率化目標は？"
    catalog = frozenset({("IPA", "年度計画", 2024), ("IPA", "年度評価", 2020)})
    follow = resolve_history([first, "令和2年度の実績は？"], analyze_q, NAMES, catalog)[1].question
    c = analyze_q(follow).constraints
    assert c.fiscal_years == (2020,) and c.doc_kinds == () and "計画" not in follow
    assert "一般管理費" in follow and "実績" in follow and "目標" not in follow  # the result, not the target
    # A plan for that year exists: the kind stays.
    with_plan = catalog | {("IPA", "年度計画", 2020)}
    follow = resolve_history([first, "令和2年度は？"], analyze_q, NAMES, with_plan)[1].question
    assert analyze_q(follow).constraints.doc_kinds == ("年度計画",)


def test_a_year_that_dated_the_previous_document_is_not_carried_into_a_multi_year_one(analyze_q):
    """「中期目標では？」 after a 令和6年度計画 question: the 中期目標 covers several years and is not asked of one."""
    first = "IPAの令和6年度計画で、未踏事業の修了生の成果の目標は？"
    catalog = frozenset({("IPA", "年度計画", 2024), ("IPA", "中期目標", None)})
    follow = resolve_history([first, "中期目標ではどうなってる？"], analyze_q, NAMES, catalog)[1].question
    c = analyze_q(follow).constraints
    assert c.doc_kinds == ("中期目標",) and c.fiscal_years == () and "令和6年度" not in follow, follow
    assert "未踏事業の修了生の成果" in follow and c.organizations == ("IPA",), follow
    # A kind dated by year keeps the year carried.
    dated = catalog | {("IPA", "中期目標", 2024)}
    follow = resolve_history([first, "中期目標ではどうなってる？"], analyze_q, NAMES, dated)[1].question
    assert analyze_q(follow).constraints.fiscal_years == (2024,), follow


def test_a_figures_year_is_not_carried_into_a_question_that_asks_no_figure(analyze_q):
    """「2021年は？」 asked of a figure in an undated document: the next turn's measures are not of 2021."""
    questions = ["新機軸のミッションで、希望出生率の長期目標は？", "2021年は？",
                 "そのための施策で、補助金審査の際に導入するのは？"]
    catalog = frozenset({("METI", "政策資料", None), ("IPA", "年度評価", 2020)})
    follow = resolve_history(questions, analyze_q, NAMES, catalog)[2].question
    assert analyze_q(follow).constraints.fiscal_years == () and "2021" not in follow, follow
    # A figure asked next is still that year's; and a year that dates a document is carried as before.
    follow = resolve_history([*questions[:2], "出生数は？"], analyze_q, NAMES, catalog)[2].question
    assert "2021" in follow, follow
    dated = ["IPAの令和2年度評価で、未踏事業の修了生は何名？", "その修了生はどんな活躍をした？"]
    follow = resolve_history(dated, analyze_q, NAMES, catalog)[1].question
    assert "令和2年度" in follow, follow
    # Nor is the year of a figure the previous turn asked into a question of that turn's thing (「アンケート」).
    headed = ["IPAの令和2年度評価で、IoT産業実態調査アンケートの回収数は？", "前年度の実績は？",
              "アンケートのほかにインタビュー調査もした？"]
    follow = resolve_history(headed, analyze_q, NAMES, catalog)[2].question
    assert "IoT産業実態調査アンケート" in follow and "令和元年度" not in follow, follow


def test_a_year_is_not_carried_into_a_question_about_now_nor_one_no_document_is_of(analyze_q):
    """「2022年の貿易収支は？」 asked of an undated policy paper: the year was the figure's, and 「今」 is now."""
    catalog = frozenset({("METI", "政策資料", None), ("IPA", "年度評価", 2020)})
    first = "経済産業政策「新機軸」のキーメッセージで、2022年の貿易収支についてはどう書かれてる？"
    for follow_up in ("経常収支は今どういう構造になってる？", "政府側の問題は何て表現してる？"):
        follow = resolve_history([first, follow_up], analyze_q, NAMES, catalog)[1].question
        assert analyze_q(follow).constraints.fiscal_years == () and "2022" not in follow, follow
    # A year that dates a document is carried into a question of its own, but not past 「現在」.
    dated = "IPAの令和2年度評価で、未踏事業の修了生は何名？"
    follow = resolve_history([dated, "登録セキスペの数は？"], analyze_q, NAMES, catalog)[1].question
    assert "令和2年度" in follow, follow
    follow = resolve_history([dated, "登録セキスペは現在何名？"], analyze_q, NAMES, catalog)[1].question
    assert "令和2年度" not in follow, follow


def test_a_bare_indicator_number_after_a_question_on_an_indicator_is_its_sibling():
    from assistant.dialogue import indicator_sibling

    asked = "JETROの中期目標の変更案で、指標４－１はどんな目標？"
    assert indicator_sibling("４－２のほうは誰が対象？", asked) == "指標４－２のほうは誰が対象？"
    assert indicator_sibling("3-1の目標値は？", asked) == "指標3-1の目標値は？"
    # Not a date, a figure or a label already said — nor after a question on no indicator.
    for question in ("令和2年4-5月は？", "指標３－１は？", "その2つの理由は？"):
        assert indicator_sibling(question, asked) == question
    assert indicator_sibling("４－２のほうは？", "JETROの目標は？") == "４－２のほうは？"


def test_a_version_is_not_carried_into_another_revisions_table(analyze_q):
    """現行 and 変更案 are the columns of one revision's 新旧対照表: naming another revision drops the carried one."""
    questions = ["JETROの中期目標で、スタートアップの海外展開成功件数の目標は？", "現行では？",
                 "令和7年改定の新旧対照表では？"]
    follow = resolve_history(questions, analyze_q, NAMES)[2].question
    c = analyze_q(follow).constraints
    assert c.revision and c.version is None and "現行" not in follow and "海外展開成功件数" in follow, follow
    # Naming the version with the revision keeps it.
    follow = resolve_history([*questions[:2], "令和7年改定の現行では？"], analyze_q, NAMES)[2].question
    assert analyze_q(follow).constraints.version == "現行", follow


def test_the_year_before_or_after_is_counted_from_the_previous_turns_year(analyze_q):
    first = "IPAの令和2年度の評価で、職員の研修受講者数はどうだった？"
    asked = (("その前の年度は？", "令和元年度"), ("前年度は？", "令和元年度"), ("翌年度の実績は？", "令和3年度"))
    for follow, year in asked:
        _, resolved = _conversation(analyze_q, first, follow)
        assert year in resolved and "令和2年度" not in resolved and "研修受講者数" in resolved
    # 「前年度比」 is a measure, not the year before.
    _, resolved = _conversation(analyze_q, first, "前年度比は？")
    assert "令和元年度" not in resolved
    # 「前年度の合計は？」 after 「…の内訳は？」: the total of the year before, not its breakdown.
    _, resolved = _conversation(analyze_q, "IPAの令和2年度の評価で、広報誌の新規登録者数の内訳は？", "前年度の合計は？")
    assert "令和元年度" in resolved and "合計" in resolved and "内訳" not in resolved, resolved
    # (a tally word inside a longer noun is no tally asked: 「平均年齢」 stays)
    _, resolved = _conversation(analyze_q, "IPAの令和2年度の評価で、受講者の平均年齢は？", "前年度の合計は？")
    assert "平均年齢" in resolved, resolved


def test_a_follow_up_that_only_names_a_document_asks_the_previous_question_of_it(analyze_q):
    first = "経産省の新旧対照表で、JETROの対日投資誘致成功件数の目標は変更案でいくつ？"
    _, follow = _conversation(analyze_q, first, "JETROの中期目標変更案（令和5年度補正を反映したほう）だと？")
    assert follow.startswith("JETROの中期目標変更案") and "経産省" not in follow  # the previous scope is replaced
    assert "対日投資誘致成功件数" in follow
    _, follow = _conversation(analyze_q, "JETROの中期目標の変更案で、対日投資誘致成功件数の目標はいくつ？",
                              "経産省の新旧対照表の変更案だとどうなってる？")
    assert "経産省の新旧対照表の変更案で、" in follow and "JETRO" in follow and "対日投資誘致成功件数" in follow
    # 「…のほうは？」: the document, without 「ほう」 (which is no word of it).
    _, follow = _conversation(analyze_q, "JETROの中期目標で、対日投資誘致成功件数の目標はいくつ？",
                              "NEDOの中長期目標のほうは？")
    assert follow.startswith("NEDOの中長期目標で、") and "ほう" not in follow
    # A question of its own under a document's name is left as it is.
    own = "経産省の資料では、スタートアップの支援件数の目標はどう？"
    assert _conversation(analyze_q, first, own)[1] == own
    # 「…のほうだと」 names another source for a question of its own: nothing of the previous scope is carried.
    other = "新機軸のほうだと対内直接投資の目標はどうなってる？"
    assert _conversation(analyze_q, "JETROの中期目標で、重点的に対象とする事業は何ですか？", other)[1] == other


def test_a_side_named_after_a_noun_is_a_side_of_the_thing_not_a_document(analyze_q):
    # 「…取組のほうは？」「…の指標のほうは？」 name another side of what was asked — not a document to ask it of.
    first = "政策資料の人材分野で、研修制度の拡充として挙げられているのは？"
    _, follow = _conversation(analyze_q, first, "処遇改善に向けた取組のほうは？")
    assert not follow.startswith("処遇改善に向けた取組で、") and "研修制度の拡充" not in follow, follow
    assert "処遇改善に向けた取組" in follow and "人材分野" in follow, follow


def test_an_item_asked_by_its_place_is_of_the_set_the_conversation_counted(analyze_q):
    # 「3つ目の柱は？」 counts in the set a turn counted or asked for (「…4つの柱は何？」), where it was asked — not
    # in a pillar a later turn named (「学び直しの柱」).
    *_, third = _conversation(analyze_q, "政策資料で、人材基盤を強化する4つの柱は何？", "学び直しの柱で掲げる目標は？",
                              "3つ目の柱は？")
    assert third.startswith("政策資料で、人材基盤を強化する") and "3つ目の柱" in third, third
    assert "学び直し" not in third, third
    _, way = _conversation(analyze_q, "政策資料で、人材基盤を強化する柱はいくつある？",
                           "その2つ目の柱はどういう考え方？")
    assert "人材基盤を強化する2つ目の柱" in way and "その" not in way, way


def test_a_place_asked_alone_is_in_the_set_a_turn_counted(analyze_q):
    # 「2つ目はどうなった？」 after 「その3テーマはそれぞれ何？」: the second テーマ, of the set where it was named.
    *_, second = _conversation(analyze_q, "IPAの評価書で、研究所が民間から募ったテーマはいくつ採択された？",
                               "その3テーマはそれぞれ何？", "2つ目はどうなった？")
    assert "2つ目のテーマ" in second and "研究所" in second and "その3" not in second, second
    # Not in a set of fewer (「2テーマ」 has no third), nor in a figure (「3件」).
    _, fewer = _conversation(analyze_q, "IPAの評価書で、採択した2テーマは何？", "3つ目はどうなった？")
    assert "テーマ" not in fewer.replace("2テーマ", ""), fewer
    _, figure = _conversation(analyze_q, "IPAの評価書で、採択は3件？", "3つ目はどうなった？")
    assert "3つ目の件" not in figure, figure
    # A numbered period or year is no set (「第5期中長期目標の5つの柱」: the 柱).
    _, pillar = _conversation(analyze_q, "IPAの第5期中長期目標の5つの柱は？", "3つ目は？")
    assert "3つ目の柱" in pillar and "期中長期目標は" not in pillar, pillar


def test_that_target_in_another_document_is_the_previous_measure_of_the_thing_it_was_asked_of(analyze_q):
    # 「その目標」 is the measure's target with what the previous turn said it was of (「人材育成では、修了者数の」) —
    # said once, and not the column the previous turn compared (「変更案と現行でどう違う」).
    _, of = _conversation(analyze_q, "IPAの人材育成では、修了者数の目標はどうなってる？",
                          "令和7年の新旧対照表の変更案だと、その目標は？")
    assert "人材育成の修了者数の目標" in of and "目標の目標" not in of, of
    _, compared = _conversation(analyze_q, "IPAの受講者数の目標は、変更案と現行でどう違う？",
                                "令和6年度計画だと、その目標はいくつ？")
    assert "受講者数の目標" in compared and "現行の目標" not in compared, compared


def test_why_after_a_side_asks_why_of_that_side(analyze_q):
    # 「人件費のほうはどう抑えた？」 was about 人件費: 「なぜ？」 asks why of it, not of 「ほう」.
    *_, why = _conversation(analyze_q, "JETROの年度評価で、事業費の執行はどう管理した？", "人件費のほうはどう抑えた？",
                            "なぜ？")
    assert "人件費" in why and "ほうはなぜ" not in why, why


def test_a_kind_of_document_asked_without_its_organization_is_the_conversations(analyze_q):
    catalog = frozenset({("JETRO", "中期目標", None), ("IPA", "年度計画", 2024)})
    questions = ["JETROの中期目標変更案で、指標３－１は何の目標？", "前の中期目標では何を指標にしてたの？"]
    assert resolve_history(questions, analyze_q, NAMES, catalog)[1].question.startswith("JETROの")
    # Not when the conversation's organization has no document of that kind.
    ipa = ["IPAの令和6年度計画で、試験の応募者数の目標は？", "中期目標では何を指標にしてたの？"]
    assert not resolve_history(ipa, analyze_q, NAMES, catalog)[1].question.startswith("IPAの")
    # A year alike: the organization's document of that year, not a figure's year no document is of.
    dated = catalog | {("IPA", "年度評価", 2020)}
    year = [ipa[0], "令和2年度の時点では、基盤の刷新に向けて何を始めていた？"]
    assert resolve_history(year, analyze_q, NAMES, dated)[1].question.startswith("IPAの令和2年度")
    figure = [ipa[0], "2022年の貿易収支は黒字だった？"]
    assert not resolve_history(figure, analyze_q, NAMES, dated)[1].question.startswith("IPA")


def test_another_column_drops_the_date_written_for_the_column_before(analyze_q):
    _, follow = _conversation(analyze_q, "JETROの新旧対照表で、現行（令和5年3月）だと海外拠点はいくつ？",
                              "変更案では？")
    assert "変更案" in follow and "令和5年3月" not in follow and "現行" not in follow, follow


def test_another_organization_is_asked_of_its_own_name_for_the_same_plan(analyze_q):
    # NEDO's multi-year objectives are its 中長期目標, IPA's its 中期目標: one kind of plan under two names.
    catalog = frozenset({("NEDO", "中長期目標", None), ("IPA", "中期目標", None)})
    questions = ["NEDOの中長期目標の主務省は？", "IPAのほうは？"]
    follow = resolve_history(questions, analyze_q, NAMES, catalog)[1].question
    assert "IPAの中期目標" in follow and "中長期目標" not in follow, follow
    # Without IPA's 中期目標 indexed, the kind is dropped, not swapped.
    only_nedo = frozenset({("NEDO", "中長期目標", None), ("IPA", "年度計画", 2024)})
    follow = resolve_history(questions, analyze_q, NAMES, only_nedo)[1].question
    assert "IPA" in follow and "目標の主務省" not in follow, follow


def test_a_version_made_for_someone_qualifies_the_quoted_thing(analyze_q):
    # 「学校向けのほうは？」 after a question on 「テレワーク支援ツール」: that tool's version for schools.
    _, follow = _conversation(analyze_q, "IPAの年度評価で、「テレワーク支援ツール」の利用者数は？",
                              "学校向けのほうは？")
    assert "学校向けの「テレワーク支援ツール」" in follow and "ほう" not in follow, follow


def test_that_figure_is_the_figure_the_previous_turn_asked(analyze_q):
    # 「その数字の内訳は？」: the breakdown of 「…支援件数の目標」, not of a thing called 「数字」.
    _, follow = _conversation(analyze_q, "JETROの中期目標で、スタートアップに対する海外展開支援件数の目標は？",
                              "その数字の内訳は？")
    assert "海外展開支援件数の目標の内訳" in follow and "数字" not in follow, follow


def test_conversely_opens_a_follow_up_about_the_same_thing(analyze_q):
    # 「逆に課題は？」 after a question on what was praised in 財務: the 課題 of that, not a question of its own.
    *_, follow = _conversation(analyze_q, "IPAの年度評価で、「財務内容の改善」はどう評価された？",
                               "逆に課題として指摘されたことは？")
    assert "財務内容の改善" in follow and "逆に" not in follow, follow


def test_there_stands_for_the_previous_thing_as_an_occasion(analyze_q):
    # 「そこで…」 after a turn about a meeting: at that meeting.
    *_, follow = _conversation(analyze_q, "IPAの年度評価で、有識者を集めた設計の検討会はいつ開いた？",
                               "そこで機構は何を示した？")
    assert "検討会で機構は何を示した" in follow and "そこ" not in follow, follow


def test_this_with_an_organizations_document_is_that_document(analyze_q):
    # 「このNEDOの中長期目標の…」 points at the document it names, not at the previous turn's thing.
    *_, third = _conversation(analyze_q, "新旧対照表で、NEDOに追加された業務は？", "変更案だと支援対象はどう変わる？",
                              "このNEDOの中長期目標の主務省は？")
    assert "NEDOの中長期目標の主務省" in third and "支援対象" not in third and "この" not in third, third


def test_it_stands_for_the_term_the_previous_question_quoted(analyze_q):
    _, follow = _conversation(analyze_q, "新機軸で出てくる「SX銘柄」とは何ですか？いつ頃選定されますか？",
                              "それは何に使われるの？")
    assert follow.startswith("SX銘柄") and "選定は" not in follow


def test_a_demonstrative_for_a_measure_keeps_what_it_counts_and_the_organization(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの年度評価で、自己診断の実施組織数はどれくらいだった？",
                              "第五期の中期目標だと、その目標はどうなってる？")
    assert "自己診断の実施組織数の目標" in follow and follow.startswith("IPA")


def test_a_demonstrative_stands_for_the_last_turn_that_named_its_noun(analyze_q):
    *_, follow = _conversation(analyze_q, "IPAの令和2年度評価に出てくる「Reスキル講座」って、正式には何の制度？",
                               "IPAはそこでどのくらい審査を支援したの？",
                               "令和6年度計画ではこの制度について何をすることになってる？")
    assert "Reスキル講座の制度" in follow  # the first turn's 制度, not the second turn's 審査


def test_a_question_of_another_side_keeps_where_the_previous_was_asked_not_its_other_words(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの令和2年度年度評価で、予算の執行状況と執行見込額はどのくらいの頻度で"
                              "役員会に報告していた？", "運営費交付金のほうはどう管理した？")
    assert follow.startswith("IPAの令和2年度年度評価で、運営費交付金") and "執行状況" not in follow
    # (a sibling joined with 「や」 as well)
    _, follow = _conversation(analyze_q, "IPAの令和2年度年度評価で、全国大会では修了生から講師やチューターを何名"
                              "登用した？", "地方大会のほうはどうだった？")
    assert follow.startswith("IPAの令和2年度年度評価で、") and "地方大会" in follow and "講師" not in follow, follow


def test_the_period_before_is_counted_from_the_previous_turns_period(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの年度評価で、第4期の受講者は何人だった？", "その前の期は？")
    assert "第3期の受講者" in follow and "第4期" not in follow


def test_one_period_before_asking_its_own_figure_is_the_previous_question_of_that_period(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの研修プログラム第4期では、受講者を何名受け入れた？",
                              "一つ前の期は何名だった？")
    assert "第3期" in follow and "研修プログラム" in follow and "第4期" not in follow


def test_this_document_stands_for_the_conversations_document_not_its_topic(analyze_q):
    _, follow = _conversation(analyze_q, "JETROの中期目標で、海外事務所の拠点数は？",
                              "この中期目標はいつ定められたもの？")
    assert follow.startswith("JETROの中期目標") and "拠点" not in follow and "いつ定められた" in follow
    # An attribute of the document itself likewise (「この中期目標の主務省」).
    _, follow = _conversation(analyze_q, "JETROの中期目標で、海外事務所の拠点数は？", "この中期目標の主務省ってどこ？")
    assert follow.startswith("JETROの中期目標の主務省") and "拠点" not in follow
    # With a year of its own, it is the previous question of that year.
    _, follow = _conversation(analyze_q, "JETROの令和4年度の中期目標で、海外事務所の拠点数は？",
                              "この中期目標で、令和5年度は？")
    assert "令和5年度" in follow and "拠点数" in follow


def test_a_calendar_year_is_carried_as_the_user_wrote_it(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの中期目標で、2030年の代表的企業の割合の目標は？", "2040年には？")
    assert "2040年" in follow and "令和" not in follow and "2030年" not in follow


def test_a_comparison_with_the_year_before_is_not_a_question_about_that_year(analyze_q):
    first = "IPAの令和2年度評価で、情報処理技術者試験の活用割合は？"
    _, follow = _conversation(analyze_q, first, "前の年度と比べるとどう？")
    assert "令和元年度" not in follow


def test_a_new_thing_under_a_constraint_is_not_the_previous_question_again(analyze_q):
    first = "IPAの令和2年度評価で、地域DX推進ラボはどれくらい選定されてた？"
    _, follow = _conversation(analyze_q, first, "その年度のIPA全体の評定は？")
    assert "評定" in follow and "ラボ" not in follow
    _, same = _conversation(analyze_q, "IPAの令和6年度計画で、試験の応募者数の目標は？", "現行の数字は？")
    assert "応募者数" in same  # a figure word is no new thing


def test_an_organizations_part_in_the_previous_topic_is_not_the_previous_question_again(analyze_q):
    first = "JETROの中期目標の変更案で、対日直接投資について掲げられている政府目標は？"
    _, follow = _conversation(analyze_q, first, "JETROはどういう位置付け？")
    assert follow != first and "位置付け" in follow and "JETRO" in follow
    _, swapped = _conversation(analyze_q, "JETROの中期目標で職員の研修の役割は？", "IPAは？")
    assert "役割" in swapped and analyze_q(swapped).constraints.organizations == ("IPA",)


def test_a_year_no_longer_carried_leaves_no_dangling_particle():
    from assistant.dialogue import _without_years

    assert _without_years("JETROの令和6年度で、応募者数の目標は?", (2024,)) == "JETROで、応募者数の目標は?"
    assert _without_years("IPAの令和6年度の計画の目標は?", (2024,)) == "IPAの計画の目標は?"
    assert _without_years("令和2年度の実績と令和6年度の目標", (2024,)) == "令和2年度の実績と目標"
    # A year opening a phrase takes its particle with it.
    assert _without_years("令和元年度に未踏事業は?", (2019,)) == "未踏事業は?"
    assert _without_years("IPAで、令和元年度には何名?", (2019,)) == "IPAで、何名?"
    assert _without_years("令和6年度は、何名?", (2024,)) == "何名?"  # (and the comma after it)
    assert _without_years("令和6年度にはじめて実施した事業は?", (2024,)) == "はじめて実施した事業は?"


def test_a_clause_asked_of_a_part_of_the_previous_thing_is_its_own_question(analyze_q):
    # 「そのうち令和2年度に増えた分は？」 asks the increase within the previous thing, not the previous question of
    # another year; a bare year still asks the previous question again.
    _, follow = _conversation(analyze_q, "36道県でSECURITY ACTION制度に参加している中小企業数は？",
                              "そのうち令和2年度に増えた分は？")
    assert follow.startswith("36道県でSECURITY ACTION制度に参加している中小企業数のうち") and "増えた分" in follow
    _, follow = _conversation(analyze_q, "36道県でSECURITY ACTION制度に参加している中小企業数は？", "令和2年度は？")
    assert "令和2年度" in follow and "中小企業数は" in follow


def test_a_demonstrative_after_datto_stands_for_the_previous_thing(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの令和2年度評価で、DX推進指標の自己診断実施組織数は？",
                              "第五期の中期目標だとこの指標はどう設定されてる？")
    assert "自己診断実施組織数" in follow


def test_each_is_not_a_pronoun(analyze_q):
    # 「それぞれ」 (each) asks about every item of the previous answer; it does not stand for it.
    first = "新機軸で、社会基盤（OS）の組替えにはどんな分野がある？"
    _, follow = _conversation(analyze_q, first, "それぞれの目標の例は？")
    assert "それぞれ" in follow and "ぞれ" not in follow.replace("それぞれ", "")


def test_a_year_follow_up_replaces_every_mention_of_the_previous_year(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの令和2年度の評価によると、令和2年度の未踏事業では何名を育成した？",
                              "令和元年度は？")
    assert "令和2年度" not in follow and follow.count("令和元年度") == 2 and "未踏事業" in follow


def test_a_dropped_document_kind_does_not_leave_a_doubled_year(analyze_q):
    catalog = frozenset({("IPA", "年度評価", 2020)})
    follow = resolve_history(["IPAの令和2年度年度評価で、未踏事業の修了生は何名？", "令和元年度は？"], analyze_q,
                             NAMES, catalog)[1].question
    assert "年度年度" not in follow and "令和元年度" in follow and "未踏事業" in follow


def test_asking_for_detail_repeats_the_previous_question(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの令和6年度計画で、人流・物流に関するいくつの領域で仕様を整備する？",
                              "具体的には？")
    assert follow.startswith("具体的に、") and "人流・物流" in follow and "いくつの領域" in follow


def test_an_attribute_asked_without_a_thing_of_its_own_is_a_follow_up(analyze_q):
    assert is_follow_up("目標はどう設定されてた？", analyze_q("目標はどう設定されてた？"))
    assert is_follow_up("白書だけだと？", analyze_q("白書だけだと？"))  # a narrower thing than the previous one
    assert not is_follow_up("IPAの目標はどう設定されてた？", analyze_q("IPAの目標はどう設定されてた？"))
    _, follow = _conversation(analyze_q, "令和2年度、IPAの白書の普及件数は？", "目標はどう設定されてた？")
    assert "白書" in follow and "令和2年度" in follow


def test_a_bare_thing_takes_the_place_of_the_previous_thing(analyze_q):
    _, follow = _conversation(analyze_q, "新機軸のデジタル社会ミッションで、半導体の長期目標は？", "蓄電池は？")
    assert follow == "新機軸のデジタル社会ミッションで、蓄電池の長期目標は？"


def test_a_bare_attribute_is_asked_of_the_previous_thing(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの中期目標で、未踏事業の修了生の成果の目標は？", "内訳は？")
    assert follow == "IPAの中期目標で、未踏事業の修了生の成果の内訳は？"
    _, follow = _conversation(analyze_q, "JETROの中期目標で、スタートアップの支援件数は？", "成功件数は？")
    assert "成功件数" in follow and "支援件数" not in follow and "スタートアップ" in follow


def test_who_takes_part_is_asked_of_the_previous_exercise(analyze_q):
    # 「受講者」 names who takes part in the exercise asked about, not a new thing of its own.
    first = "IPAの令和2年度の評価で、「制御システム向け演習」はいつ実施された？"
    _, follow = _conversation(analyze_q, first, "受講者はどういう人たち？")
    assert "制御システム向け演習" in follow and "受講者" in follow, follow
    _, follow = _conversation(analyze_q, first, "参加者は何名？")
    assert "制御システム向け演習" in follow and "参加者" in follow, follow


def test_an_attribute_and_a_question_word_alone_ask_about_the_previous_thing(analyze_q):
    first = "IPAが令和2年度に出したブロックチェーンのリサーチ・レポートは、どんな技術を扱ってる？"
    _, follow = _conversation(analyze_q, first, "公開はいつ？")
    assert "ブロックチェーン" in follow and "リサーチ・レポート" in follow and "公開" in follow
    # A question with a scope of its own is not a follow-up.
    _, follow = _conversation(analyze_q, first, "JETROの予算はいくら？")
    assert "ブロックチェーン" not in follow


def test_a_sibling_label_alone_asks_the_same_question_of_it(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの指標で、達成率Ａ（50％）はどんな状態を指す？", "Ｂは？")
    assert follow.endswith("達成率Bはどんな状態を指す?") and "50" not in follow  # the old grade's note goes
    _, follow = _conversation(analyze_q, "NEDOの指標2-1の目標は？", "指標2-2は？")
    assert "指標2-2の目標" in follow and "2-1" not in follow
    # Two grades asked before: which one the new one replaces is not known.
    from assistant.dialogue import _sibling_in
    assert _sibling_in("IPAの指標で、達成率AとBの違いは?", "C") is None
    assert _sibling_in("IPAの指標で、達成率Aの状態は?", "C") == "IPAの指標で、達成率Cの状態は?"


def test_a_result_asked_again_of_a_plan_asks_what_the_plan_says(analyze_q):
    # A plan states what is to be done, not what was done: 実績 is not carried into it.
    _, follow = _conversation(analyze_q, "IPAの令和2年度の評価で、ISMAP自体の登録実績は？", "令和6年度計画だと？")
    assert "令和6年度計画" in follow and "ISMAP" in follow and "登録" in follow and "実績" not in follow
    # Another year's evaluation is asked for its result, as before.
    _, follow = _conversation(analyze_q, "IPAの令和2年度の評価で、ISMAP自体の登録実績は？", "令和元年度は？")
    assert "実績" in follow


def test_a_pronoun_stands_for_the_previous_topic(analyze_q):
    _, follow = _conversation(analyze_q, "JETROの中期目標で、農林水産物の輸出支援の目標は？",
                              "それが貢献する政府目標は？")
    assert "農林水産物の輸出支援の目標が貢献する政府目標は" in follow and "JETRO" in follow
    _, follow = _conversation(analyze_q, "IPAの令和2年度の評価で、一般管理費の削減率は？", "その年の業務運営の評定は？")
    assert "一般管理費" not in follow and "令和2年度" in follow and "業務運営の評定" in follow


def test_the_items_asked_of_a_thing_leave_that_thing_the_subject(analyze_q):
    # 「項目」 only says items are asked: after 「その中身として挙げられている項目は？」, the next question is still
    # about 「技術経営」, not about 「項目」.
    *_, follow = _conversation(analyze_q, "IPAの資料の「技術経営」で、企業に何を促すとしている？",
                               "その中身として挙げられている項目は？", "当面見据える目標は？")
    assert "技術経営" in follow and "項目" not in follow, follow


def test_this_thing_named_in_an_earlier_scope_is_that_scopes_thing(analyze_q):
    """「このミッション」 after a turn about 希望出生率 asked within 「…ミッション⑧（…）で、」: that mission, not the
    previous turn's 希望出生率."""
    questions = ["「新機軸」資料のミッション⑧（少子化対策に資する地域の包摂的成長）で、希望出生率はどう推移した？",
                 "その低下の最大の要因は？", "このミッションの長期目標は？"]
    follow = resolve_history(questions, analyze_q, NAMES)[2].question
    assert "少子化対策に資する地域の包摂的成長" in follow and "要因" not in follow and "この" not in follow, follow


def test_this_thing_named_in_an_earlier_scope_is_that_scope_up_to_its_comma(analyze_q):
    # The scope went on past the mission to the thing that turn asked of (「…で、PHRの業種横断的な」): only the
    # mission is meant.
    questions = ["新機軸のミッション④新しい健康社会で、PHRの業種横断的な団体はいつできた？",
                 "その団体の会員は？", "このミッションの長期目標で、医療機器の市場は2050年にどこまで？"]
    follow = resolve_history(questions, analyze_q, NAMES)[2].question
    assert "新しい健康社会で、ミッションの長期目標で" in follow and "業種横断的" not in follow, follow
    # (a comma inside the mission's bracket is not the one after it)
    questions[0] = "新機軸のミッション⑧（少子化対策、地域の成長）で、PHRの業種横断的な団体はいつできた？"
    follow = resolve_history(questions, analyze_q, NAMES)[2].question
    assert "(少子化対策、地域の成長)で、ミッションの長期目標で" in follow and "業種横断的" not in follow, follow


def test_an_edition_named_alone_is_of_the_thing_the_conversation_quoted(analyze_q):
    first = "IPAの令和2年度評価で、「データ連携のための実践ガイド」の第二版はいつ公開された？"
    _, follow = _conversation(analyze_q, first, "初版はいつ出たもの？")
    assert "「データ連携のための実践ガイド」の初版はいつ" in follow and "令和2年度" in follow
    _, follow = _conversation(analyze_q, "IPAの令和2年度評価で、「実践ガイド」のダウンロード数は？",
                              "その第二版はいつ公開された？")
    assert "「実践ガイド」の第二版はいつ" in follow and "その" not in follow
    # A quoted name that says the edition is that edition; one naming another edition is left to the other rules.
    named = "「モデル契約書 第二版」はいつ公開された？"
    _, follow = _conversation(analyze_q, named, "第二版ではどんな論点を見直した？")
    assert follow.startswith("「モデル契約書 第二版」ではどんな論点")
    _, follow = _conversation(analyze_q, named, "初版は？")
    assert "「モデル契約書 第二版」の初版" not in follow
    # Of two things quoted, which one's edition is not said.
    _, follow = _conversation(analyze_q, "「実践ガイド」と「手引書」の違いは？", "初版はいつ出た？")
    assert "の初版" not in follow


def test_it_after_asking_which_thing_of_a_kind_stands_for_the_thing_the_answer_named(analyze_q):
    questions = ["新機軸で、輸出未経験の企業を対象にしたプログラムは何？", "それはいつから実施されている？"]
    answers = ["⚫ 中小企業の稼ぐ力の向上：輸出未経験の企業を対象にした新規輸出支援プログラムの推進。[1]"]
    follow = resolve_history(questions, analyze_q, NAMES, answers=answers)[1].question
    assert "新規輸出支援プログラムはいつから" in follow and "それ" not in follow, follow
    # Not after a question asking an attribute (「…の目標は何？」), nor after an abstention, nor when the answer names
    # the kind no more than the question did.
    asked = ["DX認定制度の目標は何？", "それは達成できた？"]
    follow = resolve_history(asked, analyze_q, NAMES, answers=["令和6年度計画の数値目標として1,000社以上。[1]"])[1]
    assert "数値目標" not in follow.question, follow.question
    for said in (["資料に記載なし（…）"], ["輸出未経験の企業を対象にしたプログラムを推進。[1]"]):
        assert "新規輸出" not in resolve_history(questions, analyze_q, NAMES, answers=said)[1].question


def test_a_measure_of_the_same_head_is_asked_the_previous_question(analyze_q):
    # 受託経費 and 業務経費 are both 経費: the reason asked of one is asked of the other.
    _, follow = _conversation(analyze_q, "IPAの一般勘定で、業務経費が予算より少なくなった理由は？", "受託経費は？")
    assert follow == "IPAの一般勘定で、受託経費が予算より少なくなった理由は?"
    # A measure of another head (職員数) does not take 業務経費's place.
    _, follow = _conversation(analyze_q, "IPAの一般勘定で、業務経費が予算より少なくなった理由は？", "職員数は？")
    assert "業務経費" in follow and "職員数が予算" not in follow


def test_another_measure_after_an_indicator_named_by_its_label_takes_the_labels_place(analyze_q):
    # 「指標3-1」 named the 成功件数: the 支援社数 is another indicator's measure, asked the same question.
    _, follow = _conversation(analyze_q, "JETRO中期目標の変更案で、指標3-1（輸出・投資等の海外展開成功件数）の目標は？",
                              "支援社数の方は？")
    assert "支援社数の目標" in follow and "指標3-1" not in follow


def test_such_stands_for_the_previous_thing_as_a_whole(analyze_q):
    _, follow = _conversation(analyze_q, "IPAが関わってるアジア共通統一試験、令和2年度の応募者数はどうだった？",
                              "なんでそんなに減ったの？")
    assert "アジア共通統一試験の応募者数はなんでそんなに減った" in follow and "令和2年度" in follow


def test_a_bare_noun_stands_for_the_previous_thing_it_heads(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの「業界別サイバーレジリエンス強化演習」は何人参加したの？",
                              "どういう立場の人向けの演習なの？")
    assert "人向けの業界別サイバーレジリエンス強化演習なの" in follow and "IPA" in follow
    # An attribute is no such noun: the measures of any thing end in it.
    _, follow = _conversation(analyze_q, "JETROのスタートアップの海外展開成功件数の目標は？",
                              "成功件数って何を数えるの？")
    assert "海外展開成功件数って" not in follow


def test_a_sibling_item_replaces_the_thing_the_previous_turn_quoted(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの令和2年度の年度評価で、「業務運営の効率化」の評定ってどうだった？",
                              "財務内容の改善は？")
    assert follow == "IPAの令和2年度の年度評価で、「財務内容の改善」の評定ってどうだった?"
    # An attribute is asked of the quoted thing, not in its place.
    for attribute in ("達成率は？", "達成度は？"):
        _, follow = _conversation(analyze_q, "「マナビDX」のアクセス数の目標は？", attribute)
        assert "マナビDX" in follow and attribute[:3] in follow


def test_a_reason_asked_of_another_year_is_not_the_previous_question_again(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの中期目標で、試験の応募者数の目標は？", "なんで令和2年度は除くの？")
    assert "除く" in follow and "目標は" not in follow
    # A year alone still asks the previous question of that year.
    _, follow = _conversation(analyze_q, "IPAの令和6年度計画で、試験の応募者数の目標は？", "令和2年度は？")
    assert "応募者数" in follow and "令和2年度" in follow


def test_a_rewritten_question_keeps_the_users_own_question_to_fall_back_on(analyze_q):
    first, second, third = resolve_history(["DADCのSNSのフォロワー数は？", "そのアカウントっていつ作ったの？",
                                            "JETROは？"], analyze_q, NAMES)
    assert first.fallback is None  # nothing was rewritten
    assert "SNS" in second.question and second.fallback == "そのアカウントっていつ作ったの？"
    assert third.fallback is None  # 「JETROは？」 asks nothing of its own
    # In the conversation's organization and kind of document.
    _, second = resolve_history(["JETROの中期目標で、スタートアップの海外展開支援件数の目標は？", "成功件数は何件？"],
                                analyze_q, NAMES)
    assert "スタートアップ" in second.question and second.fallback == "JETROの中期目標で、成功件数は何件？"


def test_the_fallback_is_searched_only_when_what_the_rewrite_carried_is_missing(analyze_q):
    from assistant.chain import _for_carried

    asked = "そのアカウントっていつ作ったの？"
    assert _for_carried("quoted:SNS", asked, analyze_q(asked))  # 「SNS」 came from the conversation
    # The user's own word or place, missing from the passages the carried words led to (as its measure may be).
    assert _for_carried("quoted:アカウント", asked, analyze_q(asked))
    assert _for_carried("place:九州", "そのうち九州の講師は何人？", analyze_q("そのうち九州の講師は何人？"))
    # The thing asked is missing: the carried words are to blame only when that thing is theirs.
    assert not _for_carried("focus", asked, analyze_q(asked))  # nothing carried is to blame
    assert not _for_carried("focus", asked, analyze_q(asked), "アカウント")
    assert _for_carried("focus", asked, analyze_q(asked), "仕組み")
    assert not _for_carried("", asked, analyze_q(asked), "仕組み")  # no answer, for no reason the rewrite gave
    assert _for_carried("organization", asked, analyze_q(asked))
    assert not _for_carried("organization", "IPAのアカウントは？", analyze_q("IPAのアカウントは？"))


def test_an_own_question_keeps_the_conversations_documents_unless_it_names_one(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの中期目標で、主務省はどこですか？", "なぜデジタル庁が加わったの？")
    assert follow == "IPAの中期目標で、なぜデジタル庁が加わったの？"
    _, follow = _conversation(analyze_q, "JETROの中期目標で、経済的威圧への対応は？",
                              "新機軸の資料では経済的威圧にどう対応するとしてる？")
    assert follow == "新機軸の資料では経済的威圧にどう対応するとしてる？"
    # A kind dated by a year is that year's document: the year goes with it.
    _, follow = _conversation(analyze_q, "IPAの令和2年度評価で、地域事業出資業務勘定には運営費交付金が交付されている？",
                              "法人共通業務経理ではどう？")
    assert analyze_q(follow).constraints.fiscal_years == (2020,) and follow.endswith("法人共通業務経理ではどう？")


def test_which_kind_of_the_previous_thing_was_asked_does_not_restrict_a_new_thing(analyze_q):
    # 「国内の」 said which バイオ関連投資 was asked; the market asked next is not thereby the domestic one.
    _, follow = _conversation(analyze_q, "バイオものづくりの長期目標で、国内のバイオ関連投資はいくら？",
                              "市場規模の目標は？")
    assert "市場規模" in follow and "国内" not in follow and "バイオものづくり" in follow
    # Said as the scope of the conversation, it still restricts what is asked next.
    _, follow = _conversation(analyze_q, "国内では、バイオものづくりの長期目標でバイオ関連投資はいくら？",
                              "市場規模の目標は？")
    assert "国内" in follow


def test_the_whole_asked_after_a_part_alone_is_no_longer_the_part(analyze_q):
    first = "令和6年度計画でiパス単独の応募者数の目標はある？"
    _, follow = _conversation(analyze_q, first, "試験全体の応募者数の目標なら？")
    assert "試験全体" in follow and "単独" not in follow, follow
    _, follow = _conversation(analyze_q, first, "合格者数の目標は？")
    assert "iパス単独" in follow, follow  # another measure of the same part


def test_a_revision_named_as_an_amendment_asks_for_the_proposal(analyze_q):
    _, follow = _conversation(analyze_q, "JETROの中期目標の現行で、海外展開成功件数の目標は？",
                              "最新の改定案ではいくつ？")
    assert analyze_q(follow).constraints.version == "変更案" and "海外展開成功件数" in follow


def test_follow_up_detection(analyze_q):
    assert is_follow_up("それは現行では？", analyze_q("それは現行では？"))
    assert is_follow_up("IPAは？", analyze_q("IPAは？"))
    assert not is_follow_up("IPAの短期借入金の限度額はいくらですか", analyze_q("IPAの短期借入金の限度額はいくらですか"))
    first = analyze_q("JETROの対日投資誘致成功件数は？")
    assert resolve("IPAの短期借入金の限度額は？", analyze_q("IPAの短期借入金の限度額は？"), first).rewritten is False


def test_era_labels_and_constraint_words(analyze_q):
    assert [era_label(y) for y in (2019, 2024, 2018)] == ["令和元年度", "令和6年度", "平成30年度"]
    words = constraint_words(analyze_q("JETROの令和6年度の現行の目標は？").constraints)
    assert words == ["JETRO", "令和6年度", "現行"]


# ── kept chats ──────────────────────────────────────────────────────────
def _rec(question, turn="t1"):
    return {"id": turn, "question": question, "text": "答え[1]", "citations": [], "vote": None}


def test_chats_are_created_named_by_the_first_question_switched_renamed_and_deleted():
    store = chats.add_record(chats.EMPTY, _rec("JETROの目標は？", "a"))
    assert [c["title"] for c in store["chats"]] == ["JETROの目標は？"]
    first = store["active"]
    store = chats.new_chat(store)
    assert store["active"] != first and chats.records(store) == []
    assert chats.new_chat(store)["active"] == store["active"]  # an empty chat is reused
    store = chats.add_record(store, _rec("IPAは？", "b"))
    store = chats.rename(store, "  IPAの件  ")
    assert chats.active(store)["title"] == "IPAの件"
    store = chats.select(store, first)
    assert [r["id"] for r in chats.records(store)] == ["a"]
    store = chats.delete(store)
    assert [c["title"] for c in store["chats"]] == ["IPAの件"] and store["active"] == store["chats"][0]["id"]


def test_chat_functions_never_mutate_their_input_and_repair_damaged_values():
    store = chats.add_record(chats.EMPTY, _rec("Q", "a"))
    before = repr(store)
    chats.set_vote(store, "a", "up")
    chats.delete(store)
    assert repr(store) == before
    assert chats.normalized("garbage") == chats.EMPTY
    assert chats.normalized({"chats": [{"id": "x", "records": "bad"}, 3]})["chats"] == []


def test_a_vote_is_bound_to_the_answer_id_and_can_be_taken_back():
    store = chats.add_record(chats.add_record(chats.EMPTY, _rec("Q1", "a")), _rec("Q2", "b"))
    store = chats.set_vote(store, "a", "down")
    assert chats.find(store, "a")["vote"] == "down" and chats.find(store, "b")["vote"] is None
    assert chats.find(chats.set_vote(store, "a", None), "a")["vote"] is None


# ── 変更案/現行 diff ──────────────────────────────────────────────────────
def test_char_diff_marks_insertions_and_deletions_on_normalized_text():
    pieces = char_diff("対日投資誘致成功件数 ３７６件以上", "対日投資誘致成功件数 378件以上")
    assert "".join(p.text for p in pieces if p.op != "del") == "対日投資誘致成功件数378件以上"
    assert "".join(p.text for p in pieces if p.op != "ins") == "対日投資誘致成功件数376件以上"
    assert {p.op for p in pieces} == {"same", "ins", "del"}


def test_change_summary_names_the_figures_old_to_new():
    pairs = changed_figures("目標は376件以上、予算は10億円", "目標は378件以上、予算は10億円")
    assert pairs == [("376件以上", "378件以上")]
    assert "376件以上 → 378件以上" in change_summary("目標は376件以上", "目標は３７８件以上")
    assert change_summary("同じ文", "同じ 文").startswith("変更なし")
    assert "文言の変更" in change_summary("支援する。", "重点的に支援する。")


def test_a_changed_word_is_shown_whole_in_both_versions():
    old = "インフラの整備に向けて、デジタル社会実装基盤全国総合整備計画（仮称）を策定する。"
    new = "インフラの整備に向けて、デジタルライフライン全国総合整備計画を策定する。"
    first = changed_words(old, new)[0]
    assert first == ("デジタル社会実装基盤全国総合整備計画", "デジタルライフライン全国総合整備計画")
    assert changed_words("研修を実施する。", "研修を実施し、普及を図る。")[0][1].startswith("実施し")
    assert changed_words(old, old) == []
    # Two different sentences are not two versions of one.
    assert changed_words("支援件数を定める。", "成功率は2021年度の実績で約5%であった。") == []


def test_a_changed_figure_is_shown_with_its_whole_unit():
    # (the digit changes; the unit 「カ国」 mixes scripts, so growing by script alone stops at 「55カ」)
    old, new = "世界55カ国76拠点における情報網", "世界56カ国76拠点における情報網"
    assert changed_words(old, new) == [("55カ国", "56カ国")]
    assert changed_words("目標は376件以上とする", "目標は378件以上とする") == [("376件以上", "378件以上")]
    # Two changes inside one figure are one change.
    assert changed_words("合計12,345件を達成", "合計22,346件を達成") == [("合計12,345件", "合計22,346件")]


# ── rendering, copy and export ───────────────────────────────────────────
CITATION = {"marker": 1, "source": "a.txt", "title": "<b>文書</b>", "section": "1. 目標", "version": "変更案",
            "line_start": 3, "line_end": 4, "page": None, "chunk_id": "c1", "quote": "目標は378件以上とする。"}


def _record(**over):
    rec = {"id": "t1", "question": "目標は？", "text": "378件以上[1]\n変更案：目標は378件以上とする。[1]",
           "abstained": False, "mode": "extractive", "notices": [], "citations": [CITATION], "related": [],
           "filters": {}, "vote": None}
    rec.update(over)
    return rec


def test_the_answer_is_bold_first_cites_as_chips_and_carries_its_id():
    html = render_record(_record(), {"c1": "前文。目標は378件以上とする。<script>x</script>"})
    assert html.index("<strong>378件以上") < html.index("qa-quote")
    assert '<details class="qa-chip">' in html and "<mark>目標は378件以上とする。</mark>" in html
    assert "<script>" not in html and "<b>文書</b>" not in html
    assert turn_of(html) == "t1"


def test_a_version_pair_is_shown_as_a_diff_under_a_summary():
    current = {**CITATION, "marker": 2, "version": "現行", "quote": "目標は376件以上とする。"}
    html = render_record(_record(citations=[CITATION, current]), {})
    assert 'class="qa-diff"' in html and "376件以上 → 378件以上" in html
    assert "<del>6</del>" in html and "<ins>8</ins>" in html


def test_filters_used_are_shown_with_the_answer():
    html = render_record(_record(filters={"titles": ["文書A"]}), {})
    assert "絞り込み中" in html and "文書A" in html


def test_llm_markdown_is_rendered_without_links_images_or_html():
    html = sanitized_markdown("**30億円**です[1]。![x](http://h/e.png) [a](javascript:x) <img src=x onerror=1>")
    assert "<strong>30億円</strong>" in html and '<sup class="marker">&#91;1&#93;</sup>' in html
    assert "<img" not in html and "<a" not in html and "](" not in html  # Markdown syntax neutralized


def test_copy_and_export_are_markdown_with_citations_never_html():
    md = markdown_of(_record())
    assert md.startswith("378件以上[1]") and "> 目標は378件以上とする。" in md
    assert "a.txt 3–4行" in md and "<div" not in md
    doc = chat_markdown("会話", [_record(), _record(question="次は？", searched_as="JETROの次は？")])
    assert doc.startswith("# 会話") and "## Q2. 次は？" in doc and "『JETROの次は？』として検索" in doc


# ── uploads and the viewer ───────────────────────────────────────────────
def test_upload_names_cannot_leave_the_uploads_folder():
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("..\\..\\x.txt") == "x.txt"
    assert safe_name("a/b:c?.md") == "b_c_.md"
    assert safe_name("..") == ""


def test_upload_checks_type_size_and_names(tmp_path, small_workspace):
    ws = small_workspace
    ok = tmp_path / "note.txt"
    ok.write_text("新しい文書の目標は５件とする。", encoding="utf-8")
    name = ws.save_upload(ok, "../../note.txt")
    assert name == "note.txt" and (ws.settings.uploads_dir / "note.txt").is_file()
    assert not (tmp_path.parent / "note.txt").exists() or (tmp_path.parent / "note.txt") == ok
    bad = tmp_path / "x.exe"
    bad.write_bytes(b"MZ")
    from assistant.workspace import UploadError

    with pytest.raises(UploadError, match="対応していない形式"):
        ws.save_upload(bad, "x.exe")
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    with pytest.raises(UploadError, match="空のファイル"):
        ws.save_upload(empty, "empty.md")
    with pytest.raises(UploadError, match="UIで追加した文書だけ"):
        ws.remove_upload("plan.md")


def test_the_viewer_opens_at_the_cited_lines_with_the_quote_marked():
    lines = [Line(n, 0, 0, t) for n, t in enumerate(["前置き", "目標は", "378件以上とする。次の文", "後書き"], 1)]
    html = render_document(lines, "a.txt", 2, 3, "目標は378件以上とする。", context=1)
    assert 'id="qa-cited"' in html and html.count("qa-cited") == 3  # anchor + two cited lines
    assert "<mark>目標は</mark>" in html and "<mark>378件以上とする。</mark>次の文" in html
    assert "後書き" in html and "前置き" in html
    assert "1行省略" not in render_document(lines, "a.txt", 2, 3, "", context=1)
    assert "1行省略" in render_document(lines, "a.txt", 3, 3, "", context=1)
    assert mark_quote("<b>x</b>", "y") == "&lt;b&gt;x&lt;/b&gt;"


@pytest.fixture
def small_workspace(tmp_path, model_cache, embedder):
    from assistant.chain import Assistant
    from assistant.workspace import Workspace
    from index.search import Searcher
    from index.store import build

    from .conftest import small_corpus

    _, settings = small_corpus(tmp_path, model_cache,
                               {"plan.md": "# 計画\n\n## 1. 目標\n\n研修の回数は年１２回以上とする。\n"})
    build(settings, embedder=embedder)
    return Workspace(Assistant(settings, searcher=Searcher(settings, embedder=embedder)))


def test_an_uploaded_document_is_indexed_answered_and_removed(tmp_path, small_workspace):
    ws = small_workspace
    note = tmp_path / "upload.txt"
    note.write_text("新制度\n\n新制度の相談窓口の設置数は全国で４７か所とする。\n", encoding="utf-8")
    ws.save_upload(note, "upload.txt")
    report = ws.update_index()
    assert report.embedded >= 1 and report.reused >= 1  # only the new document was embedded
    assert any(d.source == "upload.txt" and d.uploaded for d in ws.documents())
    answer = ws.assistant.ask("新制度の相談窓口の設置数は何か所ですか")
    assert "47か所" in answer.text.replace("４７", "47") and answer.citations[0].source == "upload.txt"
    assert "<mark>" in ws.view("upload.txt", answer.citations[0].line_start, answer.citations[0].line_end,
                               answer.citations[0].quote)
    ws.remove_upload("upload.txt")
    ws.update_index(force=True)
    assert [d.source for d in ws.documents()] == ["plan.md"]
    assert "5文書" not in ws.status() and ws.status().startswith("1文書")


def test_uploads_folder_is_inside_the_data_directory(small_workspace):
    s = small_workspace.settings
    assert Path(s.uploads_dir).resolve().is_relative_to(s.path(s.data_dir))



def test_tell_me_more_after_a_count_asks_for_the_items_counted(analyze_q):
    _, follow = _conversation(analyze_q, "IPAの計画で、整備を行うのは人流・物流に関するいくつの領域？", "具体的には？")
    assert follow.endswith("人流・物流に関する領域を挙げて") and analyze_q(follow).answer_type == "list"
    # With a question of its own, it is asked of the previous turn's thing (quoted words unquoted).
    _, own = _conversation(analyze_q, "IPAの令和2年度評価で、「変革手引書」の第一版はいつ公開された？",
                           "具体的にはどこまでの内容？")
    assert "変革手引書の第一版は具体的にはどこまでの内容" in own


def test_how_a_question_is_asked_is_not_its_topic(analyze_q):
    assert analyze_q("NEDOの指標は具体的には何が評価されるの？").topic == ("NEDO", "指標")


def test_the_same_figure_in_another_form_is_asked_of_the_previous_thing(analyze_q):
    _, follow, then = _conversation(analyze_q, "JETROの中期目標で、輸出支援の定量的指標の目標は？",
                                    "年平均にするとどのくらい？", "それが貢献する政府目標は？")
    assert "輸出支援の定量的指標の目標を年平均にすると" in follow
    # What 「それ」 stands for is still the target, not 「年平均」 nor the document's 「目標」.
    assert "輸出支援の定量的指標の目標が貢献する政府目標" in then and "年平均" not in then


def test_another_things_attribute_is_asked_in_the_previous_scope(analyze_q):
    _, follow = _conversation(analyze_q, "JETROの高度外国人材の活躍推進で、就業機会の提供支援の目標人数は？",
                              "伴走型支援の目標は？")
    assert follow.startswith("JETROの高度外国人材の活躍推進で、伴走型支援の目標") and "就業機会" not in follow
    # A period is not another thing: 「第三期の実績は？」 is still asked as its own question.
    _, period = _conversation(analyze_q, "IPAで、試験の応募者数の目標は？", "第三期の実績は？")
    assert "第三期の実績" in period and "で、第三期の実績は" not in period


def test_the_same_question_of_another_side_is_asked_in_the_previous_scope(analyze_q):
    _, follow = _conversation(analyze_q, "新機軸の資料で、資源自律経済の確立が掲げる国内市場の目標規模は？",
                              "温室効果ガスの面ではどんな目標？")
    assert follow.startswith("新機軸の資料で、資源自律経済の確立が掲げる温室効果ガスの面では")
    # A measure of its own named after the side is its own question, not one of the previous scope.
    _, own = _conversation(analyze_q, "JETROの中期目標で、「海外市場で勝てる企業を育成する」にはどんな関連指標がある？",
                           "定量目標のほうで、海外展開支援社数の目標は？")
    assert "海外展開支援社数" in own and "で、定量目標のほうで" not in own, own


def test_set_phrases_and_later_mentions_are_left_alone(analyze_q):
    # 「その他」 is no demonstrative for the previous thing.
    _, other = _conversation(analyze_q, "JETROの中期目標で、対内直接投資の目標は？",
                             "NEDOの中長期目標ではその他の取組は？")
    assert "対内直接投資の他" not in other
    # A kind swap changes the document, not 「中期目標期間」 later in the question.
    _, swapped = _conversation(analyze_q, "JETROの中期目標では中期目標期間の支援件数の目標は？",
                               "NEDOの中長期目標ではどう？")
    assert "NEDOの中長期目標" in swapped and "中期目標期間" in swapped
    # 「もっと詳しく教えて」 repeats the previous question, asking for detail.
    _, more = _conversation(analyze_q, "IPAの令和6年度計画で、未踏事業の目標は？", "もっと詳しく教えて")
    assert more.startswith("具体的に、") and "未踏事業の目標" in more


def test_that_indicator_stands_for_the_indicator_the_previous_question_named_by_its_label(analyze_q):
    _, follow = _conversation(analyze_q, "JETROの中期目標で、農林水産物・食品輸出の指標2-1の困難度が高い理由は？",
                              "その指標の目標値は？")
    assert "農林水産物・食品輸出の指標2-1の目標値" in follow, follow
    # Without a label there is nothing to stand for but the previous thing.
    _, other = _conversation(analyze_q, "JETROの中期目標で、輸出支援の困難度が高い理由は？", "その指標の目標値は？")
    assert "指標2-1" not in other


def test_that_indicator_stands_for_the_indicator_an_earlier_turn_named_by_what_it_is_of(analyze_q):
    # 「その指標」 two turns after the question that named the indicator by what it is of (no label), not the
    # previous turn's focus (理由).
    first = "IPAの中期目標で、国の安全保障の確保への貢献に関する指標が重要度高とされる理由は？"
    *_, follow = _conversation(analyze_q, first, "困難度が高いとされる理由は？", "その指標はどうやって評価するの？")
    assert "安全保障の確保" in follow and "貢献" in follow and "理由" not in follow, follow
    assert follow.endswith("指標はどうやって評価するの?"), follow
    # Not past a turn that moved on to a thing of its own.
    *_, moved = _conversation(analyze_q, first, "JETROの中期目標で、輸出支援社数の目標は？", "その指標の実績は？")
    assert "安全保障" not in moved, moved
