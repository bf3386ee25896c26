"""Every printed document, read back as a person would check it (PRINTING.md "How to check a document")."""

import re

import pytest

from fupin_desktop.domain.idnumber import is_valid_id_number, mask_id_number
from fupin_desktop.i18n.capital import capital_amount
from fupin_desktop.reports.dashboard_sheet import render_dashboard
from fupin_desktop.reports.ledger_card import render_ledger_card
from fupin_desktop.reports.mingbai import render_mingbai
from fupin_desktop.reports.notice import render_notice
from fupin_desktop.reports.packet import render_packet
from fupin_desktop.reports.roster import render_roster
from fupin_desktop.reports.signoff import render_signoff
from fupin_desktop.reports.values import format_money
from tests.reports import factory
from tests.reports.pdf_checks import page_texts, pdffonts_rows

ID_LIKE = re.compile(r"(?<![\dX])\d{17}[\dX](?![\dX])")
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")

DOCUMENTS = {
    "packet": (render_packet, factory.packet),
    "signoff": (render_signoff, factory.signoff),
    "ledger_card": (render_ledger_card, factory.ledger_card),
    "mingbai": (render_mingbai, factory.mingbai),
    "roster": (render_roster, factory.roster),
    "notice": (render_notice, factory.notice),
    "dashboard": (render_dashboard, factory.dashboard),
}


def full_ids(text: str) -> list[str]:
    """18-character numbers that pass the GB 11643 check (a 户编号 of 18 digits does not, as a rule)."""
    return [m for m in ID_LIKE.findall(text) if is_valid_id_number(m, today=factory.TODAY)]


def _render(name, tmp_path, data=None):
    render, make = DOCUMENTS[name]
    path = tmp_path / f"{name}.pdf"
    pages = render(data if data is not None else make(), path)
    texts = page_texts(path)
    assert pages == len(texts) >= 1
    return path, texts


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_font_is_embedded(name, tmp_path):
    path, _ = _render(name, tmp_path)
    rows = pdffonts_rows(path)
    if rows is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    assert rows, "no fonts at all"
    assert all(row["emb"] == "yes" for row in rows), rows
    assert any("WenQuanYiMicroHei" in row["name"] for row in rows)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_footer_has_village_page_numbers_and_print_date(name, tmp_path):
    _, texts = _render(name, tmp_path)
    for number, text in enumerate(texts, 1):
        assert "石堰村" in text
        assert f"第 {number} 页" in text and f"共 {len(texts)} 页" in text
        assert "打印日期：2020年6月20日" in text


def test_packet_has_the_household_members_totals_and_capital_amounts(tmp_path):
    data = factory.packet()
    _, texts = _render("packet", tmp_path, data)
    text = "\n".join(texts)
    assert len(texts) >= 4
    for member in data.members:
        assert member.name in text
    assert factory.HEAD in text and factory.HEAD_ID in text  # the household's own book: full ID
    s = data.summary
    for fen in (s.total_income_fen, s.net_income_fen, s.per_capita_fen, factory.LINE.line_fen):
        assert format_money(fen) in text
    assert capital_amount(s.per_capita_fen) in text
    for title in ("家庭基本情况", "生产生活条件", "家庭成员", "致贫原因", "帮扶责任人", "帮扶计划", "帮扶措施",
                  "收支情况", "走访记录", "帮扶成效", "脱贫退出进度"):
        assert title in text
    assert "李淑芬" in text and "工作调动" in text  # helper history
    assert "2019年10月" in text and "2020年9月" in text  # the monthly table


def test_twelve_member_table_spans_pages_with_the_header_repeated(tmp_path):
    data = factory.packet(12)
    _, texts = _render("packet", tmp_path, data)
    names = [m.name for m in data.members]
    first = next(i for i, t in enumerate(texts) if names[0] in t and "公民身份号码" in t)
    last = next(i for i, t in enumerate(texts) if names[-1] in t and i >= first)
    assert last > first, "the member table should run onto a second page"
    for i in range(first, last + 1):
        assert "公民身份号码" in texts[i] and "参保情况" in texts[i]  # the header row, repeated
    assert all(name in "\n".join(texts) for name in names)


def test_signoff_lays_out_income_with_capital_amounts_and_signature_boxes(tmp_path):
    data = factory.signoff()
    _, texts = _render("signoff", tmp_path, data)
    text = "\n".join(texts)
    s = data.summary
    assert factory.HEAD in text
    for fen in (s.by_group["wage"], s.total_income_fen, s.production_expense_fen, s.net_income_fen, s.per_capita_fen):
        assert format_money(fen) in text
        assert capital_amount(fen) in text
    for item in ("不愁吃", "不愁穿", "义务教育有保障", "基本医疗有保障", "住房安全有保障", "饮水安全有保障"):
        assert item in text
    for who in ("户主签字（或按手印）", "帮扶责任人签字", "第一书记", "村党支部书记", "村委会主任", "按手印处"):
        assert who in text
    assert "村民委员会" in text and "武乡镇人民政府" in text and "（盖章）" in text
    assert "____年__月__日" in text
    assert "2020年6月10日至2020年6月16日" in text  # 公示, 7 days


