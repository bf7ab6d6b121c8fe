"""Qt item models over plain service results (tuples and dataclasses, never ORM objects)."""
