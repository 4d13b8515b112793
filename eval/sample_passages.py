"""Deterministic random sampling of corpus passages for writing evaluation questions.

    python3 eval/sample_passages.py            # writes eval/sampling.json
    python3 eval/sample_passages.py --show     # also prints every pick with its context

Stdlib only.  Picks are spread over the five corpus files in proportion to
sqrt(file size); inside a file, the eligible lines are cut into as many equal
strata as the file gets picks and one line is drawn at random from each stratum,
so every file and most of its sections are covered.  Eligible lines are the
non-blank lines that are not page numbers/headers: lines of at least 12
characters (after stripping) containing some kana/kanji, that are not repeated
boilerplate (a stripped line occurring 5+ times in the file, e.g. table headers).

The split of eval/new_questions.yaml into dev/test is done by eval/assign_split.py.
"""
from __future__ import annotations

import json
import math
import random
import re
import sys
from pathlib import Path

SEED = 20261123
N_PICKS = 260
CONTEXT = 3  # eligible lines either side of the pick (about 6 lines of context)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
OUT = Path(__file__).resolve().parent / "sampling.json"

_JA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_NUMLINE = re.compile(r"^[\s\-－‐―ー—・.．,，0-9０-９()（）/／]*$")


def eligible_lines(lines: list[str]) -> list[int]:
    counts: dict[str, int] = {}
    for ln in lines:
        s = ln.strip()
        counts[s] = counts.get(s, 0) + 1
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if not s or _NUMLINE.match(s):
            continue
        if len(s) < 12 or not _JA.search(s):
            continue
        if counts[s] >= 5:
            continue
        out.append(i)
    return out


def allocate(sizes: dict[str, int], n: int) -> dict[str, int]:
    """Largest-remainder allocation of n picks in proportion to sqrt(size)."""
    w = {f: math.sqrt(s) for f, s in sizes.items()}
    tot = sum(w.values())
    raw = {f: n * w[f] / tot for f in sizes}
    alloc = {f: int(raw[f]) for f in sizes}
    rest = n - sum(alloc.values())
    for f in sorted(sizes, key=lambda f: (-(raw[f] - alloc[f]), f))[:rest]:
        alloc[f] += 1
    return alloc


def sample(seed: int = SEED, n: int = N_PICKS) -> dict:
    rng = random.Random(seed)
    files = sorted(p.name for p in CORPUS.glob("*.txt"))
    texts = {f: (CORPUS / f).read_text(encoding="utf-8").split("\n") for f in files}
    sizes = {f: (CORPUS / f).stat().st_size for f in files}
    alloc = allocate(sizes, n)
    picks = []
    for f in files:
        lines = texts[f]
        elig = eligible_lines(lines)
        k = alloc[f]
        for j in range(k):
            lo = len(elig) * j // k
            hi = max(lo + 1, len(elig) * (j + 1) // k)
            pos = rng.randrange(lo, hi)
            a, b = max(0, pos - CONTEXT), min(len(elig), pos + CONTEXT + 1)
            ctx = [lines[elig[q]].strip() for q in range(a, b)]
            picks.append({"file": f, "line": elig[pos] + 1, "context": ctx})
    for i, p in enumerate(picks):
        p["index"] = i
    return {
        "seed": seed,
        "n_picks": n,
        "allocation": alloc,
        "picks": [{"index": p["index"], "file": p["file"], "line": p["line"],
                   "context": p["context"]} for p in picks],
    }


def main(argv: list[str]) -> None:
    data = sample()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(data['picks'])} picks) allocation={data['allocation']}")
    if "--show" in argv:
        for p in data["picks"]:
            print(f"\n## {p['index']} {p['file']}:{p['line']}")
            for c in p["context"]:
                print("   ", c)


if __name__ == "__main__":
    main(sys.argv[1:])
