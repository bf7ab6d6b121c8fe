"""How people are ordered in lists: chair and deputy first, then by surname, titles ignored.

One rule for the attendance screen, the minutes and the sign-in list. Names are stored whole
("Prof. Dr. Sabine von Haase"), so the surname is found here: academic titles and salutations
are skipped, the last word is the surname, and name particles (von, van, de …) are not sorted
on — "von Haase" stands under H, as DIN 5007-2 and the Duden file German names. A stored
"Haase, Sabine" is read as surname, given names. Umlauts sort as their base letter (DIN 5007-1).
"""

from __future__ import annotations

import re
import unicodedata

from sromod.models import MemberRole

# Titles and salutations, compared without their dots and in lower case. Abbreviations that
# could also be a name ("Ma", "Ing") count only when written with a dot ("M.A.", "Dipl.-Ing.").
_TITLE_WORDS = frozenset(
    {"dr", "prof", "professor", "professorin", "pd", "dr-ing", "dipl-ing", "frau", "herr"}
)
_TITLE_ABBREVIATIONS = frozenset(
    {
        "dipl", "ing", "med", "dent", "vet", "rer", "nat", "pol", "phil", "jur", "oec", "soc",
        "habil", "hc", "mag", "ma", "ba", "msc", "bsc", "llm", "mba", "fr", "hr",
    }
)  # fmt: skip
_PARTICLES = frozenset(
    {"von", "vom", "van", "de", "der", "den", "zu", "zum", "zur", "ter", "ten", "da", "di", "del"}
)
_BRACKETS = re.compile(r"\([^)]*\)")

# Leadership first; every other role (and no membership at all) shares the last rank.
_ROLE_RANK = {MemberRole.CHAIR: 0, MemberRole.DEPUTY: 1}
OTHER_RANK = 2


def fold(text: str) -> str:
    """Lower case without accents: "Ömer" and "Omer" sort together, ß as ss."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _is_title(word: str) -> bool:
    bare = word.replace(".", "").casefold()
    return bare in _TITLE_WORDS or ("." in word and bare in _TITLE_ABBREVIATIONS)


def name_parts(name: str) -> tuple[str, str, str]:
    """(surname, given names, particles) of a stored name, titles dropped."""
    text = _BRACKETS.sub(" ", name)
    head, comma, tail = text.partition(",")
    tail_words = tail.split()
    if comma and tail_words and not all(_is_title(w) for w in tail_words):
        # "Haase, Sabine" (a title after the comma, "Haase, M.A.", is no given name)
        surname_words = [w for w in head.split() if not _is_title(w)]
        given = " ".join(w for w in tail_words if not _is_title(w))
    else:
        words = [w for w in head.split() if not _is_title(w)] or head.split()
        if not words:
            return "", "", ""
        surname_words = [words[-1]]
        rest = words[:-1]
        while rest and rest[-1].casefold() in _PARTICLES:
            surname_words.insert(0, rest.pop())
        given = " ".join(rest)
    particles = [w for w in surname_words if w.casefold() in _PARTICLES]
    main = [w for w in surname_words if w.casefold() not in _PARTICLES] or surname_words
    return " ".join(main), given, " ".join(particles)


def surname_key(name: str) -> tuple[str, str, str, str]:
    """Sort key by surname, then given names; titles and particles do not count."""
    surname, given, particles = name_parts(name)
    return fold(surname), fold(given), fold(particles), fold(name)


def role_rank(role: MemberRole | None) -> int:
    """0 for the chair, 1 for the deputy, 2 for everyone else."""
    return _ROLE_RANK.get(role, OTHER_RANK) if role is not None else OTHER_RANK


def person_key(name: str, role: MemberRole | None = None) -> tuple[int, tuple[str, ...]]:
    """Chair and deputy first, then by surname (the order of every list of people)."""
    return role_rank(role), surname_key(name)
