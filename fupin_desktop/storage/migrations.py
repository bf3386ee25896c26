"""Append-only, named schema migrations (sqlite-utils ``Migrations``).

Never edit a released migration: add ``0002_…`` below it. Every released schema is kept as a fixture
database in ``tests/fixtures/`` and upgraded by the tests.
"""

from sqlite_utils.migrations import Migrations

from fupin_desktop.storage import tables as t
from fupin_desktop.storage.migrations_attach import m0004_attachments
from fupin_desktop.storage.migrations_attendance import m0007_attendance
from fupin_desktop.storage.migrations_import import m0005_import_speed
from fupin_desktop.storage.migrations_order import m0006_list_order
from fupin_desktop.storage.migrations_speed import m0003_read_speed
from fupin_desktop.storage.migrations_sync import m0002_sync

MIGRATIONS = Migrations("fupin_desktop")

SCHEMA_VERSION = 7  # number of the newest migration below

_INITIAL = f"""
CREATE TABLE {t.INSTALLATION} (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE {t.SETTINGS} (
    id TEXT PRIMARY KEY,            -- the setting's key
    value TEXT NOT NULL,            -- JSON
    updated_hlc TEXT NOT NULL DEFAULT ''
);

CREATE TABLE {t.POVERTY_LINES} (
    id TEXT PRIMARY KEY,            -- the year as text
    year INTEGER NOT NULL UNIQUE,
    line_fen INTEGER NOT NULL CHECK (line_fen > 0),
    source TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_hlc TEXT NOT NULL DEFAULT ''
);

CREATE TABLE {t.VILLAGES} (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) = 12),
    name TEXT NOT NULL,
    province TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    county TEXT NOT NULL DEFAULT '',
    township TEXT NOT NULL DEFAULT '',
    groups TEXT NOT NULL DEFAULT '[]',
    rural_population INTEGER NOT NULL DEFAULT 0,
    is_poor_village INTEGER NOT NULL DEFAULT 1,
    planned_exit_year INTEGER,
    exit_year INTEGER,
    first_secretary TEXT NOT NULL DEFAULT '',
    first_secretary_phone TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_hlc TEXT NOT NULL DEFAULT ''
);

CREATE TABLE {t.HOUSEHOLDS} (
    id TEXT PRIMARY KEY,
    village_id TEXT NOT NULL REFERENCES {t.VILLAGES}(id),
    number TEXT NOT NULL DEFAULT '',
    village_group TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    bank TEXT NOT NULL DEFAULT '',
    bank_account TEXT NOT NULL DEFAULT '',
    standard TEXT NOT NULL DEFAULT '1',
    attribute TEXT NOT NULL DEFAULT '1',
    main_cause TEXT NOT NULL DEFAULT '',
    other_causes TEXT NOT NULL DEFAULT '[]',
    identified_on TEXT,
    planned_exit_year INTEGER,
    exit_year INTEGER,
    exit_status TEXT NOT NULL DEFAULT '0',
    military_family INTEGER NOT NULL DEFAULT 0,
    only_child INTEGER NOT NULL DEFAULT 0,
    two_daughters INTEGER NOT NULL DEFAULT 0,
    farmland_mu REAL NOT NULL DEFAULT 0,
    irrigated_mu REAL NOT NULL DEFAULT 0,
    forest_mu REAL NOT NULL DEFAULT 0,
    returned_farmland_mu REAL NOT NULL DEFAULT 0,
    fruit_mu REAL NOT NULL DEFAULT 0,
    pasture_mu REAL NOT NULL DEFAULT 0,
    water_surface_mu REAL NOT NULL DEFAULT 0,
    road_distance_km REAL NOT NULL DEFAULT 0,
    road_type TEXT NOT NULL DEFAULT '',
    house_area REAL,
    house_rating TEXT NOT NULL DEFAULT '',
    relocation_keys_handed INTEGER NOT NULL DEFAULT 0,
    power_living INTEGER NOT NULL DEFAULT 1,
    power_production INTEGER NOT NULL DEFAULT 0,
    broadcast_tv INTEGER NOT NULL DEFAULT 1,
    water_difficulty INTEGER,
    water_safe INTEGER,
    fuel TEXT NOT NULL DEFAULT '',
    sanitary_toilet INTEGER,
    cooperative INTEGER NOT NULL DEFAULT 0,
    food_secure INTEGER NOT NULL DEFAULT 1,
    clothing_secure INTEGER NOT NULL DEFAULT 1,
    relocation_mode TEXT NOT NULL DEFAULT '',
    relocation_settlement TEXT NOT NULL DEFAULT '',
    relocation_place TEXT NOT NULL DEFAULT '',
    monitor_type TEXT NOT NULL DEFAULT '',
    risk_types TEXT NOT NULL DEFAULT '[]',
    risk_cleared_on TEXT,
    risk_clear_method TEXT NOT NULL DEFAULT '',
    colour_override TEXT NOT NULL DEFAULT '',
    colour_override_reason TEXT NOT NULL DEFAULT '',
    warnings_note TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    deleted_reason TEXT NOT NULL DEFAULT '',
    -- derived caches, recomputed locally (services/derived.py), not synced and not in the change log:
    head_name TEXT NOT NULL DEFAULT '',
    people INTEGER NOT NULL DEFAULT 0,
    exit_step TEXT NOT NULL DEFAULT '',
    colour TEXT NOT NULL DEFAULT 'red',
    problem_errors INTEGER NOT NULL DEFAULT 0,
    problem_warnings INTEGER NOT NULL DEFAULT 0,
    updated_hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_households_village ON {t.HOUSEHOLDS}(village_id);
CREATE INDEX idx_households_number ON {t.HOUSEHOLDS}(number);
CREATE INDEX idx_households_colour ON {t.HOUSEHOLDS}(colour);
CREATE INDEX idx_households_order ON {t.HOUSEHOLDS}(village_id, village_group, number);

CREATE TABLE {t.MEMBERS} (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES {t.HOUSEHOLDS}(id),
    name TEXT NOT NULL,
    name_initials TEXT NOT NULL DEFAULT '',   -- pinyin initials, for search ("zsf")
    id_number TEXT NOT NULL DEFAULT '',
    relation TEXT NOT NULL DEFAULT '',
    sex TEXT NOT NULL DEFAULT '',
    birth_date TEXT,
    ethnicity TEXT NOT NULL DEFAULT '01',
    political TEXT NOT NULL DEFAULT '13',
    education TEXT NOT NULL DEFAULT '',
    schooling TEXT NOT NULL DEFAULT '01',
    health TEXT NOT NULL DEFAULT '01',
    disability_category TEXT NOT NULL DEFAULT '',
    disability_grade TEXT NOT NULL DEFAULT '',
    labour TEXT NOT NULL DEFAULT '',
    work_status TEXT NOT NULL DEFAULT '',
    work_months INTEGER NOT NULL DEFAULT 0,
    medical_insurance INTEGER NOT NULL DEFAULT 1,
    serious_illness_insurance INTEGER NOT NULL DEFAULT 1,
    pension_insurance INTEGER NOT NULL DEFAULT 0,
    commercial_insurance INTEGER NOT NULL DEFAULT 0,
    dibao INTEGER NOT NULL DEFAULT 0,
    tekun INTEGER NOT NULL DEFAULT 0,
    phone TEXT NOT NULL DEFAULT '',
    change_type TEXT NOT NULL DEFAULT '',
    change_date TEXT,
    change_note TEXT NOT NULL DEFAULT '',
    seq INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_members_household ON {t.MEMBERS}(household_id);
CREATE INDEX idx_members_id_number ON {t.MEMBERS}(id_number);
CREATE INDEX idx_members_initials ON {t.MEMBERS}(name_initials);

CREATE TABLE {t.HELPERS} (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    affiliation TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    id_number TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    is_work_team INTEGER NOT NULL DEFAULT 0,
    accountability_mark TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_hlc TEXT NOT NULL DEFAULT ''
);

CREATE TABLE {t.PAIRINGS} (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES {t.HOUSEHOLDS}(id),
    helper_id TEXT NOT NULL REFERENCES {t.HELPERS}(id),
    start_date TEXT NOT NULL,
    end_date TEXT,
    reason TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_pairings_household ON {t.PAIRINGS}(household_id);
CREATE INDEX idx_pairings_helper ON {t.PAIRINGS}(helper_id);

-- The daily book is itself an append-only log: each row carries its own stamp, device, operator and
-- reason, so it is not repeated in the change log. Corrections are reversing rows.
CREATE TABLE {t.LEDGER} (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES {t.HOUSEHOLDS}(id),
    date TEXT NOT NULL,
    category TEXT NOT NULL,
    amount_fen INTEGER NOT NULL,
    quantity REAL,
    unit TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL DEFAULT '',
    reverses TEXT NOT NULL DEFAULT '',
    hlc TEXT NOT NULL,
    device TEXT NOT NULL DEFAULT '',
    operator TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_ledger_household_date ON {t.LEDGER}(household_id, date);
CREATE INDEX idx_ledger_hlc ON {t.LEDGER}(hlc);
CREATE INDEX idx_ledger_date ON {t.LEDGER}(date, household_id, category, amount_fen);

CREATE TABLE {t.MEASURES} (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES {t.HOUSEHOLDS}(id),
    kind TEXT NOT NULL CHECK (kind IN ('plan', 'delivered')),
    category TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    scale TEXT NOT NULL DEFAULT '',
    funds_fen INTEGER NOT NULL DEFAULT 0,
    due_date TEXT,
    date TEXT,
    unit TEXT NOT NULL DEFAULT '',
    signed INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_measures_household ON {t.MEASURES}(household_id);

CREATE TABLE {t.VISITS} (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES {t.HOUSEHOLDS}(id),
    date TEXT NOT NULL,
    visitor TEXT NOT NULL DEFAULT '',
    helper_id TEXT NOT NULL DEFAULT '',
    findings TEXT NOT NULL DEFAULT '',
    promises TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_visits_household ON {t.VISITS}(household_id, date);

CREATE TABLE {t.EXIT_STEPS} (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES {t.HOUSEHOLDS}(id),
    step TEXT NOT NULL,
    date TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT 'done',
    round INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_exit_steps_household ON {t.EXIT_STEPS}(household_id);

-- One row per changed field (field '*' for a whole new row, as JSON). Append-only.
CREATE TABLE {t.CHANGELOG} (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL,
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    old TEXT,
    new TEXT,
    hlc TEXT NOT NULL,
    device TEXT NOT NULL,
    operator TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT ''   -- '' local edit; 'import:<bundle>' or 'xlsx:<file>' …
);
CREATE INDEX idx_changelog_row ON {t.CHANGELOG}(tbl, row_id);
CREATE INDEX idx_changelog_hlc ON {t.CHANGELOG}(hlc);
"""


@MIGRATIONS(name="0001_initial")
def m0001_initial(db):
    for statement in _INITIAL.split(";\n"):
        if statement.strip():
            db.execute(statement)


# 0002_sync: the tables of USB sync (storage/migrations_sync.py), local to each installation.
MIGRATIONS(name="0002_sync")(m0002_sync)

# 0003_read_speed: per-month ledger sums, search pieces and trigrams, list indexes (storage/migrations_speed.py).
MIGRATIONS(name="0003_read_speed")(m0003_read_speed)

# 0004_attachments: visit photos and exit-step papers, blobs by SHA-256 and syncable links (storage/migrations_attach.py).
MIGRATIONS(name="0004_attachments")(m0004_attachments)

# 0005_import_speed: the book's date index, which no query reads any more, dropped (storage/migrations_import.py).
MIGRATIONS(name="0005_import_speed")(m0005_import_speed)

# 0006_list_order: the list in 户编号 order (its indexes), and undo's lookup by op id (storage/migrations_order.py).
MIGRATIONS(name="0006_list_order")(m0006_list_order)

# 0007_attendance: 驻村 attendance, days in the village per helper and month, syncable (storage/migrations_attendance.py).
MIGRATIONS(name="0007_attendance")(m0007_attendance)
