"""What a check of a store found: sound or not, with German findings and notes.

Its own module, so that the file check (check.py) and the server check (consistency.py) both
fill it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sromod.store.address import ServerAddress
from sromod.store.errors import quoted


@dataclass
class CheckReport:
    """The result of `check_store`: sound or not, with German findings and notes."""

    path: Path | ServerAddress
    ok: bool = True
    findings: list[str] = field(default_factory=list)  # problems: the store is not sound
    notes: list[str] = field(default_factory=list)  # worth knowing, but the store is sound

    def add(self, finding: str) -> None:
        self.ok = False
        self.findings.append(finding)

    def summary(self) -> str:
        """One German paragraph for the command line or a dialog."""
        head = (
            f"Die Datenbank {quoted(self.path)} ist in Ordnung."
            if self.ok
            else f"Die Datenbank {quoted(self.path)} hat Fehler."
        )
        return "\n".join([head, *(f"- {line}" for line in self.findings + self.notes)])
