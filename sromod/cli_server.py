"""The command line's `server` commands: work on a shared register on PostgreSQL.

`init` sets up its schema and roles, `add-user` adds a login, `remove-user` removes one,
`import` brings a laptop in.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sromod.cli_replicas import REPLICA_HANDLERS, add_replica_commands

log = logging.getLogger(__name__)

EXIT_OK, EXIT_USAGE = 0, 2
URL = "URL"
ROLE_HELP = (
    "koordination: bearbeitet alles; amt: liest alles, ändert nur Status, Fälligkeit und "
    "Bemerkung der Aufgaben des eigenen Amts; lesen: liest nur"
)

IMPORT_DESCRIPTION = (
    "Bringt eine Laptop-Datenbank (.db) in das Register auf dem Server, zusammengeführt über die "
    "IDs der Einträge: Was das Register schon hat, bleibt wie es ist; ein zweiter Lauf ändert "
    "nichts. Gleiche Kurzbezeichnungen von Gremien, vergebene Sitzungs- und Registernummern "
    "werden nach den Regeln gelöst, die der Bericht nennt. Alles oder nichts: Scheitert etwas, "
    "bleibt das Register unverändert. Die Laptop-Datei wird nur gelesen."
)


def add_server_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    *,
    store_location: Callable[[str], Any],
    epilog: str,
) -> None:
    """The `server` group; store_location and epilog are the command line's (cli.py)."""
    server = sub.add_parser("server", help="Register auf einem PostgreSQL-Server", epilog=epilog)
    what = server.add_subparsers(dest="server_command", required=True, title="Was", metavar="WAS")
    imp = what.add_parser(
        "import",
        help="eine Laptop-Datenbank in das Register übernehmen",
        description=IMPORT_DESCRIPTION,
        epilog=epilog,
    )
    imp.add_argument(
        "--db", type=store_location, required=True, dest="target", metavar="ADRESSE",
        help="das Register (postgresql://NAME@SERVER/DATENBANK)",
    )  # fmt: skip
    imp.add_argument(
        "--from", type=Path, required=True, dest="source", metavar="DATEI",
        help="die Datenbankdatei des Laptops",
    )  # fmt: skip
    imp.add_argument(
        "--dry-run", action="store_true", help="nur berichten, was geschähe; nichts ändern"
    )
    _add_role_commands(what, store_location, epilog)
    add_replica_commands(what, store_location, epilog)


def _add_role_commands(
    what: argparse._SubParsersAction[argparse.ArgumentParser],
    store_location: Callable[[str], Any],
    epilog: str,
) -> None:
    init = what.add_parser(
        "init",
        help="Schema und Rollen anlegen (ein zweiter Aufruf schadet nicht)",
        description="Legt in einer leeren Datenbank das Schema an (oder bringt es auf den "
        "neuesten Stand) und richtet die Rollen sromod_koordination, sromod_amt und "
        "sromod_lesen ein. Aufzurufen mit der Anmeldung, der die Datenbank gehört.",
        epilog=epilog,
    )
    add = what.add_parser(
        "add-user",
        help="eine Anmeldung mit einer Rolle anlegen",
        description="Legt eine Anmeldung an. Das Passwort wird abgefragt (zweimal) oder, wenn "
        "die Eingabe kein Terminal ist, als eine Zeile von der Standardeingabe gelesen; nie "
        "auf der Befehlszeile.",
        epilog=epilog,
    )
    remove = what.add_parser(
        "remove-user",
        help="eine Anmeldung entfernen (die Historie behält ihren Namen)",
        description="Entfernt eine Anmeldung: ihre Rolle auf dem Server und ihren Eintrag im "
        "Register. Wer eine Änderung gemacht hat, bleibt in der Historie der Aufgaben stehen. "
        "Aufzurufen mit der Anmeldung, der die Datenbank gehört.",
        epilog=epilog,
    )
    for parser in (init, add, remove):
        parser.add_argument("--db", type=store_location, required=True, dest="target",
                            metavar=URL, help="das Register (postgresql://EIGENTÜMER@SERVER/DB)")  # fmt: skip
    add.add_argument("name", metavar="NAME", help="der Anmeldename, etwa mueller.jug")
    remove.add_argument("name", metavar="NAME", help="die Anmeldung, die gehen soll")
    add.add_argument("--role", required=True, choices=("koordination", "amt", "lesen"),
                     help=ROLE_HELP)  # fmt: skip
    add.add_argument("--office", metavar="KÜRZEL", help="das Amt (nur und immer bei --role amt)")


