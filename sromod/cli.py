"""The command line: the same services as the window, for scripting, batch lists and benchmarks."""

from __future__ import annotations

import time

_STARTED = time.perf_counter()  # as early as possible: --startup-probe measures from here

import argparse  # noqa: E402
import logging  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

from sromod import __version__  # noqa: E402
from sromod.cli_german import GermanArgumentParser  # noqa: E402
from sromod.cli_server import add_server_commands, run_server_command  # noqa: E402
from sromod.cli_sync import add_sync_command, run_sync_command  # noqa: E402

if TYPE_CHECKING:  # imported when a command runs: --help and --version stay quick
    from sromod.store import Store
    from sromod.store.address import ServerAddress

    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]  # generic in the stubs only

log = logging.getLogger(__name__)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_CONFLICTS = 0, 1, 2, 3
LOCK_WAIT_SECONDS = 60  # a writer waits this long for another command, never for the window
MEETING_DOCUMENTS = {
    "minutes": "Ergebnisprotokoll (.docx)",
    "excerpt": "Protokollauszug für ein Amt (.docx)",
    "invitation": "Einladung (.docx)",
    "attendance": "Anwesenheitsliste zum Unterschreiben (.docx)",
    "ics": "Termin als Kalenderdatei (.ics)",
    "absage": "Absage einer abgesagten Sitzung (.docx)",
}
EXIT_CODES = f"""\
Rückgabewerte:
  {EXIT_OK}  erledigt
  {EXIT_ERROR}  Fehler (ein Satz auf der Fehlerausgabe); es wurde nichts geändert
  {EXIT_USAGE}  falscher Aufruf (Angaben fehlen oder sind ungültig)
  {EXIT_CONFLICTS}  Aufgabenliste mit Konflikten: Änderungen ohne Konflikt übernommen, Konflikte nicht

Exporte, „import --dry-run“, „check“ und „backup“ lesen nur und laufen auch, während sromod
die Datenbank geöffnet hat. Ein Befehl, der ändert, wartet bis zu {LOCK_WAIT_SECONDS} Sekunden auf einen
anderen Befehl; ist die Datenbank im Fenster geöffnet, lehnt er ab."""
DB, FILE = "DATEI", "DATEI"


def build_parser() -> argparse.ArgumentParser:
    parser = GermanArgumentParser(
        prog="sromod",
        description="Moderation der AG SRO und lokaler Steuerungsrunden, ohne Netz.",
        epilog=EXIT_CODES,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"sromod {__version__}",
        help="die Versionsnummer zeigen und beenden",
    )
    parser.add_argument(
        "--db",
        type=store_location,
        metavar=DB,
        help="andere Datenbankdatei oder ein Register auf einem Server (postgresql://…) öffnen",
    )
    parser.add_argument(
        "--startup-probe",
        action="store_true",
        help="Fenster öffnen, Sekunden bis zum bedienbaren Fenster ausgeben, beenden",
    )
    sub = parser.add_subparsers(dest="command", title="Befehle", metavar="BEFEHL")
    _add_store_commands(sub)
    _add_export_commands(sub)
    imp = sub.add_parser("import", help="bearbeitete Aufgabenliste einlesen", epilog=EXIT_CODES)
    imp_what = imp.add_subparsers(dest="what", required=True, title="Was", metavar="WAS")
    imp_tasks = imp_what.add_parser(
        "tasks", help="Aufgabenliste (.xlsx) eines Amtes einlesen", epilog=EXIT_CODES
    )
    _store_argument(imp_tasks)
    imp_tasks.add_argument("file", type=Path, metavar="LISTE", help="die bearbeitete .xlsx-Datei")
    imp_tasks.add_argument("--dry-run", action="store_true", help="nur anzeigen, nichts ändern")
    add_server_commands(sub, store_location=store_location, epilog=EXIT_CODES)
    add_sync_command(sub, store_location=store_location, epilog=EXIT_CODES)
    return parser


def _store_argument(parser: argparse.ArgumentParser, text: str = "die Datenbankdatei") -> None:
    parser.add_argument(
        "--db", type=store_location, required=True, dest="target", metavar=DB, help=text
    )


def store_location(text: str) -> Path | ServerAddress:
    """--db: a file, or a PostgreSQL server's URL (its password never shown in output or log)."""
    from sromod.store.address import ServerAddress, is_server_url

    return ServerAddress(text) if is_server_url(text) else Path(text)


