#!/usr/bin/env bash
# Install corpus-audit with its test dependencies (and headless Chromium for the browser tests and
# redis-server for the shared-index tests, when apt-get is available), then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -e '.[test,ray]'

if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  echo "installing headless Chromium for the browser tests (apt-get) ..." >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  ($SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null) \
    || echo "warning: could not install chromium; browser tests will fail" >&2
fi

if ! command -v git >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  echo "installing git for the pre-commit tests (apt-get) ..." >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  ($SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq git >/dev/null) \
    || echo "warning: could not install git; pre-commit tests will fail" >&2
fi

if ! command -v redis-server >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  echo "installing redis-server for the shared-index tests (apt-get) ..." >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  ($SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null) \
    || echo "warning: could not install redis-server; the Redis index tests will fail" >&2
fi
# The tests start their own redis-server on a free loopback port; a service the package may have started
# is not used.

python3 -m ruff check .
python3 -m ruff format --check .
python3 -m mypy audit
exec python3 -m pytest "$@"
