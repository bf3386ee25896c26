"""Configurable values (poverty lines, colour mapping, accounting year, divisor, 公示 days), audited."""

import json

from fupin_desktop.domain.codes import COLOUR, EXIT_STATUS
from fupin_desktop.domain.colours import SAFETY_NET
from fupin_desktop.domain.records import Settings
from fupin_desktop.services import derived
from fupin_desktop.services.changes import Changes
from fupin_desktop.services.errors import ValidationError
from fupin_desktop.storage import tables as t


def _validate(key: str, value) -> None:
    defaults = Settings()
    if not hasattr(defaults, key):
        raise ValidationError(f"没有名为“{key}”的设置项。")
    if key == "colour_mapping":
        if not isinstance(value, dict) or any(
                (k not in EXIT_STATUS and k != SAFETY_NET) or v not in COLOUR for k, v in value.items()):
            raise ValidationError("颜色对应关系无效：脱贫状态或颜色不存在。")
    elif key == "accounting_year_start_month" and not (isinstance(value, int) and 1 <= value <= 12):
        raise ValidationError("账本年度起始月份应在1–12之间。")
    elif key == "accounting_year_start_day" and not (isinstance(value, int) and 1 <= value <= 28):
        raise ValidationError("账本年度起始日应在1–28之间。")
    elif key == "income_divisor" and value not in ("registered", "resident"):
        raise ValidationError("人均收入的人口口径只能是户籍人口或常住人口。")
    elif key == "publicity_days" and not (isinstance(value, int) and 1 <= value <= 60):
        raise ValidationError("公示天数应在1–60天之间。")
    elif key == "mode" and value not in ("village", "township"):
        raise ValidationError("工作模式只能是村或乡镇。")
    elif isinstance(getattr(defaults, key), int) and not isinstance(value, int):
        raise ValidationError(f"设置项“{key}”应为整数。")


def set_setting(ctx, key: str, value, *, reason: str = "") -> Changes:
    _validate(key, value)
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
    exists = ctx.db.execute(f"SELECT value FROM {t.SETTINGS} WHERE id = ?", [key]).fetchone()
    with ctx.write() as w:
        if exists is None:
            w.insert(t.SETTINGS, {"id": key, "value": encoded}, reason=reason or "修改设置")
        else:
            w.update(t.SETTINGS, key, {"value": encoded}, reason=reason or "修改设置")
        ctx._settings = None
        if key in ("colour_mapping", "accounting_year_start_month", "accounting_year_start_day"):
            derived.refresh(ctx)  # every household's colour and problems follow the new setting
    ctx._settings = None
    return Changes.from_writer(w)


def set_poverty_line(ctx, year: int, line_fen: int, source: str, *, reason: str = "") -> Changes:
    if not 2000 <= year <= 2100:
        raise ValidationError("年度应在2000–2100之间。")
    if line_fen <= 0:
        raise ValidationError("贫困线必须大于0。")
    if not source.strip():
        raise ValidationError("请填写贫困线的依据（文件或来源）。")
    exists = ctx.db.execute(f"SELECT 1 FROM {t.POVERTY_LINES} WHERE id = ?", [str(year)]).fetchone()
    with ctx.write() as w:
        values = {"year": year, "line_fen": line_fen, "source": source.strip(), "deleted": 0}
        if exists:
            w.update(t.POVERTY_LINES, str(year), values, reason=reason or "修改贫困线")
        else:
            w.insert(t.POVERTY_LINES, {"id": str(year), **values}, reason=reason or "新增贫困线")
    return Changes.from_writer(w)
