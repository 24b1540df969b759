#!/usr/bin/env bash
# Stops exactly what deploy/local/up.sh started, by the process ids it recorded under
# $ZHIBIAO_RUN_DIR/pids (default .run/pids), services first, then PostgreSQL, then Kafka.
# Data and logs stay in the run directory; a process that is not ours is never touched.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="${ZHIBIAO_RUN_DIR:-$ROOT/.run}"
[[ -d "$RUN_DIR" ]] || { echo "[down] nothing to stop: no run directory $RUN_DIR" >&2; exit 0; }
RUN_DIR="$(cd "$RUN_DIR" && pwd)"
PIDS="$RUN_DIR/pids"

say() { printf '[down] %s\n' "$*" >&2; }

ours() {
  [[ -r "/proc/$1/cmdline" ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q -- "$2"
}

# stop PID MARKER NAME: TERM, then KILL after 30 s; only if the process still is the one we started.
stop_pid() {
  local pid="$1" marker="$2" name="$3"
  if ! ours "$pid" "$marker"; then
    return 0
  fi
  say "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 60); do
    ours "$pid" "$marker" || return 0
    sleep 0.5
  done
  say "$name did not stop in 30 s: killing it"
  kill -KILL "$pid" 2>/dev/null
  sleep 0.5
}

for name in ingest-service extract-service query-service postgres kafka; do
  pidfile="$PIDS/$name.pid"
  [[ -f "$pidfile" ]] || continue
  stop_pid "$(cat "$pidfile")" "$RUN_DIR" "$name"
  rm -f "$pidfile"
done

# The embedded server's postmaster outlives its launcher only if the launcher was killed hard;
# its own pid file in our data directory says which process it is.
postmaster="$RUN_DIR/postgres/postmaster.pid"
if [[ -f "$postmaster" ]]; then
  stop_pid "$(head -n 1 "$postmaster")" "$RUN_DIR/postgres" "postgres server"
fi
say "stopped (data and logs kept in $RUN_DIR)"
