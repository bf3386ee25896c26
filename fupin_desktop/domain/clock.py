"""Injected time: a wall clock for "today" and a hybrid logical clock for change stamps.

A hybrid logical clock (HLC) stamp is ``"<wall ms:013d>.<counter:04d>.<device>"``: it sorts as text, never
goes backwards on one device even when the laptop's date is changed, and moves past any stamp it has seen
(from an imported bundle), so a village laptop with a wrong date cannot reorder history.
"""

import datetime as dt
import time
from dataclasses import dataclass
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime: ...

    def today(self) -> dt.date: ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now()

    def today(self) -> dt.date:
        return dt.date.today()


@dataclass
class FixedClock:
    """A clock for tests and the demo: it stands still unless advanced."""

    moment: dt.datetime

    def now(self) -> dt.datetime:
        return self.moment

    def today(self) -> dt.date:
        return self.moment.date()

    def advance(self, **delta) -> None:
        self.moment = self.moment + dt.timedelta(**delta)


def format_stamp(wall_ms: int, counter: int, device: str) -> str:
    return f"{wall_ms:013d}.{counter:04d}.{device}"


def parse_stamp(stamp: str) -> tuple[int, int, str]:
    wall, counter, device = stamp.split(".", 2)
    return int(wall), int(counter), device


class HybridClock:
    """Issues strictly increasing stamps for one device."""

    def __init__(self, device_id: str, wall_ms=None, last: str = ""):
        self.device_id = device_id
        self._wall_ms = wall_ms or (lambda: int(time.time() * 1000))
        self._last_wall = 0
        self._counter = 0
        if last:
            self.observe(last)

    def tick(self) -> str:
        wall = self._wall_ms()
        if wall > self._last_wall:
            self._last_wall, self._counter = wall, 0
        else:
            self._counter += 1
        return format_stamp(self._last_wall, self._counter, self.device_id)

    def observe(self, stamp: str) -> None:
        """Move past a stamp seen from elsewhere (or stored earlier)."""
        wall, counter, _device = parse_stamp(stamp)
        if (wall, counter) > (self._last_wall, self._counter):
            self._last_wall, self._counter = wall, counter
