"""The Gradio chat UI: streaming answers, expandable citations, filters, feedback."""


import json
import logging
import os
import threading
import time
from pathlib import Path

from index.search import Filters

from .chain import Assistant
from .render import escape, render_answer, render_stream

log = logging.getLogger(__name__)

ERROR_MESSAGE = "申し訳ありません。回答の作成中にエラーが発生しました。時間をおいてもう一度お試しください。"
CSS = """
.qa-answer { line-height: 1.7; }
.qa-notice { color: #8a5a00; font-size: 0.9em; margin-top: 0.4em; }
.qa-cites { margin-top: 0.8em; border-top: 1px solid #ddd; padding-top: 0.4em; font-size: 0.9em; }
.qa-cites-title { font-weight: bold; margin-bottom: 0.2em; }
.qa-cite summary, .qa-related summary { cursor: pointer; }
.qa-section { color: #555; margin: 0.2em 0; }
.qa-passage { background: #fafafa; border-left: 3px solid #bbb; padding: 0.4em 0.6em; margin: 0.3em 0; }
.qa-passage mark { background: #ffe58a; }
sup.marker { color: #1a56db; }
"""


class FeedbackLog:
    """Append-only JSONL of 👍/👎 votes (the raw material for new regression questions)."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()

    def add(self, record: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock, self.path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def vote_of(liked) -> str:
    """Gradio's like value -> the vote logged: True 👍, False 👎, anything else (the same
    thumb clicked again) takes the vote back."""
    return "up" if liked is True else "down" if liked is False else "retracted"


def _status(assistant: Assistant) -> str:
    s = assistant.searcher.stats()
    return (f"📚 文書 {s['documents']}件 ・ チャンク {s['chunks']}件 ・ 埋め込みモデル `{s['model']}` ・ "
            f"回答モード `{assistant.settings.answer.mode}`")


def build_ui(assistant: Assistant):
    """The Blocks app (not launched)."""
    import gradio as gr

    settings = assistant.settings
    chunks = assistant.searcher.chunks
    titles = sorted({c.title for c in chunks})
    orgs = sorted({o.strip() for c in chunks for o in (c.organization or "").split(",") if o.strip()})
    passage_text = {c.chunk_id: c.text for c in chunks}
    feedback = FeedbackLog(settings.path(settings.data_dir) / "feedback.jsonl")

    def respond(message, history, records, docs, organizations, versions, k, mode):
        history = list(history or [])
        records = list(records or [])
        question = (message or "").strip()
        # The question is shown literally: escaped like any other text.
        history.append({"role": "user", "content": escape(question) or "（空の質問）"})
        history.append({"role": "assistant", "content": "検索しています…"})
        records.append(None)
        yield history, records, ""
        try:
            filters = Filters(titles=list(docs or []), organizations=list(organizations or []),
                              versions=list(versions or []))
            draft = ""
            for event in assistant.stream(question, k=int(k), answer_mode=mode, filters=filters):
                if event.kind == "delta":
                    draft += event.text
                    history[-1] = {"role": "assistant", "content": render_stream(draft)}
                    yield history, records, ""
                elif event.kind == "answer":
                    answer = event.answer
                    history[-1] = {"role": "assistant", "content": render_answer(answer, passage_text)}
                    records[-1] = {"question": answer.question, "answer": answer.text,
                                   "abstained": answer.abstained,
                                   "citations": [c.to_json() for c in answer.citations]}
                    yield history, records, ""
        except Exception:
            log.exception("answering failed")
            history[-1] = {"role": "assistant", "content": ERROR_MESSAGE}
            yield history, records, ""

    def on_like(records, data: gr.LikeData):
        try:
            index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
            record = (records or [])[index // 2] if index is not None else None
            if record:
                vote = vote_of(data.liked)
                feedback.add({"time": time.strftime("%Y-%m-%dT%H:%M:%S"), **record, "vote": vote})
        except Exception:  # feedback must never break the chat
            log.exception("could not record feedback")

    with gr.Blocks(title="行政資料QAアシスタント") as demo:
        gr.Markdown("## 行政資料QAアシスタント\n政府の計画・目標・評価資料に、出典付きで答えます。"
                    "資料に書かれていないことには「資料に記載なし」と答えます。")
        gr.Markdown(_status(assistant), elem_id="index-status")
        records = gr.State([])
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="会話", height=560, elem_id="chat",
                                     placeholder="資料について質問してください。")
                with gr.Row():
                    box = gr.Textbox(placeholder="質問を入力（例：JETROの対日投資誘致成功件数の目標は？）",
                                     show_label=False, scale=8, lines=1, max_lines=6, elem_id="question")
                    send = gr.Button("送信", variant="primary", scale=1, elem_id="send")
                gr.Examples(examples=[[e] for e in settings.ui.examples], inputs=[box], label="質問の例")
                clear = gr.Button("会話をクリア", size="sm")
            with gr.Column(scale=1):
                gr.Markdown("### 絞り込み・設定")
                docs = gr.Dropdown(titles, multiselect=True, label="文書", value=[])
                organizations = gr.Dropdown(orgs, multiselect=True, label="組織", value=[])
                versions = gr.CheckboxGroup(["変更案", "現行", "共通"], label="新旧対照表の版", value=[])
                k = gr.Slider(1, 20, value=settings.retrieval.top_k, step=1, label="参照する箇所の数（top-k）")
                mode = gr.Radio([("抽出（オフライン）", "extractive"), ("LLM", "llm")],
                                value=settings.answer.mode, label="回答モード")
        inputs = [box, chatbot, records, docs, organizations, versions, k, mode]
        outputs = [chatbot, records, box]
        box.submit(respond, inputs, outputs)
        send.click(respond, inputs, outputs)
        clear.click(lambda: ([], []), None, [chatbot, records])
        chatbot.like(on_like, [records], None)
    return demo


def serve(assistant: Assistant, block: bool = True):
    """Launch on the configured host/port (127.0.0.1 unless configured otherwise)."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    settings = assistant.settings
    assistant.warm_up()
    demo = build_ui(assistant)
    auth = None
    ui = settings.ui
    if ui.auth_user_env and ui.auth_password_env:
        user, password = os.environ.get(ui.auth_user_env), os.environ.get(ui.auth_password_env)
        if not user or not password:
            raise SystemExit(f"basic auth is configured: set {ui.auth_user_env} and {ui.auth_password_env}")
        auth = (user, password)
    demo.queue(default_concurrency_limit=ui.concurrency)
    demo.launch(server_name=ui.host, server_port=ui.port, auth=auth, show_error=False, css=CSS,
                prevent_thread_lock=not block, quiet=not block)
    return demo
