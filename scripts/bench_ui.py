"""The chat UI under a real browser: time to the first answer text, time to the final answer, server RSS.

    .venv/bin/python scripts/bench_ui.py [--questions 20] [--json]

Starts the UI in this process on a free 127.0.0.1 port with the bundled index (built if
missing), warms the model, then asks the first N questions of eval/questions.yaml one
after another in headless Chromium (each in the same chat, as a user would), timing from
the click to the first streamed text and to the rendered answer with its citations.
RSS is this process's (the server's) resident memory after the run (VmRSS).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from assistant.cli import make_assistant
    from assistant.ui import serve
    from eval.questions import load_questions
    from index.config import load_settings

    settings = load_settings()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = settings.model_copy(update={"ui": settings.ui.model_copy(update={"port": port})})
    demo = serve(make_assistant(settings), block=False)
    questions = [q.question for q in load_questions(settings.path(settings.eval.questions))][: args.questions]
    first, final = [], []
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update"])
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(f"http://127.0.0.1:{port}", wait_until="domcontentloaded")
        page.wait_for_selector("#question textarea", timeout=60_000)
        for n, question in enumerate(questions, 1):
            page.locator("#question textarea").fill(question)
            t = time.perf_counter()
            page.locator("#send").click()
            page.wait_for_function(f"document.querySelectorAll('.qa-answer').length >= {n}", timeout=60_000)
            first.append(time.perf_counter() - t)
            page.wait_for_function(f"document.querySelectorAll('.qa-msg').length >= {n}", timeout=60_000)
            page.wait_for_function("!document.querySelector('#send').disabled", timeout=60_000)
            final.append(time.perf_counter() - t)
        browser.close()
    demo.close()
    result = {
        "questions": len(questions),
        "first_text_p50_s": round(statistics.median(first), 3),
        "first_text_max_s": round(max(first), 3),
        "answer_p50_s": round(statistics.median(final), 3),
        "answer_max_s": round(max(final), 3),
        "server_rss_mib": round(rss_mib(), 1),
    }
    print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))
    out = ROOT / "docs" / "benchmarks-ui.md"
    out.write_text("# The chat UI in Chromium (scripts/bench_ui.py, written by `make bench`)\n\n"
                   f"{os.cpu_count()} cores, extractive mode, model warm, one chat of {len(questions)} questions "
                   "from eval/questions.yaml asked one after another.\n\n| metric | value |\n|---|---:|\n"
                   + "".join(f"| {k} | {v} |\n" for k, v in result.items()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
