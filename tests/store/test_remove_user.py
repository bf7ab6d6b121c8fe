"""`sromod server remove-user`: the login is gone from the server and the register, its history
stays, and a wrong request is one sentence that changes nothing."""

from __future__ import annotations

import psycopg
import pytest

from sromod.cli import main
from sromod.models import TaskStatus
from sromod.services import register, tasks
from sromod.store import open_store
from tests.roles_helpers import (
    PASSWORD,
    Register,
    login_url,
    role_logins,  # noqa: F401 (fixture)
    role_register,  # noqa: F401 (fixture)
)


def _admin(reg: Register) -> psycopg.Connection:
    return psycopg.connect(reg.url.replace("+psycopg", ""), autocommit=True)


def _exists(reg: Register, login: str) -> tuple[bool, bool]:
    """(the role is on the server, the register lists the login)."""
    with _admin(reg) as conn:
        role = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone()
        listed = conn.execute("SELECT 1 FROM register_logins WHERE login = %s", (login,)).fetchone()
    return role is not None, listed is not None


def test_a_removed_login_cannot_connect_and_its_history_keeps_its_name(
    reg: Register,
    logins: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    lead = logins["amt"]
    with open_store(login_url(reg, lead, monkeypatch), create=False) as store:
        tasks.set_task_status(store, reg.own_task, TaskStatus.IN_PROGRESS)
    with reg.connect(lead):  # it could connect before
        pass
    capsys.readouterr()

    assert main(["server", "remove-user", "--db", reg.url, lead]) == 0

    assert f"Anmeldung „{lead}“ entfernt" in capsys.readouterr().out
    assert _exists(reg, lead) == (False, False)
    with pytest.raises(psycopg.OperationalError, match=lead):
        reg.connect(lead, PASSWORD)
    with open_store(reg.url, create=False) as store:
        history = register.task_history(store, reg.own_task)
    assert history[-1].author == lead  # the status change it made, in its name
    assert _exists(reg, logins["lesen"]) == (True, True)  # the others stay


@pytest.mark.parametrize("who", ["unknown", "self", "owner_as_target", "group"])
def test_remove_user_refuses_with_one_sentence_and_changes_nothing(
    reg: Register,
    logins: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    who: str,
) -> None:
    coordinator = logins["koordination"]
    url, name, sentence = {
        "unknown": (reg.url, "niemand.hier", "Eine Anmeldung „niemand.hier“ gibt es auf dem "
                    "Server nicht."),
        "self": (reg.url, "sromod_test", "Die Anmeldung „sromod_test“ führt diesen Befehl aus "
                 "und kann sich nicht selbst entfernen; es wurde nichts geändert."),
        "owner_as_target": (login_url(reg, coordinator, monkeypatch), coordinator,
                            "Rollen und Anmeldungen kann nur der Eigentümer des Registers "
                            f"(sromod_test) einrichten, nicht „{coordinator}“."),
        "group": (reg.url, "sromod_amt", "„sromod_amt“ ist keine Anmeldung des Registers"),
    }[who]  # fmt: skip
    capsys.readouterr()
    assert main(["server", "remove-user", "--db", url, name]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"sromod: {sentence}") and err.count("\n") == 1
    for login in logins.values():
        assert _exists(reg, login) == (True, True)
    with reg.connect(coordinator):
        pass


def test_remove_user_twice_says_the_login_is_gone(
    reg: Register, logins: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["server", "remove-user", "--db", reg.url, logins["lesen"]]) == 0
    capsys.readouterr()
    assert main(["server", "remove-user", "--db", reg.url, logins["lesen"]]) == 1
    assert "gibt es auf dem Server nicht" in capsys.readouterr().err


def test_remove_user_needs_a_server(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["server", "remove-user", "--db", f"{tmp_path}/laptop.db", "x"]) == 2
    assert "eine Datenbankdatei kennt keine Rollen" in capsys.readouterr().err


def test_a_login_that_owns_something_is_not_half_removed(
    reg: Register, logins: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    reader = logins["lesen"]
    with _admin(reg) as conn:
        conn.execute("CREATE TABLE notizen_der_presse (x int)")
        conn.execute(f'ALTER TABLE notizen_der_presse OWNER TO "{reader}"')
    capsys.readouterr()
    assert main(["server", "remove-user", "--db", reg.url, reader]) == 1
    assert "ihr gehören noch Objekte" in capsys.readouterr().err
    assert _exists(reg, reader) == (True, True)
    with _admin(reg) as conn:  # still in its group: it reads as before
        member = conn.execute("SELECT pg_has_role(%s, 'sromod_lesen', 'MEMBER')", (reader,))
        assert member.fetchone() == (True,)
