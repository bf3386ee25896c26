"""Print jobs over the database: any document for any households, into one PDF or one PDF per household.

``print_documents(ctx, doc, households, out, …) -> (files, pages)`` is what the command line and the print
centre run (on the database thread). Households are streamed: the data of one household is built, laid out
and dropped before the next is read, so a village's packets never sit in memory. ``progress(done, total)``
is called before each household (an exception raised there stops the job, as the Qt progress dialog's
cancel does); ``cancelled()`` turning true stops it with ``batch.PrintCancelled``. Files are written under a
temporary name and renamed when complete: a stopped job leaves no half file.

``preview_pdf`` builds the first households' documents in memory for the print preview, with the warnings of
``reports.checks`` (characters no font can print) for every household of the job.
"""

import io
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from itertools import islice
from pathlib import Path

from fupin_desktop.reports import printing
from fupin_desktop.reports.batch import PrintCancelled
from fupin_desktop.services.errors import ValidationError
from fupin_desktop.services.queries import HouseholdFilter

# key → (Chinese title, one document per household)
DOCUMENTS = {
    "packet": ("扶贫手册", True),
    "signoff": ("脱贫验收表", True),
    "card": ("收支记录卡", True),
    "mingbai": ("明白卡", True),
    "roster": ("花名册", False),
    "notice": ("公示/公告名单", False),
    "dashboard": ("作战图", False),
}
PREVIEW_HOUSEHOLDS = 2
PARALLEL_CHUNK = 50  # households laid out at a time by each process (each chunk embeds its own font subsets)
PREVIEW_ROSTER_ROWS = 60
Progress = Callable[[int, int], None]
Households = HouseholdFilter | Sequence[str] | None


def document_title(doc: str) -> str:
    return DOCUMENTS[_check_doc(doc)][0]


def per_household(doc: str) -> bool:
    return DOCUMENTS[_check_doc(doc)][1]


def _check_doc(doc: str) -> str:
    if doc not in DOCUMENTS:
        raise ValidationError(f"没有“{doc}”这种文书，可选：" + "、".join(DOCUMENTS))
    return doc


# -- one household's document ------------------------------------------------------------------------------

def household_data(ctx, doc: str, household_id: str, *, year=None, month=None):
    if doc == "packet":
        return printing.packet_data(ctx, household_id, year)
    if doc == "signoff":
        return printing.signoff_data(ctx, household_id, year)
    if doc == "card":
        return printing.ledger_card_data(ctx, household_id, year, month)
    if doc == "mingbai":
        return printing.mingbai_data(ctx, household_id, year)
    raise ValidationError(f"“{document_title(doc)}”不是按户打印的文书。")


def story_of(doc: str) -> Callable:
    from fupin_desktop.reports.ledger_card import ledger_card_story
    from fupin_desktop.reports.mingbai import mingbai_story
    from fupin_desktop.reports.packet import packet_story
    from fupin_desktop.reports.signoff import signoff_story

    return {"packet": packet_story, "signoff": signoff_story, "card": ledger_card_story,
            "mingbai": mingbai_story}[doc]


def file_prefix(doc: str, *, year=None, month=None) -> str:
    if doc == "card" and year and month:
        return f"card-{year}-{month:02d}"
    return doc


def file_name(prefix: str, index: int, number: str) -> str:
    """Position and household number only: no names or ID numbers in file names."""
    number = re.sub(r"[^0-9A-Za-z_-]", "", number or "")[:40]
    return f"{prefix}-{index + 1:04d}" + (f"-{number}" if number else "") + ".pdf"


# -- writing files ----------------------------------------------------------------------------------------

@contextmanager
def atomic_path(target: Path):
    """A temporary path beside ``target``, renamed to it when the block ends without error."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".printing-", suffix=".pdf", dir=target.parent)
    os.close(fd)
    try:
        yield temp
        os.replace(temp, target)
    finally:
        if os.path.exists(temp):
            os.remove(temp)


def _datas(ctx, doc, ids, year, month, progress, cancelled, done: list) -> Iterator:
    """Each household's data in turn, reporting progress and checking for cancellation before each."""
    for index, household_id in enumerate(ids):
        if cancelled():
            raise PrintCancelled(index, 0)
        if progress:
            progress(index, len(ids))
        yield household_data(ctx, doc, household_id, year=year, month=month)
        done[0] = index + 1


def _stream(doc: str, datas, out, *, locale: str = "zh_CN") -> int:
    """One PDF of every household's document: one ReportLab document fed a household at a time."""
    from reportlab.platypus import PageBreak

    from fupin_desktop.reports.layout import FormDocument, StoryStream

    story = story_of(doc)

    def chunks():
        for index, data in enumerate(datas):
            parts = story(data, locale=locale)
            yield [PageBreak(), *parts] if index else parts

    return FormDocument(out, title=document_title(doc)).build(StoryStream(chunks()))


def _render_one(doc: str, data, out, *, locale: str = "zh_CN") -> int:
    from fupin_desktop.reports.dashboard_sheet import render_dashboard
    from fupin_desktop.reports.ledger_card import render_ledger_card
    from fupin_desktop.reports.mingbai import render_mingbai
    from fupin_desktop.reports.notice import render_notice
    from fupin_desktop.reports.packet import render_packet
    from fupin_desktop.reports.roster import render_roster
    from fupin_desktop.reports.signoff import render_signoff

    render = {"packet": render_packet, "signoff": render_signoff, "card": render_ledger_card,
              "mingbai": render_mingbai, "roster": render_roster, "notice": render_notice,
              "dashboard": render_dashboard}[doc]
    return render(data, out, locale=locale)


