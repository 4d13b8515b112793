"""The chain end to end on the bundled corpus: answers, citations, abstention, LLM verification."""

import io
import json

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.answer import ABSTAIN
from assistant.chain import Assistant
from assistant.cli import _batch
from index.text import compact

from .conftest import CORPUS


def _source_lines(source: str) -> list[str]:
    return (CORPUS / source).read_text(encoding="utf-8").splitlines()


def _quote_is_in_its_lines(c) -> bool:
    lines = _source_lines(c.source)[c.line_start - 1:c.line_end]
    return compact(c.quote) in compact("".join(lines)) or all(
        compact(part) in compact("".join(lines)) for part in c.quote.split("\n"))


# Paragraphs that answer nothing, so a synthetic document has more than the sections a test is about.
_FILLER = "・関係機関と連携し、年間を通して発信の体制を見直すとともに、利用者の声を踏まえた改善を継続する。\n" * 3


def _assistant_over(user_folder, embedder, name: str, text: str) -> Assistant:
    """An assistant over a user folder holding one document, ``name`` with ``text``, indexed."""
    from index.search import Searcher
    from index.store import build

    docs, settings = user_folder
    (docs / name).write_text(text, encoding="utf-8")
    build(settings, embedder=embedder)
    return Assistant(settings, searcher=Searcher(settings, embedder=embedder))


def _assistant_of_organizations(user_folder, embedder, files: dict[str, tuple[str, str]],
                                manifest_head: str = "") -> Assistant:
    """An assistant over a user folder of documents, name -> (organization, text), each document's organization
    given in the folder's manifest (after ``manifest_head``), indexed."""
    from index.search import Searcher
    from index.store import build

    docs, settings = user_folder
    manifest = docs / "manifest.yaml"
    manifest.write_text(manifest_head + "documents:\n" + "".join(f"  - file: {name}\n    organization: {organization}\n"
                                                                for name, (organization, _) in files.items()),
                        encoding="utf-8")
    for name, (_, text) in files.items():
        (docs / name).write_text(text, encoding="utf-8")
    settings = settings.model_copy(update={"corpus": settings.corpus.model_copy(update={"manifest": manifest})})
    build(settings, embedder=embedder)
    return Assistant(settings, searcher=Searcher(settings, embedder=embedder))


def test_extractive_answer_quotes_the_source_with_agreeing_markers(assistant):
    answer = assistant.ask("マナビDXのアクセス数の目標はいくつですか")
    assert not answer.abstained
    assert "30万件" in compact(answer.text)
    markers = sorted({int(m) for m in __import__("re").findall(r"\[(\d+)\]", answer.text)})
    assert markers == [c.marker for c in answer.citations] and markers[0] == 1
    for c in answer.citations:
        assert c.title and c.source and c.line_start <= c.line_end
        assert c.quote in answer.text
        assert _quote_is_in_its_lines(c), c


def _latest_revision_title(assistant, organization: str, figure: str) -> str:
    """The title of the newest revision (by detected revision year) holding ``figure``."""
    chunks = [c for c in assistant.searcher.chunks
              if c.organization == organization and c.revision_year and figure in compact(c.text)]
    return max(chunks, key=lambda c: c.revision_year).title


def test_table_answers_say_which_version_they_quote_from_the_latest_revision(assistant):
    # Two revisions of JETRO's 新旧対照表 are indexed; a question naming none is answered
    # from the latest (by point 3 of the answers issue), both columns of one table quoted.
    answer = assistant.ask("JETROの対日投資誘致成功件数の目標は変更案と現行でどう変わりましたか")
    assert "変更案：" in answer.text and "現行：" in answer.text
    amended = [c for c in answer.citations if c.version == "変更案"]
    current = [c for c in answer.citations if c.version == "現行"]
    assert amended and current
    a, b = amended[0], current[0]
    assert (a.source, a.title) == (b.source, b.title)
    assert a.title == _latest_revision_title(assistant, "JETRO", "対日投資誘致成功件数")
    numbers = __import__("re").compile(r"(\d+)件以上")
    new, old = numbers.search(compact(a.quote)).group(1), numbers.search(compact(b.quote)).group(1)
    assert new != old
    # The first line states the change itself, old -> new.
    first = compact(answer.text.splitlines()[0])
    assert first.index(old) < first.index("→") < first.index(new)


def test_the_other_column_of_a_paragraph_is_not_quoted_from_an_indicator_heading(assistant):
    # A paragraph on what a service is, in one column of a 新旧対照表, shares a few words with an indicator's
    # heading in the other column (「指標２－２：…」): that heading is another row, not the paragraph's counterpart.
    answer = assistant.ask("マナビＤＸとは")
    quotes = [line for line in answer.text.splitlines()[:3] if line.startswith(("変更案：", "現行："))]
    assert quotes and all("マナビＤＸ" in q for q in quotes), answer.text


def test_a_figure_from_the_latest_revision_names_the_other_revisions_figure(assistant):
    answer = assistant.ask("JETROの中期目標の変更案では、対日投資誘致成功件数の目標は何件ですか")
    first = answer.text.splitlines()[0]
    cited = {c.title for c in answer.citations}
    latest = _latest_revision_title(assistant, "JETRO", "対日投資誘致成功件数")
    assert answer.citations[0].title == latest and len(cited) == 2
    older = next(t for t in cited if t != latest)
    older_revision = next(c.revision for c in assistant.searcher.chunks if c.title == older and c.revision)
    # The first line gives the latest figure and says what the older revision gives.
    assert older_revision in first and "の版では" in first


def test_a_question_naming_two_revisions_is_answered_from_both(assistant):
    # Asked how a figure went from one revision to the next: one revision's change, and the other's figure noted.
    answer = assistant.ask("スタートアップの海外展開成功件数の目標は、"
                           "令和5年度補正から令和7年改定にかけてどう変わってきた？")
    first = answer.text.splitlines()[0]
    assert "令和5年度補正" in first and "令和7年" in first and "の版では" in first, answer.text
    assert len({c.title for c in answer.citations}) == 2, answer.text


def test_unanswerable_question_abstains_with_related_passages(assistant):
    answer = assistant.ask("JETROの職員数は何人ですか")
    assert answer.abstained and answer.text.startswith(ABSTAIN)
    assert answer.citations == []
    assert 0 < len(answer.related) <= 3


def test_a_result_asked_where_the_plan_gives_only_a_target_is_not_answered_with_the_target(assistant):
    # The 中期目標 sets a target for the period; it cannot report what was achieved in it.
    answer = assistant.ask("JETROの第六期中期目標期間中の対日投資誘致成功件数の実績は何件でしたか")
    assert answer.abstained and not answer.citations
    assert "実績の記載は見つかりませんでした" in answer.text and "目標" in answer.text  # says what is there


def test_a_quoted_term_the_documents_do_not_contain_is_not_answered_with_a_neighbour(assistant):
    # Every other word of the question is in the documents (割合, 目標, 上位, 評価, JETRO).
    answer = assistant.ask("JETROの「顧客満足指数」で上位評価を得た割合の目標は？")
    assert answer.abstained and "「顧客満足指数」についての記述は見つかりませんでした" in answer.text
    # A quoted term that is there (written with full-width letters) answers as before.
    assert not assistant.ask("IPAの「マナビDX」のアクセス数の目標は？").abstained


def test_when_and_where_asked_together_get_the_clause_with_the_date_on_the_first_line(assistant):
    first = assistant.ask("業界別サイバーレジリエンス強化演習はいつどこでやったの？").text.split("\n")[0]
    assert "11 月27 日" in first and "大阪" in first
    # When alone is answered by the date alone.
    first = assistant.ask("業界別サイバーレジリエンス強化演習はいつやったの？").text.split("\n")[0]
    assert "11 月27 日" in first and "大阪" not in first


def test_a_figure_said_of_a_sibling_does_not_answer_for_the_asked_one(assistant):
    # The documents give the year for 発電事業者; another 事業者 is not covered by it.
    answer = assistant.ask("石油事業者への有償オークションは何年度から導入されますか")
    assert answer.abstained and "「発電事業者」の記載はあります" in answer.text
    assert not assistant.ask("発電事業者への有償オークションは何年度から導入されますか").abstained


def test_empty_question_gets_a_prompt_and_no_search(assistant, monkeypatch):
    monkeypatch.setattr(assistant.searcher, "search", lambda *a, **k: pytest.fail("searched"))
    answer = assistant.ask("   ")
    assert "質問を入力してください" in answer.text and not answer.passages


def test_overlong_question_is_truncated_with_a_notice(assistant):
    answer = assistant.ask("IPAの短期借入金の限度額はいくらですか。" + "あ" * 3000)
    assert any("先頭の2000文字" in n for n in answer.notices)
    assert len(answer.question) == 2000


def test_an_english_question_gets_the_figure_or_an_honest_abstention(assistant):
    # English only: the extractive answerer matches Japanese words, so an English question
    # must either find the figure or say 資料に記載なし — never quote something unrelated.
    answer = assistant.ask("What is the upper limit of IPA's short-term borrowing?")
    assert "30億円" in compact(answer.text) or (answer.abstained and not answer.citations)


def test_stream_yields_passages_then_text_then_the_answer(assistant):
    events = list(assistant.stream("IPAの広報誌の名前は何ですか"))
    kinds = [e.kind for e in events]
    assert kinds[0] == "passages" and kinds[-1] == "answer" and "delta" in kinds
    streamed = "".join(e.text for e in events if e.kind == "delta")
    assert streamed == events[-1].answer.text


def _llm_assistant(assistant, model) -> Assistant:
    settings = assistant.settings.model_copy(
        update={"answer": assistant.settings.answer.model_copy(update={"mode": "llm"})})
    return Assistant(settings, searcher=assistant.searcher, chat_model=model)


QUESTION = "IPAの短期借入金の限度額はいくらですか"


def test_llm_answer_with_valid_citations_is_kept(assistant):
    qa = _llm_assistant(assistant, FakeListChatModel(responses=["短期借入金の限度額は30億円です[1]。"]))
    answer = qa.ask(QUESTION)
    assert answer.mode == "llm" and answer.text == "短期借入金の限度額は30億円です[1]。"
    assert [c.marker for c in answer.citations] == [1]
    assert answer.citations[0].chunk_id == answer.passages[0].chunk.chunk_id
    assert "３０億円" in answer.citations[0].quote or "30億円" in compact(answer.citations[0].quote)
    assert answer.unverified == [] and answer.notices == []


def test_llm_marker_to_a_missing_passage_is_removed_and_reported(assistant):
    qa = _llm_assistant(assistant, FakeListChatModel(responses=["限度額は30億円です[1][9]。"]))
    answer = qa.ask(QUESTION)
    assert "[9]" not in answer.text and [c.marker for c in answer.citations] == [1]
    assert any("[9]" in n for n in answer.notices)


def test_llm_invented_number_is_flagged(assistant):
    qa = _llm_assistant(assistant, FakeListChatModel(responses=["限度額は75億円です[1]。"]))
    answer = qa.ask(QUESTION)
    assert answer.unverified == ["75億円"]
    assert any("75億円" in n for n in answer.notices)


def test_llm_answer_without_citations_is_replaced_by_the_extractive_answer(assistant):
    qa = _llm_assistant(assistant, FakeListChatModel(responses=["たぶん30億円くらいです。"]))
    answer = qa.ask(QUESTION)
    assert answer.mode == "extractive" and answer.citations
    assert any("抽出回答に置き換えました" in n for n in answer.notices)


class _TimingOut(FakeListChatModel):
    def _call(self, *args, **kwargs):
        raise TimeoutError("the server did not answer in time")

    def _stream(self, *args, **kwargs):
        raise TimeoutError("the server did not answer in time")


def test_llm_timeout_falls_back_to_the_extractive_answer(assistant):
    qa = _llm_assistant(assistant, _TimingOut(responses=["unused"]))
    answer = qa.ask(QUESTION)
    assert answer.mode == "extractive" and "30億円" in compact(answer.text)
    assert any("TimeoutError" in n for n in answer.notices)
    streamed = list(qa.stream(QUESTION))
    assert streamed[-1].answer.mode == "extractive"


FIRST = "JETROの対日投資誘致成功件数の目標は何件ですか"


def test_llm_mode_condenses_a_follow_up_with_the_model(assistant):
    from assistant.dialogue import Turn

    standalone = "JETROの中期目標の現行で、対日投資誘致成功件数の目標は何件ですか"
    qa = _llm_assistant(assistant, FakeListChatModel(responses=[standalone, "376件以上です[1]。"]))
    answer = qa.ask("それは現行では？", history=[Turn(FIRST, "378件以上")])
    assert answer.searched_as == standalone and any(standalone in n for n in answer.notices)


def test_a_failing_condense_step_falls_back_to_the_rules(assistant):
    from assistant.dialogue import Turn

    qa = _llm_assistant(assistant, _TimingOut(responses=["unused"]))
    answer = qa.ask("それは現行では？", history=[Turn(FIRST, "378件以上")])
    assert answer.searched_as == assistant.resolve("それは現行では？", [Turn(FIRST)])
    assert "現行" in answer.searched_as and "対日投資誘致成功件数" in answer.searched_as


def test_a_follow_up_whose_carried_words_find_nothing_is_searched_as_the_user_asked_it(assistant):
    from assistant.dialogue import Turn

    # The question is rewritten with the previous turn's subject, which has no 限度額: the question as asked
    # finds it, and no notice claims the rewrite was searched.
    earlier = [Turn("「iPhone カレンダースパム」の閲覧数は？", "…")]
    answer = assistant.ask("短期借入金の限度額はいくら？", history=earlier)
    assert not answer.abstained and "30億円" in compact(answer.text)
    assert answer.searched_as is None and not any("iPhone" in n for n in answer.notices)


def test_llm_streaming_yields_tokens_and_a_verified_answer(assistant):
    qa = _llm_assistant(assistant, FakeListChatModel(responses=["限度額は30億円です[1]。"]))
    events = list(qa.stream(QUESTION))
    deltas = [e.text for e in events if e.kind == "delta"]
    assert len(deltas) > 1 and "".join(deltas) == "限度額は30億円です[1]。"
    assert events[-1].answer.citations[0].marker == 1


def test_llm_saying_not_in_the_documents_abstains(assistant):
    qa = _llm_assistant(assistant, FakeListChatModel(responses=["資料に記載なし"]))
    answer = qa.ask("JETROの職員数は何人ですか")
    assert answer.abstained and answer.related


def test_jsonl_batch_contract_and_bad_lines(assistant):
    stdin = io.StringIO(
        json.dumps({"id": "q1", "question": "IPAの広報誌の名前は何ですか"}, ensure_ascii=False) + "\n"
        + "this is not json\n"
        + json.dumps({"id": "q3", "question": "JETROの職員数は何人ですか"}, ensure_ascii=False) + "\n"
    )
    stdout = io.StringIO()
    code = _batch(assistant, stdin, stdout)
    rows = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert code == 3 and len(rows) == 3
    first, bad, third = rows
    assert set(first) >= {"id", "question", "answer", "abstained", "citations", "passages", "timings_ms"}
    assert first["id"] == "q1" and first["abstained"] is False
    assert set(first["timings_ms"]) >= {"retrieve", "answer", "total"}
    cite = first["citations"][0]
    assert set(cite) == {"marker", "source", "title", "section", "version", "line_start", "line_end", "page",
                         "chunk_id", "quote"}
    assert set(first["passages"][0]) >= {"rank", "score", "chunk_id", "source", "title", "section", "version",
                                         "line_start", "line_end", "text"}
    assert "error" in bad and bad["line"] == 2
    assert third["id"] == "q3" and third["abstained"] is True


def test_concurrent_questions_do_not_mix_answers(assistant):
    from concurrent.futures import ThreadPoolExecutor

    questions = {
        "IPAの短期借入金の限度額はいくらですか": "30億円",
        "マナビDXのアクセス数の目標はいくつですか": "30万件",
        "IPAの広報誌の名前は何ですか": "IPANEWS",
        "経団連は2027年度にどれだけの設備投資額を目標にしていますか": "115兆円",
    }
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(assistant.ask, list(questions) * 2))
    for answer in answers:
        assert answer.question in questions
        assert questions[answer.question] in compact(answer.text), (answer.question, answer.text)


def test_answers_from_a_users_own_files(user_folder, embedder):
    """Own documents (Markdown, a CP932 text file) get the same answers and exact citations."""
    from index.search import Searcher
    from index.store import build

    docs, settings = user_folder
    (docs / "plan.md").write_text(
        "# 令和7年度 事業計画\n\n## 1. 人材育成\n\n研修の受講者数を１，２００人以上とする。\n"
        "オンライン講座を年間４０回開催する。\n\n## 2. 予算\n\n事業予算は総額１５億円とする。\n",
        encoding="utf-8")
    (docs / "memo.txt").write_bytes("会議は毎月第2火曜日に開催する。\n議事録は1週間以内に公開する。\n".encode("cp932"))
    build(settings, embedder=embedder)
    qa = Assistant(settings, searcher=Searcher(settings, embedder=embedder))
    from .verbatim import verbatim_failures

    texts = {"plan.md": (docs / "plan.md").read_text(encoding="utf-8"),
             "memo.txt": (docs / "memo.txt").read_bytes().decode("cp932")}
    assert verbatim_failures(qa.searcher.chunks, texts) == []
    answer = qa.ask("事業予算の総額はいくらですか")
    assert "15億円" in compact(answer.text)
    cite = answer.citations[0]
    assert cite.source == "plan.md" and cite.section.endswith("2. 予算")
    line = (docs / "plan.md").read_text(encoding="utf-8").splitlines()[cite.line_start - 1]
    assert cite.quote in line
    memo = qa.ask("議事録はいつまでに公開しますか")
    assert memo.citations and memo.citations[0].source == "memo.txt" and "1週間以内" in memo.text


