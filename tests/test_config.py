"""config.yaml is the single, validated place for every knob."""

import pytest

from index.config import ConfigError, load_settings

from .conftest import ROOT


def _write(tmp_path, text):
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_repository_config_loads_with_documented_defaults():
    s = load_settings(ROOT / "config.yaml")
    assert s.embedding.model == "bundled:multilingual-e5-small"
    assert s.ui.host == "127.0.0.1" and s.ui.port == 7860
    assert s.corpus.paths[0].name == "corpus"
    assert s.index_dir.parent == (ROOT / ".data").resolve()


def test_every_key_in_the_repository_config_is_commented():
    for line in (ROOT / "config.yaml").read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith(("#", "-")) and ":" in stripped and not stripped.endswith(":"):
            assert "#" in line, f"uncommented key: {line}"


def test_unknown_key_is_named(tmp_path):
    with pytest.raises(ConfigError, match=r"unknown key 'retrieval\.topk'"):
        load_settings(_write(tmp_path, "retrieval:\n  topk: 5\n"))


def test_wrong_type_is_named(tmp_path):
    with pytest.raises(ConfigError, match=r"'ui\.port'"):
        load_settings(_write(tmp_path, "ui:\n  port: lots\n"))


def test_impossible_values_are_refused(tmp_path):
    with pytest.raises(ConfigError, match="overlap_chars must be < target_chars"):
        load_settings(_write(tmp_path, "chunking:\n  target_chars: 100\n  overlap_chars: 150\n"))
    with pytest.raises(ConfigError, match=r"'retrieval\.mode'"):
        load_settings(_write(tmp_path, "retrieval:\n  mode: magic\n"))


def test_error_is_one_line(tmp_path):
    with pytest.raises(ConfigError) as err:
        load_settings(_write(tmp_path, "faiss:\n  kind: gpu\n"))
    assert "\n" not in str(err.value)


def test_relative_paths_resolve_against_the_config_file(tmp_path):
    s = load_settings(_write(tmp_path, "data_dir: store\ncorpus:\n  paths: [docs]\n  manifest: null\n"))
    assert s.index_dir == (tmp_path / "store" / "index").resolve()
    assert s.path(s.corpus.paths[0]) == (tmp_path / "docs").resolve()


def test_llm_key_comes_from_the_environment_only(tmp_path, monkeypatch):
    s = load_settings(_write(tmp_path, "llm:\n  api_key_env: MY_QA_KEY\n"))
    monkeypatch.delenv("MY_QA_KEY", raising=False)
    assert s.llm_api_key() is None
    monkeypatch.setenv("MY_QA_KEY", "sk-test")
    assert s.llm_api_key() == "sk-test"
    assert "sk-test" not in (tmp_path / "config.yaml").read_text()


def test_cli_reports_config_errors_in_one_line(tmp_path, capsys):
    from index.cli import main

    path = _write(tmp_path, "bogus: 1\n")
    assert main(["--config", str(path), "stats"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("config error:") and "bogus" in err and "\n" not in err
