#!/usr/bin/env bash
# Starts the local Zhibiao stack in the background: a Kafka broker (KRaft), PostgreSQL (embedded,
# unless QUARKUS_DATASOURCE_JDBC_URL names an external server) and the three services. Builds
# what is missing first, waits until everything reports ready, and prints the URLs.
# Running it again while the stack is up starts nothing twice. deploy/local/down.sh stops it.
#
# Everything lives under one run directory, $ZHIBIAO_RUN_DIR (default: .run/ at the repository
# root): logs/ (one log per process), pids/, kafka/ (broker data), postgres/ (database files).
# Ports (override by environment): ZHIBIAO_KAFKA_PORT 9092, ZHIBIAO_KAFKA_CONTROLLER_PORT 9093,
# ZHIBIAO_PG_PORT 5433, ZHIBIAO_INGEST_PORT 8081, ZHIBIAO_EXTRACT_PORT 8082, ZHIBIAO_QUERY_PORT 8083.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="$(mkdir -p "${ZHIBIAO_RUN_DIR:-$ROOT/.run}" && cd "${ZHIBIAO_RUN_DIR:-$ROOT/.run}" && pwd)"
KAFKA_PORT="${ZHIBIAO_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${ZHIBIAO_KAFKA_CONTROLLER_PORT:-9093}"
PG_PORT="${ZHIBIAO_PG_PORT:-5433}"
INGEST_PORT="${ZHIBIAO_INGEST_PORT:-8081}"
EXTRACT_PORT="${ZHIBIAO_EXTRACT_PORT:-8082}"
QUERY_PORT="${ZHIBIAO_QUERY_PORT:-8083}"
API_KEY="${ZHIBIAO_API_KEY:-local-dev-key}"
READY_TIMEOUT="${ZHIBIAO_READY_TIMEOUT:-240}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

LOGS="$RUN_DIR/logs"
PIDS="$RUN_DIR/pids"
mkdir -p "$LOGS" "$PIDS"

say() { printf '[up] %s\n' "$*" >&2; }
die() { printf '[up] ERROR: %s\n' "$*" >&2; exit 1; }
# shellcheck source=kafka.sh
source "$ROOT/deploy/local/kafka.sh"

