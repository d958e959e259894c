"""The README's two commands are those the project runs: CI runs the test command as written."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _readme_commands() -> list[str]:
    """Return the shell blocks of the README's quick start, in order."""
    readme = (ROOT / "README.md").read_text("utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", quick_start, re.S)]


def test_the_quick_start_has_exactly_two_commands() -> None:
    commands = _readme_commands()
    assert len(commands) == 2, commands
    assert all("\n" not in command for command in commands)
    assert commands[0].endswith("launchmap serve")


def test_ci_runs_the_readme_test_command_word_for_word() -> None:
    ci_lines = (ROOT / ".ci" / "run").read_text("utf-8").strip().splitlines()
    assert ci_lines[-1] == _readme_commands()[1]


def test_the_test_command_installs_into_a_fresh_venv_with_the_constraints() -> None:
    command = _readme_commands()[1]
    assert "python3 -m venv --clear .venv" in command
    assert "-c .ci/constraints.txt" in command
    constraints = (ROOT / ".ci" / "constraints.txt").read_text("utf-8")
    pinned = dict(
        line.split("==", 1) for line in constraints.splitlines() if "==" in line and line[0] != "#"
    )
    assert {"pytest", "schemathesis", "hypothesis", "playwright"} <= set(pinned)
