"""Tables printed column by column: row labels first, then each column's figures (pure, plus one synthetic
document answered end to end)."""

from index.column_table import find_column_tables, row_names
from index.sentences import build_sentences

from .test_assistant import _assistant_over
from .test_structure import _lines

# A budget table as a PDF's text layer gives it: the labels, then the one column's figures in the same order.
BUDGET = ["（単位:百万円）", "区 別 金 額", "収 入", "運営費交付金", "国庫補助金", "受託収入", "計",
          "１９，２６４", "６８", "２１１", "１９，５４３"]
# Two columns (予算, 決算) named by a header line; the second block shares the first one's header.
SETTLED = ["区別 予算 決算 主な増減要因", "収入", "運営費交付金", "計", "782", "782", "782", "782",
           "支出", "業務経費", "計", "782", "782", "654", "654", "・業務経費の減少は、経費の節減によるものである。"]


def test_each_figure_is_read_as_its_row_s():
    names = row_names([*BUDGET, "支 出"])
    assert names == {7: "運営費交付金", 8: "国庫補助金", 9: "受託収入", 10: "計"}


def test_columns_are_told_apart_by_the_header_and_the_totals():
    names = row_names(SETTLED)
    assert names[4] == "運営費交付金 予算" and names[6] == "運営費交付金 決算"
    assert names[11] == "業務経費 予算" and names[13] == "業務経費 決算" and names[14] == "計 決算"


def test_figures_that_do_not_add_up_to_the_total_are_no_table():
    # The labels' 計 must be the sum of the figures above it (within rounding), or it is not this table.
    assert find_column_tables(["運営費交付金", "国庫補助金", "計", "100", "20", "500"]) == []
    # Without a total, every label of the run must be a row.
    assert find_column_tables(["概要", "目標", "達成", "12", "30"]) == []
    assert row_names(["目標", "達成", "12", "30", "次の文。"]) == {2: "目標", 3: "達成"}


def test_figures_that_may_run_on_past_the_cells_given_are_not_paired():
    # Cut at a chunk's end, a table of three columns could be read as two: which column is which is unsure.
    assert row_names(SETTLED[:8]) == {}


def test_the_cells_of_such_a_table_stay_sentences_of_their_own():
    text = "\n\n".join(BUDGET) + "\n"
    sentences = build_sentences([line for line in _lines(text) if line.text.strip()], set(), set(), max_chars=200)
    texts = [s.text for s in sentences]
    assert "運営費交付金" in texts and "１９，２６４" in texts and "６８" in texts


def test_a_figure_of_a_table_printed_column_by_column_answers_for_its_row(user_folder, embedder):
    qa = _assistant_over(user_folder, embedder, "budget.txt", "\n\n".join([
        "令和６年度の予算", "予算（総表）", *BUDGET, "支 出", "業務経費", "一般管理費", "計",
        "１８，０００", "１，５４３", "１９，５４３", "以上の予算により業務を実施する。",
        "運営費交付金の予算と実績の乖離が見込まれる場合は、速やかに適正化を図る。"]) + "\n")
    for question, figure in (("令和６年度予算の国庫補助金はいくら？", "６８"),
                             ("令和６年度予算で、一般管理費はいくら？", "１，５４３")):
        answer = qa.ask(question)
        assert not answer.abstained and figure in answer.text.splitlines()[0], answer.text
        # The first line says the figure in its table's unit, with the row it is of.
        row = question.split("予算")[1].strip("、でのはいくら？")
        assert answer.text.startswith(f"{figure}百万円（{row}）"), answer.text
    # A question that asks no value is not answered with a bare figure of the table.
    first = qa.ask("令和６年度の運営費交付金の予算と実績がずれそうなときはどうする？").text.splitlines()[0]
    assert "適正化" in first, first


def test_only_a_total_shows_which_way_several_columns_run():
    # Without a 計 row, 2 labels and 4 figures could be read column by column or row by row: not read.
    assert find_column_tables(["男性", "女性", "10", "20", "30", "40", "次の文。"]) == []
    # A label that merely ends in 計 (統計, 一般会計) is a row, not a total.
    assert row_names(["調査", "統計", "10", "20", "次の文。"]) == {2: "調査", 3: "統計"}
    # The total must add up within the rounding of its rows, not loosely.
    assert find_column_tables(["A", "B", "C", "計", "1", "1", "1", "6"]) == []
    # A column of dashes holds no figures, and a dash cell is named by nothing.
    assert find_column_tables(["概要", "備考", "－", "－", "次の文。"]) == []
    assert 8 not in row_names([*BUDGET[:8], "－", *BUDGET[9:10], "１９，４７５", "支 出"])
