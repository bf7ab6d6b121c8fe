"""The command line's `server replicas`, `server void-replica`, `server release` and `server
trim-journal`: the laptops' replicas of a register, the meetings they took along, and the change
journal they read."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

URL_HELP = "das Register (postgresql://NAME@SERVER/DATENBANK)"


def add_replica_commands(
    what: argparse._SubParsersAction[argparse.ArgumentParser],
    store_location: Callable[[str], Any],
    epilog: str,
) -> None:
    """The replicas' subcommands of `server` (cli_server.py)."""
    listing = what.add_parser(
        "replicas",
        help="die Repliken des Registers und ihre mitgenommenen Sitzungen auflisten",
        description="Listet die Repliken auf den Laptops (ID, Anmeldung, angelegt, letzter "
        "Abgleich und wie viele Änderungen im Register seither auf sie warten, ungültig?) und "
        "die Sitzungen, die gerade für eine Sitzung mitgenommen sind.",
        epilog=epilog,
    )
    void = what.add_parser(
        "void-replica",
        help="eine Replik für ungültig erklären (verlorener Laptop)",
        description="Erklärt eine Replik für ungültig: ihre späteren Abgleiche lehnt der "
        "Server ab und ändert nichts; ihre mitgenommenen Sitzungen werden freigegeben. Nur "
        "für Anmeldungen der Koordination.",
        epilog=epilog,
    )
    void.add_argument("replica", metavar="ID", help="die ID der Replik (siehe „server replicas“)")
    release = what.add_parser(
        "release",
        help="eine mitgenommene Sitzung freigeben",
        description="Beendet die Reservierung einer mitgenommenen Sitzung ohne Abgleich (etwa "
        "wenn der Laptop verloren ist): danach lässt sie sich im Register wieder ändern. Was "
        "auf dem Laptop noch nicht abgeglichen ist, kommt beim nächsten Abgleich als Konflikt "
        "zurück. Der Grund bleibt im Register vermerkt. Nur für Anmeldungen der Koordination.",
        epilog=epilog,
    )
    release.add_argument("meeting", metavar="SITZUNG", help="ID oder KURZNAME/NUMMER")
    trim = what.add_parser(
        "trim-journal",
        help="das Änderungsprotokoll kürzen: löschen, was alle Repliken schon geholt haben",
        description="Löscht die Einträge des Änderungsprotokolls (sync_journal), die jede "
        "gültige Replik schon geholt hat; was eine Replik noch braucht, bleibt. Eine Replik, "
        "die noch nicht gemeldet hat, wie weit sie gelesen hat, hält alles auf. Mit --max-age "
        "bleiben Repliken, die so viele Tage nicht abgeglichen haben, zurück: ihr nächster "
        "Abgleich vergleicht die ganze Replik mit dem Register und behält ihre eigenen "
        "Änderungen. Nur für den Eigentümer des Registers.",
        epilog=epilog,
    )
    trim.add_argument("--max-age", type=int, metavar="TAGE", dest="max_age",
                      help="Repliken, die länger nicht abgeglichen haben, nicht abwarten")  # fmt: skip
    for parser in (void, release):
        parser.add_argument("--grund", default="", metavar="TEXT", dest="reason",
                            help="warum (bleibt im Register vermerkt)")  # fmt: skip
    for parser in (listing, void, release, trim):
        parser.add_argument("--db", type=store_location, required=True, dest="target",
                            metavar="URL", help=URL_HELP)  # fmt: skip


def _open(args: argparse.Namespace) -> Any:
    from sromod.services.errors import ServiceError
    from sromod.store import open_store
    from sromod.store.address import ServerAddress

    if not isinstance(args.target, ServerAddress):  # not the import's sentence: name this command
        raise ServiceError(
            f"„server {args.server_command}“ braucht ein Register auf einem PostgreSQL-Server "
            "(--db postgresql://…); eine Datenbankdatei hat keine Repliken."
        )
    return open_store(args.target, create=False)


def list_replicas_command(args: argparse.Namespace) -> int:
    from sromod.services.replica_security import list_replicas, replica_lines
    from sromod.services.reservations import open_reservations

    with _open(args) as store:
        lines = replica_lines(list_replicas(store), open_reservations(store))
    print("\n".join(lines))
    return 0


def void_replica_command(args: argparse.Namespace) -> int:
    from sromod.services.replica_security import void_replica

    with _open(args) as store:
        entry = void_replica(store, args.replica, args.reason)
    print(f"Replik {entry.id} ({entry.login}) ist ungültig; ihre Abgleiche werden abgelehnt.")
    return 0


def release_command(args: argparse.Namespace) -> int:
    from sromod.services.reservations import release_meeting

    with _open(args) as store:
        held = release_meeting(store, args.meeting, args.reason)
    print(
        f"Sitzung {held.body_short_name}/{held.number} freigegeben (war mitgenommen von "
        f"{held.login}); sie lässt sich im Register wieder ändern."
    )
    return 0


def trim_journal_command(args: argparse.Namespace) -> int:
    from sromod.services.journal_trim import trim_journal, trim_lines

    with _open(args) as store:
        report = trim_journal(store, args.max_age)
    print("\n".join(trim_lines(report, args.max_age)))
    return 0


REPLICA_HANDLERS = {
    "replicas": list_replicas_command,
    "void-replica": void_replica_command,
    "release": release_command,
    "trim-journal": trim_journal_command,
}
