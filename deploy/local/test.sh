#!/usr/bin/env bash
# Runs every test: unit and grammar tables, each service's @QuarkusTests against real Kafka
# (in-process KRaft) and real PostgreSQL (embedded), the dashboard in headless Chromium, and the
# full-stack test that starts deploy/local/up.sh on free ports and posts the seed documents.
# Installs what the tests need from Debian first (Chromium and its driver), when missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "[test] installing chromium, chromium-driver and a CJK font (Debian packages) for the dashboard test" >&2
  sudo=""
  [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
fi

exec ./mvnw -B verify "$@"