def whole_document_data(ctx, doc: str, households: Households = None, *, year=None, mask_ids: bool = True,
                        kind: str = "公示", village_id: str = ""):
    """The data of a document that covers many households (roster, notice, dashboard)."""
    if doc == "roster":
        return printing.roster_data(ctx, households, show_private=not mask_ids, year=year)
    if doc == "notice":
        return printing.notice_data(ctx, households, kind=kind, year=year)
    if doc == "dashboard":
        if isinstance(households, HouseholdFilter):
            village_id = village_id or households.village_id
        return printing.dashboard_data(ctx, village_id)
    raise ValidationError(f"“{document_title(doc)}”是按户打印的文书。")


def print_documents(ctx, doc: str, households: Households, out, *, one_file: bool = True, year: int | None = None,
                    month: int | None = None, mask_ids: bool = True, kind: str = "公示",
                    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                    locale: str = "zh_CN", workers: int = 1) -> tuple[list[Path], int]:
    """Print ``doc`` for ``households`` (ids, a ``HouseholdFilter``, or None: every household; for the notice,
    None means the households at 村内公示 / 乡镇审核公告) into ``out``: a PDF path when ``one_file``, else a
    folder (one PDF per household; a roster, notice or dashboard is one file in that folder).
    With ``workers`` > 1 one file of household documents is laid out on that many processes (the data is
    still read here, household after household). Returns (files written, pages)."""
    _check_doc(doc)
    cancelled = cancelled or (lambda: False)
    out = Path(out)
    if not one_file:
        out.mkdir(parents=True, exist_ok=True)
    if not per_household(doc):
        target = out if one_file else out / f"{file_prefix(doc)}.pdf"
        data = whole_document_data(ctx, doc, households, year=year, mask_ids=mask_ids, kind=kind)
        if doc == "notice" and not data.rows:
            raise ValidationError("没有要公示的户：请先选定户，或在脱贫退出进度中记录“村内公示”。")
        if progress:
            progress(0, 1)
        with atomic_path(target) as temp:
            pages = _render_one(doc, data, temp, locale=locale)
        if progress:
            progress(1, 1)
        return [target], pages
    ids = printing.household_ids(ctx, households)
    if not ids:
        raise ValidationError("没有要打印的户。")
    done = [0]
    datas = _datas(ctx, doc, ids, year, month, progress, cancelled, done)
    try:
        if one_file:
            with atomic_path(out) as temp:
                if workers > 1:
                    from fupin_desktop.reports.parallel import render_parallel

                    pages = render_parallel(datas, temp, one_file=True, workers=workers, chunk=PARALLEL_CHUNK,
                                            progress=None, cancelled=cancelled, locale=locale, name_for=str,
                                            render=partial(_stream, doc))
                else:
                    pages = _stream(doc, datas, temp, locale=locale)
            files = [out]
        else:
            files, pages = [], 0
            prefix = file_prefix(doc, year=year, month=month)
            for index, data in enumerate(datas):
                target = out / file_name(prefix, index, data.household.number)
                with atomic_path(target) as temp:
                    pages += _render_one(doc, data, temp, locale=locale)
                files.append(target)
    except PrintCancelled as stop:
        raise PrintCancelled(done[0], stop.pages) from None
    if progress:
        progress(len(ids), len(ids))
    return files, pages


# -- preview ---------------------------------------------------------------------------------------------

def preview_pdf(ctx, doc: str, households: Households, *, year=None, month=None, mask_ids: bool = True,
                kind: str = "公示", limit: int = PREVIEW_HOUSEHOLDS, progress: Progress | None = None,
                locale: str = "zh_CN") -> tuple[bytes, list[str], int]:
    """(PDF of the first ``limit`` households' documents, warnings for every household, households in the job).

    Warnings list characters no font prints: in full for the previewed documents, by name for the others.
    """
    from fupin_desktop.reports.checks import warning_lines

    buffer = io.BytesIO()
    if not per_household(doc):
        data = whole_document_data(ctx, doc, households, year=year, mask_ids=mask_ids, kind=kind)
        count = 1
        if doc == "roster":
            rows = list(islice(data.rows, PREVIEW_ROSTER_ROWS))
            data = replace(data, rows=rows)
            count = len(rows)
        elif doc == "notice":
            count = len(data.rows)
        _render_one(doc, data, buffer, locale=locale)
        warnings = warning_lines(data)
        if doc == "roster":
            warnings = list(dict.fromkeys(warnings + _name_warnings(ctx, households, skip=len(rows))))
        return buffer.getvalue(), warnings, count
    ids = printing.household_ids(ctx, households)
    if not ids:
        raise ValidationError("没有要打印的户。")
    shown = [household_data(ctx, doc, i, year=year, month=month) for i in ids[:limit]]
    _stream(doc, iter(shown), buffer, locale=locale)
    warnings = printing.warning_lines_for(shown)
    warnings += _name_warnings(ctx, ids[limit:], progress=progress)
    return buffer.getvalue(), list(dict.fromkeys(warnings)), len(ids)


def _name_warnings(ctx, households: Households, *, skip: int = 0, progress: Progress | None = None) -> list[str]:
    """Warnings for the names, addresses and helpers of households not previewed in full."""
    from fupin_desktop.reports.fonts import missing_glyphs

    if isinstance(households, list | tuple) and not households:
        return []
    lines = []
    for index, (household, members, helper, _row) in enumerate(printing.household_records(ctx, households)):
        if index < skip:
            continue
        if progress and index % 100 == 0:
            progress(index, 0)
        texts = [m.name for m in members] + [household.address] + ([helper.name] if helper else [])
        for text in texts:
            missing = missing_glyphs(text)
            if missing:
                lines.append(f"户编号{household.number}：“{text}”中的“{'、'.join(missing)}”没有可用字体，"
                             "打印时显示为方框，请手工补写")
    return lines
