"""The docs stay honest: every command is documented, every setting explained."""
import configparser

from click.testing import CliRunner

from wirewatch.cli.main import cli
from wirewatch.config import default_text


def test_every_cli_command_has_help_and_a_readme_mention(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert command.help, f"command {name} has no help text"
        assert f"wirewatch {name}" in readme, f"README does not mention `wirewatch {name}`"
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output


def test_every_setting_has_a_comment():
    lines = default_text().splitlines()
    cp = configparser.ConfigParser()
    cp.read_string(default_text())
    for section in cp.sections():
        for key in cp[section]:
            i = next(n for n, line in enumerate(lines) if line.startswith(f"{key} ="))
            assert lines[i - 1].startswith("#"), f"setting [{section}] {key} has no comment above it"


def test_readme_names_the_two_commands_and_ci_calls_the_test_one(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    assert "make test" in (root / ".ci" / "run").read_text(encoding="utf-8")
