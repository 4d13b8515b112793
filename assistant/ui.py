"""The Gradio workspace: chats that last, follow-ups, citations that open the document, uploads.

Layout: a chat list (kept per browser), the chat with its input, and a collapsible
settings panel with the filters; a 「文書」 tab lists the loaded documents, opens a
document at the cited lines and takes uploads. Every string that reaches the page
goes through :mod:`assistant.render` (escaped, or sanitized for LLM Markdown).

Chats are kept with Gradio's BrowserState: in the user's own browser
(localStorage, encrypted with a server secret kept in the data directory), so
they survive reloads and restarts without the server storing anybody's
conversations or needing accounts; a user's chats do not follow them to another
browser (export them as Markdown for that).
"""


import json
import logging
import os
import secrets
import tempfile
import threading
import time
from pathlib import Path

from index.meta import organizations_of
from index.search import Filters

from . import chats
from .chain import Assistant
from .dialogue import Turn
from .render import chat_markdown, escape, filters_label, markdown_of, record_of, render_record, render_stream, turn_of
from .workspace import UploadError, Workspace, document_label

log = logging.getLogger(__name__)

ERROR_MESSAGE = "申し訳ありません。回答の作成中にエラーが発生しました。時間をおいてもう一度お試しください。"
MODE_LABELS = {"extractive": "抽出（オフライン）", "llm": "LLM"}
CSS = """
.qa-answer { line-height: 1.7; }
.qa-direct { font-size: 1.05em; margin-bottom: 0.3em; }
.qa-quote { margin: 0.15em 0; }
.qa-notice { color: #8a5a00; font-size: 0.9em; margin-top: 0.4em; }
.qa-filters { display: inline-block; font-size: 0.85em; color: #1e3a8a; background: #e0e7ff;
  border-radius: 4px; padding: 0 0.5em; margin-bottom: 0.3em; }
.qa-cites { margin-top: 0.6em; display: flex; flex-wrap: wrap; gap: 0.3em; align-items: flex-start; }
.qa-cites-title { font-weight: bold; font-size: 0.85em; margin-right: 0.2em; }
.qa-chip { font-size: 0.85em; }
.qa-chip > summary { cursor: pointer; list-style: none; display: inline-block; border: 1px solid #c7d2fe;
  border-radius: 999px; padding: 0.05em 0.6em; background: #eef2ff; color: #1e3a8a; }
.qa-chip[open] { flex-basis: 100%; }
.qa-cite-body { margin-top: 0.3em; }
.qa-source { color: #374151; }
.qa-section { color: #4b5563; margin: 0.2em 0; }
.qa-passage { background: #f8fafc; color: #111827; border-left: 3px solid #94a3b8; padding: 0.4em 0.6em;
  margin: 0.3em 0; }
.qa-passage mark, .qa-viewer mark { background: #fde68a; color: #111827; }
.qa-diff { margin-top: 0.5em; border: 1px solid #cbd5e1; border-radius: 6px; padding: 0.4em 0.6em; }
.qa-diff-summary { font-weight: bold; margin-bottom: 0.3em; }
.qa-diff ins { background: #bbf7d0; color: #052e16; text-decoration: none; }
.qa-diff del { background: #fecaca; color: #450a0a; }
.qa-diff-legend { font-size: 0.8em; margin-top: 0.3em; }
sup.marker { color: #1d4ed8; }
.qa-viewer { font-family: ui-monospace, monospace; font-size: 0.9em; max-height: 640px; overflow: auto; }
.qa-viewer-head { font-weight: bold; margin-bottom: 0.4em; }
.qa-line { display: flex; gap: 0.8em; }
.qa-ln { color: #6b7280; min-width: 3.5em; text-align: right; user-select: none; }
.qa-cited { background: #fef9c3; color: #111827; }
.qa-cited .qa-ln { color: #374151; }
.qa-viewer-more { color: #6b7280; font-style: italic; }
/* Dark mode (Gradio sets .dark from the operating system's setting): light text on dark panels. */
.dark .qa-notice { color: #fcd34d; }
.dark .qa-filters { color: #e0e7ff; background: #312e81; }
.dark .qa-chip > summary { background: #1e1b4b; color: #e0e7ff; border-color: #4338ca; }
.dark .qa-source, .dark .qa-section { color: #d1d5db; }
.dark .qa-passage { background: #1f2937; color: #f3f4f6; border-left-color: #6b7280; }
.dark .qa-passage mark, .dark .qa-viewer mark { background: #facc15; color: #111827; }
.dark .qa-diff ins { background: #14532d; color: #dcfce7; }
.dark .qa-diff del { background: #7f1d1d; color: #fee2e2; }
.dark sup.marker { color: #93c5fd; }
.dark .qa-cited { background: #422006; color: #fef3c7; }
.dark .qa-cited .qa-ln, .dark .qa-ln, .dark .qa-viewer-more { color: #d1d5db; }
/* Phone: input and panels span the width, settings come first (collapsed), the chat list last. */
@media (max-width: 720px) {
  #workspace-row { flex-direction: column !important; }
  #workspace-row > div { width: 100%; min-width: 100% !important; }
  #settings-col { order: -1; }
  #sidebar { order: 2; }
  #ask-row { flex-direction: column !important; gap: 0.4em; }
  #ask-row > * { width: 100% !important; min-width: 100% !important; }
}
"""


