"""Table names, spelled once."""

VILLAGES = "villages"
HOUSEHOLDS = "households"
MEMBERS = "members"
HELPERS = "helpers"
PAIRINGS = "pairings"
LEDGER = "ledger"
MEASURES = "measures"
VISITS = "visits"
EXIT_STEPS = "exit_steps"
ATTACHMENTS = "attachments"  # links from a visit or exit step to a file (migration 0004), syncable
ATTENDANCE = "attendance"  # 驻村 days per helper and month (migration 0007), syncable
ATTACHMENT_BLOBS = "attachment_blobs"  # the files by SHA-256: local, not in the change log; carried in bundles
POVERTY_LINES = "poverty_lines"
SETTINGS = "settings"
CHANGELOG = "changelog"
INSTALLATION = "installation"  # local to this installation, never synced (device id, keys, …)

# Tables whose rows travel in USB bundles and whose writes go through the change log.
SYNCABLE = (
    VILLAGES, HOUSEHOLDS, MEMBERS, HELPERS, PAIRINGS, LEDGER, MEASURES, VISITS, EXIT_STEPS,
    POVERTY_LINES, SETTINGS, ATTACHMENTS, ATTENDANCE,
)
# Parent of each child table (column, parent table), used by merge and integrity checks.
PARENTS = {
    HOUSEHOLDS: ("village_id", VILLAGES),
    MEMBERS: ("household_id", HOUSEHOLDS),
    PAIRINGS: ("household_id", HOUSEHOLDS),
    LEDGER: ("household_id", HOUSEHOLDS),
    MEASURES: ("household_id", HOUSEHOLDS),
    VISITS: ("household_id", HOUSEHOLDS),
    EXIT_STEPS: ("household_id", HOUSEHOLDS),
    ATTACHMENTS: ("household_id", HOUSEHOLDS),
    ATTENDANCE: ("helper_id", HELPERS),
}

# Columns of households that are local derived caches: never synced, never in the change log.
HOUSEHOLD_DERIVED = ("head_name", "people", "exit_step", "colour", "problem_errors", "problem_warnings")

# Local derived tables kept by triggers (migration 0003_read_speed): never synced, never in the change log.
LEDGER_MONTHS = "ledger_months"  # per household and month: the daily book's sums per group
HOUSEHOLD_SEARCH = "household_search"  # one narrow row per household: list order, names, initials, ID numbers
SEARCH_GRAMS = "search_grams"  # one- and two-character pieces of names (and odd household numbers) → household
ID_TRIGRAMS = "id_trigrams"  # FTS5 trigram index of household_search's numbers and ID numbers
