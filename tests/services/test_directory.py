"""People in the directory: what the services accept and how they refuse."""

from __future__ import annotations

import pytest

from sromod.services import directory
from sromod.services.errors import ServiceError
from sromod.store import Store


@pytest.mark.parametrize(
    ("field", "limit", "message"),
    [
        ("function", 200, "Die Funktion ist zu lang (höchstens 200 Zeichen)."),
        ("email", 200, "Die E-Mail-Adresse ist zu lang (höchstens 200 Zeichen)."),
        ("phone", 100, "Die Telefonnummer ist zu lang (höchstens 100 Zeichen)."),
        ("organisation", 200, "Die Organisation ist zu lang (höchstens 200 Zeichen)."),
    ],
)
def test_an_overlong_person_field_is_refused_in_german(
    store: Store, field: str, limit: int, message: str
) -> None:
    with pytest.raises(ServiceError) as refused:
        directory.create_person(store, "Erika Muster", **{field: "x" * (limit + 1)})
    assert str(refused.value) == message
    person_id = directory.create_person(store, "Erika Muster", **{field: "x" * limit})
    with pytest.raises(ServiceError, match="ist zu lang"):
        directory.update_person(store, person_id, **{field: "y" * (limit + 1)})
    assert getattr(directory.get_person(store, person_id), field) == "x" * limit
