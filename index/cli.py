"""``python -m index``: inspect chunks, build/update the index, search it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .clierrors import int_between, run_command
from .config import ConfigError, Settings, load_settings


def _chunks(args, settings: Settings) -> int:
    from .ingest import ingest_paths

    result = ingest_paths([Path(p) for p in args.paths], settings, on_skip=lambda m: print(m, file=sys.stderr))
    if args.json:
        json.dump([c.to_dict() for c in result.chunks], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for c in result.chunks:
        label = f" [{c.version}]" if c.version else ""
        page = f" p.{c.page}" if c.page else ""
        print(f"── {c.chunk_id}  {c.source}:{c.line_start}-{c.line_end}{page}{label}")
        print(f"   {c.title}")
        if c.section:
            print(f"   § {c.section_path}")
        if c.counterpart:
            print(f"   ⇄ {c.counterpart}")
        print("   " + c.text.replace("\n", "\n   "))
    print(f"{len(result.chunks)} chunks from {len(result.documents)} files; {len(result.skipped)} skipped",
          file=sys.stderr)
    return 0


def _build(args, settings: Settings, incremental: bool) -> int:
    from .ingest import one_line
    from .store import BuildRefused, build

    say = lambda m: print(m, file=sys.stderr)  # noqa: E731
    try:
        if getattr(args, "distributed", None) == "ray":
            from .distributed import DistributedUnavailable, build_distributed

            try:
                report = build_distributed(settings, address=args.address, workers=args.workers, force=args.force,
                                           on_skip=say, on_wait=say)
            except DistributedUnavailable as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 1
        else:
            report = build(settings, incremental=incremental, progress=not args.quiet, force=args.force,
                           on_skip=say, on_wait=say)
    except BuildRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if report.up_to_date:
        print(f"index is up to date ({report.chunks} chunks, {report.seconds:.2f}s)")
        return 0
    print(f"indexed {report.chunks} chunks from {report.files} files in {report.seconds:.1f}s "
          f"(embedded {report.embedded}, reused {report.reused})")
    for name in report.changed_files:
        print(f"  new or changed: {one_line(name)}")
    for name in report.removed_files:
        print(f"  removed: {one_line(name)}")
    return 0


def _stats(args, settings: Settings) -> int:
    from .search import Searcher

    stats = Searcher(settings).stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=1))
        return 0
    print(f"index:  {stats['path']}\nmodel:  {stats['model']} (dim {stats['dim']}, {stats['faiss']})")
    print(f"chunks: {stats['chunks']} from {stats['documents']} documents (built {stats['built_at']})")
    for source, n in sorted(stats["by_source"].items()):
        print(f"  {n:6d}  {source}")
    for path, why in stats["skipped"]:
        print(f"  skipped {path}: {why}")
    return 0


def _search(args, settings: Settings) -> int:
    from .search import Filters, Searcher

    filters = Filters(args.source or [], args.organization or [], args.title or [], args.version or [])
    passages = Searcher(settings).search(args.query, k=args.k, mode=args.mode, filters=filters)
    if args.json:
        print(json.dumps([p.to_json() for p in passages], ensure_ascii=False, indent=1))
        return 0
    for p in passages:
        c = p.chunk
        label = f" [{c.version}]" if c.version else ""
        print(f"{p.rank:2d}. {p.score:.4f}  {c.source}:{c.line_start}-{c.line_end}{label}  {c.title}")
        if c.section:
            print(f"    § {c.section_path}")
        print("    " + c.text[:200].replace("\n", " ") + ("…" if len(c.text) > 200 else ""))
    if not passages:
        print("no passages found")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m index", description=__doc__)
    parser.add_argument("--config", help="path to config.yaml (default: the repository's)")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("chunks", help="print the chunks a file or folder turns into")
    p.add_argument("paths", nargs="+")
    p.add_argument("--json", action="store_true")
    for name, text in (("build", "build the index from scratch"), ("update", "re-embed only new/changed files")):
        p = sub.add_parser(name, help=text)
        p.add_argument("--quiet", action="store_true", help="no progress bar")
        p.add_argument("--force", action="store_true",
                       help="replace the index even when the new one is empty or much smaller")
        if name == "build":
            p.add_argument("--distributed", choices=["ray"],
                           help="read, chunk and embed as a Ray Data pipeline (extra: .[distributed])")
            p.add_argument("--address", help="Ray cluster address (default: start a local cluster)")
            p.add_argument("--workers", type=int_between(1, 4096),
                           help="embedding workers (default: the cluster's CPUs)")
    p = sub.add_parser("stats", help="what the index holds")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("search", help="ranked passages for a query")
    p.add_argument("query")
    p.add_argument("-k", type=int_between(1, 1000), default=10)
    p.add_argument("--mode", choices=["hybrid", "dense", "bm25"])
    p.add_argument("--json", action="store_true")
    p.add_argument("--source", action="append", help="only this file (repeatable)")
    p.add_argument("--organization", action="append")
    p.add_argument("--title", action="append", help="only this document part")
    p.add_argument("--version", action="append", choices=["変更案", "現行", "共通"])
    # --config is accepted after the subcommand too
    for action in sub.choices.values():
        action.add_argument("--config", dest="config_sub", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.config_sub or args.config)
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return 2
    def body() -> int:
        if args.cmd == "chunks":
            return _chunks(args, settings)
        if args.cmd in ("build", "update"):
            return _build(args, settings, incremental=args.cmd == "update")
        if args.cmd == "stats":
            return _stats(args, settings)
        return _search(args, settings)

    return run_command(body)
