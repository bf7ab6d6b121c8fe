"""The names of the roles of a shared register, without the database machinery around them.

`sromod.store.server_roles` creates and grants them (it needs SQLAlchemy); the window asks what
a role may do (`sromod.services.permissions`) already while its store still opens.
"""

from __future__ import annotations

KOORDINATION, AMT, LESEN = "koordination", "amt", "lesen"
ROLES = (KOORDINATION, AMT, LESEN)
