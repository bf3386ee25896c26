"""Migration ``0003_read_speed``: what keeps the dashboard and search as you type fast on a county file.

Everything made here is derived from other tables, kept right by SQLite triggers (so every writer, the
``ChangeWriter``, the ``BulkLoader``, the sync merge and the spreadsheet import alike, keeps it without code
of its own), local to the installation (never synced, never in the change log) and filled for the rows
already there by the migration itself:

- ``ledger_months``: one row per household and calendar month (``'YYYY-MM'``) with the month's 家庭纯收入
  (the four income groups less 生产经营性支出; 生活消费支出 is never deducted). The daily book is
  append-only (a correction is a reversing entry with the negative amount) and nothing updates or deletes
  its rows, so one ``AFTER INSERT`` trigger keeps it exact. It is kept to that one figure because the
  trigger runs for every book line a township imports (millions): each column more costs them time.
- ``household_search``: one narrow row per household with a stable integer key ``n``: its list order
  (village, group, number), ``deleted``, and the names, pinyin initials and ID numbers of its members not
  deleted, each joined by char(31). Search confirms a household on this row alone.
- ``search_grams`` (piece, ``n``): every one- and two-character piece of those names (ASCII letters in lower
  case, as LIKE compares them) and of household numbers that are not only digits (only such a number can
  match a text that is not all digits), and char(31) + the first one and two letters of each member's
  initials. A text is looked up by its rarest piece and confirmed on ``household_search``. Pieces of names
  changed later stay behind; such a household loses its ``exact`` flag, and only a household still
  ``exact`` is taken on its piece alone (for a text of one or two characters). Only the first
  ``GRAM_TEXT_CHARS`` characters of a text are cut into pieces; a longer one adds the piece ``''``, which
  every lookup includes, and clears ``exact``.
- ``id_trigrams``: an FTS5 trigram index (external content: ``household_search``) of household numbers and
  members' ID numbers: a fragment of three characters or more anywhere in them is found without reading
  every household. Where SQLite lacks FTS5 or its trigram tokenizer (before 3.34) the table is left out
  and searching by digits reads ``household_search`` in list order (slower, same results).
- Indexes: ``idx_households_list`` (list order, id, deleted: the list and its count read the index only)
  replaces ``idx_households_order``; ``idx_members_search`` (household, deleted, name, initials, ID
  number: rebuilding a household's search row reads the index only) replaces ``idx_members_household``;
  ``idx_visits_helper`` serves the dashboard's helpers without a recent visit.

The category → sign mapping below was written out from ``domain.codes.ledger_group`` (blanks stripped, then
the first of two digits decides: 1x–4x income, 5x 生产经营性支出, 6x 生活消费支出, anything else no group)
when this migration was written. It is part of the schema now and must not follow later edits of the code
table (that needs a new migration); ``tests/storage/test_ledger_months.py`` checks that the two still agree.
"""

import sqlite3

from fupin_desktop.storage import tables as t

# ledger_group strips blanks first (Python's str.strip(): these 29 code points), so does the schema.
_BLANKS = ("char(9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198,"
           " 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)")
CODE_SQL = f"trim(category, {_BLANKS})"  # a ledger row's category as ledger_group reads it


def net_fen_sql(category: str = "category", amount: str = "amount_fen") -> str:
    """SQL of one ledger row's share of 家庭纯收入: + the four income groups (1x–4x), − 生产经营性支出 (5x),
    0 otherwise (生活消费支出 6x, unknown codes). Two plain digits are read directly; only an odd code pays for
    stripping its blanks."""
    code = CODE_SQL.replace("category", category)
    return (f"CASE WHEN {category} GLOB '[1-4][0-9]' THEN {amount} WHEN {category} GLOB '5[0-9]' THEN -{amount}"
            f" WHEN {category} GLOB '[0-9][0-9]' THEN 0 WHEN {code} GLOB '[1-4][0-9]' THEN {amount}"
            f" WHEN {code} GLOB '5[0-9]' THEN -{amount} ELSE 0 END")