def test_two_figures_asked_together_are_found_in_sentences_apart(user_folder, embedder):
    """「何人を採択し、何件が起業」: the second figure three sentences on, under the same heading, answers too;
    a figure of another thing nearer by (「4 回」) does not."""
    from index.search import Searcher
    from index.store import build

    docs, settings = user_folder
    (docs / "report.md").write_text(
        "# 令和6年度 業務実績\n\n## 1. 若手育成事業\n\n"
        "令和6年度の若手育成事業では、意欲のある 30 名を新たに採択。\n"
        "オンラインでの全体会議を 4 回実施。\n専門家による助言を強化した。\n"
        "さらに、支援の結果、採択後に 5 件が起業した。\n\n"
        "## 2. 予算\n\n事業予算は総額１５億円とする。\n", encoding="utf-8")
    build(settings, embedder=embedder)
    # One quote only: the second figure's sentence is not among the close-scoring quotes, it is looked for.
    settings = settings.model_copy(update={"answer": settings.answer.model_copy(update={"max_quotes": 1})})
    qa = Assistant(settings, searcher=Searcher(settings, embedder=embedder))
    answer = qa.ask("令和6年度の若手育成事業では何人を採択し、採択後に何件が起業しましたか？")
    first = compact(answer.text.splitlines()[0])
    assert "30名" in first and "5件" in first and "4回" not in first, answer.text
    assert sorted(c.line_start for c in answer.citations) == [5, 8]


def test_the_make_up_of_a_said_figure_is_the_sum_written_after_it(user_folder, embedder):
    qa = _assistant_over(user_folder, embedder, "plan.md", (
        "# 中期目標\n\n## 1. 支援\n\n前期の支援件数は年平均300件であった。\n"
        "本期は支援件数を 2,100件（2,000件＋補正見込件数100件）以上とする。\n"
        "成功件数は 90件以上とする。\n"))
    first = compact(qa.ask("支援件数2,100件の内訳は？").text.splitlines()[0])
    assert "2,000件" in first and "100件" in first and "300件" not in first, first


def test_a_figure_the_document_states_elsewhere_for_both_sides_is_not_one_side_s(user_folder, embedder):
    # A summary slide states the figure bare; the body says it is for home and abroad together.
    summary = "## 概要\n\nバイオものづくり革命の実現：2030年時点で総額92兆円の市場規模\n\n"
    body = "## 施策\n\n- 素材の分野は、国内外で92 兆円と見込まれる。\n"
    asked = "国内のバイオものづくり革命の市場規模は2030年にいくら？"
    qa = _assistant_over(user_folder, embedder, "axis.md", "# 新機軸\n\n" + summary + body)
    answer = qa.ask(asked)
    assert answer.abstained and "国内" in answer.text.splitlines()[0]
    answer = qa.ask("バイオものづくり革命の市場規模は2030年にいくら？")
    assert not answer.abstained and "92兆円" in compact(answer.text.splitlines()[0])
    # Where nothing says whose figure it is, the bare figure still answers.
    qa = _assistant_over(user_folder, embedder, "axis.md", "# 新機軸\n\n" + summary
                         + "## 施策\n\n- 素材の分野は、92 兆円と見込まれる。\n")
    assert not qa.ask(asked).abstained


def test_a_list_asked_of_a_numbered_period_is_not_answered_by_a_sentence_about_another(user_folder, embedder):
    # The history names the earlier periods' pillars; the plan names the asked period's.
    qa = _assistant_over(user_folder, embedder, "plan.md", (
        "# 中期目標\n\n## 沿革\n\n"
        "機構はこれまで、中期目標期間ごとに、対日投資の促進、輸出の促進、海外展開の支援等の取組を事業の柱とし、"
        "第五期中期目標期間では新たにスタートアップ支援の取組を事業の柱に加えた。\n\n"
        "## 今期の方針\n\n"
        "第６期中期目標期間においては、（１）エコシステムの形成、（２）世界市場展開の促進、（３）日本企業の海外展開支援の"
        "3つの取組を事業の柱とする。\n"))
    first = qa.ask("機構が第6期中期目標期間に事業の柱としている取組は？").text.splitlines()[0]
    assert "エコシステム" in first and "対日投資" not in first, first
    first = qa.ask("機構が第5期中期目標までに柱としてきた取組は？").text.splitlines()[0]
    assert "対日投資" in first, first


def test_which_city_or_country_is_answered_only_by_a_sentence_that_names_a_place(user_folder, embedder):
    qa = _assistant_over(user_folder, embedder, "plan.md", (
        "# 年度計画\n\n## 働き方\n\n- デジタルツールの選定及びサテライトオフィスにおける実地検証を実施する。\n\n"
        "## 拠点\n\n- 起業家育成拠点を大阪に開設する。\n"))
    answer = qa.ask("実地検証を行うサテライトオフィスはどの都市にある？")
    assert answer.abstained and "地名" in answer.text.splitlines()[0], answer.text
    answer = qa.ask("起業家育成拠点はどの都市に開設する？")
    assert not answer.abstained and "大阪" in answer.text.splitlines()[0], answer.text


def test_a_later_sub_item_is_about_what_its_first_sub_item_names(user_folder, embedder):
    """「②-2 …役立ち度…」 does not repeat the 「ICT」 of 「②-1 ICT に関する指針…」 two chunks before it."""
    details = "".join(f"- 公開した主なコンテンツ{n}の普及件数は、前年度と比べて{n},500 件の増加となった。\n"
                      for n in range(1, 13))

    def report(subject: str) -> str:
        return ("# 年度評価\n\n## 実績\n\n"
                f"②-1 {subject} に関する指針やガイドラインの普及件数について、1,237,169 件を達成。\n" + details
                + "②-2 指針やガイドラインに対する役立ち度について上位 2 つの回答割合 91.5% を達成。\n")

    asked = "ICTの指針・ガイドラインの役立ち度、上位2つの回答割合は？"
    answer = _assistant_over(user_folder, embedder, "report.md", report("ICT")).ask(asked)
    assert not answer.abstained and "91.5%" in answer.text.splitlines()[0], answer.text
    # Of another subject, it is not about the asked one.
    assert _assistant_over(user_folder, embedder, "report.md", report("OSS")).ask(asked).abstained


def test_the_make_up_of_a_figure_not_said_is_found_where_the_document_states_it(user_folder, embedder):
    qa = _assistant_over(user_folder, embedder, "report.md", (
        "# 年度評価\n\n## 普及\n\n- ガイド等の累計普及数について 1,200 件を達成。\n- 役立ち度は 92% を達成。\n\n"
        "（実績の詳細）\n\n- 安全対策ガイド\n\n500 件\n\n- 中小企業向けガイドライン\n\n（別途記載）\n\n600 件\n\n"
        "- プラクティス集 100 件\n\n## 人件費\n\n令和６年度には３，０００百万円（基盤１，０００百万円、"
        "人材２，０００百万円）を支出する。\n"))
    first = compact(qa.ask("ガイド等の累計普及数の内訳は？").text.splitlines()[0])
    # The figures after it that add up to it, each with the item that names it.
    assert all(x in first for x in ("1,200件", "安全対策ガイド500件", "中小企業向けガイドライン600件",
                                    "プラクティス集100件")), first
    assert "92%" not in first
    first = compact(qa.ask("令和６年度の人件費はどんな内訳？").text.splitlines()[0])
    assert "基盤1,000百万円" in first and "人材2,000百万円" in first, first


def test_each_part_of_a_figure_is_named_by_the_words_after_the_part_before_it(user_folder, embedder):
    # Several parts on one line: each is labelled by its own words, not the line up to it.
    qa = _assistant_over(user_folder, embedder, "report.md", (
        "# 年度評価\n\n## 地方大会\n\n- 地方大会の講師として、修了生から 6 名を登用。\n\n"
        "北海道：講師 1 名、東北：講師 2 名、関東：講師 3 名\n\n## 予算\n\n- 予算は 900 百万円であった。\n"))
    first = compact(qa.ask("地方大会の講師6名の内訳は？").text.splitlines()[0])
    assert "北海道:講師1名" in first and "東北:講師2名" in first and "関東:講師3名" in first, first  # (NFKC)
    assert first.count("北海道") == 1 and first.count("東北") == 1, first


def test_a_change_asked_of_the_latest_revision_notes_the_other_revisions_own_change(assistant):
    import re

    from assistant.values import values_in

    answer = assistant.ask("JETROの中期目標の変更案で、対日投資誘致成功件数の目標は現行からどう変わった？")
    first = answer.text.splitlines()[0]
    note = re.search(r"の版では([^）→]+) → ([^）]+)）", first)
    assert note, first  # the other revision's 現行 -> 変更案, not one figure of it
    old, new = note.groups()
    assert values_in(old) and values_in(new) and compact(old) != compact(new)
    assert len({c.title for c in answer.citations}) == 2  # each revision quoted from its own document


def test_a_definition_is_given_whole_on_the_first_line(user_folder, embedder):
    from index.search import Searcher
    from index.store import build

    docs, settings = user_folder
    definition = ("地域連携拠点とは、自治体、地元の大学、商工会議所及び中小企業支援機関が共同で運営し、"
                  "地域の企業からの経営や技術に関する相談を一か所で受け付けて適切な専門家につなぐ窓口であって、"
                  "年間を通じて開設されているものをいう。")
    said = definition[definition.index("、") + 1:]
    assert settings.answer.direct_max_chars < len(said) <= settings.answer.quote_max_chars
    (docs / "plan.md").write_text(f"# 事業計画\n\n## 1. 用語\n\n{definition}\n\n## 2. 予算\n\n予算は１５億円とする。\n",
                                  encoding="utf-8")
    build(settings, embedder=embedder)
    qa = Assistant(settings, searcher=Searcher(settings, embedder=embedder))
    first = qa.ask("地域連携拠点とは何ですか").text.splitlines()[0]
    assert "年間を通じて開設されているもの" in first, first


def test_what_became_of_an_item_is_read_from_the_text_under_it(user_folder, embedder):
    """An item that only names a project (no sentence end) is quoted together with the text under it."""
    qa = _assistant_over(user_folder, embedder, "report.md", (
        "# 業務実績\n\n## 1. 検討案件\n\n"
        "1）家庭の機器から得られるデータを使った健康管理サービスを実現するアーキテクチャの検討\n"
        "※感染症の影響で提案者の活動が難しくなったため、双方で協議の上、中止。\n"
        "2）物流拠点の自動化に向けたアーキテクチャの検討\n"
        "実証計画を策定し、関係者との調整を開始した。\n"))
    answer = qa.ask("家庭の機器のデータを使う健康管理サービスのアーキテクチャ検討はどうなった？")
    assert "中止" in answer.text, answer.text
    cited = answer.citations[0]
    assert cited.line_start == 5 and cited.line_end == 6  # the item and its text, one quote


def test_a_comparison_of_two_revisions_quotes_each_revision_from_its_own_document(assistant):
    # Each part of the question names one revision: the older one by its 補正, the other as the latest.
    answer = assistant.ask("JETROの対日投資誘致成功件数の目標は、令和5年度補正の変更案と最新の変更案でそれぞれ何件？")
    revisions = {c.revision_year for c in assistant.searcher.chunks if c.organization == "JETRO" and c.revision_year}
    cited = {next(c.revision_year for c in assistant.searcher.chunks if c.title == t)
             for t in {c.title for c in answer.citations}}
    assert len(revisions) == 2 and cited == revisions
    first = answer.text.splitlines()[0]
    assert first.count("JETROの中期目標") == 2 and "／" in first  # one answer per revision, on the first line


def test_a_figure_of_another_thing_does_not_answer_for_the_thing_asked(assistant):
    # PBR has a 2030 target; PER is named in the same passages but has none.
    named = assistant.ask("日本の代表的企業のPBRを2030年にどの水準にする目標ですか")
    assert not named.abstained and "8割" in compact(named.text.splitlines()[0])
    other = assistant.ask("日本の代表的企業のPERを2030年にどの水準にする目標ですか")
    assert other.abstained and "「PER」" in other.text


def test_an_office_of_another_kind_is_a_sibling_not_the_answer(assistant):
    # The documents count JETRO's overseas offices only; 「国内外企業」 earlier in the sentence does not
    # make them domestic ones.
    answer = assistant.ask("日本貿易振興機構の国内事務所のネットワークは何拠点？")
    assert answer.abstained and "「海外事務所」の記載はあります" in answer.text


def _lines_before(source: str, line: int, n: int = 4) -> str:
    from pathlib import Path
    text = (Path(__file__).parent.parent / "corpus" / source).read_text(encoding="utf-8").splitlines()
    return "".join(text[max(0, line - 1 - n):line - 1])


def test_a_reason_for_a_target_is_read_under_the_rationale_heading_that_follows_it(assistant):
    answer = assistant.ask("IPAの中期目標の自己診断実施組織数はなぜ2000なの？")
    assert not answer.abstained
    cite = answer.citations[0]
    assert "考え方" in _lines_before(cite.source, cite.line_start)  # the paragraph under the heading
    first = compact(answer.text.splitlines()[0])
    assert "2000" in first and "ため" in first  # the sentence with the asked figure, giving the reason


def test_a_rationale_after_the_sections_other_targets_is_found_by_its_indicator_label(assistant):
    # 指標３－１ is followed by 指標３－２, the qualitative indicators and another heading before
    # 「＜目標水準の考え方＞」 and its label 「【指標３－１】【指標３－２】」.
    answer = assistant.ask("JETROの中期目標の変更案で、輸出・投資等の海外展開成功件数の目標水準の根拠は？")
    assert not answer.abstained
    cite = answer.citations[0]
    assert "考え方" in _lines_before(cite.source, cite.line_start)
    assert "指標３－１" in _lines_before(cite.source, cite.line_start)


def test_indicator_labels_are_read_in_one_form():
    from assistant.question import indicator_labels
    assert indicator_labels("【指標３－１】【指標３－２】") == {"指標3-1", "指標3-2"}
    assert indicator_labels("＜指標１：企業におけるデジタル経営改革の推進＞") == {"指標1"}
    assert indicator_labels("指標 3 - 10：…") == {"指標3-10"} and not indicator_labels("評価指標の考え方")


def test_the_rationale_of_another_target_is_not_given_as_the_reason(assistant):
    # In the 変更案 column this target is followed by 「（移動）」 and then another target's rationale.
    answer = assistant.ask("IPAの中期目標で、自己診断実施組織数の目標を2000組織以上とした理由は？")
    assert answer.citations or answer.abstained
    for cite in answer.citations:
        assert "考え方" not in _lines_before(cite.source, cite.line_start) or "2000" in compact(cite.quote)


def test_a_figure_from_another_organizations_document_does_not_answer(assistant):
    # Only JETRO has overseas offices in these documents; asked of NEDO, the JETRO figure is no answer.
    jetro = assistant.ask("JETROの海外事務所ネットワークは何カ国何拠点ですか？")
    assert not jetro.abstained
    nedo = assistant.ask("NEDOの海外事務所ネットワークは何カ国何拠点ですか？")
    assert nedo.abstained and "NEDOの資料" in nedo.text and "JETROの資料にあります" in nedo.text


def test_a_name_spelled_with_et_cetera_between_its_words_is_the_same_measure():
    from assistant.extractive import phrase_coverage
    one = lambda t: 1.0  # noqa: E731
    terms = ["研修", "受講", "者", "数"]
    assert phrase_coverage(terms, ["研修", "等", "の", "受講", "者", "数"], one) == 1.0
    assert phrase_coverage(terms, ["研修", "費", "の", "受講", "者", "数"], one) < 1.0  # another word between


def test_a_tally_word_goes_with_the_figure_and_a_share_is_a_ratio():
    from assistant.extractive import phrase_coverage
    one = lambda t: 1.0  # noqa: E731
    # 「延べ受講者数」 is named by 「総受講者数：延べ 1,761 名」; without 延べ anywhere it is not all named.
    assert phrase_coverage(["延べ", "受講", "者", "数"], ["総", "受講", "者", "数", "：", "延べ", "1,761"], one) == 1.0
    assert phrase_coverage(["延べ", "受講", "者", "数"], ["受講", "者", "数", "：", "1,761"], one) < 1.0
    # 「女性起業家比率」 is named by 「女性起業家の割合」, not by 「女性の起業家の支援件数の割合」.
    assert phrase_coverage(["女性", "起業", "比率"], ["女性", "起業", "家", "の", "割合"], one) == 1.0
    assert phrase_coverage(["女性", "起業", "比率"], ["女性", "起業", "家", "の", "支援", "割合"], one) < 1.0


def test_a_budget_is_named_by_the_sum_a_plan_sets_aside():
    from assistant.extractive import phrase_coverage
    one = lambda t: 1.0  # noqa: E731
    # 「予算は？」 is named by 「基金に300億円計上」: a plan writes a budget as the sum it sets aside.
    assert phrase_coverage(["予算"], ["基金", "に", "300億", "円", "計上"], one) == 1.0
    assert phrase_coverage(["予算"], ["基金", "に", "300億", "円", "採択"], one) == 0.0
    assert phrase_coverage(["補正", "予算"], ["補正", "で", "計上"], one) == 1.0


def test_a_measure_glossed_in_brackets_is_read_by_its_gloss():
    from assistant.extractive import _gloss_read
    # 「月平均の実績数（アクセス数）」 names the 月平均アクセス数; the bracket is read in place of the word it glosses.
    assert _gloss_read("月平均の実績数（アクセス数）は約２万５千件。") == "月平均のアクセス数は約２万５千件。"
    assert _gloss_read("応募者数（前年度比 10％増）") == "応募者数（前年度比 10％増）"  # a note, not another name


