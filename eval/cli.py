"""``python -m eval``: run the regression questions (with a gate and comparisons) or the benchmarks."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from index.config import DEFAULT_CONFIG, ConfigError, load_settings


def _read_set(loader, given: str | None, configured: Path, what: str, settings):
    """A question or dialogue file (given on the command line, else from the config); None after
    printing why it cannot be read."""
    from .questions import QuestionFileError

    try:
        return loader(Path(given) if given else settings.path(configured))
    except QuestionFileError as exc:
        print(f"{what} file error: {exc}", file=sys.stderr)
        return None


def _warm_assistant(settings):
    """The assistant with its index ready (built or updated when stale) and its models loaded."""
    from assistant.cli import make_assistant

    assistant = make_assistant(settings)
    assistant.warm_up()
    return assistant


def _run(args, settings) -> int:
    from .peers import compare, ratios
    from .questions import load_questions
    from .report import paired_report, summary_table, write_report
    from .run import GATED, check_against_baseline, evaluate
    from .significance import outcome_table

    if args.against and not Path(args.against).is_file():
        # (checked before the questions are answered, which takes minutes)
        print(f"eval: --against {args.against}: no such file (give a report.json or a baseline rows file)",
              file=sys.stderr)
        return 2
    questions = _read_set(load_questions, args.questions, settings.eval.questions, "question", settings)
    if questions is None:
        return 2
    assistant = _warm_assistant(settings)
    def top10(question: str) -> list[str]:
        return [p.chunk.text for p in assistant.retrieve(question, k=10)]

    result = evaluate(questions, assistant.ask, top10)
    baseline_path = settings.path(settings.eval.baseline)
    baseline = json.loads(baseline_path.read_text()) if baseline_path.exists() else None
    rows_path = baseline_path.with_name(baseline_path.stem + "_rows.json")
    comparisons = ratio = paired = None
    current = outcome_table([r.__dict__ for r in result.rows])
    against = Path(args.against) if args.against else (rows_path if args.compare and rows_path.exists() else None)
    if against is not None:
        paired = paired_report(_load_outcomes(against), current)
    if args.compare:
        comparisons = compare(settings, questions, assistant)
        ratio = ratios(comparisons)
    if not args.no_report:
        out_dir = Path(args.out) if args.out else settings.path(settings.eval.reports_dir)
        path = write_report(result, out_dir, baseline, comparisons, ratio, paired)
        print(f"report: {path}")
    print(summary_table(result.metrics, baseline, result.by_split))
    if paired:
        print(f"\npaired permutation tests against {against}:")
        print(paired)
    if args.update_baseline:
        baseline_path.write_text(json.dumps({k: round(result.metrics[k], 4) for k in GATED if k in result.metrics},
                                            indent=1) + "\n")
        rows_path.write_text(json.dumps(current, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(f"baseline updated: {baseline_path} and {rows_path.name} (commit them and say why)")
    if args.check:
        if baseline is None:
            print(f"no baseline at {baseline_path}; create it with --update-baseline", file=sys.stderr)
            return 1
        failures = check_against_baseline(result.metrics, baseline, settings.eval.tolerances)
        for line in failures:
            print(f"REGRESSION {line}", file=sys.stderr)
        if failures:
            return 1
        print("gate: no gated metric fell below the baseline beyond its tolerance")
    return 0


def _fit(args, settings) -> int:
    from assistant.cli import make_assistant

    from .fit import fit, fit_weights, observe
    from .questions import load_questions

    questions = load_questions(settings.path(settings.eval.questions))
    if args.weights:
        assistant = make_assistant(settings)
        weights, result = fit_weights(questions, assistant, max_false_abstention=args.max_false_abstention)
        print("fitted on dev: answer.scoring " + ", ".join(f"{k} = {v}" for k, v in weights.items()))
        print(f"  with answer.abstain_threshold = {result.abstain_threshold:.2f}, "
              f"focus_threshold = {result.focus_threshold:.2f}, support_threshold = {result.support_threshold:.2f}")
        for name, m in (("dev", result.dev), ("test (reported, not used)", result.test)):
            print(f"  {name}: " + ", ".join(f"{k} {v:.3f}" for k, v in m.items()))
        return 0
    scoring = settings.answer.scoring.model_copy(update={"focus_threshold": 0.0, "support_threshold": 0.0})
    open_settings = settings.model_copy(update={"answer": settings.answer.model_copy(
        update={"abstain_threshold": 0.0, "scoring": scoring})})
    assistant = make_assistant(open_settings)
    obs = observe(questions, assistant.ask)
    result = fit(obs, args.max_false_abstention)
    print(f"fitted on dev: answer.abstain_threshold = {result.abstain_threshold:.2f}, "
          f"answer.scoring.focus_threshold = {result.focus_threshold:.2f}, "
          f"answer.scoring.support_threshold = {result.support_threshold:.2f}")
    for name, m in (("dev", result.dev), ("test (reported, not used)", result.test)):
        print(f"  {name}: " + ", ".join(f"{k} {v:.3f}" for k, v in m.items()))
    return 0


def _load_outcomes(path: Path) -> dict:
    """Per-question outcomes from a baseline rows file or a report.json."""
    from .significance import outcome_table

    data = json.loads(path.read_text(encoding="utf-8"))
    return outcome_table(data["rows"]) if isinstance(data, dict) and "rows" in data else data


def _bench_scale(args, settings) -> int:
    from .questions import load_questions
    from .scale import bench_scale

    if not args.chunks or args.chunks < 1:
        print("bench scale needs --chunks N (N >= 1)", file=sys.stderr)
        return 2
    config = Path(args.config) if args.config else DEFAULT_CONFIG
    questions = [q.question for q in load_questions(settings.path(settings.eval.questions))]
    if not args.json:
        print(f"building a {args.chunks:,}-chunk synthetic index, then serving it…", file=sys.stderr)
    result = bench_scale(config, settings, args.chunks, questions, with_model=not args.no_model)
    print(json.dumps(result, ensure_ascii=False) if args.json else json.dumps(result, ensure_ascii=False, indent=1))
    return 0


def _bench(args, settings) -> int:
    if args.what == "scale":
        return _bench_scale(args, settings)
    if args.what == "ceiling":
        from .ceiling import ceiling

        print(json.dumps(ceiling(settings), ensure_ascii=False))
        return 0
    from .bench import bench_build, bench_distributed, bench_faiss, bench_serving, write_benchmarks
    from .questions import load_questions
    from .scale import bench_scale

    config = Path(args.config) if args.config else DEFAULT_CONFIG
    print("building the index cold / warm / no-op…", file=sys.stderr)
    build = bench_build(config, settings)
    print(json.dumps(build, indent=1), file=sys.stderr)
    questions = [q.question for q in load_questions(settings.path(settings.eval.questions))]
    queries = bench_serving(config)
    print(json.dumps(queries, indent=1), file=sys.stderr)
    sizes = [int(x) for x in args.sizes.split(",") if x]
    f = settings.faiss
    faiss_rows = bench_faiss(sizes, hnsw_m=f.hnsw_m, ef_search=f.hnsw_ef_search, nprobe=f.ivf_nprobe)
    for row in faiss_rows:
        print(row, file=sys.stderr)
    scale_rows = []
    for n in (int(x) for x in args.scale.split(",") if x):
        print(f"whole store at {n:,} synthetic chunks…", file=sys.stderr)
        scale_rows.append(bench_scale(config, settings, n, questions))
        print(json.dumps(scale_rows[-1]), file=sys.stderr)
    try:
        import ray  # noqa: F401  (the optional 'distributed' extra)
        print("distributed builds with 1 and 2 Ray workers…", file=sys.stderr)
        dist = bench_distributed(config, settings, build)
        print(json.dumps(dist), file=sys.stderr)
    except ImportError:
        print("ray not installed: distributed build benchmark left out", file=sys.stderr)
        dist = None
    out = Path(args.out) if args.out else settings.path(Path("docs/benchmarks.md"))
    write_benchmarks(out, build, queries, faiss_rows, scale_rows, dist)
    print(f"written: {out}")
    return 0


def _dialogues(args, settings) -> int:
    """Follow-up accuracy with the conversation, against the same follow-ups asked alone (paired)."""
    from assistant.dialogue import Turn

    from .dialogues import evaluate_dialogues, load_dialogues
    from .significance import paired_permutation

    dialogues = _read_set(load_dialogues, args.dialogues, settings.eval.dialogues, "dialogue", settings)
    if dialogues is None:
        return 2
    assistant = _warm_assistant(settings)

    def ask(question, history):
        return assistant.ask(question, history=[Turn(q, a) for q, a in history])

    with_history = evaluate_dialogues(dialogues, ask)
    alone = evaluate_dialogues(dialogues, ask, with_history=False)
    lines = ["| split | follow-ups | accuracy with history | asked alone | p (paired) | better / worse |",
             "|---|---:|---:|---:|---:|---|"]
    report = {"with_history": with_history.metrics, "alone": alone.metrics, "paired": {}, "by_pattern": {},
              "rows": [{**r.__dict__, "follows": f} for r, f in zip(with_history.rows, with_history.follows)]}
    for split in with_history.metrics:
        pairs = [(float(bool(b.correct)), float(bool(a.correct))) for a, b in zip(with_history.rows, alone.rows)
                 if split == "all" or a.split == split]
        test = paired_permutation([b for b, _ in pairs], [a for _, a in pairs])
        report["paired"][split] = test.__dict__
        lines.append(f"| {split} | {test.n} | {test.after:.3f} | {test.before:.3f} | {test.p_value:.4f} | "
                     f"{test.wins} / {test.losses} |")
    patterns = sorted(set(with_history.follows))
    lines += ["", "| pattern | n | dev | test |", "|---|---:|---:|---:|"]
    for pattern in patterns:
        cells = []
        for split in ("dev", "test"):
            hits = [bool(r.correct) for r, f in zip(with_history.rows, with_history.follows)
                    if f == pattern and r.split == split]
            cells.append(f"{sum(hits) / len(hits):.2f} ({len(hits)})" if hits else "–")
            report["by_pattern"].setdefault(pattern, {})[split] = sum(hits) / len(hits) if hits else None
        n = sum(1 for f in with_history.follows if f == pattern)
        lines.append(f"| {pattern} | {n} | {cells[0]} | {cells[1]} |")
    table = "\n".join(lines)
    print(table)
    out_dir = Path(args.out) if args.out else settings.path(settings.eval.reports_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "dialogues.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n",
                                            encoding="utf-8")
    (out_dir / "dialogues.md").write_text("# Follow-up questions (eval/dialogues.yaml)\n\n" + table + "\n",
                                          encoding="utf-8")
    print(f"report: {out_dir / 'dialogues.md'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__)
    parser.add_argument("--config")
    sub = parser.add_subparsers(dest="cmd", required=True)
    run = sub.add_parser("run", help="answer the question set and report metrics")
    run.add_argument("--questions", help="question file (default: eval.questions in config)")
    run.add_argument("--check", action="store_true", help="exit 1 when a gated metric regresses")
    run.add_argument("--compare", action="store_true",
                     help="paired significance tests against the committed baseline rows, dense/BM25 ablations "
                          "and naive peers")
    run.add_argument("--against", help="a report.json (or baseline rows file) to test this run against")
    run.add_argument("--update-baseline", action="store_true", help="write the gated metrics to the baseline")
    run.add_argument("--no-report", action="store_true")
    run.add_argument("--out", help="report folder (default: eval.reports_dir)")
    fitp = sub.add_parser("fit", help="fit the abstention thresholds on the dev split")
    fitp.add_argument("--max-false-abstention", type=float, default=0.10)
    fitp.add_argument("--weights", action="store_true",
                      help="also fit the candidate-score weights (coordinate descent on dev)")
    dia = sub.add_parser("dialogues", help="follow-up accuracy on the multi-turn dialogues (dev/test)")
    dia.add_argument("--dialogues", help="dialogue file (default: eval.dialogues in config)")
    dia.add_argument("--out", help="report folder (default: eval.reports_dir)")
    bench = sub.add_parser("bench", help="build/query/FAISS benchmarks -> docs/benchmarks.md; "
                                          "'bench scale --chunks N': the whole store on N synthetic chunks")
    bench.add_argument("what", nargs="?", choices=["all", "scale", "ceiling"], default="all")
    bench.add_argument("--chunks", type=int, help="bench scale: number of synthetic chunks")
    bench.add_argument("--json", action="store_true", help="bench scale: print only the JSON object")
    bench.add_argument("--no-model", action="store_true",
                       help="bench scale: do not load the embedding model in the serving process")
    bench.add_argument("--sizes", default="10000,100000,1000000", help="synthetic FAISS sizes")
    bench.add_argument("--scale", default="10000,100000,1000000", help="whole-store sizes (bench all)")
    bench.add_argument("--out")
    for p in (run, bench, fitp, dia):
        p.add_argument("--config", dest="config_sub", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.config = args.config_sub or args.config
    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return 2
    if args.cmd == "fit":
        return _fit(args, settings)
    if args.cmd == "dialogues":
        return _dialogues(args, settings)
    return _run(args, settings) if args.cmd == "run" else _bench(args, settings)
