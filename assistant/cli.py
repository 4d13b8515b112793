"""``python -m assistant``: the chat UI, or ``ask`` for one question or a JSONL batch."""

from __future__ import annotations

import argparse
import json
import logging
import sys

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


def _batch(assistant, stdin, stdout) -> int:
    """One JSON object per input line -> one per output line; bad lines get an error, the batch goes on."""
    failures = 0
    for n, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("question"), str):
                raise ValueError("expected an object with a string 'question'")
        except (json.JSONDecodeError, ValueError) as exc:
            failures += 1
            stdout.write(json.dumps({"id": None, "line": n, "error": f"bad input line: {exc}"},
                                    ensure_ascii=False) + "\n")
            continue
        try:
            out = {"id": item.get("id"), **assistant.ask(item["question"]).to_json()}
        except Exception as exc:  # one failing question must not end the batch
            logging.getLogger(__name__).exception("question %s failed", item.get("id"))
            failures += 1
            out = {"id": item.get("id"), "question": item["question"], "error": f"{exc.__class__.__name__}: {exc}"}
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        stdout.flush()
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
    serve.add_argument("--port", type=int)
    serve.add_argument("--host")
    ask = sub.add_parser("ask", help="answer a question (or --jsonl from stdin)")
    ask.add_argument("question", nargs="?")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.add_argument("--jsonl", action="store_true", help="read {id, question} lines from stdin")
    ask.add_argument("--mode", choices=["extractive", "llm"], help="answer mode")
    ask.add_argument("-k", type=int, help="passages to retrieve")
    ask.add_argument("--config", dest="config_sub", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings(getattr(args, "config_sub", None) or args.config)
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return 2
    from index.store import IndexNotReady

    try:
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
    except IndexNotReady as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
