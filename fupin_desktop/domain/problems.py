"""Problems found by the data-quality rules (问题数据), exit checks and setting validators.

A problem is an *error* (saving is refused) or a *warning* (saving is allowed with a note). ``field`` names the
record attribute concerned as ``"household.<attr>"`` / ``"member.<attr>"`` (or ``"ledger"``, ``"helper.<attr>"``,
``"household.helper"``) so a form can show the message beside the widget; ``code`` is a stable rule id for
tests, filters and translations; ``message`` is the Chinese sentence shown to the person.
"""

from collections.abc import Iterable
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
LEVELS = (ERROR, WARNING)


@dataclass(frozen=True)
class Problem:
    level: str  # "error" | "warning"
    field: str  # "household.main_cause", "member.health", "household.helper", "ledger" …
    code: str  # stable rule code, e.g. "cause_illness_all_healthy"
    message: str  # Chinese sentence for the person, naming the member when it concerns one
    member_id: str = ""

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == ERROR]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == WARNING]


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.level == ERROR for p in problems)
