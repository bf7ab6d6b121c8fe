"""Search finds TOPs, decisions, tasks and people, folds umlauts and follows every edit."""

from __future__ import annotations

import pytest

from sromod.services import directory, search, tasks
from sromod.services.search import match_expression, strip_marks
from sromod.store import Store
from tests.services.register_data import Register, build_register


@pytest.fixture
def reg(store: Store) -> Register:
    return build_register(store)


def _kinds(groups: list[search.SearchGroup]) -> dict[str, list[search.SearchHit]]:
    return {g.kind: g.hits for g in groups}


def test_finds_across_kinds_with_umlauts_folded(store: Store, reg: Register) -> None:
    person = directory.create_person(store, "Jürgen Übermuth", function="Jugendhilfeplanung")
    tasks.add_task(store, "Übergabeprotokoll schreiben", office_id=reg.offices["Jug"],
                   agenda_item_id=reg.item_id)  # fmt: skip
    found = _kinds(search.search(store, "ubergabe"))
    assert set(found) == {"top", "decision", "task"}
    top = found["top"][0]
    assert top.ref == reg.item_id and (top.open_kind, top.open_id) == ("agenda_item", reg.item_id)
    assert top.place.meeting is not None and top.place.meeting.meeting_id == reg.meeting_id
    decision = found["decision"][0]
    assert (decision.open_kind, decision.open_id) == ("agenda_item", reg.item_id)
    assert "Übergabe" in strip_marks(decision.snippet)
    assert found["task"][0].title.endswith("Übergabeprotokoll schreiben")  # prefix of a word
    people = _kinds(search.search(store, "jurgen ubermuth"))
    assert [h.ref for h in people["person"]] == [person]
    assert people["person"][0].open_kind == "person"


def test_editing_a_task_updates_its_hit(store: Store, reg: Register) -> None:
    task_id = reg.task_ids[0]
    assert "task" not in _kinds(search.search(store, "Schulwegsicherheit"))
    tasks.update_task(store, task_id, title="Schulwegsicherheit prüfen")
    hits = _kinds(search.search(store, "schulwegsicherheit"))["task"]
    assert [h.ref for h in hits] == [task_id]
    assert hits[0].open_kind == "task" and hits[0].open_id == task_id
    tasks.update_task(store, task_id, title="Etwas anderes")
    assert "task" not in _kinds(search.search(store, "Schulwegsicherheit"))


def test_user_text_is_never_fts_syntax(store: Store, reg: Register) -> None:
    assert match_expression("") == ""
    assert match_expression('Kita-Plätze AND "xyz') == '"Kita-Plätze" AND "AND" AND """xyz"*'
    assert match_expression("spiel ") == '"spiel"'
    assert (
        match_expression("Kita ub") == '"Kita" AND "ub"'
    )  # two letters: a whole word, not a prefix
    for text in [
        '"',
        "AND",
        "OR NOT",
        "a:b",
        "(",
        "*",
        "NEAR(a b)",
        "-",
        "^x",
        "Kita\x00x",
        "\x00",
    ]:
        search.search(store, text)  # must not raise


def test_more_hits_than_shown(store: Store, reg: Register) -> None:
    groups = _kinds(search.search(store, "Aufgabe", per_kind=3))
    assert len(groups["task"]) == 3
    group = next(g for g in search.search(store, "Aufgabe", per_kind=3) if g.kind == "task")
    assert group.more and group.total == 8


def test_snippet_marks_folded_matches() -> None:
    words = search.query_words("ubergabe jug")
    body = "Vorher stand viel Text hier. Die Übergabe an den Jugendclub erfolgt im März 2027."
    snippet = search.make_snippet(body, words, width=6)
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert f"{search.MARK_START}Übergabe{search.MARK_END}" in snippet
    assert f"{search.MARK_START}Jugendclub{search.MARK_END}" in snippet
    assert strip_marks(
        snippet
    ) == "… Text hier. Die Übergabe an den …" or "Übergabe" in strip_marks(snippet)


def test_ss_finds_sharp_s_and_back(store: Store, reg: Register) -> None:
    # Someone without ß on the keyboard types "strasse"; an old text may spell "Strasse".
    jug = reg.offices["Jug"]
    new = tasks.add_task(store, "Gehweg in der Dammweg-Strasse prüfen", office_id=jug).id
    old = tasks.add_task(store, "Parkplätze Straße am Schloßpark zählen", office_id=jug).id
    assert {h.ref for h in _kinds(search.search(store, "strasse"))["task"]} == {new, old}
    assert {h.ref for h in _kinds(search.search(store, "Straße"))["task"]} == {new, old}
    assert [h.ref for h in _kinds(search.search(store, "schlosspark zählen"))["task"]] == [old]
    assert "task" not in _kinds(search.search(store, "Kita strasse"))
    found = _kinds(search.search(store, "Dammweg-Straße"))["task"]
    assert [h.ref for h in found] == [new] and "Strasse" in strip_marks(found[0].title)
