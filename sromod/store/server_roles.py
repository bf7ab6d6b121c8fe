"""Who may do what in a shared register: PostgreSQL roles, privileges and row-level security.

Three group roles, created once per server: `sromod_koordination` edits everything;
`sromod_amt` reads everything and changes only status, due date and remark of its own office's
tasks (column privileges on `tasks`, a row-level security policy by office, the office of each
login in `register_logins`); `sromod_lesen` reads. The owner of the database owns every table and
is the only role past row-level security: it runs `sromod server init` and `add-user`, nobody
works with it day to day.

This lives here and not in a migration: creating roles needs a privilege (CREATEROLE) that the
daily openers of a register lack and should not need, roles belong to the whole server rather than
to one database, and the migrations run on a laptop's SQLite file too, which knows no roles.
`apply_privileges` is idempotent: `server init` runs it every time, and an upgrade of the schema
by the owner runs it again, so new tables and columns get their grants.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from sromod.store.errors import StoreError
from sromod.store.refusals import Refusal, RefusalKind, refusal_text
from sromod.store.role_names import AMT as AMT
from sromod.store.role_names import KOORDINATION as KOORDINATION
from sromod.store.role_names import LESEN as LESEN
from sromod.store.role_names import ROLES as ROLES

log = logging.getLogger(__name__)

GROUPS = {role: f"sromod_{role}" for role in ROLES}
LOGINS_TABLE = "register_logins"
# What an office lead may change of a task (and what the program changes with it).
AMT_TASK_COLUMNS = ("status", "due_date", "remark", "completed_on", "updated_at", "version")
# Tables with row-level security; every other table is guarded by plain privileges alone.
RLS_TABLES = ("tasks", "task_events")
LOGIN_NAME = re.compile(r"[a-z][a-z0-9_.-]{0,62}")

_MY_OFFICE = f"(SELECT l.office_id FROM {LOGINS_TABLE} l WHERE l.login = current_user)"
_OWN_TASK = f"task_id IN (SELECT t.id FROM tasks t WHERE t.office_id = {_MY_OFFICE})"
# (table, policy, command, roles, USING, WITH CHECK). An office lead's UPDATE sees every row but
# may only write its own office's: a refusal is an error, never a silent "0 rows".
POLICIES = (
    ("tasks", "koordination_alles", "ALL", (KOORDINATION,), "true", "true"),
    ("tasks", "alle_lesen", "SELECT", (AMT, LESEN), "true", None),
    ("tasks", "amt_eigene", "UPDATE", (AMT,), "true", f"office_id = {_MY_OFFICE}"),
    ("task_events", "koordination_alles", "ALL", (KOORDINATION,), "true", "true"),
    ("task_events", "alle_lesen", "SELECT", (AMT, LESEN), "true", None),
    ("task_events", "amt_eintragen", "INSERT", (AMT,), None,
     f"author = current_user AND {_OWN_TASK}"),
    # Undo of an office lead's own change takes back the history entry it wrote.
    ("task_events", "amt_zuruecknehmen", "DELETE", (AMT,),
     f"author = current_user AND {_OWN_TASK}", None),
)  # fmt: skip


@dataclass(frozen=True)
class Access:
    """What the login of an open store may do: role None is everything (a file, the owner)."""

    role: str | None = None
    office_id: str | None = None
    login: str = ""
    office_code: str | None = None

    @property
    def may_edit_everything(self) -> bool:
        return self.role in (None, KOORDINATION)

    @property
    def read_only(self) -> bool:
        return self.role == LESEN

    def may_change_task(self, office_code: str | None) -> bool:
        """Whether status, due date and remark of a task of this office may be changed."""
        if self.may_edit_everything:
            return True
        return self.role == AMT and office_code is not None and office_code == self.office_code


FULL_ACCESS = Access()


def install_roles(engine: Engine) -> list[str]:
    """Create the group roles, the logins table, the privileges and policies; harmless twice.

    Returns the group roles that were new. Raises a StoreError (one sentence) when the login
    is not the owner of the register or may not create roles.
    """
    with engine.begin() as conn:
        _require_owner(conn)
        created = _create_groups(conn)
        _create_logins_table(conn)
        apply_privileges(conn)
    log.info("Roles installed; new group roles: %s", ", ".join(created) or "none")
    return created


def _require_owner(conn: Connection) -> None:
    me, owner, superuser, createrole = conn.execute(
        text(
            "SELECT current_user, (SELECT tableowner FROM pg_tables WHERE tablename = 'tasks' "
            "AND schemaname = current_schema()), rolsuper, rolcreaterole FROM pg_roles "
            "WHERE rolname = current_user"
        )
    ).one()
    if owner != me and not superuser:
        raise StoreError(
            f"Rollen und Anmeldungen kann nur der Eigentümer des Registers ({owner}) "
            f"einrichten, nicht „{me}“."
        )
    if not (superuser or createrole) and not _groups_exist(conn):
        raise StoreError(
            f"Die Anmeldung „{me}“ darf keine Rollen anlegen; die IT gibt ihr das Recht mit "
            f"„ALTER ROLE {me} CREATEROLE“ (siehe docs/server.md)."
        )


def _require_roles_and_owner(conn: Connection) -> None:
    """Logins are added and removed by the owner, once `server init` has set up the roles."""
    if not roles_installed(conn):
        raise StoreError(
            "Im Register sind die Rollen noch nicht eingerichtet; bitte zuerst "
            "„sromod server init“ aufrufen."
        )
    _require_owner(conn)


def _groups_exist(conn: Connection) -> bool:
    found = conn.execute(
        text("SELECT count(*) FROM pg_roles WHERE rolname = ANY(:names)"),
        {"names": list(GROUPS.values())},
    ).scalar_one()
    return int(found) == len(GROUPS)


def _create_groups(conn: Connection) -> list[str]:
    existing = set(
        conn.execute(
            text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"),
            {"names": list(GROUPS.values())},
        ).scalars()
    )
    created = [group for group in GROUPS.values() if group not in existing]
    for group in created:
        conn.execute(text(f"CREATE ROLE {group} NOLOGIN"))
    return created


def _create_logins_table(conn: Connection) -> None:
    roles = ", ".join(f"'{role}'" for role in ROLES)
    conn.execute(
        text(
            f"CREATE TABLE IF NOT EXISTS {LOGINS_TABLE} ("
            "login name PRIMARY KEY, "
            f"role varchar(16) NOT NULL CHECK (role IN ({roles})), "
            "office_id varchar(36) REFERENCES offices(id), "
            "created_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'), "
            f"CHECK ((role = '{AMT}') = (office_id IS NOT NULL)))"
        )
    )


def apply_privileges(conn: Connection) -> None:
    """Grant each group what it may, on every table there is now; switch on the policies."""
    schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    tables = _tables(conn, schema)
    koordination, amt, lesen = (GROUPS[role] for role in ROLES)
    everyone = f"{koordination}, {amt}, {lesen}"
    conn.execute(text(f"GRANT USAGE ON SCHEMA {schema} TO {everyone}"))
    conn.execute(text(f"GRANT SELECT ON {', '.join(tables)} TO {everyone}"))
    # The change journal is written by its trigger (as the owner), never by a login; only the
    # owner trims it (and logs that in sync_journal_trims).
    owners_only = (LOGINS_TABLE, "alembic_version", "sync_journal", "sync_journal_trims")
    data = [t for t in tables if t not in owners_only]
    conn.execute(text(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(data)} TO {koordination}"))
    conn.execute(text(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {koordination}"))
    columns = [c for c in AMT_TASK_COLUMNS if c in _columns(conn, schema, "tasks")]
    conn.execute(text(f"GRANT UPDATE ({', '.join(columns)}) ON tasks TO {amt}"))
    conn.execute(text(f"GRANT INSERT, DELETE ON task_events TO {amt}"))
    if "sync_applied" in tables:  # a replica's push records its change ids (migration 0010)
        conn.execute(text(f"GRANT INSERT ON sync_applied TO {amt}"))
    _apply_policies(conn)
    _index_as_owner(conn, schema)


def _tables(conn: Connection, schema: str) -> list[str]:
    return list(
        conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = :s ORDER BY tablename"),
            {"s": schema},
        ).scalars()
    )


def _columns(conn: Connection, schema: str, table: str) -> set[str]:
    return set(
        conn.execute(
            text(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = :s AND table_name = :t"
            ),
            {"s": schema, "t": table},
        ).scalars()
    )


def _apply_policies(conn: Connection) -> None:
    for table in RLS_TABLES:
        conn.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
    for table, name, command, roles, using, check in POLICIES:
        to = ", ".join(GROUPS[role] for role in roles)
        clauses = (f" USING ({using})" if using else "") + (
            f" WITH CHECK ({check})" if check else ""
        )
        conn.execute(text(f"DROP POLICY IF EXISTS {name} ON {table}"))
        conn.execute(text(f"CREATE POLICY {name} ON {table} FOR {command} TO {to}{clauses}"))


def _index_as_owner(conn: Connection, schema: str) -> None:
    """The search index follows every change as the owner: an office lead changing a remark
    must not need the right to write the index itself."""
    functions = conn.execute(
        text(
            "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = :s AND p.proname LIKE 'search\\_fts\\_%'"
        ),
        {"s": schema},
    ).scalars()
    for function in list(functions):
        conn.execute(
            text(
                f"ALTER FUNCTION {schema}.{function}() SECURITY DEFINER "
                f"SET search_path = {schema}, pg_catalog"
            )
        )


class NotPermitted(StoreError):
    """The server refused a change the login's role does not allow; nothing was changed.

    `refusal` says why as data; `str()` is the German sentence (see `sromod.store.refusals`).
    """

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal_text(refusal))
        self.refusal = refusal


def role_refusal(access: Access, detail: str) -> Refusal:
    """Why the server refused a change, in the terms of the login's role."""
    if access.role == LESEN:
        return Refusal(RefusalKind.READS_ONLY, login=access.login)
    if access.role == AMT:
        if "row-level security" in detail:
            return Refusal(RefusalKind.OTHER_OFFICE, login=access.login)
        return Refusal(RefusalKind.OFFICE_FIELDS, login=access.login)
    return Refusal(RefusalKind.NOT_ALLOWED, login=access.login)


