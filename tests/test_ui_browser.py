"""The chat UI in a real browser: headless Chromium driven by Playwright."""

import os
import re
import shutil
import socket

import pytest

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def _chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                      shutil.which("chromium"), shutil.which("google-chrome")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(assistant):
    from assistant.ui import serve

    port = _free_port()
    settings = assistant.settings.model_copy(
        update={"ui": assistant.settings.ui.model_copy(update={"port": port, "host": "127.0.0.1"})})
    assistant.settings = settings
    demo = serve(assistant, block=False)
    yield f"http://127.0.0.1:{port}"
    demo.close()


@pytest.fixture(scope="module")
def browser():
    path = _chromium()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is required under CI=true (scripts/ensure-chromium.sh installs it)")
        pytest.skip("no Chromium found: install Debian's chromium (make test does) or set CHROMIUM_PATH")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _settings(page) -> None:
    """Open the collapsed 「絞り込み・設定」 panel."""
    page.wait_for_selector("#settings", timeout=60_000)
    page.locator("#settings").get_by_text("絞り込み・設定").first.click()


def _ask(page, question: str) -> None:
    page.wait_for_selector("#question textarea", timeout=60_000)
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()


def test_question_streams_an_answer_with_citations_that_open_to_the_quote(app_url, browser, output_dir):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(app_url, wait_until="domcontentloaded")
    status = page.locator("#index-status").inner_text(timeout=60_000)
    assert re.fullmatch(r"\d+文書・[\d,]+箇所を検索できます", status.strip()), status  # plain Japanese
    _ask(page, "JETROの対日投資誘致成功件数の目標は何件ですか")
    page.wait_for_selector("details.qa-chip", timeout=60_000)
    summary = page.locator("details.qa-chip summary").first
    label = summary.get_attribute("title")
    assert "JETRO" in label and re.search(r"\d+(–\d+)?行", label), label
    summary.click()
    mark = page.locator("details.qa-chip[open] mark").first
    mark.wait_for(timeout=10_000)
    assert "対日投資誘致成功件数" in mark.inner_text()
    answer_text = page.locator(".qa-answer").last.inner_text()
    assert "件" in answer_text and "[1]" in answer_text
    assert "件" in page.locator(".qa-direct strong").last.inner_text()  # the direct answer first, in bold
    page.screenshot(path=str(output_dir / "browser-answer.png"), full_page=True)
    page.close()


def test_document_text_is_escaped_and_empty_questions_are_gentle(app_url, browser):
    page = browser.new_page()
    page.goto(app_url, wait_until="domcontentloaded")
    _ask(page, "<img src=x onerror=alert(1)>とは何ですか")
    page.wait_for_function("document.querySelectorAll('.qa-answer').length >= 1", timeout=60_000)
    assert page.locator("#chat img[src='x']").count() == 0
    _ask(page, "   ")
    page.get_by_text("質問を入力してください。").first.wait_for(timeout=30_000)
    assert "Traceback" not in page.content() and "empty_question" not in page.content()
    page.close()


HOSTILE_DOC = (
    "# 攻撃的な文書\n\n"
    "## 1. 目標\n\n"
    "危険な目標値は<img src=\"http://127.0.0.1:9/doc.png\">５件以上とする。\n"
    "詳細は<a href=\"/x\">こちら</a>を参照し、![x](http://127.0.0.1:9/md.png?q=leak)の画像を見る。\n"
    "<script>window.__pwned = 1</script>危険な目標値の根拠は<b onmouseover=\"alert(1)\">前年度実績</b>である。\n"
)
HOSTILE_LLM = ("危険な目標値は５件以上です[1]。![x](http://127.0.0.1:9/exfil.png?q=危険な目標値) "
               "<img src=/x onerror=alert(1)>")


