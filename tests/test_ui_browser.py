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


def _ask(page, question: str) -> None:
    page.wait_for_selector("#question textarea", timeout=60_000)
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()


def test_question_streams_an_answer_with_citations_that_open_to_the_quote(app_url, browser, output_dir):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(app_url, wait_until="domcontentloaded")
    assert "チャンク" in page.locator("#index-status").inner_text(timeout=60_000)
    _ask(page, "JETROの対日投資誘致成功件数の目標は何件ですか")
    page.wait_for_selector("details.qa-cite", timeout=60_000)
    summary = page.locator("details.qa-cite summary").first
    label = summary.inner_text()
    assert "JETRO" in label and re.search(r"\d+(–\d+)?行", label), label
    summary.click()
    mark = page.locator("details.qa-cite[open] mark").first
    mark.wait_for(timeout=10_000)
    assert "対日投資誘致成功件数" in mark.inner_text()
    answer_text = page.locator(".qa-answer").last.inner_text()
    assert "件" in answer_text and "[1]" in answer_text
    page.screenshot(path=str(output_dir / "browser-answer.png"), full_page=True)
    page.close()


def test_document_text_is_escaped_and_empty_questions_are_gentle(app_url, browser):
    page = browser.new_page()
    page.goto(app_url, wait_until="domcontentloaded")
    _ask(page, "<img src=x onerror=alert(1)>とは何ですか")
    page.wait_for_function("document.querySelectorAll('.qa-answer').length >= 1", timeout=60_000)
    assert page.locator("#chat img[src='x']").count() == 0
    _ask(page, "   ")
    page.wait_for_function(
        "[...document.querySelectorAll('.qa-answer')].some(e => e.innerText.includes('質問を入力してください'))",
        timeout=30_000)
    assert "Traceback" not in page.content()
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


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory, model_cache, embedder):
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from assistant.chain import Assistant
    from assistant.ui import serve
    from index.search import Searcher
    from index.store import build

    from .conftest import make_settings

    docs = tmp_path_factory.mktemp("hostile")
    (docs / "hostile.md").write_text(HOSTILE_DOC, encoding="utf-8")
    data = tmp_path_factory.mktemp("hostile-data")
    (data / "models").symlink_to(model_cache, target_is_directory=True)
    port = _free_port()
    settings = make_settings(data, [docs])
    settings = settings.model_copy(update={"ui": settings.ui.model_copy(update={"port": port})})
    build(settings, embedder=embedder)
    qa = Assistant(settings, searcher=Searcher(settings, embedder=embedder),
                   chat_model=FakeListChatModel(responses=[HOSTILE_LLM] * 10))
    demo = serve(qa, block=False)
    yield f"http://127.0.0.1:{port}"
    demo.close()


@pytest.mark.parametrize("mode", ["抽出（オフライン）", "LLM"])
def test_hostile_document_text_and_llm_output_stay_inert_while_streaming(hostile_url, browser, output_dir, mode):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(hostile_url, wait_until="domcontentloaded")
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
    page.wait_for_selector("details.qa-cite, .qa-answer:has-text('資料に記載なし')", timeout=60_000)
    page.locator("details.qa-cite summary").first.click()
    page.wait_for_timeout(500)
    live = page.evaluate("window.__live")
    pwned = page.evaluate("window.__pwned")
    page.screenshot(path=str(output_dir / f"browser-hostile-{'llm' if mode == 'LLM' else 'extractive'}.png"))
    page.close()
    origin = hostile_url.rstrip("/")
    outside = [u for u in requests if not u.startswith(origin) and not u.startswith("data:")]
    assert outside == [] and not any(u.rstrip("/").endswith("/x") for u in requests), requests
    assert live == [] and pwned is None