def test_a_named_edition_is_answered_from_the_passage_that_names_it(user_folder, embedder):
    qa = _assistant_over(user_folder, embedder, "evaluation.md", (
        "# 年度評価\n\n## 人材育成\n\n### 全国大会\n\n"
        "・「技術キャンプ全国大会 2020 オンライン」は例年の合宿形式からオンライン形式に変更し実施。\n"
        "期間は 10 月から 12 月の土日開催とした。\n"
        "オンライン開催ということもあり応募者数は昨年より減り 190 名となり、選考により 85 名を採択した。\n\n"
        "### 次世代キャンプ\n\n"
        "・「次世代キャンプ 2020 オンライン」について全国大会と同時開催を実施。\n"
        "2 年目の応募者数は 10 名となり、選考により 7 名を採択した。\n"
        "過去の技術キャンプ全国大会の修了生から講師として 1 名を登用。\n"))
    # The closer-scoring figure is in the passage on the other event, which never names the asked edition.
    answer = qa.ask("「技術キャンプ全国大会 2020 オンライン」の応募者数は？")
    assert not answer.abstained and "190 名" in answer.text.splitlines()[0], answer.text
    # An edition no passage names is still not answered from another.
    answer = qa.ask("技術キャンプ全国大会2019の応募者数は？")
    assert answer.abstained and "2019" in answer.text, answer.text


def test_a_bare_result_of_an_evaluation_sheet_reports_the_indicator_listed_at_its_place(user_folder, embedder):
    """An evaluation sheet read as text: the indicators in one column, their bare results (「○196 件」) in another,
    the heads of the columns between — the n-th result is the n-th indicator's."""
    qa = _assistant_over(user_folder, embedder, "evaluation.md", (
        "# 年度評価\n\n## DX 推進\n\n"
        "### ＜主な定量的指標＞\n\n○DX 認定申請数\n\n○銘柄制度応募数\n\n"
        "### ＜その他の指標＞\n\n○DX 認定制度の着実な運営\n\n"
        "### ＜評価の視点＞\n\n○我が国の DX 推進に資するものか\n\n"
        "### ［定量的指標の実績］\n\n○196 件\n\n○420 件\n\n"
        "### ［主な成果等］\n\n・経済産業省と連携して DX 認定制度の運用を開始し、企業から申請を受け付けた。\n"))
    _answers_on_first_line(qa, "DX認定申請数は何件？", "196 件")
    _answers_on_first_line(qa, "銘柄制度応募数は何件？", "420 件")
    answer = qa.ask("DX認定取消数は何件？")  # no indicator of that name: its figure is not another's
    assert answer.abstained, answer.text


def test_a_paragraph_run_on_past_a_chunks_end_keeps_what_it_said_before(user_folder, embedder):
    """The survey is named in the last sentence of one chunk; the sentence answering about it opens the next."""
    filler = "".join(f"・第{i}回の研究会では、産業や組織、個人の変革を進めるうえでの課題や施策等を幅広く検討し、"
                     "論点を整理した。\n" for i in range(1, 5))
    qa = _assistant_over(user_folder, embedder, "evaluation.md", (
        "# 年度評価\n\n## 人材の学び直し\n\n" + filler +
        "・上記研究会と連携しながら、前年度調査結果を踏まえ、その経年変化の把握及び深堀を行うべく、デジタル経営へのシフトや"
        "人材の学び直し及び適材化・適所化に向けた企業や個人の取組実態を把握し、組織や個人の課題抽出や施策検討を行うため、"
        "「デジタル時代のスキル変革調査」を実施。\n"
        "・調査実施にあたり、実態が把握できていない「フリーランス人材」に関する情報収集のため、新規に創設された"
        "技術フリーランス協会との調査協力体制を構築。\n"))
    chunks = qa.searcher.chunks.take(range(len(qa.searcher.chunks)))
    opening = next(c for c in chunks if "調査協力体制" in c.text)
    assert "スキル変革調査" not in opening.text  # (the case: the paragraph runs on into another chunk)
    answer = qa.ask("「デジタル時代のスキル変革調査」で、フリーランス人材に関する情報収集のため調査協力体制を構築した"
                    "団体はどこ？")
    assert not answer.abstained and "技術フリーランス協会" in answer.text, answer.text


def test_two_clauses_of_two_kinds_are_answered_each_when_the_whole_finds_nothing(user_folder, embedder):
    qa = _assistant_over(user_folder, embedder, "evaluation.md", (
        "# 年度評価\n\n## 国際連携\n\n"
        "・「日米制御システムウィーク」では、海外から招聘した実務者等 40 名の受講者が基調講演やワークショップに参加。\n"
        "・日本が独自のノウハウを加えて開発したハンズオン演習（日本版 202）も、オンライン開催に伴い仮想環境を構築し"
        "実施。\n\n"
        "## 人材育成\n\n・中核人材育成プログラムでは、受講者が業界ごとの演習に取り組んだ。\n"))
    answer = qa.ask("「日米制御システムウィーク」の受講者は何名で、仮想環境で実施したハンズオン演習は何と"
                    "呼ばれていますか？")
    first = answer.text.splitlines()[0]
    assert not answer.abstained and "40 名" in first and "日本版 202" in first, answer.text


def test_the_reason_for_a_grade_is_the_paragraph_its_mark_opens(user_folder, embedder):
    qa = _assistant_over(user_folder, embedder, "objectives.md", (
        "# 中期目標\n\n## 調査・研究\n\n### 定量的指標\n\n"
        "指標４－１：企業関係者等に提供した情報の活用について、上位２つの評価を得る割合を８割以上とする。\n\n"
        "### 重要度・困難度の設定理由\n\n"
        "【重要度：高】複雑化する課題に対して迅速かつ的確に調査・研究を行うことは、機構に期待される役割の最も枢要な部分である。\n"
        "これらの取組に加えて、重要性を増した新たな政策課題への対応が求められている。\n"
        "【困難度：高】見通しが立てにくい事業環境の中で、突発的な事象には政府と一体で迅速に対応する必要がある。\n"))
    # The reason goes on past the marked sentence, up to the next grade's mark.
    answer = qa.ask("調査・研究の指標が重要度高とされてる理由って何？")
    assert "最も枢要な部分" in answer.text and "新たな政策課題" in answer.text, answer.text
    assert "突発的な事象" not in answer.text, answer.text


def test_the_grade_of_an_item_is_the_one_its_evaluation_sheet_states(user_folder, embedder):
    """An evaluation sheet states its grade once: after its title, basic information and data tables (「２．主要な
    経年データ」), before the results it is for. What a question names the item by is in the head or the results,
    not beside the grade — and another sheet's grade, worded closer to the question, is not the item's."""
    filler = "・関係機関と連携し、年間を通して窓口の運営体制を見直すとともに、利用者の声を踏まえた改善を継続。\n" * 4
    qa = _assistant_over(user_folder, embedder, "evaluation.md", (
        "# 年度評価\n\n## Ⅰ 相談業務に関する事項\n\n### ２．主要な経年データ\n\n"
        "相談受付件数 実績値 12,000 件 13,500 件\n\n### ３．業務実績と評価\n\n"
        "（詳細は業務実績報告書 I.） 評定：A\n根拠：相談対応の件数が目標を上回ったことを評価。\n" + filler
        + "\n### ４．その他参考情報\n\nなし\n\n## Ⅱ 業務運営の効率化に関する事項\n\n"
        "当該事業実施に係る根拠：情促法第 51 条\n関連する政策評価：情報システム調達の適正化\n\n"
        "### ２．主要な経年データ\n\nヘルプデスクの対応件数 実績値 3,200 件 3,450 件\n" + filler
        + "\n### ３．業務実績と評価\n\n評定：B\n根拠：年度計画における評価指標において計画を達成したことを評価。\n"
        + filler * 2 + "・一般管理費について、前年度比 3.0%の効率化を達成した。\n"))
    for question, grade in (("ヘルプデスクの対応件数の評定は？", "B"),  # in the tables: the grade after them
                            ("情報システム調達の適正化の評定は？", "B"),  # in the sheet's head: the grade after it
                            ("一般管理費の効率化の評定は？", "B"),  # in the results: the grade over them
                            ("相談受付件数の評定は？", "A")):
        answer = qa.ask(question)
        first = answer.text.splitlines()[0]
        assert not answer.abstained and first.startswith(grade), (question, answer.text)


def test_who_a_kind_of_party_is_is_what_the_document_enumerates_before_it(user_folder, embedder):
    qa = _assistant_over(user_folder, embedder, "objectives.md", (
        "# 中期目標\n\n## 対日直接投資\n\n"
        "・取組の推進に当たっては、地域の産業を支える、大学や研究機関、ベンチャーキャピタル（VC）等の支援関係者の"
        "誘致に留意する。\n・誘致の成果は毎年度公表する。\n"))
    answer = qa.ask("誘致に留意するとされている支援関係者は誰？")
    first = answer.text.splitlines()[0]
    assert not answer.abstained, answer.text
    assert all(w in first for w in ("大学", "研究機関", "ベンチャーキャピタル（VC）")), answer.text
    assert "産業" not in first, answer.text


def test_the_reason_for_a_grade_of_a_business_is_the_mark_in_the_block_that_names_it(user_folder, embedder):
    # Each business's block marks its grades: 【重要度：高】 says what the business is (at length, so the 【困難度：高】
    # after it falls in the next chunk), 【困難度：高】 gives the reason the question asks for in words of its own —
    # not another block's 【困難度：高】 that shares a word with the question.
    filler = "・各地域の拠点と連携し、現地の最新情報を継続的に収集するとともに、支援の質の向上を図る。\n" * 10
    more = "これらの既往の取組に加えて、グリーン・人権・経済安全保障等の重要性を増した新たな政策課題への対応が必要。"
    qa = _assistant_over(user_folder, embedder, "objectives.md", (
        "# 中期目標\n\n## 重要度・困難度の設定理由\n\n"
        "【重要度：高】海外展開の支援は、中堅・中小企業の輸出拡大に欠かせない。\n"
        "【困難度：高】情報提供の相手先の為替変動により、見通しが立てにくい。\n" + filler
        + "【重要度：高】迅速かつ的確に調査・研究を行い、情報を提供することは、機構の最も枢要な役割である。" + more * 4
        + "\n【困難度：高】地政学的不確実性がもたらすリスクの中で、突発的な事象にも対応する必要がある。\n"))
    answer = qa.ask("調査・研究や情報提供が「困難度：高」とされている理由を教えて。")
    first = answer.text.splitlines()[0]
    assert "地政学的不確実性" in first and "為替" not in answer.text, answer.text


def test_a_measure_named_with_its_kind_of_count_is_the_same_measure():
    from assistant.extractive import phrase_coverage
    one = lambda t: 1.0  # noqa: E731
    assert phrase_coverage(["アクセス", "数"], ["アクセス", "件数"], one) == 1.0  # 件数 is a 数
    assert phrase_coverage(["予算", "額"], ["予算", "総額"], one) == 1.0
    assert phrase_coverage(["アクセス", "数"], ["アクセス", "の", "ページ", "件数"], one) < 1.0  # too far apart


def test_a_count_of_people_said_with_what_they_did_names_the_measure(user_folder, embedder):
    """「当日の視聴者数」 is said 「394 名が視聴」: that count answers, not 「資料に記載なし」 for want of the word
    視聴者数 — and a count said with another verb (「1,200 名が応募」 for 受験者数) does not."""
    qa = _assistant_over(user_folder, embedder, "evaluation.md", (
        "# 年度評価\n\n## 普及\n\n"
        "・登録者向けの制度説明会を、初のオンライン形式で開催。\n"
        "定員 480 名で募集したところ満席となり、当日は申込者の 82%にあたる 394 名が視聴。\n\n"
        "## 試験\n\n・春期試験には 1,200 名が応募した。\n"))
    answer = qa.ask("制度説明会の当日の視聴者数は？")
    assert not answer.abstained and "394 名" in answer.text.splitlines()[0], answer.text
    assert qa.ask("春期試験の受験者数は？").abstained


def test_the_thing_asked_is_named_by_the_sentence_that_gives_its_figure(user_folder, embedder):
    """The figure asked of a thing comes from a sentence naming it: the next sentence (「…会員と合わせて、修了者
    120 名」) when the closest one counts something else (「修了者 30 名が入会」); a unit named by the unit itself
    (「部署」 by 「デジタル推進部」); a share named 割合 when asked 比率. A sentence elsewhere that names only the
    asked word (「自己診断結果提出企業 266 社」 for DX銘柄の企業) does not answer."""
    qa = _assistant_over(user_folder, embedder, "evaluation.md", (
        "# 年度評価\n\n## 交流\n\n"
        "・修了者コミュニティ「結の会」に修了者 30 名が入会。昨年度入会済み会員と合わせて、修了者 120 名。\n\n"
        "## 体制\n\n・機構自身の DX を推進するため、令和2 年 7 月に「デジタル推進部」を新設。\n\n"
        "## 起業\n\n○登録企業における女性起業家の割合を今後10年で20%を目指す（現在8.8％）\n\n"
        "## 調査\n\n・速報版を自己診断結果提出企業 266 社に提供。\n\n"
        "## 銘柄\n\n・DX銘柄の選定を実施し、公表した。\n"))
    members = qa.ask("修了者コミュニティ「結の会」の会員は何人？")
    assert not members.abstained and "120 名" in members.text, members.text
    unit = qa.ask("DXを推進する部署はいつ新設された？")
    assert not unit.abstained and "7 月" in unit.text.splitlines()[0], unit.text
    share = qa.ask("登録企業の中の女性起業家の比率は？")
    assert not share.abstained and "%" in share.text.splitlines()[0], share.text
    assert qa.ask("DX銘柄に選定された企業は何社？").abstained


def test_an_ordinal_counts_nothing():
    from assistant.values import values_in
    # 「第 16 回」 says which contest it was, not how many there were; 「延べ 16 回」 counts.
    assert [v.text for v in values_in("（令和 2 年度は第 16 回）") if v.kind == "count"] == []
    assert [v.text for v in values_in("延べ 16 回開催") if v.kind == "count"] == ["16 回"]


def test_a_count_labelled_by_its_measure_is_that_measures_figure():
    from assistant.values import labelled_count, labelled_value, values_in

    def first(text):
        return next(v for v in values_in(text) if v.kind == "count")
    said = "当日視聴者: 3,021 名、配信視聴者: 225 名。"
    assert labelled_count("当日視聴者数", first(said), said)
    other = "視聴者が 3,000 人を超えるなど反響があった。"
    assert not labelled_count("当日視聴者数", first(other), other)
    hits = "アクセス数: 3,021 件"
    assert not labelled_count("当日視聴者数", first(hits), hits)  # not counted in the measure's unit
    part = "配信視聴者: 225 名"
    assert not labelled_count("視聴者数", first(part), part)  # a longer label: a part of the viewers
    # Of several labelled figures, the one the measure labels.
    both = "当日視聴者: 3,021 名、配信視聴者: 225 名。"
    assert labelled_value("当日視聴者数", both).text == "3,021 名"
    assert labelled_value("配信視聴者数", both).text == "225 名"
    assert labelled_value("当日視聴者数", other) is None
    assert [v.text for v in values_in("準備が整い次第 5 件を公開") if v.kind == "count"] == ["5 件"]


def test_what_kind_of_thing_is_described_by_a_clause_or_named_by_a_quoted_name_it_heads():
    from assistant.extractive import _describes
    assert _describes("…海外ビジネスを中核的に担うことのできる人材を育成する。", "人材")
    assert not _describes("海外展開の自走化に向けた人材育成にも取り組む。", "人材")  # inside a compound
    # 「どのような期間」: the quoted name it heads says what the period is.
    assert _describes("今後3-5年は、ジャンプ・スタートを切るための「集中取組期間」。", "期間")
    assert not _describes("「集中取組期間」の後は中長期的に取り組む。", "目標")


def test_a_figure_naming_the_asked_measure_answers_where_closer_figures_name_another(user_folder, embedder):
    """「当日視聴者数は何名？」: the closest figure (「視聴者が 3,000 人を超える」) would be refused as another
    measure's; a less close one in a passage as close that names the measure (「当日視聴者: 3,021 名」) answers."""
    qa = _assistant_over(user_folder, embedder, "evaluation.md", (
        "# 年度評価\n\n## 発信\n\n"
        "・展示会のオンラインコンファレンスにて省と共催したセッション「産業構造の DX」では、視聴者が 3,000 人を"
        "超えるなど大きな反響があった。\n\n"
        "## 周知\n\n- 設立を周知するため、展示会のオンラインコンファレンスにて省と共催でセッションを開催"
        "（令和 2 年 10 月）。当日視聴者: 3,021 名、配信視聴者: 225 名。\n\n"
        "## 試験\n\n・春期の支援士試験は中止。10 月に支援士試験を実施。応募者 16,597 名、合格者数 2,253名。\n"))
    viewers = qa.ask("展示会のオンラインコンファレンスで省と共催したセッションの当日視聴者数は何名？")
    assert not viewers.abstained and "3,021 名" in viewers.text.splitlines()[0], viewers.text


def test_what_is_said_to_be_important_is_the_sentence_that_says_so(user_folder, embedder):
    """「…で重要とされているのは？」 is answered by the sentence asserting it (「…ことが重要である。」), not by a
    closer-scoring one under it about what is done."""
    qa = _assistant_over(user_folder, embedder, "plan.md", (
        "# 中期目標\n\n## 販路開拓の自走化\n\n"
        "主体的に続けるためには、自らの力で商談を行い、2件目、3件目の成約に繋げていくことが重要である。\n"
        "このため、企業の販路開拓の自走化に向けて、商談の進め方を身に付けた人材の育成に取り組む。\n"
        "企業の販路開拓の自走化に向けた研修にも取り組む。\n"))
    answer = qa.ask("企業が販路開拓を自走化するうえで重要とされているのはどんなこと？")
    assert not answer.abstained and "2件目" in answer.text.splitlines()[0], answer.text


