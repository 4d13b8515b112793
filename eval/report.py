"""Write the eval report: JSON, Markdown (per-question table) and a PNG chart."""

from __future__ import annotations

import json
from pathlib import Path

from .run import GATED, EvalResult

SUMMARY_KEYS = ("hit@1", "hit@5", "hit@10", "mrr@10", "ndcg@10", "multi_evidence@10", "answer_accuracy",
                "first_line_accuracy", "false_abstention", "abstention_recall", "abstention_precision",
                "citation_precision", "citation_coverage", "marker_agreement")
COUNT_KEYS = ("answer_chars_median", "answer_chars_max")


def summary_table(metrics: dict[str, float], baseline: dict[str, float] | None = None,
                  by_split: dict[str, dict[str, float]] | None = None) -> str:
    splits = list(by_split or {})
    lines = ["| metric | all | " + " | ".join(splits) + (" | " if splits else "") + "baseline (all) |",
             "|---|---:|" + "---:|" * len(splits) + "---:|"]

    def row(key: str, fmt: str) -> str:
        cells = [format(metrics[key], fmt)] + [
            format(by_split[s][key], fmt) if key in by_split[s] else "–" for s in splits]
        base = format(baseline[key], fmt) if baseline and key in baseline else "–"
        return f"| {key} | " + " | ".join(cells) + f" | {base} |"

    lines += [row(k, ".3f") for k in SUMMARY_KEYS if k in metrics]
    lines += [row(k, ".0f") for k in COUNT_KEYS if k in metrics]
    lines += [row(k, ".1f") for k in sorted(k for k in metrics if k.endswith(("_p50", "_p95")))]
    return "\n".join(lines)


def paired_report(before: dict, after: dict) -> str:
    """Markdown table of paired permutation tests, for the whole set and each split."""
    from .significance import compare_runs

    lines = ["| split | metric | n | before | after | diff | p | better / worse |",
             "|---|---|---:|---:|---:|---:|---:|---|"]
    for split in (None, "dev", "test"):
        for name, r in compare_runs(before, after, split).items():
            mark = " ✱" if r.significant else ""
            lines.append(f"| {split or 'all'} | {name} | {r.n} | {r.before:.3f} | {r.after:.3f} | {r.diff:+.3f} "
                         f"| {r.p_value:.3f}{mark} | {r.wins} / {r.losses} |")
    return "\n".join(lines)


def _chart(metrics: dict[str, float], baseline: dict[str, float] | None, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    keys = [k for k in SUMMARY_KEYS if k in metrics]
    fig, ax = plt.subplots(figsize=(10, 4))
    xs = range(len(keys))
    ax.bar([x - 0.2 for x in xs], [metrics[k] for k in keys], width=0.4, label="current")
    if baseline:
        ax.bar([x + 0.2 for x in xs], [baseline.get(k, 0) for k in keys], width=0.4, label="baseline")
    ax.set_xticks(list(xs), keys, rotation=40, ha="right")
    ax.set_ylim(0, 1.05)
    ax.legend()
    ax.set_title("eval metrics vs committed baseline")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_report(result: EvalResult, out_dir: Path, baseline: dict[str, float] | None,
                 comparisons: dict | None = None, comparison_ratios: dict | None = None,
                 paired: str | None = None) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    payload = {
        "metrics": result.metrics, "by_type": result.by_type, "gated": list(GATED),
        "by_split": result.by_split, "by_split_type": result.by_split_type,
        "comparisons": comparisons or {}, "ratios": comparison_ratios or {},
        "rows": [r.__dict__ for r in result.rows],
    }
    (out_dir / "report.json").write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    _chart(result.metrics, baseline, out_dir / "metrics.png")
    md = ["# Evaluation report", "", f"Questions: {len(result.rows)}", "", "![metrics](metrics.png)", "",
          "## Summary", "", "dev: used to choose; test: never used to choose, only reported.", "",
          summary_table(result.metrics, baseline, result.by_split), "", "## Answer accuracy by type", "",
          "| type | all | " + " | ".join(result.by_split_type) + " |",
          "|---|---:|" + "---:|" * len(result.by_split_type)]
    md += [f"| {t} | {v:.3f} | " + " | ".join(
        f"{result.by_split_type[s].get(t, 0):.3f}" for s in result.by_split_type) + " |"
        for t, v in result.by_type.items()]
    if paired:
        md += ["", "## Paired permutation tests against the baseline run", "",
               "✱: p < 0.05 (10,000 sign flips over questions).", "", paired]
    if comparisons:
        md += ["", "## Retrieval: modes and naive peers", "",
               "| system | hit@1 | hit@5 | hit@10 | mrr@10 | ndcg@10 |", "|---|---:|---:|---:|---:|---:|"]
        for name, m in comparisons.items():
            md.append(f"| {name} | {m.get('hit@1', 0):.3f} | {m.get('hit@5', 0):.3f} | {m.get('hit@10', 0):.3f} "
                      f"| {m.get('mrr@10', 0):.3f} | {m.get('ndcg@10', 0):.3f} |")
        if comparison_ratios:
            md += ["", "Ratios (hybrid ÷ system): how much the project's ingestion + hybrid search add.", "",
                   "| system | hit@5 ratio | mrr@10 ratio |", "|---|---:|---:|"]
            for name, r in comparison_ratios.items():
                md.append(f"| {name} | {r.get('hit@5', 0):.2f}× | {r.get('mrr@10', 0):.2f}× |")
    md += ["", "## Per question", "", "| id | split | type | ok | rank | answer | citations |",
           "|---|---|---|---|---:|---|---|"]
    for r in result.rows:
        ok = "✅" if r.correct else "❌"
        answer = r.answer.replace("\n", " ").replace("|", "｜")[:120]
        md.append(f"| {r.id} | {r.split} | {r.type} | {ok} | {r.first_evidence_rank or '–'} | {answer} | "
                  f"{'<br>'.join(r.citations)} |")
    path = out_dir / "report.md"
    path.write_text("\n".join(md) + "\n", encoding="utf-8")
    return path
