"""Faults and bad input: each F-number of the reliability issue, and fault injection
(kill -9 during builds, concurrent builds with a reader loop), bounded in time."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from index.config import ConfigError, load_settings
from index.ingest import ingest_paths, load_manifest, load_organization_aliases
from index.store import BuildRefused, IndexNotReady, LoadedIndex, build, file_hashes

from .conftest import ROOT, make_settings

DOC = "# 事業計画\n\n## 1. 目標\n\n研修の受講者数を１，２００人以上とする。\nオンライン講座を年間４０回開催する。\n"
MEMO = "会議は毎月第2火曜日に開催する。\n議事録は1週間以内に公開する。\n"


def _corpus(docs: Path) -> None:
    (docs / "plan.md").write_text(DOC, encoding="utf-8")
    (docs / "memo.txt").write_text(MEMO, encoding="utf-8")


def _small_corpus(tmp_path: Path):
    """A folder with the two small documents, and settings pointed at it."""
    docs = tmp_path / "docs"
    docs.mkdir()
    _corpus(docs)
    return docs, make_settings(tmp_path / "data", [docs])


def _config(tmp_path: Path, docs: Path, data: Path, model_cache: Path, extra: str = "") -> Path:
    """A config file for a subprocess: the repository's, pointed at a small corpus."""
    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    text = text.replace("data_dir: .data", f"data_dir: {data}").replace("paths: [corpus]", f"paths: [{docs}]")
    text = text.replace("manifest: corpus/manifest.yaml", "manifest: null")
    path = tmp_path / "config.yaml"
    path.write_text(text + extra, encoding="utf-8")
    (data / "models").mkdir(parents=True, exist_ok=True)
    for entry in model_cache.iterdir():
        link = data / "models" / entry.name
        if not link.exists():
            link.symlink_to(entry, target_is_directory=entry.is_dir())
    return path


def _run(args: list[str], config: Path, stdin: bytes | None = None, timeout: int = 240):
    return subprocess.run([sys.executable, "-m", *args, "--config", str(config)], input=stdin,
                          capture_output=True, cwd=ROOT, timeout=timeout,
                          env={**os.environ, "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"})