PILLARS = (
    "# 産業政策の方向性\n\n## 人材（考え方）\n\n（人材基盤を強化する4つの柱）\n\n"
    "➢ 人材が育ち、活躍する循環が強化されるよう、以下の4つの柱を重点として取り組む。\n\n"
    "① 学び直しの促進\n\n➢ 社会人が働きながら学べるよう、講座の認定と費用の支援を拡充する。\n\n"
    "② 地域人材の定着\n\n➢ 地方大学と企業の連携により、地域で働く若者を増やす。\n\n"
    "③ 兼業・副業の推進\n\n➢ 企業の人事制度を見直し、兼業を認める企業の割合を高める。\n\n"
    "④ 外国人材の受入れ\n\n➢ 在留資格の手続を簡素化する。\n\n"
    "## 事業の方針\n\n機構は、（１）研究開発の推進、（２）成果の普及、（３）国際連携の強化の3つを柱として"
    "事業を実施する。\n\n"
    "## 国際連携\n\n国際連携の強化に向けて、海外の研究機関と協定を結び、研究者を年間 20 名派遣する。\n")


def test_an_item_asked_by_its_place_is_read_from_the_set_the_text_numbers(user_folder, embedder):
    """「…4つの柱のうち3つ目は？」 is the item numbered ③ under the sentence announcing the set, with what is said
    under it; a set enumerated inline (「（１）…、（２）…、（３）…の3つを柱として」) alike. A question asking more
    than the item is asked of it by its name."""
    qa = _assistant_over(user_folder, embedder, "policy.md", PILLARS)
    third = qa.ask("人材基盤を強化する4つの柱のうち3つ目は？")
    assert not third.abstained and "兼業・副業の推進" in third.text.splitlines()[0], third.text
    way = qa.ask("人材基盤を強化する2つ目の柱はどういう考え方？")
    assert "地域人材の定着" in way.text.splitlines()[0] and "地方大学と企業の連携" in way.text, way.text
    lines = (user_folder[0] / "policy.md").read_text(encoding="utf-8").splitlines()
    assert all(compact(c.quote) in compact("".join(lines[c.line_start - 1:c.line_end])) for c in way.citations)
    inline = qa.ask("機構の事業の3つ目の柱は？")
    assert "国際連携の強化" in inline.text.splitlines()[0] and "研究開発" not in inline.text.splitlines()[0]
    more = qa.ask("機構の事業の3つ目の柱では、研究者を年間何名派遣する？")
    assert "「国際連携の強化」" in (more.searched_as or "") and "20 名" in more.text, (more.searched_as, more.text)


def test_an_indicator_that_announces_its_target_is_answered_by_the_line_that_states_it(user_folder, embedder):
    """「指標１－１：…中期目標期間中に以下の目標を達成する。」 sets no figure itself: the target of the measure asked
    is on the line after it (「技術移転成功件数 120件以上」)."""
    qa = _assistant_over(user_folder, embedder, "objectives.md", (
        "# 試験研究機構 第三期中期目標\n\n## ＜定量的指標＞\n\n"
        "指標１－１：研究成果の移転件数について、中期目標期間中に以下の目標を達成する。\n\n"
        "技術移転成功件数 120件以上（アウトカム指標）【重要度高】\n\n"
        "対象は、以下のいずれかに該当する技術とし、地域の産業に資するものを重点的に移転する。\n"))
    answer = qa.ask("技術移転成功件数（指標1-1）の目標は何件以上？")
    assert not answer.abstained and "120件" in answer.text.splitlines()[0], answer.text


def test_a_field_the_cover_labels_is_read_from_the_asked_documents_cover(user_folder, embedder):
    """「（主務官庁：産業省、技術庁）」 under a plan's title is a field of the plan: asked by its label, it answers —
    the asked organization's, not another plan's in the same file."""
    qa = _assistant_over(user_folder, embedder, "plans.md", (
        "# 試験研究機構（TRI）第三期中期目標の変更 新旧対照表\n\n（主務官庁：産業省）\n\n"
        "## １．業務の方針\n\n試験研究機構は、研究開発を支援し、成果を普及する。\n\n"
        "# 技術普及機構（TDA）第二期中期目標の変更 新旧対照表\n\n（主務官庁：産業省、技術庁）\n\n"
        "## １．業務の方針\n\n技術普及機構は、技術の普及と人材の育成を行う。\n"))
    tda = qa.ask("技術普及機構の中期目標の主務官庁はどこ？")
    assert not tda.abstained and "産業省、技術庁" in tda.text.splitlines()[0], tda.text
    tri = qa.ask("試験研究機構の中期目標の主務官庁は？")
    assert "（主務官庁：産業省）" in tri.text and "技術庁" not in tri.text.splitlines()[0], tri.text


def test_when_a_plan_was_set_and_changed_is_read_from_its_cover(user_folder, embedder):
    """The dates under a plan's title say when it was set and changed, without the words 策定 or 変更 a search
    would find them by: they answer, in order, and a date cited inside a sentence (「令和3年12月5日改訂」 of
    another strategy) is not one of them — nor do they answer when that other thing's date is asked."""
    qa = _assistant_over(user_folder, embedder, "objectives.md", (
        "# 独立行政法人試験研究機構 第三期中期目標\n\n"
        "独立行政法人試験研究機構 第三期中期目標\n令和４年３月 1 日\n一部変更 令和５年８月２９日\n\n"
        "## １．業務の方針\n\n機構は、「産業戦略」（令和3年12月5日改訂）に基づき、研究開発を支援する。\n\n"
        "## ２．目標の期間\n\n中期目標の期間は、令和４年度から令和８年度までの５年間とする。\n"))
    answer = qa.ask("第三期中期目標はいつ定められ、いつ一部変更された？")
    first = answer.text.splitlines()[0]
    assert not answer.abstained and "令和４年３月 1 日" in first and "令和５年８月２９日" in first, answer.text
    assert first.index("令和４年３月") < first.index("令和５年８月") and "令和3年12月" not in answer.text
    lines = (user_folder[0] / "objectives.md").read_text(encoding="utf-8").splitlines()
    assert all(compact(c.quote) in compact("".join(lines[c.line_start - 1:c.line_end])) for c in answer.citations)
    # A date asked of a thing the plan cites is that thing's, not the plan's.
    cited = qa.ask("中期目標で引用されている「産業戦略」はいつ改訂されたもの？")
    assert "令和４年３月" not in cited.text.splitlines()[0], cited.text


def test_a_name_or_a_kind_of_business_the_documents_do_not_give_is_not_answered(user_folder, embedder):
    qa = _assistant_over(user_folder, embedder, "plan.md", (
        "# 年度計画\n\n## 広報\n\nFacebook のフォロワーは 600 人、YouTube の登録者は 4,000 人増加した。\n\n"
        "## 支援\n\n大企業の応募件数は 120件以上とする。\n\n"
        "## 安全\n\nＡＩセーフティ・インスティテュートの事務局体制を整備する。\n\n"
        "## 拠点\n\n海外事務所は世界 50 拠点。\n\n"
        "## 窓口\n\n大阪にも相談窓口を置く。窓口の案内は毎月更新する。ニューヨーク窓口の職員は 30 名。\n\n"
        "## センターの発信\n\n3 月末のフォロワー数は Facebook: 430人、Twitter: 539 人。"
        "また、センターは YouTube で解説動画を公開した。\n"))
    # A name in Latin letters is a name: another channel's figure does not answer for it.
    answer = qa.ask("LinkedInのフォロワーは何人増えた？")
    assert answer.abstained and "「LinkedIn」" in answer.text, answer.text
    assert "600" in qa.ask("Facebookのフォロワーは何人増えた？").text.splitlines()[0]
    # A place the question names is said with the figure (or just before it), not only elsewhere in the passage.
    answer = qa.ask("大阪の窓口の職員は何名？")
    assert answer.abstained and "「大阪」" in answer.text, answer.text
    assert "30 名" in qa.ask("ニューヨークの窓口の職員は何名？").text.splitlines()[0]
    # Said in the passage, but the sentence with the figure gives other channels' figures only.
    answer = qa.ask("センターのYouTubeチャネル、3月末のフォロワー数は何人？")
    assert answer.abstained and "「YouTube」" in answer.text and "「Facebook」の記載はあります" in answer.text, \
        answer.text
    # An abbreviation beside what it abbreviates need not be in the text.
    assert not qa.ask("ＡＩセーフティ・インスティテュート（AISI）について何をする？").abstained
    # The asked thing itself is checked for a sibling too, not only the words around it.
    answer = qa.ask("国内事務所は全国に何拠点？")
    assert answer.abstained and "「海外事務所」の記載はあります" in answer.text, answer.text
    # 大企業 and 中小企業 are siblings though 企業 alone is too common a head.
    answer = qa.ask("中小企業の応募件数の目標は？")
    assert answer.abstained and "「大企業」の記載はあります" in answer.text, answer.text
    assert "120件" in qa.ask("大企業の応募件数の目標は？").text.splitlines()[0]


def test_a_named_member_of_an_asked_category_is_no_sibling():
    from assistant.extractive import _member_of_category

    assert _member_of_category("セキュリティ関連ガイドライン", "経営ガイドライン")  # one of the category
    assert _member_of_category("セキュリティ系ガイドライン", "対策ガイドライン")
    assert not _member_of_category("蓄電池関連投資", "半導体関連投資")  # another category: a sibling
    assert not _member_of_category("ガス事業者", "発電事業者")  # no category asked


def test_an_indicator_named_by_its_label_is_found_however_its_description_is_worded(assistant):
    # The question's description belongs to 指標２－１; the label it names, 指標２－２, decides.
    answer = assistant.ask("NEDOの第5期中長期目標の変更案で、スタートアップ支援の研究開発マネジメントを評価する"
                           "指標2-2の目標は？")
    assert not answer.abstained
    from assistant.question import indicator_labels
    assert any("指標2-2" in indicator_labels(c.quote[:24]) for c in answer.citations)


def test_a_definition_question_is_answered_by_the_sentence_that_defines_the_term(user_folder, embedder):
    # The term is mentioned more often than it is defined; the answer is the definition, its clause first.
    text = ("# 地域施策の方針\n"
            "地域の事業者が地域連携網を使い、地域連携網の利用を地域で広げる。\n"
            "地域連携網の利用拡大に向けて、地域の事業者向けの説明会を開く。\n\n"
            "# 取組の概要\n"
            "自治体と企業が物流のデータを共有する仕組み（地域連携網）を整備する。\n")
    assistant = _assistant_over(user_folder, embedder, "chiiki.md", text)
    answer = assistant.ask("「地域連携網」ってどういう意味？")
    assert not answer.abstained
    assert answer.text.splitlines()[0].startswith("自治体と企業が物流のデータを共有する仕組み"), answer.text


def test_a_list_answer_quotes_the_items_that_follow_a_sentence_naming_the_asked_thing(user_folder, embedder):
    text = ("# 研修事業の実績\n"
            "例年実施してきた海外研修演習は、感染症の影響によりオンライン形式で開催した。"
            "今年度は、北欧企業との共同演習、南米大学による特別講義を実施した。\n\n"
            "# 広報\n"
            "広報誌を年4回発行した。\n")
    assistant = _assistant_over(user_folder, embedder, "kenshu.md", text)
    answer = assistant.ask("海外研修演習では、どんな取組を実施した？")
    assert not answer.abstained
    assert "北欧企業との共同演習" in answer.text and "南米大学による特別講義" in answer.text, answer.text


def test_a_sentence_enumerating_the_asked_kinds_is_answered_by_its_items_not_by_the_bullets_after_it(
        user_folder, embedder):
    text = ("# 職員の育成\n"
            "職員の育成では、研修計画に基づく階層別研修、全職員向けの基本研修、職員の希望を踏まえたテーマ別研修等を実施。\n"
            "・各研修とも複数の開催日を設け、受講しやすくした。\n"
            "・また、外部講師による講演会を開催した。\n"
            "・受講者アンケートでは満足度が高かった。\n")
    qa = _assistant_over(user_folder, embedder, "ikusei.md", text)
    answer = qa.ask("職員の育成で実施した研修を全部挙げてください。")
    first = answer.text.splitlines()[0]
    assert "階層別研修" in first and "テーマ別研修" in first and "各研修とも" not in first, answer.text


def test_lettered_items_after_a_sentence_that_enumerates_are_still_the_list_it_leads(user_folder, embedder):
    text = ("# 重点分野\n"
            "物流、医療、農業等の分野で、次の実証を進める。\n"
            "a. 無人搬送の実証\n"
            "b. 電子カルテ連携の実証\n"
            "c. 自動収穫の実証\n")
    qa = _assistant_over(user_folder, embedder, "juten.md", text)
    first = qa.ask("重点分野で進める実証を全部挙げてください。").text.splitlines()[0]
    assert "無人搬送" in first and "自動収穫" in first, first


def test_a_counted_set_is_answered_by_the_numbered_items_a_lead_in_a_few_sentences_on_announces(
        user_folder, embedder):
    text = ("# 実績\n"
            "③自動化実証の進捗指標（着手分野数）について、3 分野（目標値比 150%）を達成。\n"
            "（実績の詳細）\n"
            "- 省庁からの依頼に応じて、以下の 3 分野（4 プロジェクト）で取組を開始。\n"
            "案件ごとに検討体制を立ち上げ、関係者との調整を実施。\n"
            "1）港湾の自動化が求められる分野\n"
            "・無人搬送 PJ\n"
            "2）医療の情報連携を進めるべき分野\n"
            "・電子カルテ PJ\n"
            "3）農業の省力化が見込まれる分野\n"
            "・自動収穫 PJ\n")
    qa = _assistant_over(user_folder, embedder, "jissho.md", text)
    answer = qa.ask("自動化実証で着手した3分野ってどれですか？")
    first = answer.text.splitlines()[0]
    assert "港湾" in first and "医療" in first and "農業" in first, answer.text


def test_a_thing_named_in_a_sentence_is_not_answered_by_a_list_paragraphs_further_on(user_folder, embedder):
    text = ("# 連携の促進\n"
            "機構は、共同研究の相手探しに使う交流基盤である「つなぐネット」等を通じて、企業や大学の情報を発信する。\n"
            "発信した情報は、相談窓口でも案内する。\n"
            "案内の実績は、毎年度公表する。\n"
            "支援の対象は、以下のいずれかに該当する事業とする。\n"
            "(1) 新技術の実証に資する事業\n"
            "(2) 地域の雇用の創出に資する事業\n"
            "(3) 人材の育成に資する事業\n")
    qa = _assistant_over(user_folder, embedder, "renkei.md", text)
    answer = qa.ask("共同研究の相手探しに使う交流基盤として挙げられているのは何ですか？")
    assert not answer.abstained
    assert "つなぐネット" in answer.text and "地域の雇用の創出" not in answer.text, answer.text


def test_a_figure_is_taken_from_a_passage_that_says_the_term_the_question_quotes(user_folder, embedder):
    text = ("# 支援の目標\n"
            "柱となる施策で目指す支援件数の目標は、機構全体の総数で900件とする。\n\n"
            "# 重点施策\n"
            "「未来ファンド」では、支援件数を5年で200件とする。\n")
    qa = _assistant_over(user_folder, embedder, "fund.md", text)
    answer = qa.ask("「未来ファンド」の柱として目指す支援件数の目標は？")
    # The closer-worded total is another thing's figure; the quoted term's passage answers.
    assert not answer.abstained, answer.text
    assert "200件" in answer.text.splitlines()[0] and "900件" not in answer.text, answer.text


def test_the_members_of_a_numbered_set_are_named_or_the_question_is_not_answered(user_folder, embedder):
    qa = _assistant_over(user_folder, embedder, "plan.md", (
        "# 中期計画\n\n## 設計\n\n設計の対象を明確にし、成果を広く示す。\n\n"
        "ロボット、空間情報、サプライチェーン、及びスマートビル等の４以上の領域において設計を行う。\n\n"
        "## 連携\n\n9月には、アジアの3都市と、国内企業のマッチングを予定。\n\n"
        "## 修了者\n\n・修了者の交流が進み、修了者が新たに 4つの部会を設立した。\n"
        "・修了者が次の受講者に講義を 2 日間実施した。\n"))
    answer = qa.ask("設計を行う4以上の領域とはどこですか")
    assert answer.text.splitlines()[0].startswith("ロボット、空間情報、サプライチェーン、スマートビル"), answer.text
    # The set is counted but its members are not named: say so rather than quote the count.
    answer = qa.ask("マッチングを予定しているアジアの3都市ってどこ？")
    assert answer.abstained and "「3都市」" in answer.text, answer.text
    # The bullets beside a sentence that counts the set are its siblings, not the set's members.
    answer = qa.ask("修了者が設立した4つの部会にはどんなものがある？")
    assert answer.abstained and "「4つの部会」" in answer.text, answer.text


def test_a_change_of_a_named_measure_is_answered_by_that_measures_figures(assistant):
    from assistant.values import values_in

    # The measure's figures stand on labelled lines (「A）対日投資誘致成功件数 376件以上」) that head their
    # sections; a rationale nearby gives another measure's change (「…対日投資誘致と同水準の10％を目指し、
    # 協業・連携支援目標は716件」), which must not be taken instead.
    answer = assistant.ask("令和5年度補正の変更案で、JETROの対日投資誘致成功件数の目標は現行からいくつ増えた？")
    first = answer.text.splitlines()[0]
    assert "→" in first, first
    old, new = (compact(x) for x in first.split("（")[0].split("→"))
    assert values_in(old) and values_in(new) and old != new
    quotes = [compact(c.quote) for c in answer.citations]
    for figure in (old, new):
        assert any(figure in q and "対日投資誘致成功件数" in q for q in quotes), (figure, quotes)


