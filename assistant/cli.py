"""``python -m assistant``: the chat UI, or ``ask`` for one question or a JSONL batch."""

from __future__ import annotations

import argparse
import json
import logging
import sys

from index.clierrors import int_between, run_command
from index.config import ConfigError, Settings, load_settings


def _print_answer(answer, as_json: bool) -> None:
    if as_json:
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=1))
        return
    print(answer.text)
    for note in answer.notices:
        print(f"※ {note}")
    for c in answer.citations:
        version = f" [{c.version}]" if c.version else ""
        page = f" p.{c.page}" if c.page else ""
        print(f"  [{c.marker}] {c.title}{version} — {c.source}:{c.line_start}-{c.line_end}{page}")
        if c.section:
            print(f"      § {c.section}")
    for p in answer.related:
        print(f"  (関連?) {p.chunk.title} — {p.chunk.source}:{p.chunk.line_start}-{p.chunk.line_end}")


def _reject_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def _clean(text: str) -> str:
    """Lone surrogates (「\\ud800」 in JSON) become U+FFFD, so every output line is valid UTF-8."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _line_out(obj: dict) -> bytes:
    try:
        text = json.dumps(obj, ensure_ascii=False, allow_nan=False)
    except (ValueError, TypeError, RecursionError):
        text = json.dumps({"id": None, "error": "the answer could not be written as JSON"}, ensure_ascii=False)
    return (_clean(text) + "\n").encode("utf-8")


def _read_item(raw: bytes) -> tuple[dict | None, object, str | None]:
    """(item, id, error) for one input line; the id is kept whenever it can be read."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, None, "bad input line: not valid UTF-8"
    try:
        item = json.loads(line, parse_constant=_reject_constant)
    except RecursionError:
        return None, None, "bad input line: nested too deeply"
    except ValueError as exc:
        return None, None, f"bad input line: {str(exc).splitlines()[0][:200]}"
    if not isinstance(item, dict):
        return None, None, "bad input line: expected an object with a string 'question'"
    qid = item.get("id")
    if not isinstance(qid, (str, int, float, type(None))) or isinstance(qid, bool):
        qid = _clean(json.dumps(qid, ensure_ascii=False))[:200]
    if not isinstance(item.get("question"), str):
        return None, qid, "bad input line: expected a string 'question'"
    history = item.get("history", [])
    if not isinstance(history, list) or not all(
            isinstance(t, dict) and isinstance(t.get("question"), str) and isinstance(t.get("answer", ""), str)
            for t in history):
        return None, qid, "bad input line: 'history' must be a list of {\"question\": str, \"answer\": str}"
    return item, qid, None


def history_of(item: dict) -> list:
    """The earlier turns of a batch line, oldest first."""
    from .dialogue import Turn

    return [Turn(_clean(t["question"]), _clean(t.get("answer", ""))) for t in item.get("history", [])]


def _batch(assistant, stdin, stdout) -> int:
    """One JSON object per input line -> exactly one valid UTF-8 JSON line out, in order.

    A bad line (invalid UTF-8 or JSON, NaN, deep nesting, no question) gets a line with
    an ``error`` and its id when one could be read; the batch goes on; exit 3 if any failed.
    """
    failures = 0
    stdin = getattr(stdin, "buffer", stdin)
    out = getattr(stdout, "buffer", None)

    def write(obj: dict) -> None:
        data = _line_out(obj)
        if out is not None:
            out.write(data)
            out.flush()
        else:
            stdout.write(data.decode("utf-8"))
            stdout.flush()

    for n, raw in enumerate(stdin, 1):
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogatepass")
        if not raw.strip():
            continue
        item, qid, error = _read_item(raw)
        if error:
            failures += 1
            write({"id": qid, "line": n, "error": error})
            continue
        question = _clean(item["question"])
        try:
            write({"id": qid, **assistant.ask(question, history=history_of(item)).to_json()})
        except Exception as exc:  # one failing question must not end the batch
            logging.getLogger(__name__).exception("question %s failed", qid)
            failures += 1
            write({"id": qid, "line": n, "question": question, "error": f"{exc.__class__.__name__}"})
    return 0 if not failures else 3


def make_assistant(settings: Settings, build_if_needed: bool = True):
    """Load (building or updating the index first when it is missing or stale)."""
    from index.store import build, is_stale

    from .chain import Assistant

    reason = is_stale(settings) if build_if_needed else None
    if reason:
        print(f"preparing the index ({reason})…", file=sys.stderr)
        report = build(settings, incremental=True, progress=sys.stderr.isatty(),
                       on_skip=lambda m: print(m, file=sys.stderr))
        print(f"index ready: {report.chunks} chunks ({report.seconds:.1f}s)", file=sys.stderr)
    return Assistant(settings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant", description=__doc__)
    parser.add_argument("--config", help="path to config.yaml")
    sub = parser.add_subparsers(dest="cmd")
    serve = sub.add_parser("serve", help="start the chat UI (the default)")
    serve.add_argument("--config", dest="config_sub", help=argparse.SUPPRESS)
    serve.add_argument("--port", type=int, choices=range(1, 65536), metavar="PORT")
    serve.add_argument("--host")
    ask = sub.add_parser("ask", help="answer a question (or --jsonl from stdin)")
    ask.add_argument("question", nargs="?")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.add_argument("--jsonl", action="store_true",
                     help="read {id, question[, history]} lines from stdin (history: [{question, answer}, ...])")
    ask.add_argument("--mode", choices=["extractive", "llm"], help="answer mode")
    ask.add_argument("-k", type=int_between(1, 100), help="passages to retrieve (1-100)")
    ask.add_argument("--config", dest="config_sub", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings(getattr(args, "config_sub", None) or args.config)
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return 2
    def body() -> int:
        nonlocal settings
        if args.cmd == "ask":
            if not args.jsonl and not args.question:
                parser.error("ask needs a question or --jsonl")
            overrides = {}
            if args.mode:
                overrides["answer"] = settings.answer.model_copy(update={"mode": args.mode})
            if args.k:
                overrides["retrieval"] = settings.retrieval.model_copy(update={"top_k": args.k})
            settings = settings.model_copy(update=overrides)
            assistant = make_assistant(settings)
            if args.jsonl:
                return _batch(assistant, sys.stdin, sys.stdout)
            _print_answer(assistant.ask(args.question), args.json)
            return 0
        from .ui import serve as serve_ui

        ui = settings.ui.model_copy(update={k: v for k, v in (("port", getattr(args, "port", None)),
                                                              ("host", getattr(args, "host", None))) if v})
        settings = settings.model_copy(update={"ui": ui})
        serve_ui(make_assistant(settings))
        return 0

    return run_command(body)
