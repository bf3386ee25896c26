"""The TableStyle commands ``grid.Grid`` understands, resolved into per-cell styles once per kind of table."""

from itertools import chain

from reportlab.lib.colors import Color

LINE_OPS = frozenset(("GRID", "BOX", "OUTLINE", "INNERGRID", "LINEABOVE", "LINEBELOW", "LINEBEFORE", "LINEAFTER"))
CELL_OPS = frozenset(("FONT", "ALIGN", "VALIGN", "LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING"))
# Table's CellStyle defaults: font, size, leading, align, valign, left, right, top, bottom padding
DEFAULTS = ("Helvetica", 10, 12, "LEFT", "BOTTOM", 6, 6, 3, 3)
_PROP = {"ALIGN": 3, "VALIGN": 4, "LEFTPADDING": 5, "RIGHTPADDING": 6, "TOPPADDING": 7, "BOTTOMPADDING": 8}


def norm(index: int, count: int) -> int:
    return index + count if index < 0 else index


def supports(commands, cells) -> bool:
    """True when ``Grid`` draws this table exactly as ``Table`` would (the commands and cells the forms use)."""
    for cmd in commands:
        op = cmd[0]
        if op in CELL_OPS or op == "BACKGROUND" and isinstance(cmd[3], (Color, str)):
            continue
        if op in LINE_OPS and len(cmd) == 5:
            continue
        if op == "SPAN" and norm(cmd[1][1], len(cells)) == norm(cmd[2][1], len(cells)):
            continue
        return False
    return not any(issubclass(t, (list, tuple)) for t in set(map(type, chain.from_iterable(cells))))


def resolve(commands, nrows: int, ncols: int) -> list[list[list]]:
    """Per property (see ``DEFAULTS``), per row, per column: the cell styles after every command.

    Remembered: every household's tables repeat the same commands on the same number of rows. The lists
    returned are shared and never changed."""
    key = (tuple(commands), nrows, ncols)
    try:
        return _resolved[key]
    except KeyError:
        pass
    except TypeError:  # a command holding something unhashable
        return _resolve_now(commands, nrows, ncols)
    if len(_resolved) > 1024:
        _resolved.clear()
    props = _resolved[key] = _resolve_now(commands, nrows, ncols)
    return props


_resolved: dict[tuple, list] = {}


def _resolve_now(commands, nrows: int, ncols: int) -> list[list[list]]:
    props: list = list(DEFAULTS)  # a scalar while the property is uniform, else rows of values

    def assign(k: int, value, sr: int, er: int, sc: int, ec: int) -> None:
        if sr == 0 and sc == 0 and er == nrows - 1 and ec == ncols - 1:
            props[k] = value  # the whole table: the property is uniform again
            return
        if not isinstance(props[k], list):
            props[k] = [[props[k]] * ncols for _ in range(nrows)]
        values = [value] * (ec - sc + 1)
        for r in range(sr, er + 1):
            props[k][r][sc:ec + 1] = values

    for cmd in commands:
        op = cmd[0]
        if op not in CELL_OPS:
            continue
        if cmd[1] == (0, 0) and cmd[2] == (-1, -1):
            sc, sr, ec, er = 0, 0, ncols - 1, nrows - 1
        else:
            (sc, sr), (ec, er) = cmd[1], cmd[2]
            sc, ec, sr, er = norm(sc, ncols), norm(ec, ncols), norm(sr, nrows), norm(er, nrows)
        if op == "FONT":
            assign(0, cmd[3], sr, er, sc, ec)
            if len(cmd) > 4:
                assign(1, cmd[4], sr, er, sc, ec)
                assign(2, cmd[5] if len(cmd) > 5 else cmd[4] * 1.2, sr, er, sc, ec)
        else:
            value = cmd[3]
            if op == "ALIGN" and value == "CENTRE":
                value = "CENTER"
            assign(_PROP[op], value, sr, er, sc, ec)
    return [p if isinstance(p, list) else [[p] * ncols] * nrows for p in props]