# A pid file counts only while its process is alive and still one of ours (its command line names
# this run directory), so a recycled pid is never mistaken for a running component.
running() {
  local pidfile="$PIDS/$1.pid" pid
  [[ -f "$pidfile" ]] || return 1
  pid="$(cat "$pidfile")"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$RUN_DIR"
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start NAME LOGFILE CMD... : runs CMD detached (own session) and records its pid.
start() {
  local name="$1" log="$2"; shift 2
  setsid "$@" >"$log" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
}

# wait_for WHAT CHECK LOG [NAME]: polls CHECK until it holds; gives up at the deadline or as soon
# as the process NAME (when given) has died, showing the end of its log.
wait_for() {
  local what="$1" check="$2" log="$3" name="${4:-}" deadline=$((SECONDS + READY_TIMEOUT))
  until eval "$check"; do
    if [[ -n "$name" ]] && ! running "$name"; then
      tail -n 30 "$log" >&2 || true
      die "$what exited during start-up (log: $log)"
    fi
    if ((SECONDS > deadline)); then
      tail -n 30 "$log" >&2 || true
      die "$what not ready after ${READY_TIMEOUT}s (log: $log)"
    fi
    sleep 1
  done
}

http_ready() { curl -fs -o /dev/null "http://127.0.0.1:$1/q/health/ready"; }

# ---- build what is missing --------------------------------------------------------------------
jars=("$ROOT/ingest-service/target/quarkus-app/quarkus-run.jar"
      "$ROOT/extract-service/target/quarkus-app/quarkus-run.jar"
      "$ROOT/query-service/target/quarkus-app/quarkus-run.jar"
      "$ROOT/deploy/testkit/target/runtime-libs")
for jar in "${jars[@]}"; do
  if [[ ! -e "$jar" ]]; then
    say "building the services (first run): ./mvnw package -DskipTests"
    (cd "$ROOT" && ./mvnw -q -B package -DskipTests) >"$LOGS/build.log" 2>&1 \
      || { tail -n 40 "$LOGS/build.log" >&2; die "build failed (log: $LOGS/build.log)"; }
    break
  fi
done

KAFKA_LIBS="$RUN_DIR/kafka-libs"
if [[ ! -f "$KAFKA_LIBS/.complete" ]]; then
  say "fetching the Kafka broker through Maven"
  kafka_fetch "$ROOT" "$KAFKA_LIBS" "$LOGS/kafka-fetch.log"
fi

# ---- Kafka (KRaft, one combined broker/controller) ---------------------------------------------
if running kafka; then
  say "Kafka already running (pid $(cat "$PIDS/kafka.pid"))"
else
  port_busy "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by another process (set ZHIBIAO_KAFKA_PORT)"
  kafka_configure "$RUN_DIR/kafka/server.properties" "$RUN_DIR/kafka/data" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" 3 true
  kafka_format "$KAFKA_LIBS" "$RUN_DIR/kafka/server.properties" "$RUN_DIR/kafka/data" "$LOGS/kafka-format.log"
  say "starting Kafka on 127.0.0.1:$KAFKA_PORT"
  start kafka "$LOGS/kafka.log" "$JAVA" -Xmx512m -Dzhibiao.run="$RUN_DIR" -cp "$KAFKA_LIBS/*" \
    kafka.Kafka "$RUN_DIR/kafka/server.properties"
fi
wait_for "Kafka" "port_busy $KAFKA_PORT" "$LOGS/kafka.log" kafka
# documents (and their dead letters) may be as large as ingest accepts (10 MB by default)
for topic in documents:22020096 indicators:1048588 extractions:1048588 documents-dlq:22020096; do
  kafka_topic "$KAFKA_LIBS" "127.0.0.1:$KAFKA_PORT" "${topic%%:*}" 3 "${topic##*:}" "$LOGS/kafka-topics.log"
done

# ---- PostgreSQL (embedded unless an external server is configured) ------------------------------
if [[ -n "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]]; then
  say "using the external PostgreSQL at $QUARKUS_DATASOURCE_JDBC_URL"
  DB_URL="$QUARKUS_DATASOURCE_JDBC_URL"
else
  DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
  export QUARKUS_DATASOURCE_USERNAME="${QUARKUS_DATASOURCE_USERNAME:-postgres}"
  export QUARKUS_DATASOURCE_PASSWORD="${QUARKUS_DATASOURCE_PASSWORD:-postgres}"
  if running postgres; then
    say "PostgreSQL already running (pid $(cat "$PIDS/postgres.pid"))"
  else
    port_busy "$PG_PORT" && die "port $PG_PORT is taken by another process (set ZHIBIAO_PG_PORT)"
    say "starting embedded PostgreSQL on 127.0.0.1:$PG_PORT"
    start postgres "$LOGS/postgres.log" "$JAVA" -Xmx128m -Dzhibiao.run="$RUN_DIR" \
      -cp "$ROOT/deploy/testkit/target/classes:$ROOT/deploy/testkit/target/runtime-libs/*" \
      io.zhibiao.testkit.PostgresLauncher "$RUN_DIR/postgres" "$PG_PORT"
  fi
  wait_for "PostgreSQL" "grep -q 'PostgreSQL ready' '$LOGS/postgres.log'" "$LOGS/postgres.log" postgres
fi

# ---- the services ------------------------------------------------------------------------------
service() {
  local name="$1" port="$2" heap="$3"; shift 3
  if running "$name"; then
    say "$name already running (pid $(cat "$PIDS/$name.pid"))"
    return
  fi
  port_busy "$port" && die "port $port is taken by another process"
  say "starting $name on 127.0.0.1:$port"
  start "$name" "$LOGS/$name.log" env "$@" \
    QUARKUS_HTTP_PORT="$port" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    "$JAVA" "-Xmx$heap" -Dzhibiao.run="$RUN_DIR" -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar"
}
service query-service "$QUERY_PORT" 512m QUARKUS_DATASOURCE_JDBC_URL="$DB_URL"
service extract-service "$EXTRACT_PORT" 1g
service ingest-service "$INGEST_PORT" 384m ZHIBIAO_API_KEY="$API_KEY" \
  ZHIBIAO_INGEST_QUERY_BASE_URL="http://127.0.0.1:$QUERY_PORT"

for s in query-service:$QUERY_PORT extract-service:$EXTRACT_PORT ingest-service:$INGEST_PORT; do
  name="${s%%:*}"; port="${s##*:}"
  wait_for "$name" "http_ready $port" "$LOGS/$name.log" "$name"
done

cat <<EOF
Zhibiao is up (run directory: $RUN_DIR, logs in $LOGS).
  ingest   http://127.0.0.1:$INGEST_PORT/documents      (API key: Authorization: Bearer $API_KEY)
  extract  http://127.0.0.1:$EXTRACT_PORT/extract
  query    http://127.0.0.1:$QUERY_PORT/                 (dashboard; API: /indicators, /documents, /series, /regions, /stream)
  OpenAPI  http://127.0.0.1:$QUERY_PORT/q/swagger-ui    (and on :$INGEST_PORT, :$EXTRACT_PORT)
  Kafka    127.0.0.1:$KAFKA_PORT                        (topics: documents, indicators, extractions, documents-dlq)
  Postgres $DB_URL
Post a document:  deploy/local/post.sh ../shared/seeds/002_8dd0f41d2bd9aac4.txt
Stop everything:  deploy/local/down.sh
EOF