def renew_after_upgrade(engine: Engine) -> None:
    """After the owner upgraded the schema: grants for new tables and columns, policies again."""
    with engine.begin() as conn:
        if not roles_installed(conn):
            return
        owner = conn.execute(
            text(
                "SELECT tableowner = current_user FROM pg_tables WHERE tablename = 'tasks' "
                "AND schemaname = current_schema()"
            )
        ).scalar()
        if owner:
            apply_privileges(conn)
            log.info("Privileges renewed after the upgrade")


def roles_installed(conn: Connection) -> bool:
    return bool(
        conn.execute(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": LOGINS_TABLE}).scalar_one()
    )


def add_login(engine: Engine, name: str, role: str, office_code: str | None, password: str) -> None:
    """A new login in one of the groups; an office lead's office is recorded for the policies.

    The password reaches the server only as a SCRAM verifier computed here (libpq), so it is in
    no statement, no server log and no log of sromod.
    """
    check_login_request(name, role, office_code, password)
    with engine.begin() as conn:
        _require_roles_and_owner(conn)
        office_id = _office_id(conn, office_code) if office_code else None
        taken = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
        if taken.first() is not None:
            raise StoreError(f"Auf dem Server gibt es schon eine Anmeldung „{name}“.")
        verifier = _password_verifier(conn, name, password)
        # Not text(): the verifier's colons would read as bind parameters.
        conn.exec_driver_sql(
            f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{verifier}' IN ROLE {GROUPS[role]}"
        )
        conn.execute(
            text(f"INSERT INTO {LOGINS_TABLE} (login, role, office_id) VALUES (:n, :r, :o)"),
            {"n": name, "r": role, "o": office_id},
        )
    log.info("Login %s added with role %s", name, role)


def remove_login(engine: Engine, name: str) -> str:
    """Remove a login of the register: its role on the server and its row in register_logins.

    One transaction: either the login is gone entirely or nothing changed. Its name stays in
    the history it wrote (task_events.author is text). Returns the role it had.
    """
    if not LOGIN_NAME.fullmatch(name):
        raise StoreError(f"Eine Anmeldung „{name}“ gibt es auf dem Server nicht.")
    with engine.begin() as conn:
        _require_roles_and_owner(conn)
        role = _login_role(conn, name)
        for group in _groups_of(conn, name):
            conn.exec_driver_sql(f'REVOKE {group} FROM "{name}"')
        conn.execute(text(f"DELETE FROM {LOGINS_TABLE} WHERE login = :n"), {"n": name})
        try:
            conn.exec_driver_sql(f'DROP ROLE "{name}"')
        except DBAPIError as exc:  # it still owns something, or holds rights elsewhere
            log.warning("DROP ROLE %s refused: %s", name, exc.orig)
            raise StoreError(
                f"Die Anmeldung „{name}“ lässt sich nicht entfernen: ihr gehören noch Objekte "
                "auf dem Server oder sie hat Rechte in einer anderen Datenbank (siehe "
                "docs/server.md); es wurde nichts geändert."
            ) from None
    log.info("Login %s (role %s) removed", name, role)
    return role


def _login_role(conn: Connection, name: str) -> str:
    """The role a login of the register has; a sentence for one it may not remove."""
    me = conn.execute(text("SELECT current_user")).scalar_one()
    if name == me:
        raise StoreError(
            f"Die Anmeldung „{name}“ führt diesen Befehl aus und kann sich nicht selbst "
            "entfernen; es wurde nichts geändert."
        )
    if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first() is None:
        raise StoreError(f"Eine Anmeldung „{name}“ gibt es auf dem Server nicht.")
    role = conn.execute(
        text(f"SELECT role FROM {LOGINS_TABLE} WHERE login = :n"), {"n": name}
    ).scalar()
    if role is None and not _groups_of(conn, name):
        raise StoreError(
            f"„{name}“ ist keine Anmeldung des Registers (sie hat keine der Rollen "
            f"{', '.join(GROUPS.values())}); es wurde nichts geändert."
        )
    return str(role or "")


def _groups_of(conn: Connection, name: str) -> list[str]:
    """The register's group roles the login is a direct member of."""
    return list(
        conn.execute(
            text(
                "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :n AND g.rolname = ANY(:g)"
            ),
            {"n": name, "g": list(GROUPS.values())},
        ).scalars()
    )


def check_login_request(name: str, role: str, office_code: str | None, password: str) -> None:
    if not LOGIN_NAME.fullmatch(name):
        raise StoreError(
            f"„{name}“ taugt nicht als Anmeldename: erlaubt sind Kleinbuchstaben a–z, Ziffern, "
            "Punkt, Binde- und Unterstrich, am Anfang ein Buchstabe, höchstens 63 Zeichen."
        )
    if role not in ROLES:
        raise StoreError(f"Die Rolle „{role}“ gibt es nicht; möglich sind {', '.join(ROLES)}.")
    if role == AMT and not office_code:
        raise StoreError("Für die Rolle amt fehlt das Amt (--office KÜRZEL).")
    if role != AMT and office_code:
        raise StoreError("Ein Amt (--office) gehört nur zur Rolle amt.")
    if not password:
        raise StoreError("Ein leeres Passwort ist nicht erlaubt; es wurde nichts angelegt.")


def _office_id(conn: Connection, code: str) -> str:
    found = conn.execute(
        text("SELECT id FROM offices WHERE lower(code) = lower(:c)"), {"c": code.strip()}
    ).scalar()
    if found is None:
        raise StoreError(f"Ein Amt mit dem Kürzel „{code}“ gibt es im Register nicht.")
    return str(found)


_VERIFIER = re.compile(r"[A-Za-z0-9+/=$:-]+")


def _password_verifier(conn: Connection, name: str, password: str) -> str:
    """The password as the server stores it (SCRAM-SHA-256, per password_encryption)."""
    raw = conn.connection.dbapi_connection
    encrypted = raw.pgconn.encrypt_password(  # type: ignore[union-attr]  # the DBAPI connection is psycopg 3 here (a server store), typed as any DBAPI
        password.encode(), name.encode(), None
    ).decode("ascii")
    if not _VERIFIER.fullmatch(encrypted):  # it goes into a statement as a literal
        raise StoreError("Das Passwort ließ sich nicht verschlüsseln; es wurde nichts angelegt.")
    return str(encrypted)


def access_of(conn: Connection) -> Access:
    """The role of the login a register is open with, read from the server."""
    me, superuser, owner = conn.execute(
        text(
            "SELECT current_user, rolsuper, (SELECT tableowner FROM pg_tables WHERE "
            "tablename = 'tasks' AND schemaname = current_schema()) = current_user "
            "FROM pg_roles WHERE rolname = current_user"
        )
    ).one()
    if superuser or owner:
        return Access(login=me)
    if roles_installed(conn):
        row = conn.execute(
            text(
                f"SELECT l.role, l.office_id, o.code FROM {LOGINS_TABLE} l "
                "LEFT JOIN offices o ON o.id = l.office_id WHERE l.login = current_user"
            )
        ).first()
        if row is not None:
            return Access(row.role, row.office_id, me, row.code)
    for role in ROLES:  # a login the IT put into a group by hand
        if (
            _group_exists(conn, GROUPS[role])
            and conn.execute(
                text("SELECT pg_has_role(current_user, :g, 'MEMBER')"), {"g": GROUPS[role]}
            ).scalar_one()
        ):
            return Access(role, None, me)
    return Access(login=me)


def _group_exists(conn: Connection, group: str) -> bool:
    found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :g"), {"g": group})
    return found.first() is not None
