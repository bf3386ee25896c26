"""Colours shared by the input widgets (errors red, warnings amber, hints grey)."""

ERROR_COLOUR = "#c62828"
WARNING_COLOUR = "#b26a00"
HINT_COLOUR = "#6b6b6b"
OK_COLOUR = "#2e7d32"

LEVEL_COLOURS = {"error": ERROR_COLOUR, "warning": WARNING_COLOUR, "hint": HINT_COLOUR, "ok": OK_COLOUR}

# A line edit that holds text it refuses: a red frame (selectors keep the rule on this widget only).
INVALID_STYLE = "border: 1px solid #c62828; background: #fff3f3;"
WARNING_STYLE = "border: 1px solid #d68a00; background: #fff9ec;"


def label_style(level: str) -> str:
    return f"color: {LEVEL_COLOURS.get(level, HINT_COLOUR)};"