LEDGER_NET_FEN_SQL = net_fen_sql()  # of a ledger row (the partial months of an accounting year)
GRAM_MAX = 2  # longest piece kept in search_grams
GRAM_TEXT_CHARS = 16  # characters of a name or number cut into pieces; a longer text also gets the piece ''

LEDGER_MONTHS_SQL = f"""
CREATE TABLE {t.LEDGER_MONTHS} (
    household_id TEXT NOT NULL,
    month TEXT NOT NULL,            -- 'YYYY-MM' of the entries' dates
    net_fen INTEGER NOT NULL,       -- the month's 家庭纯收入: income less 生产经营性支出
    PRIMARY KEY (household_id, month)
) WITHOUT ROWID;

INSERT INTO {t.LEDGER_MONTHS} (household_id, month, net_fen)
    SELECT household_id, substr(date, 1, 7), sum({LEDGER_NET_FEN_SQL})
    FROM {t.LEDGER} GROUP BY household_id, substr(date, 1, 7);

CREATE TRIGGER {t.LEDGER_MONTHS}_add AFTER INSERT ON {t.LEDGER} BEGIN
    INSERT INTO {t.LEDGER_MONTHS} (household_id, month, net_fen)
    VALUES (NEW.household_id, substr(NEW.date, 1, 7), {net_fen_sql("NEW.category", "NEW.amount_fen")})
    ON CONFLICT (household_id, month) DO UPDATE SET net_fen = net_fen + excluded.net_fen;
END;
"""

# (start, length) of every piece of up to GRAM_MAX characters within the first GRAM_TEXT_CHARS characters.
_PIECES = "(VALUES " + ", ".join(
    f"({start}, {length})" for start in range(1, GRAM_TEXT_CHARS + 1) for length in range(1, GRAM_MAX + 1)) + ")"
SEPARATOR = "\x1f"  # joins the members' names (initials, ID numbers) in household_search; char(31) in SQL
_NOT_DIGITS = "GLOB '*[^0-9]*'"  # a household number that a text other than digits can match


def _grams(text: str, source: str, condition: str) -> str:
    """The two INSERTs of the pieces of ``text`` (and of ``''`` when it is longer than GRAM_TEXT_CHARS) for
    the households ``s`` (household_search) of ``source`` that meet ``condition``."""
    return (f"INSERT OR IGNORE INTO {t.SEARCH_GRAMS} (gram, n)"
            f" SELECT DISTINCT lower(substr({text}, p.column1, p.column2)), s.n FROM {source}, {_PIECES} AS p"
            f" WHERE {condition} AND p.column1 + p.column2 - 1 <= length({text});\n"
            f"    INSERT OR IGNORE INTO {t.SEARCH_GRAMS} (gram, n)"
            f" SELECT DISTINCT '', s.n FROM {source} WHERE {condition} AND length({text}) > {GRAM_TEXT_CHARS}")


def _initials(text: str, source: str, condition: str) -> str:
    """The INSERT of char(31) + the first one and two letters of the pinyin initials ``text``."""
    return (f"INSERT OR IGNORE INTO {t.SEARCH_GRAMS} (gram, n)"
            f" SELECT DISTINCT char(31) || lower(substr({text}, 1, p.column1)), s.n FROM {source},"
            f" (VALUES {', '.join(f'({k})' for k in range(1, GRAM_MAX + 1))}) AS p"
            f" WHERE {condition} AND p.column1 <= length({text})")


def _joined(column: str, household: str = f"{t.HOUSEHOLD_SEARCH}.household_id") -> str:
    return (f"coalesce((SELECT group_concat(m.{column}, char(31)) FROM {t.MEMBERS} m"
            f" WHERE m.household_id = {household} AND m.deleted = 0), '')")


_RECOMPUTE = f"names = {_joined('name')}, initials = {_joined('name_initials')}, ids = {_joined('id_number')}"
_S = f"{t.HOUSEHOLD_SEARCH} s"


