"""Errors of the services: one German sentence a user can act on."""

from __future__ import annotations


class ServiceError(Exception):
    """A use case refused the request; str() is the German message for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotFound(ServiceError):
    """The thing asked for does not exist (any more)."""