def test_a_compared_document_is_read_further_down_for_the_figure_asked(assistant, monkeypatch):
    """A comparison quotes each document's figure: when the passages of one document that match the whole
    question best (it names the other document too) state none, more of its passages are read for one."""
    from dataclasses import replace

    from assistant.extractive import DocumentPart
    from index.search import Passage

    from .test_lists import _chunk

    talk = [_chunk(f"データ連携の設計について、{who}と協議を進める。") for who in ("自治体", "大学", "企業", "団体")]
    figure = _chunk("データ連携の設計は、期間終了時点で１００点以上を目標とする。")
    found = [*talk, *talk, figure]
    asked: list[int] = []

    def search(question, k, filters=None):
        asked.append(k)
        return [Passage(n, 1 / n, replace(c, chunk_id=f"c{n}")) for n, c in enumerate(found[:k], 1)]

    extractive = assistant.extractive
    monkeypatch.setattr(extractive.searcher, "search", search)
    analysis = assistant.analyze("データ連携の設計の点数目標について、年度計画と中期目標ではそれぞれ何点？")
    best = extractive._part_candidates(analysis, DocumentPart(["中期目標"], None), 3)[0]
    assert best.value is not None and compact(best.value.text) == "100点以上", best.text
    assert asked == [3, extractive.settings.status_k]
    # A document whose best passages state a figure is not searched again.
    found[:] = [figure, *talk]
    asked.clear()
    extractive._part_candidates(analysis, DocumentPart(["中期目標"], None), 3)
    assert asked == [3]


def test_a_figure_of_a_sibling_compound_does_not_answer_the_asked_one(user_folder, embedder):
    """「蓄電池関連の投資」 asked, 「半導体関連投資に約7兆円」 written: the figure is the sibling's."""
    qa = _assistant_over(user_folder, embedder, "policy.md", (
        "# 産業政策の動向\n\n## 各国の支援策\n\n"
        "米国は、CHIPS法で半導体関連投資に約7兆円、インフレ削減法でGX投資に約50兆円を措置。\n"
        "蓄電池の国内製造基盤の強化も重要な課題である。\n"))
    assert qa.ask("米国のCHIPS法では、蓄電池関連の投資にどれくらいの額を充ててるの？").abstained
    answer = qa.ask("米国のCHIPS法では、半導体関連の投資にどれくらいの額を充ててるの？")
    assert not answer.abstained and "7兆円" in compact(answer.text.splitlines()[0]), answer.text


def test_a_compound_modified_by_an_adjective_is_no_sibling(user_folder, embedder):
    """「修了者の取組事例」 asked, 「修了者を対象にした帰任後の具体的取組事例調査…600 件の具体的事例を確認」
    written: 具体的 says how the 取組事例 are, not which — 「具体的取組事例」 is the asked thing, no sibling of it."""
    qa = _assistant_over(user_folder, embedder, "report.md", (
        "# 試験研究機構（TRI）令和2年度 業務実績\n\n## 人材の育成\n\n"
        "・育成プログラム修了者を対象にした帰任後の具体的取組事例調査を通じて、リスク分析の実施をはじめとした "
        "600 件の具体的事例を確認。\n"))
    _answers_on_first_line(qa, "TRIの令和2年度の実績で、修了者の取組事例は何件確認された？", "600 件")


def test_a_figure_said_of_another_thing_in_the_questions_own_words_does_not_answer(user_folder, embedder):
    """「国内で蓄電池を生産する企業の合計売上高」 asked, 「国内で半導体を生産する企業の合計売上高を15兆円超」 written —
    though the passage names 蓄電池 too: the figure is the other thing's."""
    qa = _assistant_over(user_folder, embedder, "axis.md", (
        "# 新機軸\n\n## 重要物資\n\n"
        "半導体・蓄電池の国内生産基盤を強化する。"
        "2030年までに、国内で半導体を生産する企業の合計売上高を15兆円超とする。\n"))
    _only_what_is_written_answers(qa, "2030年までに国内で蓄電池を生産する企業の合計売上高の目標はいくら？", "半導体",
                                  "2030年までに国内で半導体を生産する企業の合計売上高の目標はいくら？", "15兆円超")


def _only_what_is_written_answers(qa: Assistant, asked: str, said: str, written: str, figure: str) -> None:
    """``asked`` is not answered, and the first line says what the documents speak of instead (``said``); the
    question of what is ``written`` gets ``figure`` on its first line."""
    answer = qa.ask(asked)
    assert answer.abstained and said in answer.text.splitlines()[0], answer.text
    _answers_on_first_line(qa, written, figure)


def _answers_on_first_line(qa: Assistant, question: str, figure: str) -> None:
    """``question`` is answered, with ``figure`` on the answer's first line."""
    answer = qa.ask(question)
    assert not answer.abstained and figure in answer.text.splitlines()[0], answer.text


def test_a_figure_of_a_contrasting_kind_does_not_answer_though_the_passage_names_the_asked_one(user_folder, embedder):
    """「中途採用」 asked; the passage names it, but the figure is said of 「新卒採用」."""
    qa = _assistant_over(user_folder, embedder, "staff.md", (
        "# 人材\n\n## 採用\n\n- 中途採用にあたっては、職務記述書を作成する。\n"
        "- 新卒採用を計画的に行い、職員 10 名を採用した。\n"))
    _only_what_is_written_answers(qa, "中途採用した職員は何名？", "新卒採用", "新卒採用した職員は何名？", "10 名")


def test_a_figure_of_the_contrasting_direction_does_not_answer(user_folder, embedder):
    """「対外直接投資残高」 asked, only 「対内直接投資残高80兆円」 written: inward is not outward."""
    qa = _assistant_over(user_folder, embedder, "invest.md", (
        "# 対日直接投資\n\n## 政府目標\n\n"
        "「対日直接投資促進戦略」で定めた「2030年における対内直接投資残高80兆円」という政府目標の達成に貢献する。\n"))
    _only_what_is_written_answers(qa, "2030年における対外直接投資残高の政府目標はいくら？", "対内直接投資残高",
                                  "2030年における対内直接投資残高の政府目標はいくら？", "80兆円")


def test_a_measure_said_plainly_beside_a_siblings_answers_for_the_asked_one(user_folder, embedder):
    """「講習の満足度は平均 4.12、講師満足度平均は 4.47」: the plain 満足度 is the asked one, 講師満足度 a sibling."""
    qa = _assistant_over(user_folder, embedder, "report.txt", (
        "＜主要な業務実績＞\n\n・リモート講習の受講者にアンケートを実施。\n\n"
        "（講習の満足度は平均 4.12、講師満足度平均は 4.47（いずれも 5段階評価）\n\n"))
    _answers_on_first_line(qa, "リモート講習で、受講者の満足度ってどのくらいだった？", "4.12")


def test_a_numbered_label_says_what_the_lines_under_it_are_about(user_folder, embedder):
    """「1）自律移動ロボット」 over 「…51 組織にヒアリング」: the count is the robots' theme's, not the next one's."""
    qa = _assistant_over(user_folder, embedder, "report.txt", (
        "＜主要な業務実績＞\n\n・政府からの依頼について、以下のとおり調査研究を実施。\n\n1）自律移動ロボット\n\n"
        "・ステークホルダーの識別を実施。ドローンを活用する事業者、法律の関係者など 51 組織にヒアリングを実施。\n\n"
        "2）スマート安全\n\n・安全の在り方を議論。安全分野関連組織に対し、30 件のヒアリングを実施。\n\n"))
    _answers_on_first_line(qa, "自律移動ロボットでは何組織にヒアリングした？", "51 組織")


def test_a_table_rows_bare_figure_is_the_count_its_caption_names(user_folder, embedder):
    """Rows 「情報セキュリティ白書 2020 1,552」 under the caption 「○白書の販売数（令和 2 年度）」: the row never says
    販売数, its caption does — the figure of the other table (ダウンロード数) is not the answer."""
    qa = _assistant_over(user_folder, embedder, "report.txt", (
        "＜主要な業務実績＞\n\n○白書のダウンロード数\n\nAI 白書 2020 8,374\n\n情報セキュリティ白書 2020 21,309\n\n"
        "○白書の販売数（令和 2 年度）\n\nAI 白書 2020 4,596\n\nIT 人材白書 2020 285\n\n"
        "情報セキュリティ白書 2020 1,552\n\n＜その他の指標＞\n\n"))
    answer = qa.ask("情報セキュリティ白書2020の販売数は？")
    assert not answer.abstained and "1,552" in answer.text.splitlines()[0], answer.text
    answer = qa.ask("情報セキュリティ白書2020のダウンロード数は？")
    assert not answer.abstained and "21,309" in answer.text.splitlines()[0], answer.text


def test_a_count_of_another_action_of_a_half_named_thing_does_not_answer(user_folder, embedder):
    """「ジュニアキャンプには何名が参加」 asked, 「全国大会の修了生から講師として 15 名を登用」 written: half the asked
    name and another action — a count of something else. Asked of what is written, it answers."""
    qa = _assistant_over(user_folder, embedder, "report.md", (
        "# 年度評価\n\n## 人材育成\n\n"
        "セキュリティ・キャンプ全国大会を開催。"
        "過去のセキュリティ・キャンプ全国大会の修了生から講師として 15 名を登用。\n"))
    assert qa.ask("セキュリティ・ジュニアキャンプには何名が参加しましたか？").abstained
    answer = qa.ask("セキュリティ・キャンプ全国大会では、修了生から講師として何名を登用した？")
    assert not answer.abstained and "15 名" in answer.text.splitlines()[0], answer.text


def test_the_year_befores_figure_in_a_report_is_found_past_a_closer_sentence_of_the_report_year(user_folder,
                                                                                              embedder):
    """In the 令和2年度 report, 「前年度実績（822 件）を大幅に超える 1,561 件」 gives 令和元年度's count: asked of that
    year, it is the answer, though the sentence that says only 1,561 件 is closer to the question."""
    qa = _assistant_over(user_folder, embedder, "report.md", (
        "# 令和2年度 業務実績評価\n\n## 組込み産業の実態調査\n\n"
        "組込み/IoT 産業の事業環境についてアンケート調査を行い、1,561 件の有効回答を収集。\n\n"
        "設問を見直して関心を高めたことにより、前年度実績（822 件）を大幅に超える 1,561 件の有効回答を得た。\n"))
    answer = qa.ask("令和元年度の組込み/IoT産業のアンケート調査の有効回答は何件？")
    assert not answer.abstained and "822 件" in answer.text.splitlines()[0], answer.text


def test_the_accounts_own_period_does_not_make_another_measure(user_folder, embedder):
    """「社会基盤業務経理の運営費交付金残存率」 asked, 「当期運営費交付金残存率 0.0%」 written under that account: 当期
    says which period of the account, not another measure."""
    qa = _assistant_over(user_folder, embedder, "finance.md", (
        "# 財務情報\n\n## 社会基盤業務経理\n\n"
        "年度末残高がなく、当期運営費交付金残存率は 0.0% であった。\n"))
    answer = qa.ask("社会基盤業務経理の運営費交付金残存率は？")
    assert not answer.abstained and "0.0%" in answer.text.splitlines()[0], answer.text


def test_the_asked_thing_with_its_words_reordered_is_the_same_thing(user_folder, embedder):
    """「第5期以降の中核人材育成プログラム修了者」 asked, 「第５期中核人材育成プログラム以降の修了者」 written: the same
    people with the question's frame around 「修了者」 — not a sibling of the asked thing."""
    qa = _assistant_over(user_folder, embedder, "plan.md", (
        "# 年度計画\n\n## 人材育成\n\n"
        "第５期中核人材育成プログラム以降の修了者の活動数について、３６０件以上とする。\n"))
    answer = qa.ask("第5期以降の中核人材育成プログラム修了者の活動数の目標はいくつ？")
    assert not answer.abstained and "360件以上" in compact(answer.text.splitlines()[0]), answer.text
    # Another thing in that frame is still another thing's figure.
    assert qa.ask("第5期以降の中核人材育成プログラム講師の活動数の目標はいくつ？").abstained


def test_a_measure_written_with_another_modifier_is_another_measure(user_folder, embedder):
    """「協業・連携案件の支援件数」 asked, 「誘致支援件数は3,775件以上」 written in a sentence that names no
    協業・連携案件: the figure is the other measure's, though the passage speaks of 協業・連携案件 too."""
    qa = _assistant_over(user_folder, embedder, "plan.md", (
        "# 中期目標\n\n## 対日投資\n\n"
        "協業・連携案件の発掘にも取り組む。誘致支援件数は3,775件以上とする。\n"))
    answer = qa.ask("協業・連携案件の支援件数の目標は何件？")
    assert answer.abstained and "誘致支援件数" in answer.text, answer.text
    answer = qa.ask("対日投資の誘致支援件数の目標は何件？")
    assert not answer.abstained and "3,775件以上" in answer.text.splitlines()[0], answer.text


def test_a_figure_of_the_asked_period_beats_a_closer_scoring_one_of_another(user_folder, embedder):
    qa = _assistant_over(user_folder, embedder, "eval.md", (
        "# 年度評価\n\n## 人材育成\n\n"
        "・中核人材育成プログラムの第 4 期を令和 2 年 7 月に開講し、47 名の受講者を受入れ。\n\n"
        "・令和 2 年 6 月、第 3 期プログラムが修了（受講者 69 名）。\n"))
    answer = qa.ask("中核人材育成プログラムの第3期の受講者は何名？")
    assert not answer.abstained and "69 名" in answer.text.splitlines()[0], answer.text


def _each_over_a_paragraph(heads: list[str], items: list[str], paragraph: str) -> str:
    """Markdown of items, each a line (``heads``) over a paragraph about it (``paragraph`` with the item)."""
    return "".join(f"{head}\n\n{paragraph.format(item)}\n\n" for head, item in zip(heads, items, strict=True))


def test_a_set_announced_by_a_lead_in_is_its_numbered_members_with_paragraphs_between(user_folder, embedder):
    """「以下の3つの柱を重点として取り組む。」 then 「① …」「② …」「③ …」, each heading a paragraph of its own."""
    pillars = ["地域人材の呼び込み", "大学発技術の事業化", "海外市場への挑戦"]
    body = _each_over_a_paragraph([f"{mark} {p}" for mark, p in zip("①②③", pillars, strict=True)], pillars,
                                  "➢ {}のため、関係機関と連携して支援策を講じ、その成果を毎年度検証する。")
    qa = _assistant_over(user_folder, embedder, "policy.md", (
        "# 地域イノベーション\n\n## 重点\n\n（地域イノベーションを強化する3つの柱）\n\n"
        "➢ 地域で新たな事業が生まれ育つよう、以下の3つの柱を重点として取り組む。\n\n" + body))
    for question in ("地域イノベーションを強化する3つの柱って何？", "地域イノベーションを強化する3つの柱を挙げて"):
        first = qa.ask(question).text.splitlines()[0]
        assert all(p in first for p in pillars), (question, first)


def test_a_counted_set_nothing_announces_is_the_numbered_parts_the_best_sentence_is_under(user_folder, embedder):
    """「…支援策の4つの柱は？」 best answered by a bullet under 「② 販路の開拓」, with no sentence announcing the set:
    the parts numbered ① to ④ (each over bullets of its own) are the members, not the bullets — and not a set of
    another count further on."""
    pillars = ["人材の確保", "販路の開拓", "資金の調達", "デジタル化の推進"]
    # (① is long enough to end the first chunk: the best sentence, under ②, is read with the chunk before it)
    long = "、".join(f"地域の{w}と連携した採用活動を毎年度検証しながら段階的に広げていく"
                    for w in ("大学", "高専", "商工会"))
    bullets = [["地方大学と連携したインターンシップを拡充", "副業人材の活用を支援", long, long + "。"],
               ["地方企業の海外展示会への出展を支援", "地方企業向けのオンライン商談会を開催"],
               ["地域金融機関による融資を拡充"], ["クラウド導入の費用を補助", "専門家を派遣"]]
    body = "".join(f"{mark} {p}\n\n" + "".join(f"○ {b}\n\n" for b in items)
                   for mark, p, items in zip("①②③④", pillars, bullets, strict=True))
    qa = _assistant_over(user_folder, embedder, "policy.md", (
        "# 地方企業の支援\n\n## 支援パッケージ\n\n" + body + "## 研究開発\n\n"
        + "".join(f"{m} 研究テーマ{n}\n\n○ 大学との共同研究を進める\n\n" for n, m in enumerate("①②③④⑤", 1))))
    asked = "海外展示会への出展支援などの地方企業の支援策は、どんな{}つの柱で整理されている？"
    chunks = qa.searcher.chunks
    starts = [c for c in (chunks[i] for i in range(len(chunks))) if "① 人材の確保" in c.text]
    assert starts and all("② 販路の開拓" not in c.text for c in starts)  # (① and ② in different chunks)
    first = qa.ask(asked.format(4)).text.splitlines()[0]
    assert all(p in first for p in pillars) and "展示会" not in first, first
    other = qa.ask(asked.format(3)).text
    assert not all(p in other.splitlines()[0] for p in pillars[:3]), other  # (four parts, not three)


_AREAS = ["自律移動ロボット関連", "空間情報関連", "サプライチェーン関連"]


def _areas_under_an_item(item: str, paragraph: str) -> str:
    """Markdown: 「① <item>」 over the three lettered areas, each over ``paragraph``, then its 「②」 sibling."""
    return (f"① {item}\n\n"
            + _each_over_a_paragraph([f"{m}. {a}" for m, a in zip("abc", _AREAS, strict=True)], _AREAS, paragraph)
            + "② 産学官の連携を強化する。\n")


