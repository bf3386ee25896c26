"""From the database to printed documents: the adapter (``reports.printing``) and the print jobs
(``reports.print_jobs``) on a small demo village, read back with pypdf."""

import datetime as dt
import re

import pytest
from pypdf import PdfReader

from fupin_desktop.reports import print_jobs, printing
from fupin_desktop.reports.batch import PrintCancelled
from tests.reports.pdf_checks import pdffonts_rows

TODAY = dt.datetime(2020, 6, 15, 9, 30)
FULL_ID = re.compile(r"(?<![0-9])[0-9]{17}[0-9X](?![0-9])")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A small demo village (40 households), built once; the tests only read it (or change a copy)."""
    from fupin_desktop.domain.clock import FixedClock
    from fupin_desktop.services import demo as demo_data
    from fupin_desktop.services.context import open_context
    from fupin_desktop.services.derived import refresh

    clock = FixedClock(TODAY)
    ctx = open_context(tmp_path_factory.mktemp("print-demo"), operator="测试员", clock=clock)
    demo_data.generate(ctx.db, size="small", seed=7, today=clock.today(), hlc=ctx.hlc)
    with ctx.db.atomic():
        refresh(ctx)
    yield ctx
    ctx.close()


def text_of(path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def first_with_income(ctx) -> str:
    for row in printing.household_rows(ctx):
        data = printing.packet_data(ctx, row.id)
        if data.summary.entries_count and len([m for m in data.members if m.active]) >= 3:
            return row.id
    raise AssertionError("no household with a book")


def test_packet_carries_the_household_its_members_and_totals(demo, tmp_path):
    from fupin_desktop.reports.values import format_money

    household_id = first_with_income(demo)
    data = printing.packet_data(demo, household_id)
    assert data.printed_on == TODAY.date() and data.year == 2020
    assert data.village.name and data.village.first_secretary
    files, pages = print_jobs.print_documents(demo, "packet", [household_id], tmp_path / "packet.pdf")
    assert files == [tmp_path / "packet.pdf"] and pages >= 4
    text = flat(text_of(files[0]))
    for member in data.members:
        if member.active:
            assert member.name in text
    assert data.household.number in text
    assert format_money(data.summary.total_income_fen) in text
    assert format_money(data.summary.per_capita_fen) in text
    rows = pdffonts_rows(files[0])
    if rows is not None:
        assert rows and all(row["emb"] == "yes" for row in rows)


def test_signoff_computes_the_income_with_capital_amounts(demo, tmp_path):
    from fupin_desktop.i18n.capital import capital_amount
    from fupin_desktop.reports.values import format_money

    household_id = first_with_income(demo)
    data = printing.signoff_data(demo, household_id)
    head = next(m for m in data.members if m.relation == "01")
    print_jobs.print_documents(demo, "signoff", [household_id], tmp_path / "signoff.pdf")
    text = flat(text_of(tmp_path / "signoff.pdf"))
    assert head.name in text and "大写金额" in text
    assert format_money(data.summary.net_income_fen) in text
    assert capital_amount(data.summary.net_income_fen) in text
    assert capital_amount(data.summary.total_income_fen) in text


def test_ledger_card_holds_the_month(demo, tmp_path):
    household_id = first_with_income(demo)
    data = printing.ledger_card_data(demo, household_id, 2020, 3)
    assert (data.year, data.month) == (2020, 3)
    assert all(dt.date(2019, 10, 1) <= e.date <= dt.date(2020, 9, 30) for e in data.entries)
    print_jobs.print_documents(demo, "card", [household_id], tmp_path / "card.pdf", year=2020, month=3)
    text = flat(text_of(tmp_path / "card.pdf"))
    assert "2020年3月" in text and data.household.number in text


def test_mingbai_names_the_helper(demo, tmp_path):
    household_id = first_with_income(demo)
    data = printing.mingbai_data(demo, household_id)
    print_jobs.print_documents(demo, "mingbai", [household_id], tmp_path / "mingbai.pdf")
    text = flat(text_of(tmp_path / "mingbai.pdf"))
    if data.helper is not None:
        assert data.helper.name in text
    assert data.village.first_secretary in text


def test_roster_streams_its_rows_and_masks_ids_by_default(demo, tmp_path):
    from fupin_desktop.services.queries import count_households

    data = printing.roster_data(demo)
    assert not isinstance(data.rows, list | tuple)  # a generator: never the whole village at once
    rows = list(data.rows)
    assert len(rows) == count_households(demo)
    files, _pages = print_jobs.print_documents(demo, "roster", None, tmp_path / "roster.pdf")
    masked = text_of(files[0])
    assert not FULL_ID.search(masked)
    assert rows[0].head.name in flat(masked)
    print_jobs.print_documents(demo, "roster", None, tmp_path / "full.pdf", mask_ids=False)
    assert rows[0].head.id_number in flat(text_of(tmp_path / "full.pdf"))


def test_notice_lists_the_households_at_publicity_without_private_details(demo, tmp_path):
    from fupin_desktop.services.households import load
    from fupin_desktop.services.queries import HouseholdFilter, list_households

    at_publicity = list_households(demo, HouseholdFilter(exit_step="4"))
    data = printing.notice_data(demo)
    assert {r.household.id for r in data.rows} == {r.id for r in at_publicity} and data.rows
    assert all(not r.household.phone and not r.household.bank_account for r in data.rows)
    assert data.posted_to - data.posted_from == dt.timedelta(days=demo.settings.publicity_days - 1)
    files, pages = print_jobs.print_documents(demo, "notice", None, tmp_path / "notice.pdf")
    text = text_of(files[0])
    assert pages >= 1 and "公示" in text
    assert not FULL_ID.search(text), FULL_ID.findall(text)
    for row in data.rows:
        household, members = load(demo, row.household.id)
        assert row.head.name in flat(text)
        assert row.head.id_number[:4] in text and row.head.id_number[-4:] in text
        for phone in [household.phone, *(m.phone for m in members)]:
            assert not phone or phone not in flat(text)
    announcement = printing.notice_data(demo, [r.household.id for r in data.rows], kind="公告")
    assert announcement.kind == "公告" and len(announcement.rows) == len(data.rows)


def test_dashboard_counts_the_village(demo, tmp_path):
    from fupin_desktop.services.dashboard import dashboard

    data = printing.dashboard_data(demo)
    d = dashboard(demo)
    assert data.households == d.households and data.people == d.people
    assert 0 < data.exited <= data.households and data.remaining_people == d.poor_people
    assert all(b.status in ("overdue", "at_risk") for b in data.behind)
    print_jobs.print_documents(demo, "dashboard", None, tmp_path / "dashboard.pdf")
    text = flat(text_of(tmp_path / "dashboard.pdf"))
    assert f"{data.households}户" in text and "作战图" in text


def test_one_file_per_household_streams_with_progress(demo, tmp_path):
    ids = printing.household_ids(demo)[:3]
    seen = []
    files, pages = print_jobs.print_documents(demo, "mingbai", ids, tmp_path / "out", one_file=False,
                                              progress=lambda done, total: seen.append((done, total)))
    assert [f.name for f in files] == sorted(f.name for f in files) and len(files) == 3
    assert all(f.name.startswith("mingbai-000") for f in files)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f.name for f in files]
    assert seen[0] == (0, 3) and seen[-1] == (3, 3) and pages >= 3


def test_a_cancelled_batch_leaves_no_file(demo, tmp_path):
    ids = printing.household_ids(demo)[:5]
    asked = []

    def cancelled():
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(PrintCancelled) as stop:
        print_jobs.print_documents(demo, "packet", ids, tmp_path / "all.pdf", cancelled=cancelled)
    assert stop.value.households == 2
    assert list(tmp_path.iterdir()) == []


def test_errors_are_chinese_service_errors(demo, tmp_path):
    from fupin_desktop.services.errors import ServiceError

    with pytest.raises(ServiceError, match="没有要打印的户"):
        print_jobs.print_documents(demo, "packet", [], tmp_path / "none.pdf")
    with pytest.raises(ServiceError, match="文书"):
        print_jobs.print_documents(demo, "letter", None, tmp_path / "x.pdf")
    with pytest.raises(ServiceError, match="月份"):
        printing.ledger_card_data(demo, printing.household_ids(demo)[0], 2020, 13)


def test_preview_warns_about_names_no_font_prints(demo):
    from fupin_desktop.reports import fonts
    from fupin_desktop.services.households import update_member

    household_id = printing.household_ids(demo)[0]
    head = next(m for m in printing.packet_data(demo, household_id).members if m.relation == "01")
    update_member(demo, head.id, {"name": "王䶮"}, reason="测试生僻字", accept_note="测试")
    try:
        data, warnings, count = print_jobs.preview_pdf(demo, "packet", [household_id])
        assert data.startswith(b"%PDF") and count == 1 and warnings == []  # the shipped fallback prints 䶮
        alone = fonts.use_chain(fonts.FontChain(fonts.register_fonts(), []))
        try:
            _data, warnings, _count = print_jobs.preview_pdf(demo, "signoff", [household_id])
            _data, roster_warnings, _count = print_jobs.preview_pdf(demo, "roster", None)
        finally:
            fonts.use_chain(alone)
        assert warnings and "王䶮" in warnings[0] and "䶮" in warnings[0]
        assert any("王䶮" in line for line in roster_warnings)
    finally:
        update_member(demo, head.id, {"name": head.name}, reason="恢复", accept_note="测试")