def long_number_sql(household: str) -> str:
    """SQL: the household row ``household`` has a number that is not only digits and longer than
    GRAM_TEXT_CHARS (the household is not ``exact``)."""
    return f"({household}.number {_NOT_DIGITS} AND length({household}.number) > {GRAM_TEXT_CHARS})"


_LONG_NUMBER = long_number_sql("NEW")
# Pieces of the old row that may not be true any more (a name changed, a member left or moved).
_STALE = ("(OLD.deleted = 0 AND (OLD.name IS NOT NEW.name OR OLD.name_initials IS NOT NEW.name_initials"
          " OR NEW.deleted != 0 OR OLD.household_id IS NOT NEW.household_id))")


def long_name_sql(member: str) -> str:
    """SQL: the member row ``member`` (``NEW`` in a trigger) is not deleted and its name is longer than
    GRAM_TEXT_CHARS (its household loses ``exact``)."""
    return f"({member}.deleted = 0 AND length({member}.name) > {GRAM_TEXT_CHARS})"


_LONG_NAME = long_name_sql("NEW")
_MEMBER = "s.household_id = NEW.household_id AND NEW.deleted = 0"

SEARCH_SQL = f"""
CREATE INDEX idx_members_search ON {t.MEMBERS}(household_id, deleted, name, name_initials, id_number);
DROP INDEX idx_members_household;

CREATE TABLE {t.HOUSEHOLD_SEARCH} (
    n INTEGER PRIMARY KEY,          -- stable key of the household for search_grams and id_trigrams
    household_id TEXT NOT NULL UNIQUE,
    village_id TEXT NOT NULL DEFAULT '',
    village_group TEXT NOT NULL DEFAULT '',
    number TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    names TEXT NOT NULL DEFAULT '',     -- the names of the members not deleted, joined by char(31)
    initials TEXT NOT NULL DEFAULT '',  -- their pinyin initials, joined the same way
    ids TEXT NOT NULL DEFAULT '',       -- their ID numbers, joined the same way
    exact INTEGER NOT NULL DEFAULT 1    -- 1: its pieces in search_grams are exactly those of names and number
);
CREATE INDEX idx_household_search_list
    ON {t.HOUSEHOLD_SEARCH}(village_id, village_group, number, household_id, deleted);

INSERT INTO {t.HOUSEHOLD_SEARCH} (household_id, village_id, village_group, number, deleted)
    SELECT id, village_id, village_group, number, deleted FROM {t.HOUSEHOLDS} ORDER BY rowid;
UPDATE {t.HOUSEHOLD_SEARCH} SET {_RECOMPUTE};

CREATE TABLE {t.SEARCH_GRAMS} (
    gram TEXT NOT NULL,
    n INTEGER NOT NULL,             -- household_search.n
    PRIMARY KEY (gram, n)
) WITHOUT ROWID;

{_grams("m.name", f"{t.MEMBERS} m JOIN {_S} ON s.household_id = m.household_id", "m.deleted = 0")};

{_initials("m.name_initials", f"{t.MEMBERS} m JOIN {_S} ON s.household_id = m.household_id", "m.deleted = 0")};

{_grams("s.number", _S, f"s.number {_NOT_DIGITS}")};

UPDATE {t.HOUSEHOLD_SEARCH} SET exact = 0 WHERE n IN (SELECT n FROM {t.SEARCH_GRAMS} WHERE gram = '');

CREATE TRIGGER {t.HOUSEHOLD_SEARCH}_household AFTER INSERT ON {t.HOUSEHOLDS} BEGIN
    INSERT INTO {t.HOUSEHOLD_SEARCH} (household_id, village_id, village_group, number, deleted, exact)
        VALUES (NEW.id, NEW.village_id, NEW.village_group, NEW.number, NEW.deleted, NOT {_LONG_NUMBER});
    {_grams("NEW.number", _S, f"s.household_id = NEW.id AND NEW.number {_NOT_DIGITS}")};
END;

CREATE TRIGGER {t.HOUSEHOLD_SEARCH}_household_change
    AFTER UPDATE OF village_id, village_group, number, deleted ON {t.HOUSEHOLDS} BEGIN
    UPDATE {t.HOUSEHOLD_SEARCH} SET village_id = NEW.village_id, village_group = NEW.village_group,
        number = NEW.number, deleted = NEW.deleted,
        exact = exact AND NOT {_LONG_NUMBER} AND (OLD.number IS NEW.number OR NOT OLD.number {_NOT_DIGITS})
        WHERE household_id = NEW.id;
    {_grams("NEW.number", _S, f"s.household_id = NEW.id AND NEW.number {_NOT_DIGITS}")};
END;

CREATE TRIGGER {t.HOUSEHOLD_SEARCH}_member AFTER INSERT ON {t.MEMBERS} BEGIN
    UPDATE {t.HOUSEHOLD_SEARCH} SET {_RECOMPUTE}, exact = exact AND NOT {_LONG_NAME}
        WHERE household_id = NEW.household_id;
    {_grams("NEW.name", _S, _MEMBER)};
    {_initials("NEW.name_initials", _S, _MEMBER)};
END;

CREATE TRIGGER {t.HOUSEHOLD_SEARCH}_member_change
    AFTER UPDATE OF name, name_initials, id_number, deleted, household_id ON {t.MEMBERS} BEGIN
    UPDATE {t.HOUSEHOLD_SEARCH} SET {_RECOMPUTE}, exact = exact AND NOT {_STALE} AND NOT {_LONG_NAME}
        WHERE household_id IN (NEW.household_id, OLD.household_id);
    {_grams("NEW.name", _S, _MEMBER)};
    {_initials("NEW.name_initials", _S, _MEMBER)};
END;
"""

