"""帮扶计划 and measures delivered (一户一策), and the visit log (走访记录)."""

import dataclasses
import datetime as dt

from fupin_desktop.domain import records as r
from fupin_desktop.domain.codes import MEASURE_CATEGORY
from fupin_desktop.services.changes import Changes
from fupin_desktop.services.errors import NotFoundError, ValidationError
from fupin_desktop.storage import repository as repo
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.mapping import to_row, values_to_row

MICROCREDIT_LIMIT_FEN = 5_000_000  # 扶贫小额信贷 ≤ 5万元


def _check_household(ctx, household_id):
    household = repo.get(ctx.db, r.Household, household_id)
    if household is None or household.deleted:
        raise NotFoundError("找不到这户档案。")


def _check_measure(ctx, m: r.Measure) -> None:
    if m.kind not in ("plan", "delivered"):
        raise ValidationError("帮扶措施类型只能是“计划”或“已落实”。")
    if m.category not in MEASURE_CATEGORY:
        raise ValidationError("请选择帮扶措施类别。")
    if not m.title.strip():
        raise ValidationError("请填写项目名称或内容。")
    if m.funds_fen < 0:
        raise ValidationError("扶持资金不能为负数。")
    if m.kind == "delivered" and m.date is None:
        raise ValidationError("已落实的措施请填写落实日期。")
    if m.date and m.date > ctx.clock.today():
        raise ValidationError("落实日期不能晚于今天。")
    if "小额信贷" in m.title and m.funds_fen > MICROCREDIT_LIMIT_FEN:
        raise ValidationError("扶贫小额信贷每户不超过5万元。")


def add_measure(ctx, household_id: str, values: dict, *, reason: str = "") -> tuple[str, Changes]:
    _check_household(ctx, household_id)
    measure = r.Measure(id="", household_id=household_id, **values)
    _check_measure(ctx, measure)
    row = to_row(measure)
    del row["id"]
    with ctx.write() as w:
        measure_id = w.insert(t.MEASURES, row, reason=reason or "登记帮扶措施")
    return measure_id, Changes.from_writer(w, [household_id])


def update_measure(ctx, measure_id: str, values: dict, *, reason: str = "") -> tuple[dict, Changes]:
    measure = repo.get(ctx.db, r.Measure, measure_id)
    if measure is None or measure.deleted:
        raise NotFoundError("找不到这条帮扶措施。")
    _check_measure(ctx, dataclasses.replace(measure, **values))
    with ctx.write() as w:
        changed = w.update(t.MEASURES, measure_id, values_to_row(r.Measure, values), reason=reason)
    return changed, Changes.from_writer(w, [measure.household_id])


def measures_of(ctx, household_id: str) -> list[r.Measure]:
    return repo.select(ctx.db, r.Measure, "household_id = ? AND deleted = 0", [household_id],
                       order_by="kind DESC, coalesce(date, due_date), rowid")


def add_visit(ctx, household_id: str, *, date: dt.date, visitor: str, findings: str = "",
              promises: str = "", helper_id: str = "") -> tuple[str, Changes]:
    _check_household(ctx, household_id)
    if not visitor.strip():
        raise ValidationError("请填写走访人。")
    if date > ctx.clock.today():
        raise ValidationError("走访日期不能晚于今天。")
    if not (findings.strip() or promises.strip()):
        raise ValidationError("请填写走访发现的情况或承诺解决的事项。")
    visit = r.Visit(id="", household_id=household_id, date=date, visitor=visitor.strip(), helper_id=helper_id,
                    findings=findings.strip(), promises=promises.strip())
    row = to_row(visit)
    del row["id"]
    with ctx.write() as w:
        visit_id = w.insert(t.VISITS, row, reason="走访记录")
    return visit_id, Changes.from_writer(w, [household_id])


def visits_of(ctx, household_id: str) -> list[r.Visit]:
    return repo.select(ctx.db, r.Visit, "household_id = ? AND deleted = 0", [household_id], order_by="date DESC")
