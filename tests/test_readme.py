"""The README's two commands work for a newcomer, and .ci/run runs exactly its test command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def _sh_blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", text, flags=re.S)


def test_install_commands_use_a_venv_not_the_system_python() -> None:
    """Debian and Ubuntu refuse pip into the system Python (externally-managed-environment)."""
    start, tests = _sh_blocks(_readme())[:2]
    for command in (start, tests):
        assert command.startswith("python3 -m venv .venv && .venv/bin/python -m pip install -e ")
    assert start.endswith("&& .venv/bin/sromod")
    assert tests.endswith("&& .venv/bin/python -m pytest")
    assert "libxcb-cursor0" in _readme()


def test_ci_runs_the_readmes_test_command_without_an_activated_venv() -> None:
    tests = _sh_blocks(_readme())[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    steps = [part.strip() for part in tests.split("&&")]
    venv, install, pytest = steps
    assert re.search(rf"^{re.escape(venv)}$", ci, flags=re.M)
    interpreter = ".venv/bin/python"
    lines = ci.splitlines()
    assert f"PY={interpreter}" in lines
    # the same commands through $PY (pip quietly)
    assert (
        '"$PY" ' + install.removeprefix(interpreter + " ").replace(" install ", " install -q ")
        in lines
    )
    assert '"$PY" ' + pytest.removeprefix(interpreter + " ") in lines
    assert "bin/activate" not in ci and "\npython3 -m pip" not in ci
