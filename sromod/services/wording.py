"""sromod's German forms: dates, times, TOP numbers, and the sentences minutes and window share.

The one place for them: services return dates, numbers and enum values, and the documents (which
are German) and the window format them here. Dates and times keep the German form in both
languages of the window. Sentences are built from the phrases in `PHRASES`; a caller in the
window passes `translate` (the phrases are listed for lupdate in `sromod.ui.labels`), documents
keep the German.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


# Every phrase below, once, so that the window can translate them (see sromod.ui.labels).
PHRASES = (
    "TOP %1",
    "%1, %2. Sitzung, %3",
    "einstimmig angenommen",
    "einstimmig abgelehnt",
    "%1 angenommen",
    "%1 abgelehnt",
    "mit %1",
    "ohne Ja-Stimme",
    "bei %1",
    "%1 und %2",
    "%1 %2",
    "1 Ja-Stimme",
    "%1 Ja-Stimmen",
    "1 Nein-Stimme",
    "%1 Nein-Stimmen",
    "1 Enthaltung",
    "%1 Enthaltungen",
    "Die %1 ist mit %2 von %3 stimmberechtigten Mitgliedern beschlussfähig.",
    "Die %1 ist mit %2 von %3 stimmberechtigten Mitgliedern nicht beschlussfähig.",
    "Ab %1 Uhr war die %2 mit %3 von %4 stimmberechtigten Mitgliedern nicht mehr beschlussfähig.",
    "Ab %1 Uhr war die %2 mit %3 von %4 stimmberechtigten Mitgliedern wieder beschlussfähig.",
)


def _fill(template: str, *values: object) -> str:
    # numbered from the highest down, so that %1 does not eat the start of %10
    for n in range(len(values), 0, -1):
        template = template.replace(f"%{n}", str(values[n - 1]))
    return template


def _count(n: int, one: str, many: str, tr: Translate) -> str:
    return tr(one) if n == 1 else _fill(tr(many), n)


# --- dates and times ---------------------------------------------------------------------------


def german_date(value: date | None) -> str:
    """ "25.11.2026"; "" for no date."""
    return value.strftime("%d.%m.%Y") if value else ""


def german_time(value: time | datetime | None) -> str:
    """ "10:42"; "" for no time."""
    return value.strftime("%H:%M") if value else ""


def german_datetime(value: datetime | None) -> str:
    """ "25.11.2026 10:42" (wall-clock time as given; see local_zone for stored UTC)."""
    return f"{german_date(value)} {german_time(value)}" if value else ""


# --- TOP numbers -----------------------------------------------------------------------------


def top_number(position: int, parent_position: int | None = None) -> str:
    """ "7" for a TOP, "7.1" for the first sub-item of TOP 7."""
    return str(position) if parent_position is None else f"{parent_position}.{position}"


def top_label(number: str, title: str = "") -> str:
    """ "TOP 7.1 Titel" as the documents write it ("Item 7.1" in the English window)."""
    label = _fill("TOP %1", number)
    return f"{label} {title}" if title else label


def top_numbers(numbers: Sequence[str], translate: Translate = _same) -> str:
    """ "TOP 3, 6–8" for ["3", "6", "7", "8"]; sub-items ("4.2") stand on their own."""
    parts: list[str] = []
    run: list[int] = []

    def close_run() -> None:
        if run:
            parts.append(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}")
            if len(run) == 2:
                parts[-1] = f"{run[0]}, {run[1]}"
            run.clear()

    for number in numbers:
        if number.isdigit() and run and int(number) == run[-1] + 1:
            run.append(int(number))
            continue
        close_run()
        if number.isdigit():
            run.append(int(number))
        else:
            parts.append(number)
    close_run()
    return _fill(translate("TOP %1"), ", ".join(parts))


def meeting_reference(
    body_short_name: str, number: int, day: date, translate: Translate = _same
) -> str:
    """ "AG SRO, 12. Sitzung, 25.11.2026": which meeting a task or a search hit comes from."""
    return _fill(translate("%1, %2. Sitzung, %3"), body_short_name, number, german_date(day))


# --- votes -------------------------------------------------------------------------------------


def vote_adopted(votes_for: int, votes_against: int) -> bool:
    """Simple majority of the votes cast: more Ja than Nein; abstentions count for neither."""
    return votes_for > votes_against


def votes_in_words(
    votes_for: int, votes_against: int, votes_abstain: int, translate: Translate = _same
) -> str:
    """ "einstimmig angenommen", "mit 9 Ja-Stimmen bei 2 Nein-Stimmen und 1 Enthaltung angenommen".

    Counts of zero are left out ("mit 9 Ja-Stimmen bei 1 Enthaltung angenommen"); all votes for
    one side with no abstention is "einstimmig".
    """
    tr = translate
    adopted = vote_adopted(votes_for, votes_against)
    if votes_against == 0 and votes_abstain == 0 and votes_for > 0:
        return tr("einstimmig angenommen")
    if votes_for == 0 and votes_abstain == 0 and votes_against > 0:
        return tr("einstimmig abgelehnt")
    yes = (
        _fill(tr("mit %1"), _count(votes_for, "1 Ja-Stimme", "%1 Ja-Stimmen", tr))
        if votes_for
        else tr("ohne Ja-Stimme")
    )
    others = []
    if votes_against:
        others.append(_count(votes_against, "1 Nein-Stimme", "%1 Nein-Stimmen", tr))
    if votes_abstain:
        others.append(_count(votes_abstain, "1 Enthaltung", "%1 Enthaltungen", tr))
    text = yes
    if others:
        joined = others[0] if len(others) == 1 else _fill(tr("%1 und %2"), *others)
        text = _fill(tr("%1 %2"), yes, _fill(tr("bei %1"), joined))
    return _fill(tr("%1 angenommen") if adopted else tr("%1 abgelehnt"), text)


# --- quorum ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuorumChange:
    """From `at` on, `present` voting members were there and the body was (not) quorate."""

    at: time
    present: int
    quorate: bool


def quorum_sentence(
    body: str, present: int, members: int, quorate: bool, translate: Translate = _same
) -> str:
    """ "Die AG SRO ist mit 10 von 16 stimmberechtigten Mitgliedern beschlussfähig." """
    template = (
        "Die %1 ist mit %2 von %3 stimmberechtigten Mitgliedern beschlussfähig."
        if quorate
        else "Die %1 ist mit %2 von %3 stimmberechtigten Mitgliedern nicht beschlussfähig."
    )
    return _fill(translate(template), body, present, members)


def quorum_change_sentence(
    body: str, change: QuorumChange, members: int, translate: Translate = _same
) -> str:
    """ "Ab 11:40 Uhr war die AG SRO mit 7 von 16 … nicht mehr beschlussfähig." """
    template = (
        "Ab %1 Uhr war die %2 mit %3 von %4 stimmberechtigten Mitgliedern wieder beschlussfähig."
        if change.quorate
        else "Ab %1 Uhr war die %2 mit %3 von %4 stimmberechtigten Mitgliedern nicht mehr "
        "beschlussfähig."
    )
    return _fill(translate(template), german_time(change.at), body, change.present, members)
