"""Assign dev/test splits to the held-out items of eval/questions.yaml (deterministic, stdlib).

    python3 eval/assign_split.py            # rewrites the split fields in place
    python3 eval/assign_split.py --check    # only reports, exits 1 if the file would change

Held-out items are those whose id starts with ``s-`` (written from sampled passages); the
first 98 items tuned the first version and stay dev. Stratified by type: the items of each type
are taken in file order, shuffled with
one random.Random(SEED) stream (types visited in sorted order), and the first half
(rounded up) becomes dev, the rest test.  Only the `split: ...` values are
rewritten; everything else in the file is left byte-for-byte unchanged.
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

SEED = 7
PATH = Path(__file__).resolve().parent / "questions.yaml"
HELD_OUT = "s-"

_BLOCK_ID = re.compile(r"^- id:\s*(\S+)\s*$")
_FLOW_ID = re.compile(r"^- \{id:\s*([^,\s]+)\s*,")
_TYPE_BLOCK = re.compile(r"^  type:\s*(\S+)\s*$")
_TYPE_FLOW = re.compile(r"\btype:\s*([A-Za-z_]+)")
_SPLIT = re.compile(r"\bsplit:\s*(dev|test)\b")


def parse(lines: list[str]) -> list[tuple[str, str, list[int]]]:
    """-> [(id, type, [line numbers holding the item's split field])] in file order."""
    items: list[list] = []
    for i, ln in enumerate(lines):
        m = _FLOW_ID.match(ln)
        if m:
            t = _TYPE_FLOW.search(ln)
            items.append([m.group(1), t.group(1) if t else "", [i] if _SPLIT.search(ln) else []])
            continue
        m = _BLOCK_ID.match(ln)
        if m:
            items.append([m.group(1), "", []])
            continue
        if not items or ln.startswith("- "):
            continue
        m = _TYPE_BLOCK.match(ln)
        if m:
            items[-1][1] = m.group(1)
        if ln.startswith("  split:") and _SPLIT.search(ln):
            items[-1][2].append(i)
    return [tuple(x) for x in items]


def assign(items: list[tuple[str, str, list[int]]]) -> dict[str, str]:
    rng = random.Random(SEED)
    split: dict[str, str] = {}
    for t in sorted({t for _, t, _ in items}):
        ids = [qid for qid, tt, _ in items if tt == t]
        rng.shuffle(ids)
        n_dev = (len(ids) + 1) // 2
        for k, qid in enumerate(ids):
            split[qid] = "dev" if k < n_dev else "test"
    return split


def main(argv: list[str]) -> int:
    text = PATH.read_text(encoding="utf-8")
    lines = text.split("\n")
    items = [it for it in parse(lines) if it[0].startswith(HELD_OUT)]
    ids = [qid for qid, _, _ in items]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate ids in " + str(PATH))
    missing = [qid for qid, t, where in items if not t or not where]
    if missing:
        raise SystemExit(f"items without type or split field: {missing[:5]}")
    split = assign(items)
    for qid, _, where in items:
        for i in where:
            lines[i] = _SPLIT.sub(f"split: {split[qid]}", lines[i])
    new = "\n".join(lines)
    counts: dict[tuple[str, str], int] = {}
    for qid, t, _ in items:
        counts[(t, split[qid])] = counts.get((t, split[qid]), 0) + 1
    for t in sorted({t for _, t, _ in items}):
        print(f"{t:13s} dev={counts.get((t, 'dev'), 0):3d} test={counts.get((t, 'test'), 0):3d}")
    if "--check" in argv:
        return 0 if new == text else 1
    if new != text:
        PATH.write_text(new, encoding="utf-8")
        print(f"rewrote splits in {PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
