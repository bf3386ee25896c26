"""Printed documents (ReportLab only: plain data in, PDF out; no Qt, no dialogs, no database).

One module per document, each ``render_<doc>(data, out, *, locale="zh_CN") -> int`` (pages written; ``out``
is a path or a binary file): ``packet`` (扶贫手册), ``signoff`` (脱贫验收表), ``ledger_card`` (收支记录卡),
``mingbai`` (明白卡), ``roster`` (花名册), ``notice`` (公示/公告), ``dashboard_sheet`` (作战图). Inputs are the
dataclasses of ``reports.data``; ``batch.render_packets`` prints a village; ``checks`` lists characters no font
can print; ``bench.run_print_bench`` measures S6. Typesetting: ``fonts``, ``typesetting``, ``layout``,
``tables``, ``boxes``.
"""