def _add_store_commands(sub: Subcommands) -> None:
    demo = sub.add_parser("demo", help="eine Demo-Datenbank anlegen")
    _store_argument(demo, "die neue Datenbankdatei")
    demo.add_argument(
        "--scale", type=int, default=1, metavar="JAHRE", help="Jahre an Sitzungen (Standard 1)"
    )
    check = sub.add_parser("check", help="Datenbank prüfen (ändert nichts)")
    _store_argument(check)
    backup = sub.add_parser("backup", help="Sicherung schreiben")
    _store_argument(backup)
    backup.add_argument("--out", type=Path, required=True, metavar=FILE, help="die Sicherungsdatei")
    restore = sub.add_parser("restore", help="Sicherung wiederherstellen")
    _store_argument(restore)
    restore.add_argument(
        "--from", type=Path, required=True, dest="source", metavar=FILE, help="die Sicherung"
    )
    restore.add_argument(
        "--force",
        action="store_true",
        help="auch eine Datei ersetzen, die keine sromod-Datenbank mehr ist "
        "(sie wird umbenannt daneben aufbewahrt)",
    )


def _add_export_commands(sub: Subcommands) -> None:
    export = sub.add_parser("export", help="Protokoll, Einladung, Aufgabenliste … schreiben")
    what = export.add_subparsers(dest="what", required=True, title="Was", metavar="WAS")
    for kind, text in MEETING_DOCUMENTS.items():
        doc = what.add_parser(kind, help=text)
        _store_argument(doc)
        doc.add_argument(
            "--meeting",
            required=True,
            metavar="SITZUNG",
            help="ID oder „KURZNAME/NUMMER“, z. B. „AG SRO/12“",
        )
        doc.add_argument("--out", type=Path, required=True, metavar=FILE, help="Zieldatei")
        if kind == "excerpt":
            doc.add_argument("--office", required=True, metavar="KÜRZEL", help="Kürzel des Amtes")
        if kind in ("minutes", "invitation"):
            doc.add_argument("--no-attachments", action="store_true",
                             help="die Anlagen nicht in den Ordner neben der Datei schreiben")  # fmt: skip
        if kind == "absage":
            doc.add_argument(
                "--grund", default="", dest="reason", metavar="TEXT", help="Grund der Absage"
            )
    tasks = what.add_parser(
        "tasks",
        help="Aufgabenliste (.xlsx)",
        description="Aufgabenliste als Excel-Datei, mit denselben Filtern wie das Aufgabenregister "
        "im Fenster. Mehrere Filter gelten zusammen. Ein Datum wie 25.11.2026 oder 2026-11-25.",
    )
    _store_argument(tasks)
    _add_task_filters(tasks)
    tasks.add_argument("--per-office", action="store_true", help="je Amt ein eigenes Blatt")
    tasks.add_argument("--out", type=Path, required=True, metavar=FILE, help="Zieldatei (.xlsx)")


def _add_task_filters(parser: argparse.ArgumentParser) -> None:
    """The task register's filters, under the names of DESIGN.md's command line."""
    add = parser.add_argument
    add("--office", metavar="KÜRZEL", help="nur Aufgaben dieses Amts (Kürzel, etwa Jug)")
    add("--status", action="append", default=[], metavar="STATUS",
        help="nur Aufgaben mit diesem Status: offen, in Bearbeitung, erledigt, zurückgestellt, "
             "entfällt oder unerledigt (offen, in Bearbeitung und zurückgestellt); mehrmals "
             "angeben für mehrere Status")  # fmt: skip
    add("--person", metavar="NAME",
        help="nur Aufgaben dieser Person; bei gleichen Namen „Name (Amt)“")  # fmt: skip
    add("--body", metavar="KURZNAME", help="nur Aufgaben dieses Gremiums (Kurzbezeichnung)")
    add("--region", metavar="NAME",
        help="nur Aufgaben dieser Bezirksregion samt ihrer Planungsräume (Name oder LOR-Nummer)")  # fmt: skip
    add("--due-from", metavar="DATUM", help="nur Aufgaben fällig ab diesem Tag")
    add("--due-to", metavar="DATUM", help="nur Aufgaben fällig bis zu diesem Tag")
    add("--text", default="", metavar="WÖRTER",
        help="nur Aufgaben mit diesen Wörtern in Nr., Aufgabe, Details oder Bemerkung")  # fmt: skip
    add("--overdue", action="store_true", help="nur überfällige Aufgaben")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = _HANDLERS.get(args.command or "window")
    assert handler is not None
    if args.command:  # the window configures logging itself
        _configure_logging()
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # user errors: one sentence, no traceback
        message = _user_message(exc)
        if message is None:
            raise
        print(f"sromod: {message}", file=sys.stderr)
        return EXIT_ERROR