def _serve_small(root, model_cache, embedder, files: dict[str, str], chat_model):
    """A small corpus built and served with ``chat_model`` as its LLM: (url, settings, demo)."""
    from assistant.chain import Assistant
    from assistant.ui import serve
    from index.search import Searcher
    from index.store import build

    from .conftest import small_corpus

    _, settings = small_corpus(root, model_cache, files)
    port = _free_port()
    settings = settings.model_copy(update={"ui": settings.ui.model_copy(update={"port": port})})
    build(settings, embedder=embedder)
    qa = Assistant(settings, searcher=Searcher(settings, embedder=embedder), chat_model=chat_model)
    return f"http://127.0.0.1:{port}", settings, serve(qa, block=False)


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory, model_cache, embedder):
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    url, _, demo = _serve_small(tmp_path_factory.mktemp("hostile"), model_cache, embedder,
                                {"hostile.md": HOSTILE_DOC}, FakeListChatModel(responses=[HOSTILE_LLM] * 10))
    yield url
    demo.close()


@pytest.mark.parametrize("mode", ["抽出（オフライン）", "LLM"])
def test_hostile_document_text_and_llm_output_stay_inert_while_streaming(hostile_url, browser, output_dir, mode):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(hostile_url, wait_until="domcontentloaded")
    _settings(page)
    page.get_by_label(mode).check()
    # Watch the chat while it streams: any live element from the text is a failure.
    page.evaluate("""() => {
        window.__live = [];
        new MutationObserver(() => {
            for (const el of document.querySelectorAll('#chat img, #chat script, #chat iframe, #chat a[href], '
                                                        + '#chat [onerror], #chat [onmouseover]'))
                window.__live.push(el.outerHTML);
        }).observe(document.body, {subtree: true, childList: true, characterData: true});
    }""")
    _ask(page, "危険な目標値は何件ですか")
    page.wait_for_selector("details.qa-chip, .qa-answer:has-text('資料に記載なし')", timeout=60_000)
    page.locator("details.qa-chip summary").first.click()
    page.wait_for_timeout(500)
    live = page.evaluate("window.__live")
    pwned = page.evaluate("window.__pwned")
    page.screenshot(path=str(output_dir / f"browser-hostile-{'llm' if mode == 'LLM' else 'extractive'}.png"))
    page.close()
    origin = hostile_url.rstrip("/")
    outside = [u for u in requests if not u.startswith(origin) and not u.startswith("data:")]
    assert outside == [] and not any(u.rstrip("/").endswith("/x") for u in requests), requests
    assert live == [] and pwned is None


# ── The workspace: follow-ups, the viewer, kept chats, export, dark mode, phone, state ──
def _answers(page, n: int) -> None:
    page.wait_for_function(f"document.querySelectorAll('.qa-msg').length >= {n}", timeout=60_000)


