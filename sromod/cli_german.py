"""argparse in German: its own words ("usage:", "choose from", "error") in the voice of sromod.

argparse takes every sentence of its own through gettext's `_()` at the moment it needs it; the
parser below lends argparse a German `_()` for exactly those moments (building a parser,
parsing, formatting help), so other users of argparse in the same process keep theirs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn, TypeVar

EXIT_USAGE = 2

GERMAN = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Angaben",
    "options": "Optionen",
    "optional arguments": "Optionen",
    "subcommands": "Befehle",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "show program's version number and exit": "die Versionsnummer zeigen und beenden",
    "argument %(argument_name)s: %(message)s": "Angabe %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ungültige Auswahl: %(value)r (wählen Sie aus %(choices)s)"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "unbekannter Befehl %(parser_name)r (wählen Sie aus %(choices)s)"
    ),
    "the following arguments are required: %s": "diese Angaben fehlen: %s",
    "one of the arguments %s is required": "eine dieser Angaben fehlt: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "expected one argument": "hier fehlt der Wert",
    "expected at most one argument": "erwartet höchstens einen Wert",
    "expected at least one argument": "erwartet mindestens einen Wert",
    "invalid %(type)s value: %(value)r": "ungültiger Wert %(value)r (erwartet: %(type)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": (
        "mehrdeutige Angabe: %(option)s kann %(matches)s bedeuten"
    ),
    "not allowed with argument %s": "nicht zusammen mit %s erlaubt",
    "ignored explicit argument %r": "der Wert %r gehört hier nicht hin",
    "unexpected option string: %s": "unerwartete Angabe: %s",
    "can't open '%(filename)s': %(error)s": "„%(filename)s“ lässt sich nicht öffnen: %(error)s",
}
GERMAN_PLURAL = {
    "expected %s argument": ("erwartet %s Wert", "erwartet %s Werte"),
}
# Type names argparse puts into "invalid %(type)s value".
GERMAN_TYPES = {"int": "eine ganze Zahl", "float": "eine Zahl", "Path": "ein Dateiname"}

T = TypeVar("T")


def german(text: str) -> str:
    return GERMAN.get(text, text)


def german_plural(singular: str, plural: str, count: int) -> str:
    forms = GERMAN_PLURAL.get(singular)
    if forms is None:
        return singular if count == 1 else plural
    return forms[0] if count == 1 else forms[1]


@contextmanager
def german_argparse() -> Iterator[None]:
    """argparse speaks German inside the block."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]  # argparse's gettext hooks are private, not in its stub
    argparse._ = german  # type: ignore[attr-defined]  # the private hook argparse words its messages through
    argparse.ngettext = german_plural  # type: ignore[attr-defined]  # the private hook for its plurals
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]  # the private hooks put back


def _in_german(method: Callable[..., T]) -> Callable[..., T]:
    def wrapped(*args: Any, **kwargs: Any) -> T:
        with german_argparse():
            return method(*args, **kwargs)

    wrapped.__name__ = method.__name__
    wrapped.__doc__ = method.__doc__
    return wrapped


class GermanHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the epilog's lines (the exit codes) as written."""


class GermanArgumentParser(argparse.ArgumentParser):
    """argparse with its own words in German and its complaints without a traceback."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", GermanHelpFormatter)
        with german_argparse():
            super().__init__(*args, **kwargs)

    parse_args = _in_german(argparse.ArgumentParser.parse_args)  # type: ignore[assignment]  # the wrapper keeps the call, not the stub's overloads
    parse_known_args = _in_german(argparse.ArgumentParser.parse_known_args)  # type: ignore[assignment]  # the same for its overloads
    format_help = _in_german(argparse.ArgumentParser.format_help)
    format_usage = _in_german(argparse.ArgumentParser.format_usage)

    def add_subparsers(self, **kwargs: Any) -> Any:
        with german_argparse():
            kwargs.setdefault("parser_class", GermanArgumentParser)
            return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        for name, text in GERMAN_TYPES.items():
            message = message.replace(f"(erwartet: {name})", f"(erwartet: {text})")
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: Fehler: {message}\n")