def test_a_numbered_item_counting_a_set_has_its_members_in_the_lettered_items_under_it(user_folder, embedder):
    """「① 人流・物流に関する３領域における…を実施する。」 then 「a. …関連」「b. …関連」「c. …関連」, each over a
    paragraph: the items under it (another kind of mark) are the set's members, not its ② sibling."""
    qa = _assistant_over(user_folder, embedder, "plan.md", "# 年度計画\n\n## アーキテクチャ\n\n" + _areas_under_an_item(
        "人流・物流に関する３領域における社会実装に向けたアーキテクチャ記述の整備を実施する。",
        " {}のアーキテクチャ設計を支援し、その社会実装を関係者と共に後押しする。"))
    for question in ("アーキテクチャの社会実装を進める人流・物流の3領域ってどれ？",
                     "アーキテクチャの社会実装を進める人流・物流の3領域って何？",  # (a definition question too)
                     "アーキテクチャの社会実装を進める人流・物流の3領域は？"):  # (the set alone asked)
        first = qa.ask(question).text.splitlines()[0]
        assert all(a in first for a in _AREAS) and "産学官" not in first, (question, first)


def test_groups_titled_in_brackets_under_a_lead_in_are_the_items(user_folder, embedder):
    """「…のあり方：」 then 「（…）」 titles, each over bullets of its own: the list is the titles, not the lead-in
    and the first group's bullet — and the list ends at the lead-in's next sibling."""
    groups = ["供給網の強靱化", "技術優位性の確保", "情報共有の強化"]
    body = _each_over_a_paragraph([f"（{g}）" for g in groups], groups,
                                  "➢ {}に向けて、官民が連携して中長期的な支援を行い、その進捗を毎年度検証する。")
    qa = _assistant_over(user_folder, embedder, "policy.md", (
        "# 新たな政策\n\n## 安全保障の実現（考え方）\n\n"
        "⚫ 先行的に対応すべき需要と、それに応える供給のあり方：\n\n" + body
        + "⚫ 当面見据える目標\n\n（長期目標）\n\n➢ 2030年までに自給率を高める。\n"))
    first = qa.ask("安全保障の実現で、先行的に対応すべき需要として挙がっている項目は？").text.splitlines()[0]
    assert all(g in first for g in groups) and "長期目標" not in first, first


def test_an_era_written_by_its_initial_is_searched_as_the_documents_write_it(user_folder, embedder):
    """「R2年8月に公開した注意喚起は？」 is searched as 「令和2年8月…」 (and says so), and quotes the sentence
    dated that month."""
    qa = _assistant_over(user_folder, embedder, "eval.md", (
        "# 年度評価\n\n## 情報発信\n\n"
        "・公開したランサムウェアの注意喚起は、バックアップの重要性を呼びかける内容とした。\n\n"
        "・令和 2 年 8 月 20 日には、事業継続を脅かす新たな攻撃の手口を解説した注意喚起を公開した。\n"))
    answer = qa.ask("R2年8月に公開したランサムウェアの注意喚起はどんな内容？")
    assert answer.searched_as and "令和2年8月" in answer.searched_as, answer.searched_as
    assert "事業継続を脅かす" in answer.citations[0].quote and not answer.abstained, answer.text


def test_two_measures_asked_together_are_each_answered(user_folder, embedder):
    qa = _assistant_over(user_folder, embedder, "plan.md", (
        "# 中期目標\n\n## 協業・連携\n\n"
        "国内外の協業・連携案件の成功件数は74件以上とする。\n\n"
        "また、成功率10％を目指すことから、協業・連携案件の支援件数は731件以上とする。\n"))
    first = qa.ask("協業・連携案件の成功件数と支援件数の目標はいくつ？").text.splitlines()[0]
    assert "74件以上" in first and "731件以上" in first, first


def test_an_answer_cut_from_its_quote_is_said_once_as_that_quote(user_folder, embedder):
    """A sentence that answers a question asking no figure is the first line itself — not its clause and then
    the sentence again."""
    sentence = ("地方の中小企業の情報システム担当者を主な対象として、情報セキュリティの基礎から最新の攻撃手法への"
                "具体的な対処までを実習を交えて学ぶ地方ミニ講座を、一日から二日間の専門講座の形式で、"
                "全国の主要都市において地元の商工会議所や支援機関と連携しながら年間を通じて順次開催する。")
    qa = _assistant_over(user_folder, embedder, "plan.md",
                         f"# 年度計画\n\n## 1. 人材育成\n\n{sentence}\n\n## 2. 広報\n\n広報誌を年4回発行する。\n")
    settings = user_folder[1].answer
    assert max(settings.direct_max_chars, settings.quote_as_answer_chars) < len(sentence) <= settings.quote_max_chars
    answer = qa.ask("地方ミニ講座はどんな形式で開かれる？")
    assert not answer.abstained
    assert answer.text.splitlines() == [f"{sentence}[1]"], answer.text
    assert answer.citations[0].quote == sentence


def test_an_abbreviation_the_document_defines_stands_for_its_name(user_folder, embedder):
    """A document that defines 「…センター（以下「ＲＣＰＣ」という。）」 and then writes either form answers a
    question asked in the other."""
    qa = _assistant_over(user_folder, embedder, "plan.md", (
        "# 事業計画\n\n## 1. 体制\n\n"
        "地域の中小企業を支える地域連携推進センター（以下「ＲＣＰＣ」という。）を各県に置く。\n\n"
        "## 2. 沿革\n\n地域連携推進センターは令和5年4月1日に発足した。\n\n"
        "## 3. 実績\n\nＲＣＰＣは令和6年度に経営相談を１２０件受け付けた。\n"))
    answer = qa.ask("RCPCはいつ発足した？")
    assert not answer.abstained and "令和5年4月1日" in answer.text.splitlines()[0], answer.text
    answer = qa.ask("地域連携推進センターが令和6年度に受け付けた経営相談は何件？")
    assert not answer.abstained and "１２０件" in answer.text.splitlines()[0], answer.text


def test_what_a_measure_counts_is_read_from_the_note_under_it(user_folder, embedder):
    """「…として数えられるのは」 asks what a target counts: the note (※) under the target says it, past the
    target's labels in brackets."""
    qa = _assistant_over(user_folder, embedder, "plan.md", (
        "# 中期目標\n\n## 1. 地域企業の販路開拓\n\n"
        "指標１：地域企業の販路開拓成約件数について、中期目標期間中に 120件以上達成する。\n"
        "（アウトカム指標）【重要度高】\n"
        "※商談会での売買契約、代理店契約（独占契約を含む）、越境ECへの出品、展示会での受注等。\n\n"
        "## 2. 予算\n\n予算は１５億円とする。\n"))
    answer = qa.ask("地域企業の販路開拓の成約件数として数えられるのはどんなもの？")
    first = answer.text.splitlines()[0]
    assert "越境ECへの出品" in first and "代理店契約（独占契約を含む）" in first, answer.text
    assert "120件" not in first  # the target is not what it counts


def test_a_figure_is_not_given_for_a_named_body_the_passage_never_names(user_folder, embedder):
    qa = _assistant_over(user_folder, embedder, "report.md", (
        "# 業務実績\n\n## 1. 北陸地域の相談対応\n\n北陸地域における経営相談件数は１２０件であった。\n\n"
        "## 2. 予算\n\n予算は１５億円とする。\n"))
    assert not qa.ask("北陸地域の経営相談件数は何件？").abstained  # the passage's own figure
    answer = qa.ask("中小企業技術研究所の北陸地域の経営相談件数は何件？")
    assert answer.abstained and "中小企業技術研究所" in answer.text, answer.text


def test_a_follow_up_is_searched_around_what_the_previous_answer_quoted(assistant):
    from assistant.dialogue import Turn

    first = assistant.ask("IPAは令和2年度、ハラスメントに関する規程にどの類型を追加した？")
    quoted = {assistant.searcher.chunks.row_of(c.chunk_id) for c in first.citations}
    place = assistant._place("体制面では具体的にどう強化したの？", [Turn(first.question, first.text)])
    assert quoted and quoted <= place
    assert all(assistant.searcher.chunks[r].source == first.citations[0].source for r in place)
    # A follow-up that names another organization has moved elsewhere: no place.
    assert assistant._place("NEDOの場合は？", [Turn(first.question, first.text)]) == frozenset()


def test_a_version_said_once_in_a_comparison_of_two_revisions_is_asked_of_both(assistant):
    # 「変更案」 is written once, after the first document; the second part is asked of its 変更案 column too.
    answer = assistant.ask("スタートアップの海外展開成功件数の目標を、JETROの変更案（令和5年度補正）と"
                           "経産省の新旧対照表（令和7年）で比べると？")
    sources = {c.source for c in answer.citations}
    assert len(sources) == 2, answer.text
    assert all(c.version in (None, "変更案") for c in answer.citations), [c.version for c in answer.citations]


def test_a_document_named_by_the_organizations_it_covers_is_that_document_not_each_organization(assistant):
    # 「経産省のNEDO・JETRO・IPA新旧対照表」 is one document: the JETRO target is compared across the two documents
    # that give it, not asked of NEDO and IPA too.
    answer = assistant.ask("JETROの対日投資支援件数の目標、JETRO単体の変更案と経産省のNEDO・JETRO・IPA新旧対照表とで"
                           "数字はどう違う？")
    assert len({c.source for c in answer.citations}) == 2, answer.text
    assert all("JETRO" in c.title for c in answer.citations), answer.text


def test_a_ministry_named_as_the_owner_of_its_agencys_table_is_where_to_look_not_a_document_to_compare(assistant):
    # The ministry's own document is a policy paper: 「METIの新旧対照表」 is the table of the agency asked about, so
    # the question is of JETRO's target alone, not of METI's paper and JETRO's document side by side.
    answer = assistant.ask("METIの新旧対照表にあるJETRO中期目標で、対日投資誘致成功件数の目標は何件以上？")
    assert not answer.abstained, answer.text
    assert answer.citations and all("JETRO" in c.title for c in answer.citations), answer.text


def test_a_term_the_question_quotes_is_looked_for_in_the_texts_when_no_passage_retrieved_says_it(assistant):
    from index.search import Filters
    from index.text import compact

    # Nothing retrieved: the chunks that say the quoted term — wrapped over a line in the text — join the pool.
    added = assistant._with_quoted([], "「アジアDXプロジェクト」は、どんな取組？", None)
    assert 1 <= len(added) <= assistant.settings.rank.quoted_reach
    assert all("アジアDXプロジェクト" in compact(p.chunk.text) for p in added)
    # … within the filters the user set; a quoted word of a document's title is no term to look for.
    elsewhere = Filters(sources=["ipa-fy2024-annual-plan.txt"])
    assert assistant._with_quoted([], "「アジアDXプロジェクト」は？", elsewhere) == []
    assert assistant._with_quoted([], "経済産業政策「新機軸」の目標は？", None) == []


def test_a_figure_asked_of_an_indicator_whose_line_states_none_is_read_in_its_paragraph(assistant):
    # 「指標１－１：…５以上の領域において…」 states no score; the paragraph under it does (「…１００点以上を目標の
    # 水準とする。」): the figure is answered from there, not refused for want of one on the label's line.
    answer = assistant.ask("IPAの第五期中期目標で、指標１－１は何点以上が目標？")
    assert not answer.abstained, answer.text
    assert "１００点以上" in answer.text.split("\n")[0], answer.text


def test_two_tables_compared_in_both_columns_give_each_tables_change(assistant):
    # Two revisions of one comparison table, asked for 現行 and 変更案: each table's figure from its current column to
    # its amended one, with both sentences quoted — not the amended figure alone.
    answer = assistant.ask("JETROの対日投資誘致成功件数の目標は、JETROの変更案の新旧対照表と経産省の新旧対照表"
                           "（NEDO・JETRO・IPA）とで、現行と変更案でそれぞれ何件以上？")
    first = answer.text.split("\n")[0]
    assert first.count("→") >= 4 and first.count("（現行 → 変更案）") == 2, answer.text
    assert len(answer.citations) >= 4, answer.text


def test_a_figure_of_another_kind_asked_after_a_date_is_answered_as_a_second_part(assistant):
    # 「いつから始まって、いくつの自治体が使った？」: the sentence with the start says no count; the count is answered
    # from its own sentence, on the first line with the date.
    from assistant.values import states_kind

    answer = assistant.ask("IPAの自治体テレワークシステム for LGWANはいつから始まって、いくつの自治体が使った？")
    assert not answer.abstained, answer.text
    first = answer.text.split("\n")[0]
    assert states_kind(first, "date") and "500" in first, answer.text


def test_each_document_of_a_comparison_answers_where_it_says_the_name_asked_of(assistant):
    # A name in Latin letters asked of two documents: each part quotes its document's sentence that says it, not
    # the sentence closest to the rest of the question (of a figure of another thing).
    answer = assistant.ask("J-Bridgeは、JETROの中期目標ではどういう扱いで、新機軸の資料ではどう使うとされている？")
    assert len({c.source for c in answer.citations}) == 2, answer.text
    assert all("J-Bridge" in c.quote for c in answer.citations), answer.text


def test_a_year_asked_beside_the_year_of_the_document_named_is_asked_of_that_document(assistant):
    # 「令和2年度評価で…令和元年度の…」: the evaluation is the document, 令和元年度 the time asked — not two documents
    # to compare. What it says of that year answers, from it alone; a figure it gives only for another year does not.
    answer = assistant.ask("IPAの令和2年度評価で、令和元年度の実践研修の受講者に行ったフォローアップアンケートの"
                           "結果は？")
    assert not answer.abstained and "令和元年度" in answer.text, answer.text
    assert {c.source for c in answer.citations} == {"ipa-fy2020-annual-evaluation.txt"}, answer.text
    answer = assistant.ask("IPAの令和2年度評価では、Emotetの注意喚起ページの閲覧数は令和元年度末時点でどれだけだった？")
    assert answer.abstained, answer.text  # (the evaluation gives the count at the end of 令和2年度 only)
    # Two years neither written as a document are both asked, each from its own document.
    answer = assistant.ask("IPAの令和2年度の実績と令和6年度の目標で、DX推進指標の自己診断の組織数はそれぞれ？")
    assert len({c.source for c in answer.citations}) == 2, answer.text


def test_a_comparison_asked_of_one_organizations_document_is_answered_from_its_documents_alone(assistant):
    # 「JETROの中期目標で…2025年と2030年でそれぞれ」 compares two figures JETRO's document gives, not two documents:
    # another organization's document of the same kind is not quoted beside it (before, IPA's 中期目標 was).
    answer = assistant.ask("JETROの中期目標で見据えている農林水産物・食品の輸出額の政府目標は、2025年と2030年で"
                           "それぞれいくら？")
    assert not answer.abstained and "JETRO" in answer.text, answer.text
    assert all("JETRO" in c.title for c in answer.citations), answer.text
    # One document named (the 令和6年度計画) is answered from it alone, not beside the 令和2年度評価 as well.
    answer = assistant.ask("IPAの令和6年度計画における業務経費等の効率化目標は？一般管理費と業務経費それぞれで。")
    assert not answer.abstained, answer.text
    assert {c.source for c in answer.citations} == {"ipa-fy2024-annual-plan.txt"}, answer.text
    # Another organization's document named by its title word (「新機軸」, METI's) is still asked of.
    answer = assistant.ask("JETROの中期目標と「新機軸」で、対内直接投資残高の目標はそれぞれいくら？")
    assert "meti-new-axis-key-messages.txt" in {c.source for c in answer.citations}, answer.text


def test_a_month_asked_is_said_by_a_bare_month_in_a_document_about_that_fiscal_year(assistant):
    # 「…を 5 月に新設」 in the 令和2年度 evaluation is May 2020 (a fiscal year runs April to March).
    answer = assistant.ask("IPAが令和2年5月に新設した「クラウドサービス評価グループ」は何を行う組織？")
    assert not answer.abstained, answer.text
    assert "安全性評価" in compact(answer.text), answer.text


def test_a_date_is_answered_by_the_sentence_naming_the_asked_thing_when_as_close(user_folder, embedder):
    """A sentence with the question's words and a date but not the asked thing (「…会議を開き…（令和 2 年 10 月）」)
    scores as high as the one that names it (「…検討会を開催（令和 2 年 12 月）」) in another section: the one naming
    the asked thing answers, rather than 「資料に記載なし」."""
    qa = _assistant_over(user_folder, embedder, "evaluation.md", (
        "# 令和2年度 業務実績評価\n\n## アーキテクチャ設計\n\n### インキュベーションラボ\n\n"
        "・ビジネス、法律、技術の各分野から著名な有識者を集めてアーキテクチャ設計のテーマを評価する会議を開き、"
        "3 テーマを採択（令和 2 年 10 月）。\n\n・採択したテーマについて、ステークホルダーへのヒアリングを実施。\n\n"
        "### 自律移動ロボット\n\n・ドローンを活用する事業者など 51 組織にヒアリングを実施し、ニーズを分析。\n\n"
        "・自律移動ロボット WG として、有識者が一堂に会するアーキテクチャの検討会を開催（令和 2 年 12 月）。\n\n"
        "・DADC からアーキテクチャ設計の意義を提示し、参加者と意見交換を実施。\n"))
    answer = qa.ask("有識者を集めたアーキテクチャの検討会はいつ開いた？")
    assert not answer.abstained, answer.text
    assert "12 月" in answer.text.split("\n")[0], answer.text


def test_a_score_asked_is_answered_by_the_bare_decimal_the_plan_gives(assistant):
    # 「平均スコア２．２を目指す」: a score, like a rate, is written without a unit.
    answer = assistant.ask("令和6年度、IPAは自己診断結果の成熟度レベルの平均スコアをいくつにする計画？")
    assert not answer.abstained and "2.2" in compact(answer.text).split("[")[0], answer.text


