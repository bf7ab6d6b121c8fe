"""Use cases over a unit of work; they return plain dataclasses and never import Qt."""
