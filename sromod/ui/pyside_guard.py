"""A guard against a reference-count bug of PySide6 6.12.0 on Python 3.11.

In that release every call of a C++ method returning void (setText, addItem, setChecked …) gives
back Python's None without taking a reference to it. On Python 3.12 and later None is immortal and
nothing happens; on 3.11 each call lowers None's count by one, and after some ten thousand calls
the interpreter aborts with "deallocating None" — in the middle of a meeting. PySide6 6.11 is not
affected. Until the dependency excludes 6.12.0, the window makes None as good as immortal, which
is what Python 3.12 does for every program.
"""

from __future__ import annotations

import ctypes
import logging
import sys

import PySide6

log = logging.getLogger(__name__)

_AFFECTED = ("6.12.0",)
_MARGIN = 1 << 40  # far beyond any number of calls in a session


def needs_guard(
    version: str = PySide6.__version__, python: tuple[int, ...] = sys.version_info[:2]
) -> bool:
    return python < (3, 12) and version in _AFFECTED


_applied = False


def apply() -> bool:
    """Raise None's reference count once per process where the bug applies; True if done."""
    global _applied
    if _applied or not needs_guard():
        return False
    # CPython keeps ob_refcnt as the first field of every object.
    ctypes.c_ssize_t.from_address(id(None)).value += _MARGIN
    _applied = True
    log.info(
        "PySide6 %s on Python 3.11: None kept alive against a refcount bug", PySide6.__version__
    )
    return True