def _configure_logging() -> None:
    """Log to the same file as the window; without a log folder, log nowhere (never stderr)."""
    import logging

    from sromod.app import configure_logging

    try:
        configure_logging()
    except OSError:
        logging.getLogger().addHandler(logging.NullHandler())


def _user_message(exc: Exception) -> str | None:
    from sromod.services.errors import ServiceError
    from sromod.store import StoreError

    if isinstance(exc, StoreError | ServiceError):
        return str(exc)
    if isinstance(exc, PermissionError):
        return f"Keine Berechtigung für „{exc.filename}“."
    if isinstance(exc, FileNotFoundError):
        return f"Die Datei „{exc.filename}“ gibt es nicht."
    if isinstance(exc, OSError):
        from sromod.store.oserrors import reason

        where = f" „{exc.filename}“" if exc.filename else ""
        return f"Die Datei{where} konnte nicht geschrieben oder gelesen werden: {reason(exc)}."
    return None


def _window(args: argparse.Namespace) -> int:
    from sromod.app import run_app

    return run_app(args.db, startup_probe=args.startup_probe, t0=_STARTED)


def _open_for_reading(path: Path | ServerAddress) -> Store:
    """The store for a command that only reads: no lock, so the window may stay open."""
    from sromod.store.reading import open_for_reading

    if not isinstance(path, Path):  # a register on a server
        return _open_for_writing(path)

    store = open_for_reading(path)
    return store if store is not None else _open_for_writing(path)  # upgrade first


def _open_for_writing(path: Path | ServerAddress) -> Store:
    """The store with its lock; another command's lock is waited for, the window's is not."""
    from sromod.services.reference import load_reference_data
    from sromod.store import StoreError, open_store
    from sromod.store.lock import COMMAND, StoreLock

    if not isinstance(path, Path):  # a register on a server: no lock file, no file checks
        return open_store(path, create=False)
    path = path.expanduser().absolute()
    if not path.exists():
        raise StoreError(f"Die Datenbank „{path}“ gibt es nicht.")
    lock = StoreLock(path, program=COMMAND, wait_seconds=LOCK_WAIT_SECONDS, on_wait=_tell)
    return open_store(path, create=False, lock=lock, initialise=load_reference_data)


def _tell(text: str) -> None:
    if sys.stderr is not None:
        print(f"sromod: {text}", file=sys.stderr, flush=True)


def _demo(args: argparse.Namespace) -> int:
    from sromod.services.demo import create_demo_store

    if args.scale < 1 or args.scale > 50:
        print("sromod: --scale nimmt eine Zahl von 1 bis 50.", file=sys.stderr)
        return EXIT_USAGE

    def progress(done: int, total: int) -> None:
        if sys.stderr is None:  # the windowed Windows build has no console
            return
        if sys.stderr.isatty() or done == total:
            print(f"\rDemo-Daten: {done * 100 // max(total, 1):3d} %", end="", file=sys.stderr)
            if done == total:
                print(file=sys.stderr)

    summary = create_demo_store(args.target, args.scale, progress=progress)
    print(f"Demo-Datenbank angelegt: {args.target}")
    print(summary)
    log.info("demo %s: created, scale %d", args.target, args.scale)
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from sromod.store.check import check_store

    report = check_store(args.target, _terminal_progress("Prüfung"))
    if report.ok:
        print(report.summary())
        return EXIT_OK
    print(report.summary(), file=sys.stderr)
    return EXIT_ERROR


