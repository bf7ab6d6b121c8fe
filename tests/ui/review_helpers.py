"""A Wiedervorlage as long as a real AG SRO's: 57 carried-over tasks of eight offices, some overdue."""

from __future__ import annotations

from datetime import date, timedelta

from sromod.services import agenda, tasks
from sromod.store import Store
from tests.services.helpers import make_body, office_id, plan
from tests.ui.live_helpers import Setup

OFFICES = ("Jug", "SGA", "StadtEntw", "Soz", "Ges", "SchulSport", "WbK", "SPK")
# titles as offices write them: long, with the subject first and the detail after a dash
TITLES = (
    "Unterlagen zur Bedarfsanalyse der Jugendfreizeiteinrichtungen im Sozialraum Altglienicke "
    "an die SPK übermitteln",
    "Raumbuchung für die Ortsteilkonferenz Köpenick-Nord klären – Schulaula oder Stadtteilzentrum",
    "Stellungnahme zum Spielplatzkonzept Allende-Viertel abstimmen und bis zur nächsten Sitzung "
    "vorlegen",
    "Kiezkasse 2027: Verfahren für die Vergabe der Mittel mit den Quartiersräten abstimmen",
    "Übersicht der Beratungsangebote für Familien mit Fluchterfahrung aktualisieren",
    "Schulwegsicherung Grünau – Ergebnisse der Begehung mit dem Ordnungsamt zusammenfassen",
    "Datenblatt Sozialraum Friedrichshagen für den Bezirksregionenbericht ergänzen",
    "Ansprechpersonen der Träger im Planungsraum Dammvorstadt in die Verteilerliste aufnehmen",
)
TASK_COUNT = 57
MEETING_DAY = date(2026, 11, 25)


def many_titles(count: int) -> list[str]:
    return [f"{TITLES[n % len(TITLES)]} ({n + 1})" for n in range(count)]


def earlier_meeting_with_many_tasks(store: Store, body_id: str, count: int) -> list[str]:
    """A meeting of 01.09.2026 that left `count` open tasks; every third one is overdue."""
    previous = plan(store, body_id, date(2026, 9, 1))
    top = agenda.add_agenda_item(store, previous, "Berichte aus den Ämtern")
    offices = {code: office_id(store, code) for code in OFFICES}
    ids = []
    for n, title in enumerate(many_titles(count)):
        overdue = n % 3 == 0
        due = MEETING_DAY - timedelta(days=10 + n) if overdue else MEETING_DAY + timedelta(days=n)
        task = tasks.add_task(
            store,
            title,
            office_id=offices[OFFICES[n % len(OFFICES)]],
            agenda_item_id=top,
            due_date=due,
        )
        ids.append(task.id)
    return ids


def meeting_with_long_review(store: Store, count: int = TASK_COUNT) -> Setup:
    """A body, an earlier meeting with `count` open tasks, and the meeting of 25.11.2026 to run."""
    body = make_body(store)
    carried = earlier_meeting_with_many_tasks(store, body, count)
    meeting = plan(store, body, MEETING_DAY)
    return Setup(body, meeting, carried)
