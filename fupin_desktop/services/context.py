"""The application context both faces use: database, clock, hybrid clock, operator, settings, paths."""

import json
import os
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fupin_desktop.domain.clock import Clock, HybridClock, SystemClock
from fupin_desktop.domain.records import DEFAULT_POVERTY_LINES, PovertyLine, Settings
from fupin_desktop.storage import tables as t
from fupin_desktop.storage.changelog import ChangeWriter
from fupin_desktop.storage.database import open_database

DB_FILE_NAME = "fupin.sqlite"
ENV_DATA_DIR = "FUPIN_DATA_DIR"


def default_data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("fupin_desktop", appauthor=False))


@dataclass
class AppContext:
    db: object  # sqlite_utils.Database, used only on the thread that opened it
    data_dir: Path
    clock: Clock = field(default_factory=SystemClock)
    operator: str = ""
    hlc: HybridClock | None = None
    _settings: Settings | None = None

    @property
    def device_id(self) -> str:
        return self.hlc.device_id

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILE_NAME

    @contextmanager
    def write(self, *, source: str = ""):
        """One transaction and one change writer; the writer's op id names the operation."""
        writer = ChangeWriter(self.db, self.hlc, self.operator or "未署名", source=source)
        with self.db.atomic():
            yield writer
        self._settings = None if any(e[0] == t.SETTINGS for e in writer.log) else self._settings

    # settings -------------------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.db)
        return self._settings

    def poverty_lines(self) -> list[PovertyLine]:
        rows = self.db.execute(
            f"SELECT year, line_fen, source FROM {t.POVERTY_LINES} WHERE deleted = 0 ORDER BY year"
        ).fetchall()
        return [PovertyLine(y, f, s) for y, f, s in rows]

    def installation(self, key: str, default=None):
        row = self.db.execute(f"SELECT value FROM {t.INSTALLATION} WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set_installation(self, key: str, value) -> None:
        self.db.execute(
            f"INSERT INTO {t.INSTALLATION} (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )

    def close(self) -> None:
        self.db.close()


def load_settings(db) -> Settings:
    defaults = Settings()
    values = {}
    for key, value in db.execute(f"SELECT id, value FROM {t.SETTINGS}").fetchall():
        if hasattr(defaults, key):
            values[key] = json.loads(value)
    return Settings(**{**defaults.__dict__, **values})


def _latest_stamp(db) -> str:
    row = db.execute(
        f"SELECT max(h) FROM (SELECT max(hlc) AS h FROM {t.CHANGELOG} UNION ALL SELECT max(hlc) FROM {t.LEDGER})"
    ).fetchone()
    return row[0] or ""


def open_context(data_dir: Path | str | None = None, *, operator: str = "", clock: Clock | None = None,
                 wall_ms=None) -> AppContext:
    """Open (create, check, migrate) the installation's database in ``data_dir``."""
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    db = open_database(data_dir / DB_FILE_NAME, backup_dir=data_dir / "backups")
    ctx = AppContext(db=db, data_dir=data_dir, clock=clock or SystemClock(), operator=operator)
    device = ctx.installation("device_id")
    if device is None:
        device = uuid.uuid4().hex[:12]
        ctx.set_installation("device_id", device)
    if not db.execute(f"SELECT 1 FROM {t.POVERTY_LINES} LIMIT 1").fetchone():
        with db.atomic():
            for line in DEFAULT_POVERTY_LINES:
                db.execute(
                    f"INSERT INTO {t.POVERTY_LINES} (id, year, line_fen, source) VALUES (?,?,?,?)",
                    [str(line.year), line.year, line.line_fen, line.source],
                )
    ctx.hlc = HybridClock(device, wall_ms=wall_ms, last=_latest_stamp(db))
    if not ctx.operator:
        ctx.operator = ctx.installation("operator", "") or ""
    return ctx
