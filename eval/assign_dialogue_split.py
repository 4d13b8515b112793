"""Assign dev/test splits to the dialogues of eval/dialogues.yaml (deterministic, stdlib).

    python3 eval/assign_dialogue_split.py   # writes `split:` under each `- id:` line

Stratified by the pattern of each dialogue's first follow-up (version, organization, detail…):
the dialogues of each pattern, in file order, are shuffled with one random.Random(SEED)
stream (patterns in sorted order); the first half (rounded up) is dev, the rest test.
Dialogues added in a later round (ids starting with a prefix in ROUNDS) are split the same
way among themselves with the round's own seed, so adding them never moves an earlier one.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

SEED = 7
# id prefix -> seed of a later round of dialogues
ROUNDS = {"dlg-r3-": 20261130, "dlg-r4-": 20261201, "dlg-r5-": 20261202, "dlg-r6-": 20261231, "dlg-r7-": 20270101,
          "dlg-r8-": 20270102, "dlg-r9-": 20270103, "dlg-r10-": 20270104, "dlg-r11-": 20270105,
          "dlg-r12-": 20270106, "dlg-r13-": 20270107, "dlg-r14-": 20270108, "dlg-r15-": 20270109,
          "dlg-r16-": 20270110, "dlg-r17-": 20270111, "dlg-r18-": 20270112, "dlg-r19-": 20270113,
          "dlg-r20-": 20270114, "dlg-r21-": 20270115, "dlg-r22-": 20270116,
          "dlg-r23-": 20270117, "dlg-r24-": 20270118, "dlg-r25-": 20270119,
          "dlg-r26-": 20270120, "dlg-r27-": 20270121, "dlg-r28-": 20270122, "dlg-r29-": 20270123, "dlg-r30-": 20270124,
          "dlg-r31-": 20270125, "dlg-r32-": 20270126, "dlg-r33-": 20270127, "dlg-r34-": 20270128, "dlg-r35-": 20270129,
          "dlg-r36-": 20270130, "dlg-r37-": 20270131, "dlg-r38-": 20270201,
          "dlg-r39-": 20270202,
          "dlg-r40-": 20270203,
          "dlg-r41-": 20270204,
          "dlg-r42-": 20270205,
          "dlg-r43-": 20270206, "dlg-r44-": 20270207, "dlg-r45-": 20270208,
          "dlg-r46-": 20270209, "dlg-r47-": 20270210, "dlg-r48-": 20270211, "dlg-r49-": 20270212, "dlg-r50-": 20270213,
          "dlg-r51-": 20270214, "dlg-r52-": 20270215,
          "dlg-r53-": 20270216}
PATH = Path(__file__).resolve().parent / "dialogues.yaml"


def _round(dialogue_id: str) -> str:
    return next((prefix for prefix in ROUNDS if dialogue_id.startswith(prefix)), "")


def main() -> None:
    lines = PATH.read_text(encoding="utf-8").splitlines()
    lines = [ln for ln in lines if not re.match(r"^  split:\s*(dev|test)\s*$", ln)]
    dialogues: list[tuple[str, str]] = []  # (id, first follow-up pattern)
    for ln in lines:
        if m := re.match(r"^- id:\s*(\S+)", ln):
            dialogues.append((m.group(1), ""))
        elif (m := re.match(r"^    follows:\s*(\S+)", ln)) and dialogues and not dialogues[-1][1]:
            dialogues[-1] = (dialogues[-1][0], m.group(1))
    split = {}
    for prefix, seed in [("", SEED), *ROUNDS.items()]:
        rng = random.Random(seed)
        group = [(d, p) for d, p in dialogues if _round(d) == prefix]
        for pattern in sorted({p for _, p in group}):
            ids = [d for d, p in group if p == pattern]
            rng.shuffle(ids)
            n_dev = (len(ids) + 1) // 2
            split.update({d: "dev" if i < n_dev else "test" for i, d in enumerate(ids)})
    out = []
    for ln in lines:
        out.append(ln)
        if m := re.match(r"^- id:\s*(\S+)", ln):
            out.append(f"  split: {split[m.group(1)]}")
    PATH.write_text("\n".join(out) + "\n", encoding="utf-8")
    print({s: sum(v == s for v in split.values()) for s in ("dev", "test")})


if __name__ == "__main__":
    main()
