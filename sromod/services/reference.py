"""Loading the district's reference data (regions, offices) into a new store."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sromod.models import Office, OfficeKind, Region, RegionLevel, Setting
from sromod.resources import resource_path
from sromod.store import Store

_KIND_BY_LABEL = {
    "Fachamt": OfficeKind.FACHAMT,
    "Organisationseinheit": OfficeKind.ORGANISATIONSEINHEIT,
    "Serviceeinheit": OfficeKind.SERVICEEINHEIT,
    "Beauftragte": OfficeKind.BEAUFTRAGTE,
    "extern": OfficeKind.EXTERN,
}

DEFAULT_SETTINGS = {
    "district": "Bezirksamt Treptow-Köpenick von Berlin",
    "organisational_unit": "Sozialraumorientierte Planungskoordination (SPK)",
    "guest_retention_months": "24",
}


def _rows(name: str) -> list[dict[str, str]]:
    path: Path = resource_path("reference", name)
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_reference_data(store: Store) -> None:
    """Seed regions, offices and default settings; rows already present are left as they are."""
    with store.unit_of_work() as session:
        seed_reference_data(session)


def seed_reference_data(session: Session) -> None:
    existing_regions = {r.lor_id: r for r in session.scalars(select(Region))}
    old_keys: dict[str, list[str]] = {}
    for row in _rows("bezirksregionen_lor2006.csv"):
        old_keys.setdefault(row["successor_lor_id_2021"], []).append(row["lor_id_2006"])

    def region(lor_id: str, name: str, level: RegionLevel, parent: Region | None) -> Region:
        found = existing_regions.get(lor_id)
        if found is None:
            found = Region(lor_id=lor_id, name=name, level=level, parent=parent)
            old = old_keys.get(lor_id)
            found.old_lor_ids = ",".join(old) if old else None
            session.add(found)
            existing_regions[lor_id] = found
        return found

    for row in _rows("bezirksregionen.csv"):
        prognoseraum = region(
            row["prognoseraum_id"], row["prognoseraum_name"], RegionLevel.PROGNOSERAUM, None
        )
        region(row["lor_id"], row["name"], RegionLevel.BEZIRKSREGION, prognoseraum)
    for row in _rows("planungsraeume.csv"):
        region(
            row["plr_id"], row["name"], RegionLevel.PLANUNGSRAUM, existing_regions[row["bzr_id"]]
        )

    codes = set(session.scalars(select(Office.code)))
    for row in _rows("aemter.csv"):
        if row["code"] not in codes:
            kind = _KIND_BY_LABEL.get(row["kind"], OfficeKind.FACHAMT)
            session.add(Office(code=row["code"], name=row["name"], kind=kind))
    keys = set(session.scalars(select(Setting.key)))
    for key, value in DEFAULT_SETTINGS.items():
        if key not in keys:
            session.add(Setting(key=key, value=value))
