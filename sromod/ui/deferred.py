"""A module imported the first time one of its names is used, not when the window starts.

The window paints before SQLAlchemy is imported (a third of a second on a laptop); the screens
built before that name their services like this, so that the services load when first called:

    if TYPE_CHECKING:
        from sromod.services import bodies
    else:
        bodies = Deferred("sromod.services.bodies")

(mypy sees the module itself; at run time each attribute is looked up in the loaded module,
so a test that patches the module's function is heard too.)
"""

from __future__ import annotations

import importlib
from typing import Any


class Deferred:
    """Stands for the module `name` and imports it when an attribute is first asked for."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(importlib.import_module(self._name), attribute)

    def __repr__(self) -> str:
        return f"<deferred module {self._name!r}>"
