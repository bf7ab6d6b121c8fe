"""People and offices as tables over plain values."""

from __future__ import annotations

from typing import Any

from sromod.services.directory import OfficeInfo, PersonInfo
from sromod.ui.itemmodels.base import RowsModel
from sromod.ui.labels import enum_label


class PeopleModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                self.tr("Name"),
                self.tr("Amt / Organisation"),
                self.tr("Funktion"),
                self.tr("E-Mail"),
                self.tr("Kontaktdaten im Protokoll"),
                self.tr("Aktiv"),
            ],
            parent,
        )

    def set_people(self, people: list[PersonInfo]) -> None:
        yes, no = self.tr("ja"), self.tr("nein")
        self.set_rows(
            [
                (
                    p.id,
                    p.name,
                    p.affiliation,
                    p.function or "",
                    p.email or "",
                    yes if p.contact_consent else no,
                    yes if p.active else no,
                )
                for p in people
            ]
        )


class OfficesModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [self.tr("Kürzel"), self.tr("Name"), self.tr("Art"), self.tr("Aktiv")], parent
        )

    def set_offices(self, offices: list[OfficeInfo]) -> None:
        yes, no = self.tr("ja"), self.tr("nein")
        self.set_rows(
            [(o.id, o.code, o.name, enum_label(o.kind), yes if o.active else no) for o in offices]
        )
