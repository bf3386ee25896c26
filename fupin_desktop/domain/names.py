"""Pinyin initials of Chinese names, for search-as-you-type ("zsf" finds 张三丰)."""

from functools import lru_cache


@lru_cache(maxsize=20000)
def _char_initial(char: str) -> str:
    from pypinyin import Style, lazy_pinyin

    if char.isascii():
        return char.lower() if char.isalnum() else ""
    letters = lazy_pinyin(char, style=Style.FIRST_LETTER, errors="ignore")
    return letters[0][:1].lower() if letters and letters[0] else ""


def name_initials(name: str) -> str:
    """Initials of each character's pinyin (surname polyphones such as 单 read as in common names)."""
    return "".join(_char_initial(c) for c in name)
