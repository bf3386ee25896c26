"""The rule set parses each ID number once: the same problems as parsing it wherever it is compared.

The reference below is the duplicate rule as it read before (``normalise_id`` called per comparison, and
``duplicate_id_numbers`` over the members); the property checks the whole rule set against it, and the
quick ASCII path of the ID cleaner against the character-by-character one.
"""

import datetime as dt
from dataclasses import replace

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fupin_desktop.domain import rules
from fupin_desktop.domain.idnumber import IdNumberError, _clean, _clean_each, parse_id_number
from fupin_desktop.domain.problems import ERROR
from fupin_desktop.domain.records import Member
from fupin_desktop.domain.rules import check_household, duplicate_id_numbers, normalise_id
from tests.domain.factories import SETTINGS, id_number, make_family
from tests.domain.test_rules import household_strategy, members_strategy

D = dt.date
# born after the computer's date but before the clock's: normalise_id (which parses with the computer's date)
# refuses it and falls back to the written form
_FUTURE = " ".join((id_number(D(2035, 5, 1), True)[:6], id_number(D(2035, 5, 1), True)[6:]))
_near_ids = st.builds(
    lambda d, male, seq, form: form(id_number(d, male, seq)),
    st.dates(D(1920, 1, 1), D(2035, 12, 31)).filter(lambda d: d.year < 2100), st.booleans(), st.integers(0, 999),
    st.sampled_from([
        str, str.lower, lambda n: n[:6] + n[8:17],  # a 15-digit legacy form
        lambda n: " ".join((n[:6], n[6:14], n[14:])), lambda n: n + "34",  # spaced; a 残疾人证号
        lambda n: "".join(chr(ord(c) + 0xFEE0) for c in n),  # full-width
        lambda n: n[:17] + "0", lambda n: n[:-1],  # wrong check character; too short
    ]),
)  # fmt: skip
_numbers = st.one_of(_near_ids, st.text(max_size=22), st.text("0123456789xX ", max_size=22))


def _reference_duplicates(c):
    """The duplicate rule with the number parsed at every comparison."""
    yield from duplicate_id_numbers([p.member for p in c.people])
    elsewhere = {normalise_id(n) for n in c.elsewhere}
    for p in c.people:
        if p.member.id_number.strip() and normalise_id(p.member.id_number) in elsewhere:
            yield p.problem(ERROR, "id_number", "id_number_in_other_household", "公民身份号码已登记在其他贫困户中")


def _reference_check(household, members, *, today, elsewhere):
    members = tuple(m for m in members if not m.deleted)
    people = tuple(rules._person(m, today) for m in members if m.active)
    c = rules._Context(household, members, people, today, SETTINGS, None, True, frozenset(elsewhere), 50.0)
    household_rules = [_reference_duplicates if r is rules._duplicates else r for r in rules.HOUSEHOLD_RULES]
    found = [problem for rule in household_rules for problem in rule(c)]
    for person in people:
        found.extend(problem for rule in rules.MEMBER_RULES for problem in rule(person))
    return found


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    household=household_strategy,
    members=st.lists(members_strategy, max_size=6),
    numbers=st.lists(_numbers, min_size=6, max_size=6),
    today=st.dates(D(2000, 1, 1), D(2040, 12, 31)),
    elsewhere=st.frozensets(_numbers, max_size=3),
    twin_form=st.sampled_from([str, str.lower, lambda n: f" {n[:6]} {n[6:]}",
                               lambda n: "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in n)]),
)
def test_rules_give_the_same_problems_as_parsing_at_every_comparison(household, members, numbers, today,
                                                                     elsewhere, twin_form):
    # repeat some numbers (in other written forms too) so that duplicates are found
    members = [replace(m, id_number=n) if i % 2 else m for i, (m, n) in enumerate(zip(members, numbers,
                                                                                          strict=False))]
    if len(members) > 2:
        members.append(replace(members[1], id="twin", deleted=False, change_type="",
                               id_number=twin_form(members[1].id_number)))
    found = check_household(household, members, today=today, settings=SETTINGS,
                            member_id_numbers_elsewhere=elsewhere)
    assert found == _reference_check(household, members, today=today, elsewhere=elsewhere)


@example(number=_FUTURE, today=D(2040, 1, 1))
@given(number=_numbers, today=st.dates(D(1990, 1, 1), D(2040, 12, 31)))
def test_a_person_carries_the_number_normalise_id_gives(number, today):
    person = rules._person(Member(id="m", household_id="h", name="某", id_number=number), today)
    assert person.normal_id == (normalise_id(number) if number.strip() else "")


def test_duplicates_found_across_written_forms():
    household, members = make_family()
    number = members[0].id_number
    twin = replace(members[0], id="twin", id_number=f" {number[:6]} {number[6:].lower()}")
    found = check_household(household, [*members, twin], today=D(2026, 3, 15), settings=SETTINGS)
    assert [p.member_id for p in found if p.code == "id_number_duplicate"] == ["twin"]


def _outcome(clean, text):
    try:
        return clean(text)
    except IdNumberError as exc:
        return ("refused", exc.reason)


@given(text=st.one_of(_numbers, st.text(st.characters(codec="ascii"), max_size=22)))
def test_quick_ascii_cleaning_equals_cleaning_each_character(text):
    assert _outcome(_clean, text) == _outcome(_clean_each, text)


def test_parse_still_refuses_with_the_exact_reason():
    for text, reason in (("11010519491231002a", "含有非法字符“a”"), ("", "身份证号码不能为空"),
                         ("1101051949123100X2", "第17位不能是X，只有最后一位校验码可以是X")):
        try:
            parse_id_number(text, today=D(2026, 1, 1))
        except IdNumberError as exc:
            assert exc.reason == reason
        else:
            raise AssertionError(text)