HOUSEHOLD_TRIGGER = f"{t.HOUSEHOLD_SEARCH}_household"  # triggers a bulk load may set aside
MEMBER_TRIGGER = f"{t.HOUSEHOLD_SEARCH}_member"  # (storage.search_upkeep)


def _long_new_name(household: str, new_members: str) -> str:
    return (f"EXISTS (SELECT 1 FROM {t.MEMBERS} m WHERE m.household_id = {household} AND {new_members}"
            f" AND {long_name_sql('m')})")


def household_upkeep_sql(new_households: str, new_members: str) -> list[str]:
    """What the trigger ``household_search_household`` does for each household inserted, done once for all
    the new households ``h`` that meet ``new_households`` (a condition on ``h``), which were inserted (with
    their members ``m`` that meet ``new_members``) while neither that trigger nor ``household_search_member``
    was at work: their rows of household_search, in the order the households were inserted (so each gets the
    ``n`` the trigger would give), already with what ``household_search_member`` would then have put in
    (their members' ``_joined`` names, initials and ID numbers, ``exact`` cleared by a long name), so
    ``id_trigrams`` indexes each once; then the pieces of their numbers (``_grams``). The pieces of the
    members' names follow from :func:`member_upkeep_sql`, whose recompute leaves these rows as they are."""
    numbers = (f"(SELECT h.id, h.number FROM {t.HOUSEHOLDS} h WHERE {new_households} AND h.number {_NOT_DIGITS}"
               f" LIMIT -1) AS h JOIN {_S} ON s.household_id = h.id")
    return [
        f"INSERT INTO {t.HOUSEHOLD_SEARCH}"
        " (household_id, village_id, village_group, number, deleted, names, initials, ids, exact)"
        f" SELECT h.id, h.village_id, h.village_group, h.number, h.deleted, {_joined('name', 'h.id')},"
        f" {_joined('name_initials', 'h.id')}, {_joined('id_number', 'h.id')},"
        f" NOT {long_number_sql('h')} AND NOT {_long_new_name('h.id', new_members)}"
        f" FROM {t.HOUSEHOLDS} h WHERE {new_households} ORDER BY h.rowid",
        *statements(_grams("h.number", numbers, "1")),
    ]