# ── F2 F3 F4: files ─────────────────────────────────────────────────────
def test_an_oversize_file_is_never_read(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    _corpus(docs)
    big = docs / "huge.txt"
    with big.open("wb") as f:  # sparse: 30 MB that cost nothing to make
        f.truncate(30_000_000)
    settings = make_settings(tmp_path / "data", [docs])
    settings = settings.model_copy(update={"corpus": settings.corpus.model_copy(update={"max_file_mb": 1.0})})
    opened: list[str] = []
    real_open = Path.open

    def spy(self, *a, **k):
        opened.append(self.name)
        return real_open(self, *a, **k)

    real_read = Path.read_bytes

    def no_big_reads(self):
        assert self.name != "huge.txt", "the oversize file was read"
        return real_read(self)

    monkeypatch.setattr(Path, "open", spy)
    monkeypatch.setattr(Path, "read_bytes", no_big_reads)
    hashes = file_hashes(settings)
    assert hashes["huge.txt"].startswith("oversize:") and "huge.txt" not in opened
    result = ingest_paths([docs], settings)
    assert any("huge.txt" in p and "too large" in why for p, why in result.skipped)


def test_symlinks_out_of_the_corpus_dangling_and_looping_are_skipped_with_reasons(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    _corpus(docs)
    secret = tmp_path / "secret.txt"
    secret.write_text("外部の秘密情報である。\n", encoding="utf-8")
    (docs / "outside.txt").symlink_to(secret)
    (docs / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (docs / "inside.txt").symlink_to(docs / "memo.txt")
    (docs / "loop").symlink_to(docs, target_is_directory=True)
    messages: list[str] = []
    result = ingest_paths([docs], make_settings(tmp_path / "data", [docs]), on_skip=messages.append)
    reasons = {Path(p).name: why for p, why in result.skipped}
    assert "outside the corpus folder" in reasons["outside.txt"]
    assert "broken" in reasons["dangling.txt"]
    assert "not followed" in reasons["loop"]
    assert not any("秘密" in c.text for c in result.chunks)
    assert {d.source for d in result.documents} == {"plan.md", "memo.txt", "inside.txt"}
    assert len(messages) == 3 and all("\n" not in m for m in messages)


def test_skipped_files_are_not_new_and_a_newline_in_a_name_stays_on_one_line(tmp_path, embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    _corpus(docs)
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf")
    (docs / "two\nlines.txt").write_bytes(b"\x00\x01binary")
    messages: list[str] = []
    report = build(make_settings(tmp_path / "data", [docs]), embedder=embedder, on_skip=messages.append)
    assert sorted(report.changed_files) == ["memo.txt", "plan.md"]
    assert len(messages) == 2 and all("\n" not in m for m in messages)
    assert any("broken.pdf" in m and "PDF" in m for m in messages)
    assert any("two\\nlines.txt" in m for m in messages)


# ── F5 F6 F7 F8 F9: builds and loading ──────────────────────────────────
def test_a_build_removes_temp_folders_a_killed_build_left(tmp_path, embedder):
    _, settings = _small_corpus(tmp_path)
    build(settings, embedder=embedder)
    stale = settings.index_dir.parent / "builds" / ".tmp-20260101-000000-dead"
    stale.mkdir()
    (stale / "chunks.arrow").write_text("half", encoding="utf-8")
    build(settings, embedder=embedder)
    assert not stale.exists()


def test_a_build_that_finds_nothing_or_drops_most_chunks_keeps_the_index(tmp_path, embedder):
    _, settings = _small_corpus(tmp_path)
    build(settings, embedder=embedder)
    before = LoadedIndex.load(settings).manifest["built_at"]
    typo = settings.model_copy(update={"corpus": settings.corpus.model_copy(update={"paths": [tmp_path / "dcos"]})})
    with pytest.raises(BuildRefused, match="no documents found"):
        build(typo, embedder=embedder)
    only_txt = settings.model_copy(update={"corpus": settings.corpus.model_copy(update={"extensions": ["txt"]})})
    with pytest.raises(BuildRefused):
        build(only_txt, embedder=embedder)
    assert LoadedIndex.load(settings).manifest["built_at"] == before
    build(typo, embedder=embedder, force=True)  # said on purpose: allowed
    assert len(LoadedIndex.load(typo).chunks) == 0


def test_changing_the_faiss_kind_rebuilds_on_update(tmp_path, embedder):
    _, settings = _small_corpus(tmp_path)
    build(settings, embedder=embedder)
    hnsw = settings.model_copy(update={"faiss": settings.faiss.model_copy(update={"kind": "hnsw"})})
    report = build(hnsw, incremental=True, embedder=embedder)
    assert not report.up_to_date and report.embedded == 0  # vectors reused, structure rebuilt
    assert type(LoadedIndex.load(hnsw).faiss_index).__name__ == "IndexHNSWSQ"  # 8-bit codes by default
    flat_codes = hnsw.model_copy(update={"faiss": hnsw.faiss.model_copy(update={"codes": "flat"})})
    assert not build(flat_codes, incremental=True, embedder=embedder).up_to_date
    assert type(LoadedIndex.load(flat_codes).faiss_index).__name__ == "IndexHNSWFlat"


@pytest.mark.parametrize("damage", ["truncated_faiss", "missing_faiss", "truncated_chunks", "garbled_chunks",
                                    "missing_bm25", "short_chunks"])
def test_a_damaged_index_is_reported_in_one_line_with_the_repair(tmp_path, embedder, model_cache, damage):
    docs = tmp_path / "docs"
    docs.mkdir()
    _corpus(docs)
    config = _config(tmp_path, docs, tmp_path / "data", model_cache)
    settings = load_settings(config)
    build(settings, embedder=embedder)
    path = settings.index_dir.resolve()
    if damage == "truncated_faiss":
        data = (path / "vectors.faiss").read_bytes()
        (path / "vectors.faiss").write_bytes(data[: len(data) // 2])
    elif damage == "missing_faiss":
        (path / "vectors.faiss").unlink()
    elif damage == "truncated_chunks":
        data = (path / "chunks.arrow").read_bytes()
        (path / "chunks.arrow").write_bytes(data[: len(data) // 2])
    elif damage == "garbled_chunks":
        data = bytearray((path / "chunks.arrow").read_bytes())
        data[: len(data) // 2] = b"\xff" * (len(data) // 2)
        (path / "chunks.arrow").write_bytes(bytes(data))
    elif damage == "missing_bm25":
        import shutil

        shutil.rmtree(path / "bm25")
    else:  # a chunk table one row short of the vectors
        from index.table import ChunkTable, columns_of, write_table

        chunks = list(ChunkTable.open(path / "chunks.arrow"))
        (path / "chunks.arrow").unlink()
        write_table(path / "chunks.arrow", columns_of(chunks[:-1]))
    with pytest.raises(IndexNotReady, match="python -m index build"):
        LoadedIndex.load(settings)
    out = _run(["index", "stats"], config, timeout=120)
    err = out.stderr.decode()
    assert out.returncode == 1 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and "python -m index build" in err


# ── F10: configuration ──────────────────────────────────────────────────
@pytest.mark.parametrize("body, key", [
    ("retrieval:\n  top_k: true\n", "top_k"),
    ("llm:\n  timeout_s: 1e9999\n", "timeout_s"),
    ("embedding:\n  device: quantum\n", "device"),
])
def test_lax_config_values_are_refused(tmp_path, body, key):
    path = tmp_path / "c.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=key):
        load_settings(path)


def test_a_binary_or_folder_config_and_a_bad_manifest_are_one_line_errors(tmp_path):
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"\xff\xfe\x00\x01\x80")
    with pytest.raises(ConfigError, match="UTF-8"):
        load_settings(binary)
    with pytest.raises(ConfigError, match="not a file"):
        load_settings(tmp_path)
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text("documents:\n  - title: 題名だけ\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="entry 1 needs a 'file'"):
        load_manifest(manifest)
    manifest.write_text("documents: 本文\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="list of entries"):
        load_manifest(manifest)
    # Other names of an organization: a list of names each, refused by the build as well as by the assistant.
    for organizations in ("[ACME]", "{ACME: アクメ}", "{ACME: [3]}", "{2024: [アクメ]}", "{ACME: [ア]}",
                          "{ACME: [アクメ], BETA: [ｱｸﾒ]}"):
        manifest.write_text(f"organizations: {organizations}\ndocuments: []\n", encoding="utf-8")
        with pytest.raises(ConfigError, match="organizations"):
            load_manifest(manifest)
        with pytest.raises(ConfigError, match="organizations"):
            load_organization_aliases(manifest)
    manifest.write_text("organizations:\n  ACME: [アクメ, ' アクメ社 ']\ndocuments: []\n", encoding="utf-8")
    assert load_organization_aliases(manifest) == {"アクメ": "ACME", "アクメ社": "ACME"}
    assert load_manifest(manifest) == {}
    for args in (["assistant", "ask", "質問", "-k", "-1"], ["index", "search", "質問", "-k", "0"]):
        out = subprocess.run([sys.executable, "-m", *args], capture_output=True, cwd=ROOT, timeout=60)
        assert out.returncode == 2 and b"Traceback" not in out.stderr


# ── F11: the batch CLI never aborts ─────────────────────────────────────
def test_the_batch_cli_answers_every_line_in_order_and_never_aborts(assistant):
    from assistant.cli import _batch

    lines = [
        b'{"id": "ok", "question": "IPA\\u306e\\u77ed\\u671f\\u501f\\u5165\\u91d1\\u306e\\u9650\\u5ea6\\u984d\\u306f"}',
        b'{"id": "surrogate", "question": "\\ud800\\u8cea\\u554f"}',
        b"[" * 100_000,
        b'{"id": "latin1", "question": "\xff\xfe"}',
        b'{"id": NaN, "question": "x"}',
        b'{"id": 7, "question": 42}',
        b'{"id": "last", "question": "JETRO\\u306e\\u8077\\u54e1\\u6570\\u306f"}',
    ]
    out = io.BytesIO()

    class Out:
        buffer = out

        def write(self, s):
            out.write(s.encode())

        def flush(self):
            pass

    code = _batch(assistant, io.BytesIO(b"\n".join(lines) + b"\n"), Out())
    rows = [json.loads(line.decode("utf-8")) for line in out.getvalue().splitlines()]
    assert code == 3 and len(rows) == len(lines)
    assert [r.get("id") for r in rows] == ["ok", "surrogate", None, None, None, 7, "last"]
    assert "error" not in rows[0] and "30億円" in rows[0]["answer"].replace("３０", "30")
    assert "error" not in rows[1]  # the lone surrogate became U+FFFD, the question was answered
    assert all("error" in r for r in rows[2:6]) and "error" not in rows[6]


# ── F13: feedback toggle ────────────────────────────────────────────────
def test_clicking_the_same_thumb_again_takes_the_vote_back():
    from assistant.ui import vote_of

    assert (vote_of(True), vote_of(False), vote_of(""), vote_of(None)) == ("up", "down", None, None)
    assert (vote_of("Like"), vote_of("Dislike")) == ("up", "down")


# ── Fault injection ─────────────────────────────────────────────────────
@pytest.fixture
def small_index(tmp_path, model_cache, embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    _corpus(docs)
    config = _config(tmp_path, docs, tmp_path / "data", model_cache)
    build(load_settings(config), embedder=embedder)
    return docs, config


def _loads_and_answers(settings, embedder) -> None:
    from index.search import Searcher

    searcher = Searcher(settings, LoadedIndex.load(settings), embedder=embedder)
    assert any("受講者数" in p.chunk.text for p in searcher.search("研修の受講者数", k=3))


def test_kill_9_at_twenty_points_of_a_build_never_breaks_the_index(small_index, embedder):
    docs, config = small_index
    settings = load_settings(config)
    (docs / "extra.txt").write_text("追加の文書である。目標は５０件とする。\n" * 20, encoding="utf-8")
    started = time.perf_counter()
    full = _run(["index", "build", "--quiet"], config)
    assert full.returncode == 0, full.stderr.decode()[-500:]
    duration = time.perf_counter() - started
    for n in range(20):
        delay = duration * (n + 0.5) / 20
        proc = subprocess.Popen([sys.executable, "-m", "index", "build", "--quiet", "--config", str(config)],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env={**os.environ, "HF_HUB_OFFLINE": "1"})
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        _loads_and_answers(settings, embedder)
    build(settings, embedder=embedder)
    assert not list((settings.index_dir.parent / "builds").glob(".tmp-*"))


def test_concurrent_builds_and_a_reader_loop_never_fail_to_load(small_index, embedder):
    docs, config = small_index
    settings = load_settings(config)
    failures: list[str] = []
    loads = 0
    stop = threading.Event()

    def reader():
        nonlocal loads
        while not stop.is_set():
            try:
                LoadedIndex.load(settings)
                loads += 1
            except Exception as exc:  # any failure is what this test looks for
                failures.append(f"{exc.__class__.__name__}: {exc}")

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for round_ in range(3):
            (docs / f"round{round_}.txt").write_text(f"第{round_}回の追加文書である。\n", encoding="utf-8")
            procs = [subprocess.Popen([sys.executable, "-m", "index", "build", "--quiet", "--config", str(config)],
                                      cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                      env={**os.environ, "HF_HUB_OFFLINE": "1"}) for _ in range(2)]
            for p in procs:
                _, err = p.communicate(timeout=240)
                assert p.returncode == 0, err.decode()[-500:]
    finally:
        stop.set()
        thread.join()
    assert failures == [] and loads > 0
    _loads_and_answers(settings, embedder)


def test_a_corpus_of_every_bad_file_kind_indexes_every_good_file_and_names_each_bad_one_once(tmp_path):
    from .pdfmaker import make_blank_pdf

    docs = tmp_path / "docs"
    docs.mkdir()
    _corpus(docs)
    (docs / "cp932.txt").write_bytes("支援件数は１２件である。\n".encode("cp932"))
    (docs / "jis.txt").write_bytes("目標は３件である。\n".encode("iso2022_jp"))
    (docs / "bad-bytes.txt").write_bytes("本文である。".encode() * 50 + b"\xff\n")  # good: a few bad bytes
    bad = {
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR",
        "empty.md": b"  \n\n",
        "noise.txt": bytes(range(0x80, 0x100)) * 8,
        "broken.pdf": b"%PDF-1.4\nthis is not really a pdf",
        "scan.pdf": make_blank_pdf(),
        "huge.txt": b"a" * 2_100_000,
        "new\nline.txt": b"\x00\x00",
    }
    for name, data in bad.items():
        (docs / name).write_bytes(data)
    (docs / "outside.txt").symlink_to(ROOT / "README.md")
    (docs / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (docs / "loop").symlink_to(docs, target_is_directory=True)
    (docs / "image.png").write_bytes(b"\x89PNG")  # not a document type: not picked up, not an error
    settings = make_settings(tmp_path / "data", [docs])
    settings = settings.model_copy(update={"corpus": settings.corpus.model_copy(update={"max_file_mb": 2.0})})
    messages: list[str] = []
    result = ingest_paths([docs], settings, on_skip=messages.append)
    assert {d.source for d in result.documents} == {"plan.md", "memo.txt", "cp932.txt", "jis.txt", "bad-bytes.txt"}
    skipped_names = [Path(p).name for p, _ in result.skipped]
    assert sorted(skipped_names) == sorted([*bad, "outside.txt", "dangling.md", "loop"])
    assert len(messages) == len(skipped_names) and all("\n" not in m for m in messages)
    for name in skipped_names:
        shown = f"{docs}/{name}:".replace("\n", "\\n")
        assert sum(shown in m for m in messages) == 1, name