# Page-level rules (Gradio scopes launch(css=...) to its content area; the page padding sits outside it).
HEAD = "<style>@media (max-width: 720px) { .gradio-container .app { padding-left: 6px !important; " \
       "padding-right: 6px !important; } }</style>"


def vote_of(liked) -> str | None:
    """Gradio's like value -> the vote kept: True/"Like" 👍, False/"Dislike" 👎, anything else (the same
    thumb clicked again) takes the vote back (None)."""
    if liked is True or liked == "Like":
        return "up"
    if liked is False or liked == "Dislike":
        return "down"
    return None


class FeedbackLog:
    """Append-only JSONL of 👍/👎 votes and reasons (the raw material for new regression questions)."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()

    def add(self, record: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock, self.path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def ui_secret(data_dir: Path) -> str:
    """The key BrowserState encrypts kept chats with: made once, kept (0600) so chats survive restarts."""
    path = data_dir / "ui-secret"
    try:
        text = path.read_text(encoding="utf-8").strip()
        if len(text) >= 32:
            return text
    except OSError:
        pass
    data_dir.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(value)
    return value


def header_text(mode: str) -> str:
    what = "LLMが出典に基づいて回答します" if mode == "llm" else "資料の文をそのまま引用して回答します（オフライン）"
    return (f"## 行政資料QAアシスタント\n政府の計画・目標・評価資料に、出典付きで答えます。{what}。"
            "資料に書かれていないことには「資料に記載なし」と答えます。")


def build_ui(assistant: Assistant | Workspace):
    """The Blocks app (not launched)."""
    import gradio as gr

    ws = assistant if isinstance(assistant, Workspace) else Workspace(assistant)
    settings = ws.settings
    feedback = FeedbackLog(settings.path(settings.data_dir) / "feedback.jsonl")

    def messages(recs: list[dict]) -> list[dict]:
        out = []
        for rec in recs:
            out.append({"role": "user", "content": escape(rec.get("question") or "（空の質問）")})
            out.append({"role": "assistant", "content": render_record(rec, ws.passages)})
        return out

    def feedback_values(recs: list[dict]) -> list[str | None]:
        return [{"up": "Like", "down": "Dislike"}.get(r.get("vote")) for r in recs]

    def chatbot_update(recs: list[dict]):
        return gr.update(value=messages(recs), feedback_value=feedback_values(recs))

    def citation_choices(rec: dict | None) -> list[tuple[str, str]]:
        if not rec:
            return []
        out = [(f"[{c['marker']}] {c['title']} {c['line_start']}–{c['line_end']}行",
                json.dumps([c["source"], c["line_start"], c["line_end"], c["quote"]], ensure_ascii=False))
               for c in rec.get("citations", [])]
        out += [(f"（関連）{r['title']} {r['line_start']}–{r['line_end']}行",
                 json.dumps([r["source"], r["line_start"], r["line_end"], ""], ensure_ascii=False))
                for r in rec.get("related", [])]
        return out

    def selected_outputs(rec: dict | None):
        """The copy box and the citation picker for one answer."""
        return (gr.update(value=markdown_of(rec) if rec else ""),
                gr.update(choices=citation_choices(rec), value=None))

    def doc_rows():
        return [[d.title, d.organization, d.kind, d.period or "—", d.chunks, d.source, "追加" if d.uploaded else "設定"]
                for d in ws.documents()]

    def skipped_text() -> str:
        skipped = ws.skipped()
        if not skipped:
            return "読み込めなかったファイルはありません。"
        return "**読み込めなかったファイル**\n\n" + "\n".join(f"- {escape(s)}：{escape(r)}" for s, r in skipped)

    def doc_choices():
        return [(document_label(d), d.source) for d in ws.documents()]

    def upload_choices():
        return sorted(ws.uploaded())

    # ── events ───────────────────────────────────────────────────────
    def load(store):
        store = chats.normalized(store)
        recs = chats.records(store)
        return (store, gr.update(choices=chats.choices(store), value=store["active"]), chatbot_update(recs),
                *selected_outputs(recs[-1] if recs else None))

    def respond(message, store, docs, organizations, versions, k, mode):
        question = (message or "").strip()
        store = chats.normalized(store)
        if not question:
            gr.Info("質問を入力してください。")
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        recs = list(chats.records(store))
        shown = [*messages(recs), {"role": "user", "content": escape(question)},
                 {"role": "assistant", "content": "検索しています…"}]
        # The box is cleared once, here; later updates leave what the user types meanwhile alone.
        yield shown, "", gr.update(interactive=False), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        filters = {"titles": list(docs or []), "organizations": list(organizations or []),
                   "versions": list(versions or [])}
        history = [Turn(r.get("question", ""), r.get("text", "")) for r in recs[-4:]]
        try:
            draft = ""
            for event in ws.assistant.stream(question, k=int(k), answer_mode=mode, filters=Filters(**filters),
                                             history=history):
                if event.kind == "delta":
                    draft += event.text
                    shown[-1] = {"role": "assistant", "content": render_stream(draft)}
                    yield shown, gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
                elif event.kind == "answer":
                    rec = record_of(event.answer, chats.new_id(), filters)
                    store = chats.add_record(store, rec)
                    recs = chats.records(store)
                    yield (chatbot_update(recs), gr.skip(), gr.update(interactive=True), store,
                           gr.update(choices=chats.choices(store), value=store["active"]), *selected_outputs(rec))
        except Exception:
            log.exception("answering failed")
            shown[-1] = {"role": "assistant", "content": ERROR_MESSAGE}
            yield shown, gr.skip(), gr.update(interactive=True), gr.skip(), gr.skip(), gr.skip(), gr.skip()

    def on_like(store, data: gr.LikeData):
        """Bound to the answer's id (written in the message), not to its position; 👎 asks for a reason."""
        try:
            turn = turn_of(data.value)
            rec = chats.find(store, turn) if turn else None
            if rec is None:
                return gr.skip(), gr.update(visible=False), None
            vote = vote_of(data.liked)
            feedback.add({"time": time.strftime("%Y-%m-%dT%H:%M:%S"), "id": turn, "question": rec.get("question"),
                          "answer": rec.get("text"), "abstained": rec.get("abstained"),
                          "citations": rec.get("citations"), "vote": vote or "retracted"})
            return chats.set_vote(store, turn, vote), gr.update(visible=vote == "down"), turn
        except Exception:  # feedback must never break the chat
            log.exception("could not record feedback")
            return gr.skip(), gr.update(visible=False), None

    def on_reason(turn, reason):
        if turn and (reason or "").strip():
            feedback.add({"time": time.strftime("%Y-%m-%dT%H:%M:%S"), "id": turn, "reason": reason.strip()[:1000]})
            gr.Info("ご意見を記録しました。ありがとうございます。")
        return gr.update(visible=False), "", None

    def on_select_message(store, data: gr.SelectData):
        turn = turn_of(data.value)
        return selected_outputs(chats.find(store, turn) if turn else None)

    def switch(store, chat_id):
        store = chats.select(store, chat_id)
        recs = chats.records(store)
        return (store, chatbot_update(recs), *selected_outputs(recs[-1] if recs else None))

    def list_update(store):
        return gr.update(choices=chats.choices(store), value=store["active"])

    def start_new(store):
        store = chats.new_chat(store)
        return store, list_update(store), chatbot_update([]), *selected_outputs(None)

    def do_rename(store, title):
        store = chats.rename(store, title)
        return store, list_update(store), ""

    def do_delete(store):
        store = chats.delete(store)
        recs = chats.records(store)
        return store, list_update(store), chatbot_update(recs), *selected_outputs(recs[-1] if recs else None)

    def export(store):
        store = chats.normalized(store)
        chat = chats.active(store)
        if not chat or not chat["records"]:
            gr.Info("書き出す会話がありません。")
            return gr.update(value=None, visible=False)
        folder = Path(tempfile.mkdtemp(prefix="qa-export-"))
        path = folder / f"chat-{time.strftime('%Y%m%d-%H%M%S')}.md"
        path.write_text(chat_markdown(chat["title"], chat["records"]), encoding="utf-8")
        return gr.update(value=str(path), visible=True)

    def filter_bar(docs, organizations, versions):
        active = {"titles": list(docs or []), "organizations": list(organizations or []),
                  "versions": list(versions or [])}
        label = filters_label(active)
        text = f"🔎 絞り込み中：{escape(label)}（絞り込みの外は検索されません）" if label else ""
        return gr.update(value=text), gr.update(visible=bool(label))

    def open_citation(value):
        if not value:
            return gr.skip(), gr.skip(), gr.skip()
        source, start, end, quote = json.loads(value)
        return (ws.view(source, int(start), int(end), quote), gr.update(value=source),
                gr.Tabs(selected="docs-tab"))

    def open_document(source):
        return ws.view(source) if source else ""

    def refreshed_documents():
        return (doc_rows(), skipped_text(), gr.update(choices=doc_choices()), gr.update(choices=upload_choices()),
                ws.status(), gr.update(choices=_titles()))

    def _titles():
        """Filter choices: each title with its year or revision, so revisions of one plan are told apart."""
        labels = {}
        for d in ws.documents():
            labels.setdefault(d.title, document_label(d))
        return sorted(((label, title) for title, label in labels.items()), key=lambda t: t[1])

    def add_files(files, progress=gr.Progress(track_tqdm=True)):
        messages_ = []
        added = []
        for f in files or []:
            path = Path(getattr(f, "name", f))
            name = getattr(f, "orig_name", None) or path.name
            try:
                added.append(ws.save_upload(path, name))
            except UploadError as exc:
                messages_.append(f"✖ {exc}")
            except OSError as exc:
                messages_.append(f"✖ {name}: 保存できませんでした（{exc.strerror}）")
        if added:
            progress(0, desc="索引を更新しています…")
            messages_ += _update(f"追加しました：{'、'.join(added)}")
        return ("\n\n".join(escape(m) for m in messages_) or "追加するファイルを選んでください。", None,
                *refreshed_documents())

    def _update(done: str) -> list[str]:
        try:
            report = ws.update_index(progress=True, force=True)
        except Exception as exc:  # the old index stays in use
            log.exception("index update failed")
            return [f"✖ 索引を更新できませんでした（{exc.__class__.__name__}: {str(exc)[:200]}）。"
                    "以前の索引を使い続けます。"]
        notes = [f"✔ {done}（{report.embedded}箇所を新たに埋め込み、{report.seconds:.1f}秒）"]
        notes += [f"✖ {s}：{r}" for s, r in report.skipped if s in ws.uploaded()]
        return notes

    def remove_file(source):
        if not source:
            return ("削除する文書を選んでください。", *refreshed_documents())
        try:
            ws.remove_upload(source)
        except (UploadError, OSError) as exc:
            return (escape(str(exc)), *refreshed_documents())
        return ("\n\n".join(escape(m) for m in _update(f"削除しました：{source}")), *refreshed_documents())

    # ── layout ───────────────────────────────────────────────────────
    mode_value = settings.answer.mode
    titles = _titles()
    orgs = organizations_of(ws.assistant.searcher.chunks)
    with gr.Blocks(title="行政資料QAアシスタント") as demo:
        store = gr.BrowserState(chats.EMPTY, storage_key="qa-assistant-chats",
                                secret=ui_secret(settings.path(settings.data_dir)))
        header = gr.Markdown(header_text(mode_value), elem_id="header")
        status = gr.Markdown(ws.status(), elem_id="index-status")
        with gr.Tabs() as tabs:
            with gr.Tab("会話", id="chat-tab"), gr.Row(elem_id="workspace-row"):
                    with gr.Column(scale=1, min_width=200, elem_id="sidebar"):
                        new_btn = gr.Button("＋ 新しい会話", size="sm", elem_id="new-chat")
                        chat_list = gr.Radio([], label="会話の一覧", elem_id="chat-list")
                        with gr.Accordion("会話の管理", open=False):
                            title_box = gr.Textbox(label="会話の名前", placeholder="新しい名前", elem_id="rename-box")
                            rename_btn = gr.Button("名前を変更", size="sm", elem_id="rename")
                            delete_btn = gr.Button("この会話を削除", size="sm", variant="stop", elem_id="delete-chat")
                            export_btn = gr.Button("Markdownで書き出す", size="sm", elem_id="export")
                            export_file = gr.File(label="書き出したファイル", visible=False, elem_id="export-file")
                    with gr.Column(scale=4, min_width=320, elem_id="main-col"):
                        with gr.Row(visible=False, elem_id="filter-bar") as filter_row:
                            filter_text = gr.Markdown(elem_id="filter-text")
                            clear_filters = gr.Button("絞り込みを解除", size="sm", scale=0, elem_id="clear-filters")
                        chatbot = gr.Chatbot(label="会話", height=560, elem_id="chat", buttons=[],
                                             placeholder="資料について質問してください。")
                        with gr.Row(elem_id="ask-row"):
                            box = gr.Textbox(placeholder="質問を入力（例：JETROの対日投資誘致成功件数の目標は？）",
                                             show_label=False, scale=8, lines=1, max_lines=6, elem_id="question")
                            send = gr.Button("送信", variant="primary", scale=1, min_width=64, elem_id="send")
                        with gr.Row(visible=False, elem_id="reason-row") as reason_row:
                            reason_box = gr.Textbox(label="よくなかった点（任意）", scale=6, elem_id="reason")
                            reason_send = gr.Button("送る", size="sm", scale=1, elem_id="reason-send")
                        reason_turn = gr.State(None)
                        gr.Examples(examples=[[e] for e in settings.ui.examples], inputs=[box], label="質問の例")
                        with gr.Accordion("回答のコピー・出典を開く", open=False, elem_id="answer-tools"):
                            copy_box = gr.Textbox(label="回答（Markdown）— 会話の回答をクリックで切り替え", lines=6,
                                                  interactive=False, buttons=["copy"], elem_id="copy-box")
                            cite_pick = gr.Radio([], label="出典を文書で開く", elem_id="cite-pick")
                    with gr.Column(scale=2, min_width=240, elem_id="settings-col"), \
                            gr.Accordion("絞り込み・設定", open=False, elem_id="settings"):
                            docs = gr.Dropdown(titles, multiselect=True, label="文書", value=[], elem_id="f-docs")
                            organizations = gr.Dropdown(orgs, multiselect=True, label="組織", value=[])
                            versions = gr.CheckboxGroup(["変更案", "現行", "共通"], label="新旧対照表の版", value=[])
                            k = gr.Slider(1, 20, value=settings.retrieval.top_k, step=1,
                                          label="参照する箇所の数（top-k）")
                            mode = gr.Radio([(v, key) for key, v in MODE_LABELS.items()], value=mode_value,
                                            label="回答モード", elem_id="mode")
            with gr.Tab("文書", id="docs-tab"):
                doc_table = gr.Dataframe(doc_rows(), headers=["タイトル", "組織", "種別", "年度・改定", "箇所数",
                                                              "ファイル", "出所"],
                                         interactive=False, wrap=True, elem_id="doc-table")
                skipped_md = gr.Markdown(skipped_text(), elem_id="skipped")
                with gr.Row():
                    with gr.Column(scale=3):
                        doc_pick = gr.Dropdown(doc_choices(), label="文書を開く", elem_id="doc-pick")
                        viewer = gr.HTML(elem_id="viewer")
                    with gr.Column(scale=2):
                        upload = gr.File(file_count="multiple", file_types=list(settings.ui.upload_extensions),
                                         label=f"文書を追加（ドラッグ＆ドロップ、{'・'.join(settings.ui.upload_extensions)}、"
                                               f"{settings.ui.upload_max_mb} MBまで）", elem_id="upload")
                        upload_status = gr.Markdown(elem_id="upload-status")
                        remove_pick = gr.Dropdown(upload_choices(), label="追加した文書を削除", elem_id="remove-pick")
                        remove_btn = gr.Button("削除", size="sm", variant="stop", elem_id="remove")

        # ── wiring ───────────────────────────────────────────────────
        selected = [copy_box, cite_pick]
        demo.load(load, [store], [store, chat_list, chatbot, *selected])
        ask_inputs = [box, store, docs, organizations, versions, k, mode]
        ask_outputs = [chatbot, box, send, store, chat_list, *selected]
        # One listener for Enter and the button, trigger_mode="once": a question sent while an answer
        # streams is not taken (the button shows it disabled, the text stays in the box); show_progress
        # hidden keeps the box editable.
        gr.on([box.submit, send.click], respond, ask_inputs, ask_outputs, trigger_mode="once",
              show_progress="hidden", concurrency_id="answer")
        chatbot.like(on_like, [store], [store, reason_row, reason_turn])
        reason_send.click(on_reason, [reason_turn, reason_box], [reason_row, reason_box, reason_turn])
        chatbot.select(on_select_message, [store], selected)
        chat_list.input(switch, [store, chat_list], [store, chatbot, *selected])
        new_btn.click(start_new, [store], [store, chat_list, chatbot, *selected])
        # The chat's own 🗑 starts a new chat; the cleared one stays in the list (delete it there).
        chatbot.clear(start_new, [store], [store, chat_list, chatbot, *selected])
        rename_btn.click(do_rename, [store, title_box], [store, chat_list, title_box])
        delete_btn.click(do_delete, [store], [store, chat_list, chatbot, *selected])
        export_btn.click(export, [store], [export_file])
        for f in (docs, organizations, versions):
            f.change(filter_bar, [docs, organizations, versions], [filter_text, filter_row])
        clear_filters.click(lambda: ([], [], []), None, [docs, organizations, versions])
        mode.change(lambda m: header_text(m), [mode], [header])
        cite_pick.input(open_citation, [cite_pick], [viewer, doc_pick, tabs])
        doc_pick.input(open_document, [doc_pick], [viewer])
        docs_outputs = [doc_table, skipped_md, doc_pick, remove_pick, status, docs]
        upload.upload(add_files, [upload], [upload_status, upload, *docs_outputs], concurrency_id="index")
        remove_btn.click(remove_file, [remove_pick], [upload_status, *docs_outputs], concurrency_id="index")
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
    demo.launch(server_name=ui.host, server_port=ui.port, auth=auth, show_error=False, css=CSS, head=HEAD,
                prevent_thread_lock=not block, quiet=not block,
                footer_links=[])  # no API docs, no "Runs" panel of raw JSON
    return demo
