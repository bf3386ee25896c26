"""The line at the top of the household editor: who the household is, where it stands, unsaved or not."""

from fupin_desktop.domain.codes import COLOUR, EXIT_STATUS
from fupin_desktop.i18n.translate import _

COLOUR_HEX = {"red": "#d32f2f", "blue": "#1565c0", "green": "#2e7d32", "yellow": "#f9a825"}


def window_title(head: str, new: bool, dirty: bool) -> str:
    title = _("{head}户").format(head=head) if head else (_("新建贫困户档案") if new else _("贫困户档案"))
    return ("* " if dirty else "") + title


def header_html(household, members, *, colour: str, new: bool, dirty: bool) -> str:
    """Rich text: head's name in bold, then number, group, people, status, deadline and a colour chip."""
    head = next((m.name for m in members if m.relation == "01" and m.active), "")
    parts = [f"<b style='font-size:16px'>{window_title(head, new, False)}</b>"]
    if colour:
        chip = COLOUR_HEX.get(colour, "#777777")
        parts[0] = f"<span style='color:{chip}; font-size:16px'>●</span> " + parts[0]
    if household.number:
        parts.append(_("户编号 {number}").format(number=household.number))
    if household.village_group:
        parts.append(household.village_group)
    parts.append(_("{n}人").format(n=sum(1 for m in members if m.active)))
    status = EXIT_STATUS.label(household.exit_status)
    if colour:
        status += f"（{COLOUR.label(colour)}）"
    parts.append(status)
    if household.planned_exit_year:
        parts.append(_("计划{year}年脱贫").format(year=household.planned_exit_year))
    if dirty:
        parts.append(f"<span style='color:#b26a00'>{_('有未保存的修改')}</span>")
    return " · ".join(parts)


def undo_text(preview) -> str:
    """What Ctrl+Z would do (``services.undo.UndoPreview``), or why it cannot."""
    if preview is None:
        return _("没有可以撤销的修改")
    if preview.refused:
        return preview.refused
    return _("撤销 {when} {operator}的修改：{reason}").format(
        when=preview.when.strftime("%m-%d %H:%M"),
        operator=preview.operator,
        reason=preview.reason or _("修改档案"),
    )