def _terminal_progress(label: str) -> Callable[[int, int], None] | None:
    """A percent line on stderr while it is a terminal (scripts and logs get none)."""
    if sys.stderr is None or not sys.stderr.isatty():
        return None
    shown = [-1]

    def progress(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent != shown[0]:
            shown[0] = percent
            end = "\n" if percent >= 100 else ""
            print(f"\r{label}: {percent:3d} %", end=end, file=sys.stderr, flush=True)

    return progress


def _backup(args: argparse.Namespace) -> int:
    from sromod.store.check import backup_store

    written = backup_store(args.target, args.out)
    print(f"Sicherung geschrieben: {written}")
    log.info("backup %s: written to %s, %d bytes", args.target, written, written.stat().st_size)
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from sromod.store import TargetNotAStore
    from sromod.store.check import restore_store

    progress = _terminal_progress("Wiederherstellung")
    try:
        kept = restore_store(args.target, args.source, progress, replace_foreign=args.force)
    except TargetNotAStore as exc:
        if not _confirm_replacing(exc):
            return EXIT_ERROR
        kept = restore_store(args.target, args.source, progress, replace_foreign=True)
    print(f"Sicherung „{args.source}“ wiederhergestellt.")
    if kept is not None:
        print(f"Der vorige Stand ist gesichert in „{kept}“.")
    log.info("restore %s: from %s, previous file kept as %s", args.target, args.source, kept)
    return EXIT_OK


def _confirm_replacing(refusal: Exception) -> bool:
    """Ask on a terminal whether a file that is no store may be set aside; refuse elsewhere."""
    interactive = sys.stdin is not None and sys.stdin.isatty()
    if not interactive:
        print(
            f"sromod: {refusal} Mit --force wird sie umbenannt daneben aufbewahrt und die "
            "Sicherung wiederhergestellt.",
            file=sys.stderr,
        )
        return False
    print(
        f"{refusal} Soll sie umbenannt daneben aufbewahrt und die Sicherung "
        "wiederhergestellt werden? [j/N] ",
        end="",
        flush=True,
    )
    answer = sys.stdin.readline().strip().casefold()
    if answer in ("j", "ja", "y", "yes"):
        return True
    print("Nichts wurde geändert.", file=sys.stderr)
    return False


def _export(args: argparse.Namespace) -> int:
    from sromod.exports import api

    store = _open_for_reading(args.target)
    try:
        if args.what == "tasks":
            return _export_tasks(store, args)
        from sromod.services.meetings import resolve_meeting_ref

        meeting_id = resolve_meeting_ref(store, args.meeting)
        office_id = None
        if args.what == "excerpt":
            from sromod.services.task_query import office_id_for

            office_id = office_id_for(store, args.office)
        api.export_meeting_document(
            store, args.what, meeting_id, args.out, office_id=office_id,
            reason=getattr(args, "reason", ""), attachments=False,
        )  # fmt: skip
        print(f"Geschrieben: {args.out}")
        log.info(
            "export %s %s from %s: written to %s", args.what, args.meeting, store.location, args.out
        )
        if args.what in ("minutes", "invitation") and not args.no_attachments:
            files = api.export_attachments(store, meeting_id, args.out)
            if files:
                print(f"{len(files)} Anlage(n) in „{files[0].parent}“")
        return EXIT_OK
    finally:
        store.close()


def _export_tasks(store: Any, args: argparse.Namespace) -> int:
    from sromod.exports import api
    from sromod.services.task_query import resolve_task_filter

    filters = resolve_task_filter(
        store, office=args.office, statuses=args.status, person=args.person, body=args.body,
        region=args.region, due_from=args.due_from, due_to=args.due_to, text=args.text,
        overdue=args.overdue,
    )  # fmt: skip
    count = api.export_tasks(store, args.out, filters, per_office_sheets=args.per_office)
    print(f"{count} Aufgaben geschrieben: {args.out}")
    log.info("export tasks from %s: %d tasks written to %s", store.path, count, args.out)
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from sromod.exports.tasks_xlsx_import import preview_task_list
    from sromod.services.task_import import apply_import, format_preview
    from sromod.services.wording import german_number

    store = _open_for_reading(args.target) if args.dry_run else _open_for_writing(args.target)
    try:
        preview = preview_task_list(store, args.file)
        print(format_preview(preview))
        if not preview.ok:
            if not args.dry_run:
                print("sromod: Die Datei hat Fehler; es wurde nichts geändert.", file=sys.stderr)
            log.info("import tasks %s: refused, %d problems", args.file, len(preview.problems))
            return EXIT_ERROR
        conflicts = len(preview.conflicts)
        if args.dry_run:
            print("Probelauf: nichts wurde geändert.")
            return EXIT_CONFLICTS if conflicts else EXIT_OK
        applied = apply_import(store, preview)
        print(
            f"{german_number(applied)} {'Änderung' if applied == 1 else 'Änderungen'} übernommen."
        )
        log.info(
            "import tasks %s into %s: %d tasks changed, %d conflicts not applied",
            args.file, store.location, applied, conflicts,
        )  # fmt: skip
    finally:
        store.close()
    if conflicts:
        print(
            f"sromod: {german_number(conflicts)} "
            f"{'Aufgabe wurde' if conflicts == 1 else 'Aufgaben wurden'} in sromod nach dem "
            "Export geändert; diese Änderungen der Liste wurden nicht übernommen.",
            file=sys.stderr,
        )
        return EXIT_CONFLICTS
    return EXIT_OK


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "window": _window,
    "demo": _demo,
    "check": _check,
    "backup": _backup,
    "restore": _restore,
    "export": _export,
    "import": _import,
    "server": run_server_command,
    "sync": run_sync_command,
}


if __name__ == "__main__":
    raise SystemExit(main())