def test_ledger_card_lists_the_month_and_the_running_year(tmp_path):
    data = factory.ledger_card()
    _, texts = _render("ledger_card", tmp_path, data)
    text = "\n".join(texts)
    assert factory.HEAD in text and "2020年6月" in text
    assert "长子务工汇款" in text and "出售茶叶" in text and "出售生猪3头" not in text  # only June's entries
    month_net = 1000000 + 123450 - 30005
    year_income = 300000 + 450000 + 120000 + 240000 + 1000000 + 123450
    year_net = year_income - 80000 - 30005  # 1 Oct 2019 .. 30 Jun 2020
    assert format_money(month_net) in text and capital_amount(month_net) in text
    assert format_money(year_net) in text and capital_amount(year_net) in text
    for who in ("户主签字", "帮扶责任人签字", "第一书记签字", "村党支部书记签字"):
        assert who in text


def test_mingbai_is_one_page_with_income_helper_and_guarantees(tmp_path):
    data = factory.mingbai()
    _, texts = _render("mingbai", tmp_path, data)
    assert len(texts) == 1
    text = texts[0]
    assert factory.HEAD in text and "谢建国" in text and "13784284618" in text
    assert format_money(data.summary.net_income_fen) in text and capital_amount(data.summary.net_income_fen) in text
    assert "医保个人缴费代缴" in text and "住房安全" in text


def test_roster_masks_ids_and_hides_phones_by_default(tmp_path):
    _, texts = _render("roster", tmp_path)
    text = "\n".join(texts)
    assert len(texts) >= 2
    assert factory.HEAD in text and mask_id_number(factory.HEAD_ID) in text
    assert full_ids(text) == [] and factory.HEAD_ID not in text
    assert not MOBILE.search(text)
    assert "合计：41户" in text


def test_roster_for_internal_use_shows_ids_and_phones(tmp_path):
    _, texts = _render("roster", tmp_path, factory.roster(show_private=True))
    text = "\n".join(texts)
    assert factory.HEAD_ID in text and factory.HEAD_PHONE in text


def test_roster_repeats_its_header_on_every_page(tmp_path):
    _, texts = _render("roster", tmp_path, factory.roster(extra=70))
    table_pages = [t for t in texts if "6107" in t]
    assert len(table_pages) >= 3
    assert all("公民身份号码" in t and "户主姓名" in t for t in table_pages)


def test_notice_masks_ids_and_never_prints_phones_accounts_or_health(tmp_path):
    data = factory.notice()
    _, texts = _render("notice", tmp_path, data)
    text = "\n".join(texts)
    assert factory.HEAD in text and mask_id_number(factory.HEAD_ID) in text
    assert full_ids(text) == []
    assert all(m.id_number not in text for m in factory.members(12))
    assert not MOBILE.search(text) and factory.HEAD_PHONE not in text
    assert factory.ACCOUNT not in text
    for health in ("慢性病", "大病", "残疾", "健康状况"):
        assert health not in text
    assert "2020年6月10日至2020年6月16日" in text and "0916-2345678" in text
    assert "9户" in text


def test_dashboard_shows_counts_rate_and_late_households(tmp_path):
    _, texts = _render("dashboard", tmp_path)
    text = texts[0]
    assert "126户" in text and "12.50%" in text  # 150 ÷ 1200
    assert "因病" in text and "2020年" in text and "二组" in text
    assert factory.HEAD in text and "已逾期" in text and "有风险" in text


def test_documents_print_with_almost_nothing_recorded(tmp_path):
    from fupin_desktop.reports.data import (
        DashboardData,
        LedgerCardData,
        MingbaiData,
        NoticeData,
        PacketData,
        RosterData,
        SignoffData,
    )

    village, household, today = factory.VILLAGE, factory.household(), factory.TODAY
    bare = dict(village=village, household=household, members=(), printed_on=today)
    documents = [
        (render_packet, PacketData(**bare, year=2020)),
        (render_signoff, SignoffData(**bare, year=2020)),
        (render_ledger_card, LedgerCardData(**bare, year=2020, month=2)),
        (render_mingbai, MingbaiData(**bare, year=2020)),
        (render_roster, RosterData(village, iter(()), today)),
        (render_notice, NoticeData(village, (), today, 2020)),
        (render_dashboard, DashboardData(village, today, 2020, 0, 0)),
    ]
    for i, (render, data) in enumerate(documents):
        path = tmp_path / f"{i}.pdf"
        assert render(data, path) >= 1
        assert "石堰村" in page_texts(path)[0]