def run_server_command(args: argparse.Namespace) -> int:
    """Run the `server` command args name; its exit status (0: done)."""
    handlers = {
        "import": _server_import,
        "init": _init,
        "add-user": _add_user,
        "remove-user": _remove_user,
    }
    handlers.update(REPLICA_HANDLERS)
    return handlers[args.server_command](args)


def _server_import(args: argparse.Namespace) -> int:
    from sromod.services.errors import ServiceError
    from sromod.services.server_import import NOT_A_SERVER, import_laptop_store
    from sromod.services.server_import_report import format_report
    from sromod.store import open_store
    from sromod.store.address import ServerAddress

    if not isinstance(args.target, ServerAddress):
        raise ServiceError(NOT_A_SERVER)
    store = open_store(args.target, create=False)
    try:
        report = import_laptop_store(store, args.source, dry_run=args.dry_run)
    finally:
        store.close()
    print(format_report(report))
    log.info("server import %s into %s: done (dry run: %s)", args.source, args.target, args.dry_run)
    return 0


def _needs_server(args: argparse.Namespace) -> bool:
    from sromod.store.address import ServerAddress

    if isinstance(args.target, ServerAddress):
        return True
    print(
        f"sromod: „server {args.server_command}“ braucht ein Register auf einem "
        "PostgreSQL-Server (--db postgresql://…); eine Datenbankdatei kennt keine Rollen.",
        file=sys.stderr,
    )
    return False


def _init(args: argparse.Namespace) -> int:
    from sromod.services.reference import load_reference_data
    from sromod.store import migrate, open_store
    from sromod.store.server_roles import GROUPS, install_roles

    if not _needs_server(args):
        return EXIT_USAGE
    with open_store(args.target, initialise=load_reference_data) as store:
        created = install_roles(store.engine)
    print(f"Register eingerichtet: {args.target} (Schema auf Stand {migrate.head_revision()}).")
    state = "neu angelegt" if created else "schon vorhanden, Rechte erneuert"
    print(f"Rollen {', '.join(GROUPS.values())}: {state}.")
    log.info("server init %s: new roles %s", args.target, created)
    return EXIT_OK


def _add_user(args: argparse.Namespace) -> int:
    from sromod.store import open_store
    from sromod.store.server_roles import GROUPS, add_login, check_login_request

    if not _needs_server(args):
        return EXIT_USAGE
    check_login_request(args.name, args.role, args.office, "-")  # before asking for a password
    password = read_password(args.name)
    with open_store(args.target, create=False) as store:
        add_login(store.engine, args.name, args.role, args.office, password)
    office = f", Amt {args.office}" if args.office else ""
    print(f"Anmeldung „{args.name}“ angelegt (Rolle {GROUPS[args.role]}{office}).")
    return EXIT_OK


def _remove_user(args: argparse.Namespace) -> int:
    from sromod.store import open_store
    from sromod.store.server_roles import remove_login

    if not _needs_server(args):
        return EXIT_USAGE
    with open_store(args.target, create=False) as store:
        remove_login(store.engine, args.name)
    print(
        f"Anmeldung „{args.name}“ entfernt; sie kann sich nicht mehr anmelden. In der Historie "
        "bleibt ihr Name bei den Änderungen, die sie gemacht hat."
    )
    return EXIT_OK


def read_password(name: str) -> str:
    """The new login's password: asked twice on a terminal, else one line of standard input."""
    from sromod.store import StoreError

    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(f"Passwort für {name}: ")
        if getpass.getpass("Passwort wiederholen: ") != first:
            raise StoreError(
                "Die beiden Passwörter stimmen nicht überein; es wurde nichts angelegt."
            )
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")