def test_the_targets_a_plan_sets_are_its_labelled_indicators_not_their_rationale(user_folder, embedder):
    """「…にはどんな数値目標がある？」 over 「以下のとおり定量指標を設定する。」, 「指標２－１：…」「指標２－２：…」
    and, under 「＜目標水準の考え方＞」, a paragraph for each label: the answer is the two indicators with their
    target figures, not the paragraphs explaining them. The lead-in may name them in any of the words a question
    uses (「以下のとおり数値目標を設定する。」)."""
    for announced in ("定量指標", "数値目標"):
        qa = _assistant_over(user_folder, embedder, "plan.md", (
            "# 中長期目標\n\n## スタートアップの成長支援\n\n"
            "研究開発型スタートアップの成長支援は、新産業の創出に向けて一層重要になっている。\n\n"
            f"このため、上記の業務に積極的に取り組むことを促すため、以下のとおり{announced}を設定する。\n\n"
            "（定量指標）\n\n"
            "指標２－１：支援したスタートアップによる民間資金の獲得額について、累計３００億円以上を目指す。\n\n"
            "【重要度高】\n\n"
            "指標２－２：スタートアップの追跡調査で、支援に満足していると回答した率８５％以上を目指す。\n\n"
            "＜目標水準の考え方＞\n\n"
            "指標２－１：スタートアップの成長支援の成果を、民間資金の獲得という観点から測るために設定した。\n\n"
            "指標２－２：スタートアップの成長支援への満足度を、支援先から直接測るために設定した。\n"))
        for question in ("スタートアップの成長支援にはどんな数値目標がある？", "成長支援の定量指標って何？"):
            answer = qa.ask(question)
            first = answer.text.splitlines()[0]
            assert "３００億円以上" in first and "８５％以上" in first, (announced, question, first)
            assert not any("設定した" in c.quote for c in answer.citations), (announced, question, answer.text)


def test_a_reason_asked_of_a_labelled_indicator_is_its_paragraph_under_the_rationale_heading(user_folder, embedder):
    """Under 「＜目標水準の考え方＞」 the labelled paragraph is the reason itself, though it says no 「ため」: the
    answer is not the next rationale heading's paragraph of another label."""
    qa = _assistant_over(user_folder, embedder, "plan.md", (
        "# 中長期目標\n\n## スタートアップの成長支援\n\n（定量指標）\n\n"
        "指標２－１：支援したスタートアップによる民間資金の獲得額について、累計３００億円以上を目指す。\n\n"
        "指標２－２：スタートアップの追跡調査で、支援に満足していると回答した率８５％以上を目指す。\n\n"
        "＜目標水準の考え方＞\n\n"
        "指標２－１：民間資金の獲得額は、前期の実績を基に設定する。\n\n"
        "指標２－２：担当者１人当たりの支援先が増えているが、その中であっても前期と同レベル以上の満足度を求める。\n\n"
        "＜重要度高の設定理由＞\n\n指標２－１\n\n"
        "【重要度高】：機構は、研究開発資金を優れたスタートアップの育成に充てる組織である。\n"))
    first = qa.ask("指標２－２で前期と同レベル以上の満足度を求める理由は？").text.splitlines()[0]
    assert "指標２－２" in first and "支援先が増えている" in first, first


def test_a_term_described_by_the_clause_before_it_is_defined_by_that_clause(user_folder, embedder):
    """「…変革を狙う「地域共創プロジェクト」等に留意しつつ」: asked what the term is (in the words of its kind,
    「どんな狙いの取組」, which the clause says as a verb), the clause before the term answers — from after the
    sentence's topic — and the sentence is quoted from its start."""
    qa = _assistant_over(user_folder, embedder, "objectives.md", (
        "# 中期目標\n\n## 協業の促進\n\n"
        "海外企業との連携を通じた社会課題解決に貢献するビジネスの共創も重要である。\n"
        "機構は、地域の新興企業との新事業創出を通じた地域産業の変革を狙う「地域共創プロジェクト」等の取組にも"
        "留意しつつ、有望な企業の情報発信や業務提携を促進していく。\n\n"
        "## 人材\n\n起業家育成プログラムについて、5年間で1,000人の人材を海外に派遣する。\n"))
    answer = qa.ask("中期目標に出てくる「地域共創プロジェクト」とは、どんな狙いの取組ですか？")
    assert not answer.abstained, answer.text
    first = answer.text.splitlines()[0]
    assert "地域産業の変革を狙う" in first and "機構は" not in first, first
    assert answer.citations[0].quote.startswith("機構は"), answer.citations[0].quote


def test_a_list_of_a_set_the_question_does_not_count_comes_from_the_sentence_that_gives_its_members(
        user_folder, embedder):
    """「…領域を全部挙げて」 where the closest sentence only counts the set (「３以上の領域で…を進め」) and another
    counts it with its members as the lettered items under it: the members answer."""
    qa = _assistant_over(user_folder, embedder, "plan.md", "# 年度計画\n\n## 社会実装\n\n" + _areas_under_an_item(
        "人流・物流に関する３領域におけるアーキテクチャ設計を進め、その社会実装を促進する。",
        " {}の仕様を策定し、その社会実装を関係者と共に後押しする。")
        + "\n## 評価指標\n\n・アーキテクチャ設計を進める３以上の領域で設計を実施し、累計で４０点の水準を達成する。\n")
    first = qa.ask("アーキテクチャ設計を進める領域を全部挙げて。").text.splitlines()[0]
    assert all(a in first for a in _AREAS) and "産学官" not in first, first


def test_a_paragraph_cut_by_a_chunks_end_is_still_about_the_name_said_before_the_cut(user_folder, embedder):
    filler = "".join(f"{n}つ目に、支援の過程で得られた知見を整理し、関係機関と共有することで"
                     "事業全体の効率化を図ることが期待される。" for n in ("一", "二", "三", "四", "五", "六"))
    qa = _assistant_over(user_folder, embedder, "objectives.md", (
        "# 中期目標\n\n## 連携促進\n\n"
        "2021年度に開始したZ-Linkによる連携支援について、2021年度における成功件数の実績は6件である。\n"
        f"{filler}\nまた、連携支援の成功率は2021年度の実績で約5％であるところ、同水準の10％を目指す。\n\n"
        "## 標準化\n\n"
        "・Q-Standardの委員会原案が審議され、委員会原案第3版への移行が決定。\n"
        f"{filler}\n"
        "・別の規格の最終国際規格案への移行が決定された。その委員会原案の投票は令和3年2月から開始。\n"))
    chunks = qa.searcher.chunks
    rate = next(c for c in (chunks[i] for i in range(len(chunks))) if "成功率は" in c.text)
    assert "Z-Link" not in rate.text  # the figure's chunk does not say the name itself
    answer = qa.ask("Z-Linkによる連携支援の成功率は？")
    assert not answer.abstained and "約5％" in answer.text.splitlines()[0], answer.text
    # A new item (「・別の規格…」) is about another thing: the name said in the item before does not carry over.
    vote = next(c for c in (chunks[i] for i in range(len(chunks))) if "投票" in c.text)
    assert "Q-Standard" not in vote.text and "Q-Standard" in qa.searcher.previous_chunk(vote.chunk_id).text
    answer = qa.ask("Q-Standardの委員会原案の投票はいつから始まった？")
    assert answer.abstained, answer.text


def test_the_second_thing_a_question_asks_is_quoted_from_the_sentence_that_says_it(user_folder, embedder):
    qa = _assistant_over(user_folder, embedder, "paper.md", (
        "# 政策資料\n\n## 地域の成長\n\n"
        "➢ 希望出生率は、2010年、2015年ともに1.8であったが、2021年に1.6と低下。\n"
        "これは、未婚者の希望低下によるものであり、その最大の要因は所得水準が低いこと。\n"
        "➢ 地域において良質な雇用を創出する。\n\n## 予算\n\n事業予算は総額１５億円とする。\n"))
    answer = qa.ask("2021年の希望出生率はいくつで、低下の最大の要因は何とされている？")
    assert "1.6" in answer.text.splitlines()[0] and "所得水準" in answer.text, answer.text
    assert "良質な雇用" not in answer.text, answer.text
    # A question that asks one thing is not given the next sentence.
    answer = qa.ask("2021年の希望出生率はいくつ？")
    assert "所得水準" not in answer.text, answer.text


def test_the_parts_of_a_titled_package_are_its_numbered_headings(user_folder, embedder):
    """A slide: its title, a lead, then 「①…」「②…」 headings, each over bullets of its own."""
    qa = _assistant_over(user_folder, embedder, "slides.txt", (
        "女性起業家支援パッケージ\n"
        "⚫ 起業家に占める女性の割合は少ないことから、女性起業家支援を総合的に推進する。\n"
        "①ロールモデルの創出\n"
        "○女性起業家の割合を今後10年で20%を目指す\n"
        "○女性起業家プログラムの新設\n"
        "②女性起業家支援ネットワーク構築\n"
        "○支援機関の全国ネットワークを拡充\n"
        "③金融支援\n"
        "○政策金融による女性起業家支援\n"
        "若手起業家支援パッケージ\n"
        "⚫ 若手の起業を後押しする。\n"
        "①相談窓口の設置\n"
        "○全国に窓口を設ける\n"))
    answer = qa.ask("女性起業家支援パッケージはどのような柱で構成されていますか？")
    first = answer.text.splitlines()[0]
    assert not answer.abstained, answer.text
    assert all(p in first for p in ("ロールモデルの創出", "女性起業家支援ネットワーク構築", "金融支援")), answer.text
    assert "相談窓口の設置" not in first  # the next slide's heading starts another package


def test_what_a_goal_asks_is_in_the_labelled_note_that_closes_its_item(user_folder, embedder):
    """A qualitative goal, a sentence more, then 「（関連指標：…）」: the note says what is asked of the goal."""
    qa = _assistant_over(user_folder, embedder, "objectives.md", (
        "# 中期目標\n\n## 対日直接投資の促進\n\n（定性目標）\n\n"
        "エ．規制改革等の状況や外国企業の要望等を踏まえつつ、外国企業の意見取り纏めと公表を行う。"
        "さらに政府等の関係各所への情報提供を十分に行い、我が国の投資環境の改善に繋げること。\n"
        "（関連指標：情報提供をはじめとする政府・地方自治体等との連携活動件数）\n\n"
        "オ．プロモーション活動の成果等について定量的なデータの把握に努める。\n"
        "（関連指標：ウェブサイト閲覧数）\n"))
    answer = qa.ask("定性目標エ（外国企業の意見取り纏めと公表）の関連指標は？")
    first = answer.text.splitlines()[0]
    assert not answer.abstained and "連携活動件数" in first, answer.text
    assert "ウェブサイト閲覧数" not in first  # the next goal's note


def test_the_labelled_note_of_a_goal_about_as_close_as_the_best_sentence_answers(assistant):
    """The best sentence on promotion is a point of view without a note; the goal on promotion, about as close to
    the question, closes with the asked 「（関連指標：…）」."""
    answer = assistant.ask("JETROの中期目標の変更案で、プロモーション活動の定性目標にはどんな関連指標が付いている？")
    first = answer.text.splitlines()[0]
    assert "関連指標" in first and "イベントの開催件数" in first, answer.text


def test_the_parts_a_sentence_names_as_parts_of_the_whole_are_its_breakdown(user_folder, embedder):
    qa = _assistant_over(user_folder, embedder, "evaluation.md", (
        "# 年度評価\n\n## 調達\n\n"
        "・随意契約の見直しを進めた結果、相見積りの件数は 48 件であり、前年度と比較して、12 件減である。"
        "48 件のうち、物品の件数は 25 件であり、前年度と比較して 4 件減である。役務の件数は、21 件であり、"
        "前年度と比較して、8 件減である。物品の件数は 25 件であり、納期の短さ（11 件）などの事由により発生。\n"))
    # 25 + 21 is not 48 (the rest is said nowhere), so no run of figures adds up to it: the sentence that
    # names the whole (「48 件のうち」) gives the parts — not the changes beside them, nor a later sentence.
    first = qa.ask("相見積りの件数の内訳は？").text.splitlines()[0]
    assert "25 件" in first and "21 件" in first, first
    assert "4 件" not in first and "11 件" not in first, first


def test_a_question_for_what_a_label_heads_is_answered_by_the_items_under_it(user_folder, embedder):
    qa = _assistant_over(user_folder, embedder, "policy.md", (
        "# 政策資料\n\n## ミッション③：水素社会の実現\n\n### ⚫ 当面見据える長期目標\n\n"
        "➢ 供給目標：2030年に水素供給量300万トンを実現する。\n\n"
        "➢ 価格目標：2030年に水素価格を30円/Nm3とする。\n\n"
        "### ⚫ これまでの施策\n\n➢ 水素基本戦略を改定し、サプライチェーン構築を支援。\n"))
    answer = qa.ask("水素社会の実現ミッションの長期目標は？")
    assert "300万トン" in answer.text and "30円" in answer.text, answer.text
    # A word only one item says asks for that item alone.
    assert "300万トン" not in qa.ask("水素の価格目標は？").text.splitlines()[0]


def test_a_lead_in_naming_the_asked_kind_beats_an_item_of_another_list(user_folder, embedder):
    """「…に協力した業界団体を全部挙げて」: the bullets under 「以下の業界団体等の協力を得て」 are the answer, not
    the list of bullets around a closer-scoring sentence that never names 業界団体."""
    qa = _assistant_over(user_folder, embedder, "eval.md", (
        "# 年度評価\n\n## 契約書\n\n○「モデル取引・契約書」第二版の作成\n\n"
        "・ユーザ企業とベンダ企業とが新たな関係を構築できるよう、「モデル取引・契約書」第二版の検討を行った。\n\n"
        "・具体的には、法律専門家の協力を得た検討WGにおいて、「モデル取引・契約書」第二版の条項の検討を全部行った。\n\n"
        "・前年度に引き続き、以下の業界団体等の協力を得て、ユーザ企業、ベンダ企業から構成される組織により実施。\n\n"
        "- 一般社団法人ソフトウェア協会\n\n- 一般社団法人電子情報協会\n\n- 一般社団法人ユーザー協会\n"))
    first = qa.ask("「モデル取引・契約書」第二版の検討に協力した業界団体を全部挙げて。").text.splitlines()[0]
    assert all(f"{x}協会" in first for x in ("ソフトウェア", "電子情報", "ユーザー")) and "ベンダ" not in first, first


def test_a_sentence_of_the_named_organization_beats_a_closer_one_of_another(user_folder, embedder):
    """Asked of METI's paper, a figure from JETRO's plan is no answer (it could only be 「資料に記載なし」): the
    paper's own sentence, about as close, is quoted."""
    qa = _assistant_of_organizations(user_folder, embedder, {
        "jetro.md": ("JETRO", "# 独立行政法人日本貿易振興機構（JETRO）中期目標\n\n## 対日投資\n\n"
                     "「対日直接投資促進戦略」で定めた「2030年における対内直接投資残高80兆円」という政府目標の達成に"
                     "貢献する。\n"),
        "meti.md": ("METI", "# 経済産業政策「新機軸」のキーメッセージ\n\n## グローバル化\n\n"
                    "➢ 「内なる国際化」に向けて、外国企業が魅力を感じる環境の整備に全力で取り組む。\n\n"
                    "➢ 2030年に対内直接投資残高を80兆円、早期に100兆円に\n")})
    # (「新機軸」, quoted in the paper's title, names its organization)
    answer = qa.ask("新機軸の資料では、対内直接投資残高の政府目標はどれくらい？")
    assert not answer.abstained and all(c.source == "meti.md" for c in answer.citations), answer.text


def test_an_organization_asked_by_another_name_the_manifest_gives_is_the_organization(user_folder, embedder):
    """Users call an organization by names no document writes (a reading of its abbreviation): the manifest lists
    them, and a question using one is asked of that organization's documents, not the closer sentence of another."""
    qa = _assistant_of_organizations(user_folder, embedder, {
        "acme.md": ("ACME", "# ACME 事業計画\n\n## 支援\n\n中小企業の海外展開支援件数を年間500件以上とする。\n"),
        "beta.md": ("BETA", "# BETA 事業計画\n\n## 支援\n\n海外展開支援件数の目標は、中小企業の海外展開支援件数を"
                            "年間800件以上とすることである。\n")},
        manifest_head="organizations:\n  ACME: [ｱｸﾒ, AcmeJapan]\n  GAMMA: [ガンマ]\n")
    # (a name is read as questions are, NFKC: the half-width 「ｱｸﾒ」 is 「アクメ」)
    for name in ("アクメ", "AcmeJapan"):
        question = f"{name}の海外展開支援件数の目標は？"
        assert qa.analyze(question).constraints.organizations == ("ACME",)
        answer = qa.ask(question)
        assert not answer.abstained and "500件" in answer.text and "800件" not in answer.text, answer.text
        assert {c.source for c in answer.citations} == {"acme.md"}
    # (a name of an organization the index does not hold names nothing)
    assert qa.analyze("ガンマの海外展開支援件数の目標は？").constraints.organizations == ()


def test_a_file_named_by_the_organizations_it_covers_answers_a_question_of_one_figure(assistant):
    # 「NEDO・JETRO・IPAをまとめた経産省の新旧対照表」 names the file that holds the three organizations' tables: its
    # JETRO revision answers, and the other revision (JETRO's own file) is only noted beside it.
    covering = {}
    for c in assistant.searcher.chunks:
        covering.setdefault(c.source, set()).add(c.organization)
    (named,) = [source for source, organizations in covering.items() if len(organizations) >= 3]
    answer = assistant.ask("NEDO・JETRO・IPAをまとめた経産省の新旧対照表の変更案で、"
                           "国内外の協業・連携案件の支援件数の目標は？")
    assert not answer.abstained and answer.citations[0].source == named, answer.text
    # The other revision's figure is still noted beside it, from its own file.
    assert len({c.source for c in answer.citations}) == 2, answer.text