def _luminance(rgb: str) -> float:
    values = [int(v) / 255 for v in re.findall(r"[0-9.]+", rgb)[:3]]
    lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast ratio of two computed CSS colours (opaque rgb())."""
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_contrast_ratio_is_computed_as_wcag_defines_it():
    assert round(contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)"), 1) == 21.0
    assert contrast("rgb(244, 244, 245)", "rgb(250, 250, 250)") < 1.1  # the unreadable dark-mode quote


def test_a_follow_up_is_answered_in_context_and_says_what_was_searched(app_url, browser, output_dir):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(app_url, wait_until="domcontentloaded")
    _ask(page, "JETROの対日投資誘致成功件数の目標は何件ですか")
    _answers(page, 1)
    _ask(page, "それは現行ではいくつ？")
    _answers(page, 2)
    last = page.locator(".qa-msg").last
    assert "として検索しました" in last.inner_text() and "対日投資誘致成功件数" in last.inner_text()
    assert "376件" in last.locator(".qa-direct").inner_text()
    page.screenshot(path=str(output_dir / "browser-follow-up.png"), full_page=True)
    page.close()


def test_a_citation_opens_the_document_at_the_cited_lines(app_url, browser, output_dir):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(app_url, wait_until="domcontentloaded")
    _ask(page, "IPAの短期借入金の限度額はいくらですか")
    _answers(page, 1)
    label = page.locator("details.qa-chip summary").first.get_attribute("title")
    start = int(re.search(r"(\d+)(?:–\d+)?行", label).group(1))
    page.locator("#answer-tools").get_by_text("回答のコピー・出典を開く").first.click()
    page.locator("#cite-pick label").first.click()
    cited = page.locator("#viewer #qa-cited")
    cited.wait_for(timeout=30_000)
    assert cited.locator(".qa-ln").inner_text().strip() == str(start)
    assert cited.is_visible() and page.locator("#viewer mark").count() >= 1
    cited_text = "".join(page.locator("#viewer .qa-cited").all_inner_texts())
    assert "30億円" in cited_text.replace("３０", "30").replace(" ", ""), cited_text
    page.screenshot(path=str(output_dir / "browser-viewer.png"), full_page=True)
    page.close()


def test_a_chat_survives_a_reload_and_exports_as_markdown(app_url, browser, output_dir):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto(app_url, wait_until="domcontentloaded")
    _ask(page, "IPAの広報誌の名前は何ですか")
    _answers(page, 1)
    answer = page.locator(".qa-direct").last.inner_text()
    page.wait_for_timeout(1000)  # BrowserState writes localStorage after the update
    page.reload(wait_until="domcontentloaded")
    _answers(page, 1)
    assert page.locator(".qa-direct").last.inner_text() == answer
    assert "IPAの広報誌" in page.locator("#chat-list").inner_text()
    page.locator("#sidebar").get_by_text("会話の管理").first.click()
    page.locator("#export").click()
    link = page.locator("#export-file a").first
    link.wait_for(timeout=30_000)
    markdown = context.request.get(link.get_attribute("href")).text()
    assert markdown.startswith("# IPAの広報誌") and "## Q1. IPAの広報誌の名前は何ですか" in markdown
    assert "**出典**" in markdown and "\n  > " in markdown and "<div" not in markdown
    page.locator("#answer-tools").get_by_text("回答のコピー・出典を開く").first.click()
    copy = page.locator("#copy-box textarea").input_value()
    assert copy.startswith(answer.split("[")[0][:10]) and "<" not in copy  # copy is Markdown, not HTML
    page.screenshot(path=str(output_dir / "browser-reload-export.png"), full_page=True)
    context.close()


def test_dark_mode_keeps_quotes_readable(app_url, browser, output_dir):
    page = browser.new_page(viewport={"width": 1280, "height": 1000}, color_scheme="dark")
    page.goto(app_url, wait_until="domcontentloaded")
    _ask(page, "JETROの対日投資誘致成功件数の目標は何件ですか")
    _answers(page, 1)
    assert "dark" in page.evaluate("document.body.className")
    page.locator("details.qa-chip summary").first.click()
    colours = page.evaluate("""() => {
        const p = document.querySelector('details.qa-chip[open] .qa-passage');
        const m = p.querySelector('mark');
        const c = e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor];
        return {passage: c(p), mark: c(m), ins: c(document.querySelector('.qa-diff ins'))};
    }""")
    page.screenshot(path=str(output_dir / "browser-dark.png"), full_page=True)
    page.close()
    for name, (fg, bg) in colours.items():
        assert contrast(fg, bg) >= 4.5, (name, fg, bg, contrast(fg, bg))


def test_phone_layout_has_a_full_width_input_and_collapsed_settings_first(app_url, browser, output_dir):
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(app_url, wait_until="domcontentloaded")
    page.wait_for_selector("#question textarea", timeout=60_000)
    box = page.locator("#question textarea").bounding_box()
    settings = page.locator("#settings").bounding_box()
    chat = page.locator("#chat").bounding_box()
    page.screenshot(path=str(output_dir / "browser-phone.png"), full_page=True)
    assert box["width"] >= 0.8 * 390, box
    assert settings["y"] < chat["y"] and settings["height"] < 120  # collapsed, above the chat
    assert not page.locator("#f-docs").is_visible()
    page.close()


@pytest.fixture(scope="module")
def workspace_app(tmp_path_factory, model_cache, embedder):
    """A small workspace with a slow streaming fake LLM (to act while an answer streams)."""
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    slow = FakeListChatModel(responses=["職員研修の回数は年12回以上とされています[1]。"] * 20, sleep=0.15)
    plan = "# 計画\n\n## 1. 研修\n\n職員研修の回数は年１２回以上とする。\n"
    url, settings, demo = _serve_small(tmp_path_factory.mktemp("workspace"), model_cache, embedder,
                                       {"plan.md": plan}, slow)
    yield url, settings
    demo.close()


def test_text_typed_while_an_answer_streams_is_kept_and_sending_waits(workspace_app, browser, output_dir):
    url, _ = workspace_app
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(url, wait_until="domcontentloaded")
    _settings(page)
    page.get_by_label("LLM").check()
    _ask(page, "職員研修の回数は？")
    page.wait_for_selector(".qa-answer", timeout=30_000)  # streaming has begun
    page.locator("#question textarea").type("次の質問を書いている途中", delay=20)
    assert page.locator("#send").is_disabled()
    page.locator("#question textarea").press("Enter")  # not taken while the answer streams
    _answers(page, 1)
    page.wait_for_function("!document.querySelector('#send').disabled", timeout=30_000)
    assert page.locator("#question textarea").input_value() == "次の質問を書いている途中"
    assert page.locator(".qa-msg").count() == 1
    page.screenshot(path=str(output_dir / "browser-typing-while-streaming.png"), full_page=True)
    page.close()


def test_feedback_is_bound_to_the_answer_and_can_be_taken_back_with_a_reason(workspace_app, browser):
    import json

    url, settings = workspace_app
    log = settings.path(settings.data_dir) / "feedback.jsonl"
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(url, wait_until="domcontentloaded")
    first, second = "職員研修の回数は何回ですか", "研修は年に何回以上ですか"
    _ask(page, first)
    _answers(page, 1)
    _ask(page, second)
    _answers(page, 2)
    # Vote on the FIRST answer after a later one arrived: the vote must land on it, not on the last.
    page.locator("#chat button[aria-label='Like']").first.click()
    page.wait_for_timeout(800)
    page.locator("#chat button[aria-label='Liked']").first.click()  # the same thumb again: taken back
    page.wait_for_timeout(800)
    page.locator("#chat button[aria-label='Dislike']").first.click()
    page.locator("#reason textarea").wait_for(timeout=10_000)
    page.locator("#reason textarea").fill("出典の行がずれている")
    page.locator("#reason-send").click()
    page.locator("#reason textarea").wait_for(state="hidden", timeout=10_000)
    page.close()
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    votes = [r for r in records if "vote" in r]
    assert [(r["question"], r["vote"]) for r in votes[-3:]] == [(first, "up"), (first, "retracted"),
                                                                 (first, "down")]
    assert len({r["id"] for r in votes[-3:]}) == 1
    assert records[-1] == {**records[-1], "id": votes[-1]["id"], "reason": "出典の行がずれている"}


def test_an_uploaded_file_is_indexed_and_answers_questions(workspace_app, browser, output_dir, tmp_path):
    url, settings = workspace_app
    upload = tmp_path / "相談窓口.txt"
    upload.write_text("新制度について\n\n新制度の相談窓口の設置数は全国で４７か所とする。\n", encoding="cp932")
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_role("tab", name="文書").click()
    page.locator("#upload input[type=file]").set_input_files(str(upload))
    page.locator("#upload-status").get_by_text("追加しました").wait_for(timeout=120_000)
    assert "相談窓口.txt" in page.locator("#doc-table").inner_text()
    assert (settings.uploads_dir / "相談窓口.txt").is_file()
    page.screenshot(path=str(output_dir / "browser-upload.png"), full_page=True)
    page.get_by_role("tab", name="会話").click()
    _ask(page, "新制度の相談窓口の設置数は何か所ですか")
    _answers(page, 1)
    assert "47か所" in page.locator(".qa-direct").last.inner_text().replace("４７", "47")
    assert "相談窓口.txt" in page.locator("details.qa-chip summary").first.get_attribute("title")
    page.close()
