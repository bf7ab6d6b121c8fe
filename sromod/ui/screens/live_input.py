"""Reading what a moderator types in the live view: due dates, offices, people, vote counts.

Each reader returns a plain value or raises `InputError` with one German sentence for the view.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication

from sromod.services.directory import OfficeInfo, PersonInfo


class InputError(ValueError):
    """A typed value the live view cannot read; the message is shown as it is."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("LiveInput", text)


_RELATIVE = re.compile(r"^\+\s*(\d{1,3})\s*([tdwm])?$")
_GERMAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_due_date(text: str, today: date) -> date | None:
    """ "15.12." (next such day), "15.12.2026", "15.12.26", "+2w", "+10t", "+3m"; empty → None."""
    value = text.strip().lower().replace(" ", "")
    if not value:
        return None
    if value in ("heute",):
        return today
    if value in ("morgen",):
        return today + timedelta(days=1)
    relative = _RELATIVE.match(value)
    if relative:
        count, unit = int(relative.group(1)), relative.group(2) or "t"
        if unit == "m":
            return add_months(today, count)
        return today + timedelta(days=count * (7 if unit == "w" else 1))
    german, iso = _GERMAN.match(value), _ISO.match(value)
    try:
        if german:
            day, month, year_text = int(german.group(1)), int(german.group(2)), german.group(3)
            if year_text is None:
                found = date(today.year, month, day)
                return found if found >= today else date(today.year + 1, month, day)
            year = int(year_text) + (2000 if len(year_text) == 2 else 0)
            return date(year, month, day)
        if iso:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    except ValueError:
        raise InputError(_tr("„%1“ ist kein gültiges Datum.").replace("%1", text.strip())) from None
    raise InputError(
        _tr("„%1“ verstehe ich nicht als Datum: bitte z. B. 15.12., 15.12.2026 oder +2w.").replace(
            "%1", text.strip()
        )
    )


def office_choice(office: OfficeInfo) -> str:
    """How an office appears in the completer and in the field."""
    return f"{office.code} – {office.name}"


def person_choice(person: PersonInfo) -> str:
    return f"{person.name} ({person.affiliation})" if person.affiliation else person.name


def find_office(text: str, offices: Sequence[OfficeInfo]) -> OfficeInfo | None:
    """The office meant by a code, a completer entry or a unique part of its name."""
    wanted = text.strip().casefold()
    if not wanted:
        return None
    for office in offices:
        if wanted in (office.code.casefold(), office_choice(office).casefold()):
            return office
    # what the completer leaves behind when Tab closes it: the start of a code, or part of a name
    by_code = [o for o in offices if o.code.casefold().startswith(wanted)]
    if len(by_code) == 1:
        return by_code[0]
    matches = by_code or [o for o in offices if wanted in o.name.casefold()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise InputError(_tr("Ein Amt „%1“ gibt es nicht.").replace("%1", text.strip()))
    raise InputError(
        _tr("„%1“ passt auf mehrere Ämter: bitte das Kürzel angeben.").replace("%1", text.strip())
    )


def find_person(text: str, people: Sequence[PersonInfo]) -> PersonInfo | None:
    """The person meant by a completer entry or a unique part of the name; empty → None."""
    wanted = text.strip().casefold()
    if not wanted:
        return None
    for person in people:
        if wanted in (person.name.casefold(), person_choice(person).casefold()):
            return person
    matches = [p for p in people if wanted in p.name.casefold()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise InputError(_tr("Eine Person „%1“ ist nicht erfasst.").replace("%1", text.strip()))
    raise InputError(
        _tr("„%1“ passt auf mehrere Personen: bitte den vollen Namen angeben.").replace(
            "%1", text.strip()
        )
    )


def parse_votes(texts: Sequence[str]) -> tuple[int, int, int] | None:
    """Three vote counts (dafür, dagegen, Enthaltung); all empty → no vote taken."""
    cleaned = [t.strip() for t in texts]
    if not any(cleaned):
        return None
    if not all(c.isdigit() for c in cleaned):
        raise InputError(
            _tr("Bitte alle drei Stimmenzahlen angeben (dafür, dagegen, Enthaltung) oder keine.")
        )
    return int(cleaned[0]), int(cleaned[1]), int(cleaned[2])