def test_a_markdown_heading_is_a_heading_not_an_answer(user_folder, embedder):
    """「# 技術機構 令和６年度計画」 shares the words the question names its document with, but it heads the
    document: the answer is the sentence about what is asked, not the headings under the title (beside another
    year's evaluation that says much about the same thing)."""
    docs, _ = user_folder
    sections = "".join(
        f"## 取組{i}\n\n・第{i}回の法定講習はオンライン講習に切り替え、講習の受講者{i * 40}名が受講した。\n"
        f"・講習の教材は第{i}回の受講者アンケートを踏まえ、講習の内容を改訂した。\n\n" for i in range(1, 13))
    (docs / "evaluation.md").write_text("# 技術機構 令和２年度評価\n\n" + sections, encoding="utf-8")
    qa = _assistant_over(user_folder, embedder, "plan.md", (
        "# 技術機構 令和６年度計画\n\n## 人材育成\n\n"
        "・登録簿への登録及び登録情報の公開を行い、最新動向を反映した講習を実施する。\n"
        "・試験の応募者数を増やすため、広報を強化する。\n\n## 業務運営\n\n・業務の効率化を進める。\n"))
    answer = qa.ask("令和6年度計画で、講習についてはどうする？")
    assert not answer.abstained and "最新動向を反映した講習" in answer.text.splitlines()[0], answer.text
    assert "#" not in answer.text


def test_a_target_asked_as_such_is_the_sentence_that_sets_it_as_a_figure(user_folder, embedder):
    """「どんな目標」: the sentence setting the target (「…１億円以上確保する」) beats a closer-scoring one on how the
    target is worked toward."""
    qa = _assistant_over(user_folder, embedder, "plan.md", (
        "# 令和６年度計画\n\n## 出資業務\n\n"
        "（１） 出資業務については、令和４年度決算額と比較して、令和６年度末までに経常収益の額で１億円以上確保する。\n"
        "そのために、出資先センターの経営状況を的確に把握し、経営者との情報交換を密に行い、"
        "出資業務の指導・助言等を積極的に行う。\n"))
    _answers_on_first_line(qa, "センターへの出資業務ではどんな目標になってる？", "１億円以上")


def test_a_name_qualified_in_brackets_after_it_names_the_measure_with_the_qualifier_before(user_folder, embedder):
    """「バイオ関連投資（国内）：…年間3兆円」 states the 国内投資額 (a sum of money stated is the 額), and 「…市場
    （グローバル）」 the グローバル市場 — not the 国内 one."""
    qa = _assistant_over(user_folder, embedder, "policy.md", (
        "# 政策資料\n\n## バイオものづくり\n\n### 長期目標\n\n"
        "➢ バイオ関連市場（グローバル）：2018年60兆円⇒2030年92兆円\n\n"
        "➢ バイオ関連投資（国内）：2030年までに年間3兆円\n"))
    _answers_on_first_line(qa, "バイオものづくりの長期目標で、国内投資額は？", "3兆円")
    answer = qa.ask("バイオものづくりの長期目標で、国内市場規模は？")
    assert "92兆円" not in answer.text.splitlines()[0], answer.text  # (the グローバル one)
    _answers_on_first_line(qa, "バイオものづくりの長期目標で、グローバル市場はいくら？", "92兆円")


def test_a_group_the_question_names_by_its_title_is_answered_by_the_bullets_under_it(user_folder, embedder):
    """Bracketed titles over bullets (a slide): 「…のうち、「地域の核となる企業の成長」にはどんな施策」 asks that
    group's bullets, not the titles of its siblings — up to the next title set apart by a blank line (a bracket on
    the line right after a bullet goes on with it)."""
    qa = _assistant_over(user_folder, embedder, "policy.txt", (
        "地域の包摂的成長\n\n【若者の所得の増加に繋がる産業政策】\n\n（地域の核となる企業の成長）\n\n"
        "○ 中堅企業に対する集中支援（経営者ネットワークの構築等）\n（法改正も視野に検討）\n\n"
        "○ 中小企業の事業再構築への支援\n\n○ 価格転嫁対策の推進\n\n"
        "（地域の資金が循環するエコシステムの確立）\n\n○ 観光業等への投資促進\n\n○ 地域金融機関との連携強化\n"))
    answer = qa.ask("若者の所得の増加に繋がる産業政策のうち、「地域の核となる企業の成長」にはどんな施策がある？")
    first = answer.text.splitlines()[0]
    assert "中堅企業に対する集中支援" in first and "価格転嫁対策" in first, answer.text
    assert "観光業" not in first and "エコシステム" not in first, answer.text


def test_a_follow_up_asking_about_something_new_is_not_answered_with_the_sentence_just_quoted(user_folder, embedder):
    """「その監査って、どこから頼まれてやるの？」 after an answer quoting the section's first item: the resolved
    question still carries the first question's words, which that item matches best, but it says nothing of 監査;
    the item that does answers."""
    from assistant.dialogue import Turn

    qa = _assistant_over(user_folder, embedder, "plan.md", (
        "# 試験研究機構（TRI）令和6年度計画\n\n## （１）政府機関等の情報管理の支援\n\n"
        "① 政府機関等の情報管理を支援するため、政府機関の要請に基づく情報システムの監視を実施する。\n"
        "② 戦略本部からの委託により、所管法人の監査を実施する。\n\n"
        "## （２）人材の育成\n\n" + _FILLER))
    first = qa.ask("TRIの令和6年度計画だと、政府機関等の情報管理の支援として何をやることになってる？")
    answer = qa.ask("その監査って、どこから頼まれてやるの？", history=[Turn(first.question, first.text)])
    assert not answer.abstained and "戦略本部" in answer.text.splitlines()[0], answer.text


def test_a_follow_up_the_sentence_just_quoted_answers_with_a_figure_of_the_asked_kind_keeps_it(user_folder, embedder):
    """「公開はいつ？」 after an answer quoting a report's dated sentence: 公開 is a new word, but the sentence states
    a date, which is what is asked; another sentence that says 公開 does not answer instead."""
    from assistant.dialogue import Turn

    qa = _assistant_over(user_folder, embedder, "report.md", (
        "# 試験研究機構（TRI）令和2年度 業務実績\n\n## １．調査の実施\n\n"
        "・調査報告書「地域産業の将来像に関する調査」を取りまとめ（令和3年2月）。\n" + _FILLER
        + "・このほか、令和3年3月に講演動画を公開し、周知に努めた。\n\n## ２．人材の育成\n\n" + _FILLER))
    first = qa.ask("TRIが令和2年度に取りまとめた調査報告書の題名は？")
    assert "地域産業の将来像" in first.text.splitlines()[0], first.text
    answer = qa.ask("公開はいつ？", history=[Turn(first.question, first.text)])
    assert not answer.abstained and "令和3年2月" in answer.text.splitlines()[0], answer.text


def test_an_earlier_year_is_read_from_the_table_row_of_the_figure_the_report_states(user_folder, embedder):
    """「平成30年度は？」 after 「…登録者数、令和2年度の実績は？」 in the 令和2年度 report: the data table's row whose
    令和2年度 cell is the figure the report states is that measure's row, though its label runs over the lines above
    it in other words, and its 平成30年度 cell answers."""
    from assistant.dialogue import Turn

    filler = "・関係機関と連携し、年間を通して発信の体制を見直すとともに、利用者の声を踏まえた改善を継続。\n" * 3
    qa = _assistant_over(user_folder, embedder, "evaluation.md", (
        "# 試験研究機構（TRI）令和2年度 年度評価\n\n## Ⅰ 情報発信に関する事項\n\n### ２．主要な経年データ\n\n"
        "評価対象となる指標 達成目標 平成 30 年度 令和元年度 令和 2 年度\n\n"
        "機構の情報を\n継続的に受け\n取る登録者数\n\n"
        "計画値 12,000 人 12,000 人 12,000 人\n\n"
        "実績値 － 20,652 人 26,021 人 26,980 人\n\n"
        "### ３．業務実績と評価\n\n" + filler
        + "・メールニュース等の新規登録を合計した、機構の情報を継続的に受け取る登録者数は 26,980 人となり、"
          "目標値の 2.2 倍を達成。\n" + filler))
    first = qa.ask("TRIの情報を継続的に受け取る登録者数、令和2年度の実績は？")
    assert "26,980" in first.text.splitlines()[0], first.text
    answer = qa.ask("平成30年度は？", history=[Turn(first.question, first.text)])
    assert not answer.abstained and "20,652" in answer.text.splitlines()[0], answer.text


def test_an_earlier_year_is_read_from_a_table_row_retrieval_did_not_bring(user_folder, embedder):
    """The same, when the table is not among the passages read (here only the best one is, and the table labels
    the measure in other words): the report's row whose 令和2年度 cell is the figure the sentence answers with is
    found in the whole report — the count's row, not the achievement row that ends in the ratio the sentence also
    states."""
    from assistant.dialogue import Turn
    from index.search import Searcher
    from index.store import build

    docs, settings = user_folder
    filler = "・関係機関と連携し、年間を通して発信の体制を見直すとともに、利用者の声を踏まえた改善を継続。\n" * 3
    (docs / "evaluation.md").write_text(
        "# 試験研究機構（TRI）令和2年度 年度評価\n\n## Ⅰ 情報発信に関する事項\n\n### ２．主要な経年データ\n\n"
        "評価対象となる指標 達成目標 平成 30 年度 令和元年度 令和 2 年度\n\n"
        "配信先\nの累計\n件数\n\n"
        "計画値 12,000 人 12,000 人 12,000 人\n\n"
        "実績値 － 20,652 人 26,021 人 26,980 人\n\n"
        "達成度 － 172% 217% 225%\n\n"
        "### ３．業務実績と評価\n\n" + filler
        + "・メールニュース等の新規登録を合計した、機構の情報を継続的に受け取る登録者数は 26,980 人となり、"
          "目標値比 225% を達成。\n" + filler, encoding="utf-8")
    build(settings, embedder=embedder)
    one = settings.model_copy(update={"rank": settings.rank.model_copy(update={"pool": 1}),
                                      "retrieval": settings.retrieval.model_copy(update={"top_k": 1})})
    qa = Assistant(one, searcher=Searcher(one, embedder=embedder))
    first = qa.ask("TRIの情報を継続的に受け取る登録者数、令和2年度の実績は？")
    assert "26,980" in first.text.splitlines()[0], first.text
    assert not any("20,652" in p.chunk.text for p in first.passages)  # the table is not read
    answer = qa.ask("令和元年度は？", history=[Turn(first.question, first.text)])
    assert not answer.abstained and "26,021" in answer.text.splitlines()[0], answer.text


def test_an_answer_goes_on_to_the_sentence_that_gives_the_specifics(user_folder, embedder):
    """A section's first sentence says what is aimed at and the next, 「具体的には、…」, what is done: that sentence
    is quoted too. A question asking for specifics (「具体的に何をやった？」) reads on into the next sentence of the
    same paragraph, where a summary (「…オンライン形式で開催した。」) is followed by what was done."""
    qa = _assistant_over(user_folder, embedder, "objectives.md", (
        "# 試験研究機構（TRI）中期目標\n\n## （１）地域の産業基盤の強化\n\n"
        "地域の中小企業と大学・研究機関の連携を通じて地域の産業基盤を強化し、地域経済の持続的な成長と雇用の創出に貢献"
        "する。具体的には、部品の共同調達の促進と、技能者の育成を行う。\n\n"
        "## （２）海外展開の支援\n\n"
        "例年実施してきた見本市への出展は、感染症の拡大と渡航制限の影響により、全ての会場をオンライン形式に切り替えて"
        "開催した。今年度は、欧州の三都市と"
        "結んで商談会を実施した。\n\n## （３）人材の育成\n\n" + _FILLER))
    aimed = qa.ask("TRIの中期目標で、地域の産業基盤の強化では何をする？")
    assert not aimed.abstained and "共同調達" in aimed.text, aimed.text
    done = qa.ask("TRIの見本市への出展、具体的に何をやった？")
    assert not done.abstained and "商談会" in done.text, done.text


def test_what_is_done_under_a_group_the_question_names_is_answered_by_its_bullets(user_folder, embedder):
    """A slide names each group of its measures by a bracketed title, its bullets under it: 「…としては何をする？」
    naming a group by its head phrase is answered by that group's bullets — of either mark (done ⚫, to do ○) —
    and not by a sentence elsewhere that merely mentions the phrase."""
    qa = _assistant_over(user_folder, embedder, "slides.md", (
        "# 試験研究機構（TRI）の人材施策\n\n"
        "① 事業の拡大がボトルネックとならないように、人材の質・量の両面で、技能者不足への対応に万全を期す。\n\n"
        "## 人材（これまでの施策、今後の施策）\n\n"
        "【①徹底した技能者不足への対応】\n\n"
        "⚫ 高齢技能者の再雇用支援\n\n"
        "○ 技能継承マニュアルの公表・周知\n\n"
        "○ 自動化設備の導入支援\n\n"
        "【②処遇改善に向けた取組の強化】\n\n"
        "⚫ 取引価格の適正化\n\n"
        "○ 処遇改善税制の拡充\n"))
    answer = qa.ask("TRIの人材施策で、技能者不足への対応としては何をする？")
    assert not answer.abstained, answer.text
    first = answer.text.splitlines()[0]
    assert "再雇用" in first and "技能継承" in first and "自動化設備" in first, answer.text
    assert "取引価格" not in answer.text, answer.text


def test_a_count_of_things_is_answered_where_the_things_counted_are_named(user_folder, embedder):
    """「新規事業者数」 is said as 「新規事業者は年間約1,000件」: the sentence names the things counted, so the
    measure beside it (「輸出支援事業者数」) is no sibling the question did not ask about."""
    qa = _assistant_over(user_folder, embedder, "objectives.md", (
        "# 試験研究機構（TRI）中期目標\n\n## 輸出の支援\n\n"
        "2021年度の輸出支援事業者数のうち、機構の支援に参加した新規事業者は年間約800件のところ、本中期目標期間では"
        "これを年平均950件に引き上げることを目標とする。\n\n## 人材の育成\n\n" + _FILLER))
    answer = qa.ask("TRIの中期目標で、支援に参加する新規事業者数は年平均何件に引き上げる目標？")
    assert not answer.abstained and "950" in answer.text.splitlines()[0], answer.text


def test_an_ordinal_asked_is_answered_by_the_ordinal_written(user_folder, embedder):
    """「第何回」 asks which one (「第 16 回」), which no count answers — though counts are not ordinals."""
    qa = _assistant_over(user_folder, embedder, "report.md", (
        "# 試験研究機構（TRI）令和2年度評価\n\n## 普及啓発\n\n"
        "・「みんなの安全標語コンクール」を開催（令和 2 年度は第 16 回）。全国の小中学生から約 6 万点の応募が"
        "あった。\n\n"
        "## 人材の育成\n\n" + _FILLER))
    answer = qa.ask("TRIの令和2年度評価で、「みんなの安全標語コンクール」は第何回だった？")
    assert not answer.abstained and "第 16 回" in answer.text.splitlines()[0], answer.text


def test_years_a_named_organization_s_document_speaks_of_do_not_bring_in_another_s_document_of_that_year(
        user_folder, embedder):
    """「JETROの中期目標で、…合計額は2020年時点でいくら」: the year is a time the JETRO document speaks of — not
    IPA's 2020 evaluation, answered beside it as a second document."""
    qa = _assistant_of_organizations(user_folder, embedder, {
        "jetro-midterm-objectives.md": ("JETRO", (
            "# 日本貿易振興機構（JETRO）中期目標\n\n## 1. 輸出支援\n\n"
            "政府目標である「2030年までに中小企業等の輸出額及び現地法人売上高の合計額を 35.5兆円とする」ことを"
            "達成するためには、2020年時点で同合計額が 21.1兆円であることを踏まえると、年率 6％以上の伸びが必要になる。"
            "\n\n## 2. 対日投資\n\n" + _FILLER)),
        "ipa-fy2020-evaluation.md": ("IPA", (
            "# 情報処理推進機構（IPA）令和2年度 業務実績評価\n\n## 1. 評価\n\n"
            "令和2年度の達成度は 139%、175%、273% であり、年率で 3％以上の改善となった。\n\n" + _FILLER))})
    # (its second part, 「…現地法人売上高の合計額は2020年時点でいくら」, names only the year)
    answer = qa.ask("JETROの中期目標で、中小企業等の輸出額及び現地法人売上高の合計額は2020年時点でいくらとされ、"
                    "政府目標達成には年率何％以上の伸びが必要とされていますか")
    first = compact(answer.text.splitlines()[0])
    assert "21.1兆円" in first and "6%以上" in first, answer.text
    assert {c.source for c in answer.citations} == {"jetro-midterm-objectives.md"}, answer.text


def test_a_follow_up_the_last_answers_place_has_no_answer_to_is_answered_from_elsewhere(assistant):
    """「前年度は？」 after the count of a survey's answers: the place of the last answer (the report's account of
    the survey) states that year's count only; the year before is stated in the report's evaluation of it, found
    when the follow-up is searched without leaning towards that place."""
    from assistant.dialogue import Turn

    first = assistant.ask("IPAの令和2年度評価で、組込み/IoT産業の実態調査ではアンケートを何件回収した？")
    assert "1,561" in first.text.splitlines()[0], first.text
    answer = assistant.ask("前年度は？", history=[Turn(first.question, first.text)])
    assert not answer.abstained and "822" in answer.text.splitlines()[0], answer.text