def member_upkeep_sql(new: str) -> list[str]:
    """What the trigger ``household_search_member`` does for each member inserted, done once for all the new
    members ``m`` that meet ``new`` (a condition on ``m``, say a rowid range), which were inserted without
    it: their households' rows of household_search recomputed (``_RECOMPUTE``, and ``exact`` cleared when one
    of them has a long name), then the pieces of their names and initials (``_grams``, ``_initials``). The
    pieces are cut from a list of the new members not deleted made once (``LIMIT -1`` keeps SQLite from
    folding it into the join, which would read every member row again for each of the 32 pieces)."""
    members = f"{t.MEMBERS} m"
    source = (f"(SELECT m.household_id, m.name, m.name_initials FROM {members} WHERE {new} AND m.deleted = 0"
              f" LIMIT -1) AS m JOIN {_S} ON s.household_id = m.household_id")
    return [
        f"UPDATE {t.HOUSEHOLD_SEARCH} SET {_RECOMPUTE},"
        f" exact = exact AND NOT {_long_new_name(f'{t.HOUSEHOLD_SEARCH}.household_id', new)}"
        f" WHERE household_id IN (SELECT m.household_id FROM {members} WHERE {new})",
        *statements(_grams("m.name", source, "1")),
        _initials("m.name_initials", source, "1"),
    ]


TRIGRAMS_SQL = f"""
CREATE VIRTUAL TABLE {t.ID_TRIGRAMS} USING fts5(
    number, ids, content = '{t.HOUSEHOLD_SEARCH}', content_rowid = 'n', tokenize = 'trigram');

INSERT INTO {t.ID_TRIGRAMS} ({t.ID_TRIGRAMS}) VALUES ('rebuild');

CREATE TRIGGER {t.ID_TRIGRAMS}_add AFTER INSERT ON {t.HOUSEHOLD_SEARCH} BEGIN
    INSERT INTO {t.ID_TRIGRAMS} (rowid, number, ids) VALUES (NEW.n, NEW.number, NEW.ids);
END;

CREATE TRIGGER {t.ID_TRIGRAMS}_change AFTER UPDATE OF number, ids ON {t.HOUSEHOLD_SEARCH}
    WHEN OLD.number IS NOT NEW.number OR OLD.ids IS NOT NEW.ids BEGIN
    INSERT INTO {t.ID_TRIGRAMS} ({t.ID_TRIGRAMS}, rowid, number, ids) VALUES ('delete', OLD.n, OLD.number, OLD.ids);
    INSERT INTO {t.ID_TRIGRAMS} (rowid, number, ids) VALUES (NEW.n, NEW.number, NEW.ids);
END;
"""

INDEXES_SQL = f"""
DROP INDEX idx_households_order;
CREATE INDEX idx_households_list ON {t.HOUSEHOLDS}(village_id, village_group, number, id, deleted);
CREATE INDEX idx_visits_helper ON {t.VISITS}(helper_id, date);
"""


def trigram_available(db) -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (3.34 or later, FTS5 compiled in)."""
    try:
        db.execute("CREATE VIRTUAL TABLE temp.fupin_trigram_probe USING fts5(x, tokenize = 'trigram')")
    except sqlite3.OperationalError:
        return False
    db.execute("DROP TABLE temp.fupin_trigram_probe")
    return True


def m0003_read_speed(db):
    scripts = [LEDGER_MONTHS_SQL, SEARCH_SQL, INDEXES_SQL]
    if trigram_available(db):
        scripts.insert(2, TRIGRAMS_SQL)
    for script in scripts:
        for statement in statements(script):
            db.execute(statement)


def statements(script: str) -> list[str]:
    """The script's statements, trigger bodies (``BEGIN … END;``) kept whole."""
    found, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if pending.rstrip().endswith(";") and sqlite3.complete_statement(pending):
            found.append(pending.strip().rstrip(";"))
            pending = ""
    if pending.strip():
        found.append(pending.strip())
    return found
