"""The checks of .ci/run run the same everywhere: before a commit (pre-commit) and on Windows."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _ci_checks() -> list[str]:
    """What .ci/run runs besides installing and testing, as programs of the venv with arguments:
    "python -m ruff check sromod tests bench", "lint-imports --no-cache"."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    modules = re.findall(r'^"\$PY" -m (.+)$', ci, flags=re.M)
    tools = re.findall(r'^"\$\(dirname "\$PY"\)/(.+?)"(.*?)(?:\s+#.*)?$', ci, flags=re.M)
    checks = [f"python -m {c}" for c in modules if not c.startswith(("pip ", "pytest"))]
    checks += [f"{name}{args}" for name, args in tools]
    assert checks, ci
    return checks


def test_ci_runs_ruff_mypy_over_the_package_tests_and_bench() -> None:
    checks = _ci_checks()
    assert "python -m ruff check sromod tests bench" in checks
    assert "python -m ruff format --check sromod tests bench" in checks
    assert "python -m mypy" in checks


def test_mypy_checks_all_three_strictly_and_relaxes_tests_only_for_untyped_defs() -> None:
    mypy = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert mypy["files"] == ["sromod", "tests", "bench"]
    assert mypy["strict"] is True
    (tests,) = mypy["overrides"]
    assert tests.pop("module") == ["tests.*"]
    # a test may leave its fixtures' parameters unannotated; everything else stays strict
    assert tests == {
        "disallow_untyped_defs": False,
        "disallow_incomplete_defs": False,
        "disallow_untyped_calls": False,
    }


def test_pre_commit_runs_every_check_of_ci_in_the_projects_venv() -> None:
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    entries = re.findall(r"^\s+entry: (.+)$", config, flags=re.M)
    wanted = [f".ci/venv {check}" for check in _ci_checks()]
    missing = [entry for entry in wanted if entry not in entries]
    assert missing == [], f"a check of .ci/run lacks its hook: add `entry: {missing}` (a hook)"
    assert sorted(entries) == sorted(wanted), "a hook runs what .ci/run does not"
    assert "repo: local" in config
    assert (ROOT / ".ci" / "venv").stat().st_mode & 0o111  # the hooks execute it


def test_the_windows_workflow_runs_the_checks_before_the_tests() -> None:
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    commands = [line.strip() for line in workflow.splitlines()]
    tests = commands.index("run: python -m pytest -q")
    for check in _ci_checks():
        ran = [n for n, line in enumerate(commands) if line.endswith(check)]
        assert ran and ran[0] < tests, f"windows.yml should run `{check}` before the tests"


@pytest.mark.skipif(sys.platform == "win32", reason="the hooks' helper is a bash script")
@pytest.mark.skipif(not (ROOT / ".venv").exists(), reason="no project .venv (.ci/run makes it)")
def test_the_hooks_run_the_projects_interpreter() -> None:
    done = subprocess.run(
        [str(ROOT / ".ci" / "venv"), "python", "-c", "import sys; print(sys.prefix)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT / "tests",
    )
    assert Path(done.stdout.strip()).resolve() == (ROOT / ".venv").resolve()


_TYPE_IGNORE = re.compile(r"#\s*type:\s*ignore(?P<codes>\[[^\]]*\])?(?P<rest>.*)$")
_NOT_A_REASON = re.compile(r"#\s*(?:fmt:\s*\w+|noqa(?::[\w, ]+)?)")


def reasonless_ignores(lines: list[str]) -> list[int]:
    """Line numbers of `# type: ignore`s without error codes or without a comment saying why."""
    found = []
    for number, line in enumerate(lines, start=1):
        match = _TYPE_IGNORE.search(line)
        if match is None:
            continue
        reason = _NOT_A_REASON.sub("", match["rest"]).strip(" #")
        if not match["codes"] or not reason:
            found.append(number)
    return found


def test_every_type_ignore_in_sromod_names_its_codes_and_says_why() -> None:
    """A silenced mypy error is either a limit of a library's stubs or a hidden bug; the comment
    after it (`# type: ignore[attr-defined]  # ctypes.windll exists on Windows only`) tells
    the next reader which."""
    missing = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "sromod").rglob("*.py"))
        for number in reasonless_ignores(path.read_text(encoding="utf-8").splitlines())
    ]
    assert missing == [], "a `type: ignore` without codes or reason:\n" + "\n".join(missing)


def test_the_ignore_check_tells_a_reason_from_none() -> None:
    lines = [
        "x = f()  # type: ignore[attr-defined]  # the stub lacks it",
        "x = f()  # type: ignore[attr-defined]",
        "x = f()  # type: ignore",
        "x = f()  # type: ignore  # no codes, though a reason",
        "x = f()  # type: ignore[arg-type]  # fmt: skip",
        "x = f()  # type: ignore[arg-type]  # fmt: skip  # Qt's stub: object, not QModelIndex",
        "x = f()  # nothing ignored",
    ]
    assert reasonless_ignores(lines) == [2, 3, 4, 5]
