"""The command line's `server` commands: work on a shared register on PostgreSQL."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

IMPORT_DESCRIPTION = (
    "Bringt eine Laptop-Datenbank (.db) in das Register auf dem Server, zusammengeführt über die "
    "IDs der Einträge: Was das Register schon hat, bleibt wie es ist; ein zweiter Lauf ändert "
    "nichts. Gleiche Kurzbezeichnungen von Gremien, vergebene Sitzungs- und Registernummern "
    "werden nach den Regeln gelöst, die der Bericht nennt. Alles oder nichts: Scheitert etwas, "
    "bleibt das Register unverändert. Die Laptop-Datei wird nur gelesen."
)


def add_server_commands(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
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


def run_server_command(args: argparse.Namespace) -> int:
    """Run the `server` command args name; its exit status (0: done)."""
    handlers = {"import": _server_import}
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
