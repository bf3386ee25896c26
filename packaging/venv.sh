#!/usr/bin/env bash
# Create or refresh the project's virtual environment in .venv (used by ./run and ./test).
# Re-installs only when pyproject.toml changed since the last install.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
py="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$py" -m venv .venv
fi
stamp=.venv/.fupin-installed
want="$(sha256sum pyproject.toml | cut -d' ' -f1)-${1:-run}"
if [ ! -f "$stamp" ] || ! grep -qx -- "$want" "$stamp"; then
  if [ "${1:-run}" = "test" ]; then extra="[test]"; else extra=""; fi
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extra}"
  echo "$want" > "$stamp"
fi
.venv/bin/python -m fupin_desktop.i18n.build_catalogs >/dev/null 2>&1 || true
