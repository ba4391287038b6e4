"""Settings of the server: where the token comes from, which story store is found, the command."""
from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirewatch.cli.main import cli
from wirewatch.errors import ConfigError
from wirewatch.serve.settings import TOKEN_ENV, load_token
from wirewatch.serve.stories import find_story_api


def test_token_from_file_first_then_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TOKEN_ENV, "from-env")
    f = tmp_path / "token"
    f.write_text("from-file\nignored\n", encoding="utf-8")
    assert load_token(str(f)) == "from-file"
    assert load_token(None) == "from-env"
    monkeypatch.delenv(TOKEN_ENV)
    assert load_token(None) is None


def test_an_empty_or_missing_token_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "empty").write_text("\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="empty"):
        load_token(str(tmp_path / "empty"))
    with pytest.raises(ConfigError, match="cannot be read"):
        load_token(str(tmp_path / "absent"))


def test_story_api_is_found_only_when_the_module_offers_it(monkeypatch: pytest.MonkeyPatch) -> None:
    assert find_story_api("wirewatch_no_such_module") is None
    partial = types.ModuleType("fake_stories_partial")
    partial.list_stories = lambda store, **kw: []  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_stories_partial", partial)
    assert find_story_api("fake_stories_partial") is None
    full = types.ModuleType("fake_stories_full")
    full.list_stories = lambda store, **kw: [{"id": "s1", "reports": [{"doc": "d", "event": "v1"}]}]  # type: ignore[attr-defined]
    full.get_story = lambda store, sid: None  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_stories_full", full)
    api = find_story_api("fake_stories_full")
    assert api is not None and api.update_stories is None
    assert api.for_event(None, "d", "v1") == {"id": "s1", "reports": [{"doc": "d", "event": "v1"}]}
    assert api.for_event(None, "d", "v2") is None


def test_serve_command_has_help_and_reports_a_bad_token_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from wirewatch.cli.main import main

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "--token-file" in result.output and "127.0.0.1" in result.output
    (tmp_path / "empty").write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["wirewatch", "serve", "--db", str(tmp_path / "x.db"),
                                      "--token-file", str(tmp_path / "empty")])
    with pytest.raises(SystemExit) as exc:
        main()
    assert exc.value.code == 3 and "token file" in capsys.readouterr().err
