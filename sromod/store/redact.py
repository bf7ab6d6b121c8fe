"""Passwords kept out of the log: every line written is scrubbed of the ones sromod has seen.

Messages sromod writes itself are masked where they are made (`address.masked`). This is the
net under them: an exception of a library (SQLAlchemy names an unparseable URL in full, libpq
may quote connection strings) is logged with its text, and that text passes through `scrub`.
"""

from __future__ import annotations

import logging
import re
import threading

HIDDEN = "***"
# Shorter passwords are still caught in URLs and key=value strings, but not wherever they occur:
# two letters would blank out half of every line.
SHORTEST_SCRUBBED = 4
_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^\s:/@]*:)([^\s@/]+)(@)", re.IGNORECASE)
_KEY_PASSWORD = re.compile(r"(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)

_secrets: set[str] = set()
_lock = threading.Lock()


def remember_secret(secret: str) -> None:
    """From now on, scrub() hides this password wherever it appears."""
    if len(secret) >= SHORTEST_SCRUBBED:
        with _lock:
            _secrets.add(secret)


def scrub(text: str) -> str:
    """text without any password: in URLs, in password=… and every one remembered."""
    text = _URL_PASSWORD.sub(rf"\1{HIDDEN}\3", text)
    text = _KEY_PASSWORD.sub(rf"\1{HIDDEN}", text)
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, HIDDEN)
    return text


class ScrubbingFormatter(logging.Formatter):
    """A formatter whose every line, traceback included, has passed through scrub()."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))
