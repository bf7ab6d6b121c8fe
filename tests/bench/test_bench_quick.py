"""The benchmark's machinery on a tiny store: every figure is measured, judged and reported.

The timings themselves are not asserted here (DESIGN.md: figures are measured by the benchmark,
never by timed unit tests); what is asserted is that each figure gets a value against the same
content as its bare baseline, and that the report says PASS or FAIL for each and sums them up.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import func, select

from bench import figures
from bench.baselines import bare_docx
from bench.prepare import BIG_MEETING_TOPS, big_meeting
from bench.probes import bare_command, run_probe
from bench.run import report
from sromod.models import AgendaItem, Task
from sromod.services.bodies import create_body
from sromod.store import Store
from tests.store.files import store_file


def test_big_meeting_is_made_once_with_30_tops_decisions_and_tasks(store: Store) -> None:
    create_body(store, "AG Sozialraumorientierung", "AG SRO")
    meeting_id = big_meeting(store)
    assert big_meeting(store) == meeting_id  # found again, not made twice
    with store.session() as session:
        tops = session.scalar(
            select(func.count(AgendaItem.id)).where(
                AgendaItem.meeting_id == meeting_id, AgendaItem.parent_id.is_(None)
            )
        )
        tasks = session.scalar(select(func.count(Task.id)))
    assert tops == BIG_MEETING_TOPS
    assert tasks and tasks >= 2 * (BIG_MEETING_TOPS - 5)


def test_figures_b_to_e_are_measured_against_the_same_content(store: Store, tmp_path: Path) -> None:
    create_body(store, "AG Sozialraumorientierung", "AG SRO")
    meeting_id = big_meeting(store)
    results = [
        figures.filtering(store, 1),
        figures.searching(store, 1),
        figures.minutes(store, meeting_id, 1),
        figures.task_list(store, 1),
    ]
    for figure in results:
        assert figure.value is not None, figure.skipped
        assert figure.verdict in (figures.PASS, figures.FAIL)
    minutes = results[2]
    assert "Absätze" in minutes.details[1] and "Achtung" not in minutes.details[1]
    assert "Übergabe" in " ".join(results[1].details)  # the bench meeting's TOPs fold umlauts

    text = report(results, tmp_path / "x.db", 1, 1.0)
    assert "| d | Protokoll einer Sitzung mit 30 TOPs | ≤ 1,5× bares python-docx |" in text
    assert text.splitlines()[-1].startswith("Zusammenfassung: ")


def test_bare_docx_copy_holds_the_same_paragraphs_and_tables(tmp_path: Path) -> None:
    blocks = [
        bare_docx.Block(text="Ergebnisprotokoll", heading=1),
        bare_docx.Block(text="Übergabe der Liste"),
        bare_docx.Block(rows=(("Was", "Wer", "Bis wann"), ("Liste", "Jug", "01.12.2026"))),
    ]
    target = tmp_path / "bare.docx"
    bare_docx.write_bare(blocks, target)
    assert bare_docx.read_content(target) == blocks


def test_start_up_probe_reads_the_time_and_peak_memory_of_one_child() -> None:
    probe = run_probe(bare_command())
    assert 0 < probe.reported <= probe.to_window <= probe.total
    assert probe.peak_rss_mb is None

    ballast = b"\x01" * 300_000_000  # the benchmark is big by now: the child must not inherit it
    measured = run_probe(bare_command(), memory=True)
    del ballast
    if os.name != "nt":
        assert measured.peak_rss_mb is not None and 10 < measured.peak_rss_mb < 250


def test_sromods_probe_reports_its_first_paint_its_filled_window_and_its_open_store(
    store: Store,
) -> None:
    from bench.probes import sromod_command

    path = store_file(store)
    store.close()  # the probe opens the store itself
    probe = run_probe(sromod_command(path))
    # first paint, then the body list read ahead (filled), then the store open
    assert 0 < probe.reported_paint < probe.reported_filled < probe.reported
    assert probe.reported <= probe.to_window <= probe.total
    assert 0 < probe.to_paint <= probe.to_filled <= probe.to_window


def test_explain_counts_foreign_imports_where_sromod_pulls_them_in() -> None:
    from bench.explain import heaviest, import_times, own_modules

    stderr = "\n".join(
        [
            "import time: self [us] | cumulative | imported package",
            "import time:       100 |        100 |     sqlalchemy.util",
            "import time:      2000 |     180000 |   sqlalchemy",
            "import time:      5000 |      60000 |   sromod.models",
            "import time:      1200 |     460000 | sromod.services.reference",
            "import time:     90000 |      92000 | PySide6.QtCore",
        ]
    )
    ranked = heaviest(import_times(stderr))
    assert ranked[0] == (180000, "sqlalchemy", "sromod.services.reference")
    assert (92000, "PySide6.QtCore", "(start)") in ranked
    assert all(not module.startswith("sqlalchemy.util") for _, module, _ in ranked)
    assert own_modules(stderr)[0] == (5000, "sromod.models")


def test_tour_shows_every_page_and_reports_its_peak_memory(store: Store) -> None:
    from bench.probes import run_tour
    from sromod.ui.main_window import PAGE_KEYS

    create_body(store, "AG Sozialraumorientierung", "AG SRO")
    meeting_id = big_meeting(store)
    path = store_file(store)
    store.close()  # the tour opens the store itself, as sromod would
    timings, peak = run_tour(path, meeting_id)
    assert set(timings["pages"]) == set(PAGE_KEYS)
    assert "meeting" in timings and "search" in timings
    if os.name != "nt":
        assert peak is not None and peak > 30


def test_run_measures_a_given_store_and_always_exits_zero(
    store: Store, tmp_path: Path, monkeypatch, capsys
) -> None:
    from bench import run

    create_body(store, "AG Sozialraumorientierung", "AG SRO")
    path = store.path
    store.close()
    monkeypatch.setattr(run, "RESULTS_FILE", tmp_path / "last-results.md")
    assert run.main(["--quick", "--store", str(path), "--runs", "1", "--only", "bcde"]) == 0
    printed = capsys.readouterr().out
    assert "Zusammenfassung: " in printed.splitlines()[-1]
    assert (
        (tmp_path / "last-results.md")
        .read_text(encoding="utf-8")
        .strip()
        .endswith(printed.strip().splitlines()[-1])
    )


def test_figures_g_and_h_check_and_restore_with_progress(store: Store) -> None:
    from bench import store_figures

    results = [
        store_figures.checking(store_file(store), 1),
        store_figures.restoring(store_file(store), 1),
    ]
    for figure in results:
        assert figure.value is not None and figure.verdict in (figures.PASS, figures.FAIL)
        assert "Fortschrittsmeldungen" in figure.details[0]
        assert "Achtung" not in " ".join(figure.details)
    assert results[0].shown().endswith(" s")
    assert not list(
        store_file(store).parent.glob("sromod-bench-*")
    )  # the restore's copies are gone


def test_concurrent_edits_count_every_change_and_lose_none(tmp_path: Path) -> None:
    """Two client processes on one SQLite file for a moment: the tally adds up (no timing)."""
    from bench import concurrent_edits

    outcome = concurrent_edits.measure("sqlite", str(tmp_path / "gleichzeitig.db"), 2, 0.5, 3)
    assert outcome.changes > 0
    assert outcome.lost == 0 and outcome.counted == outcome.changes
    assert outcome.history == outcome.changes
    table = concurrent_edits.report([outcome])
    assert "| sqlite | 2 | 3 |" in table and ("PASS" in table or "FAIL" in table)
    assert concurrent_edits.percentile([1.0, 2.0, 3.0, 4.0], 95) == 4.0
