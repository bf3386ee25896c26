"""What the derived tables of migration 0003 must hold, recomputed in Python from the real rows."""

from collections import defaultdict

from fupin_desktop.domain.codes import ledger_group

SEP = "\x1f"
INCOME = ("wage", "production", "property", "transfer")


def net_of(category: str, amount: int) -> int:
    """A book line's share of 家庭纯收入, as domain.codes.ledger_group says."""
    try:
        group = ledger_group(category)
    except ValueError:
        return 0
    return amount if group in INCOME else -amount if group == "production_expense" else 0


def expected_ledger_months(db) -> dict[tuple[str, str], int]:
    """(household, 'YYYY-MM') → 家庭纯收入 of the month, from the ledger itself."""
    totals: dict = defaultdict(int)
    for household_id, date, category, amount in db.execute(
            "SELECT household_id, date, category, amount_fen FROM ledger"):
        totals[(household_id, date[:7])] += net_of(category, amount)
    return dict(totals)


def stored_ledger_months(db) -> dict[tuple[str, str], int]:
    return {(row[0], row[1]): row[2] for row in db.execute("SELECT household_id, month, net_fen FROM ledger_months")}


def expected_household_search(db) -> dict[str, tuple]:
    """household id → (village, group, number, deleted, sorted names, sorted initials, sorted ID numbers)."""
    members = defaultdict(list)
    for household_id, name, initials, id_number in db.execute(
            "SELECT household_id, name, name_initials, id_number FROM members WHERE deleted = 0"):
        members[household_id].append((name, initials, id_number))
    found = {}
    for household_id, village, group, number, deleted in db.execute(
            "SELECT id, village_id, village_group, number, deleted FROM households"):
        people = members.get(household_id, [])
        found[household_id] = (village, group, number, deleted, sorted(p[0] for p in people),
                               sorted(p[1] for p in people), sorted(p[2] for p in people))
    return found


def stored_household_search(db) -> dict[str, tuple]:
    def split(text):
        return sorted(text.split(SEP)) if text else []

    return {row[0]: (*row[1:5], split(row[5]), split(row[6]), split(row[7])) for row in db.execute(
        "SELECT household_id, village_id, village_group, number, deleted, names, initials, ids"
        " FROM household_search")}


def missing_grams(db) -> list[tuple[str, str]]:
    """(gram, household) pairs that search_grams must hold (pieces of current names, initials' starts and
    household numbers that are not only digits) but does not."""
    stored = set(db.execute("SELECT gram, n FROM search_grams").fetchall())
    keys = dict(db.execute("SELECT household_id, n FROM household_search").fetchall())
    wanted = set()

    def pieces(text):
        folded = "".join(c.lower() if c.isascii() else c for c in text)
        if len(folded) > 16:
            yield ""
        folded = folded[:16]
        for i in range(len(folded)):
            yield folded[i]
            if i + 1 < len(folded):
                yield folded[i:i + 2]

    for household_id, name, initials in db.execute(
            "SELECT household_id, name, name_initials FROM members WHERE deleted = 0"):
        wanted |= {(p, keys[household_id]) for p in pieces(name)}
        folded = initials.lower()
        wanted |= {(SEP + folded[:k], keys[household_id]) for k in (1, 2) if len(folded) >= k}
    for household_id, number in db.execute("SELECT id, number FROM households"):
        if not number.isdigit() and number:
            wanted |= {(p, keys[household_id]) for p in pieces(number)}
    return sorted(wanted - stored)


def exact_households_with_stale_grams(db) -> list[str]:
    """Households marked ``exact`` that have a piece in search_grams which none of their texts has now."""
    grams = defaultdict(set)
    for gram, n in db.execute("SELECT gram, n FROM search_grams"):
        grams[n].add(gram)
    texts, starts = defaultdict(list), defaultdict(set)
    for household_id, name, initials in db.execute(
            "SELECT household_id, name, name_initials FROM members WHERE deleted = 0"):
        texts[household_id].append(name)
        starts[household_id] |= {SEP + initials.lower()[:k] for k in (1, 2)}
    for household_id, number in db.execute("SELECT id, number FROM households"):
        if not number.isdigit():
            texts[household_id].append(number)
    stale = []
    for n, household_id in db.execute("SELECT n, household_id FROM household_search WHERE exact = 1"):
        folded = ["".join(c.lower() if c.isascii() else c for c in text) for text in texts[household_id]]
        for gram in grams[n]:
            if not (gram in starts[household_id] if gram.startswith(SEP)
                    else gram and any(gram in text for text in folded)):
                stale.append(household_id)
                break
    return stale
