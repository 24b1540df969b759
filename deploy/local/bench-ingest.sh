#!/usr/bin/env bash
# Ingest throughput: documents per second accepted (202, i.e. acknowledged by Kafka) for 20 KB
# documents, against the broker's own producer throughput (kafka-producer-perf-test, class
# org.apache.kafka.tools.ProducerPerformance of org.apache.kafka:kafka-tools, fetched through Maven)
# measured in the same run, with the same records, on the same broker.
#
# Starts its own single-node KRaft broker and its own ingest-service on non-default ports (so it
# never touches a local stack from up.sh), runs both measurements, prints the figures, and stops
# exactly what it started. Everything lives in $ZHIBIAO_BENCH_DIR (default .run/bench-ingest/).
#
#   deploy/local/bench-ingest.sh [DOCUMENTS (default 2000)] [CONCURRENCY (default 8)]
#
# Ports: ZHIBIAO_BENCH_KAFKA_PORT (19092), +1 for its controller, ZHIBIAO_BENCH_INGEST_PORT (18081).
set -euo pipefail
# lengths below are in bytes
export LC_ALL=C

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-2000}"
CONCURRENCY="${2:-8}"
SIZE=20480
KAFKA_PORT="${ZHIBIAO_BENCH_KAFKA_PORT:-19092}"
CONTROLLER_PORT=$((KAFKA_PORT + 1))
INGEST_PORT="${ZHIBIAO_BENCH_INGEST_PORT:-18081}"
DIR="${ZHIBIAO_BENCH_DIR:-$ROOT/.run/bench-ingest}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
KEY="bench-key"
BOOTSTRAP="127.0.0.1:$KAFKA_PORT"

say() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
# shellcheck source=kafka.sh
source "$ROOT/deploy/local/kafka.sh"
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

rm -rf "$DIR/kafka" "$DIR/docs"
mkdir -p "$DIR/logs" "$DIR/kafka" "$DIR/docs"
pids=()
cleanup() {
  for pid in "${pids[@]+"${pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]+"${pids[@]}"}"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

port_busy "$KAFKA_PORT" && die "port $KAFKA_PORT is taken (set ZHIBIAO_BENCH_KAFKA_PORT)"
port_busy "$INGEST_PORT" && die "port $INGEST_PORT is taken (set ZHIBIAO_BENCH_INGEST_PORT)"

# ---- what is needed: the ingest jar, the broker and its tools (through Maven) --------------------
INGEST_JAR="$ROOT/ingest-service/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$INGEST_JAR" ]]; then
  say "building ingest-service"
  (cd "$ROOT" && ./mvnw -q -B -pl ingest-service package -DskipTests) >"$DIR/logs/build.log" 2>&1 \
    || die "build failed (log: $DIR/logs/build.log)"
fi
LIBS="$ROOT/.run/kafka-libs"
if [[ ! -f "$LIBS/.complete" ]] || ! ls "$LIBS"/kafka-tools-*.jar >/dev/null 2>&1; then
  LIBS="$DIR/kafka-libs"
  if [[ ! -f "$LIBS/.complete" ]]; then
    say "fetching the Kafka broker and kafka-tools through Maven"
    kafka_fetch "$ROOT" "$LIBS" "$DIR/logs/kafka-fetch.log"
  fi
fi

# ---- broker -------------------------------------------------------------------------------------
kafka_configure "$DIR/kafka/server.properties" "$DIR/kafka/data" "$KAFKA_PORT" "$CONTROLLER_PORT" 1 false
kafka_format "$LIBS" "$DIR/kafka/server.properties" "$DIR/kafka/data" "$DIR/logs/kafka-format.log"
say "starting a broker on $BOOTSTRAP"
"$JAVA" -Xmx512m -cp "$LIBS/*" kafka.Kafka "$DIR/kafka/server.properties" >"$DIR/logs/kafka.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do port_busy "$KAFKA_PORT" && break; sleep 0.5; done
port_busy "$KAFKA_PORT" || die "broker did not start (log: $DIR/logs/kafka.log)"
for topic in documents perf-test; do
  kafka_topic "$LIBS" "$BOOTSTRAP" "$topic" 1 22020096 "$DIR/logs/topics.log"
done

# ---- ingest -------------------------------------------------------------------------------------
say "starting ingest-service on 127.0.0.1:$INGEST_PORT"
env QUARKUS_HTTP_PORT="$INGEST_PORT" KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" ZHIBIAO_API_KEY="$KEY" \
  "$JAVA" -Xmx384m -jar "$INGEST_JAR" >"$DIR/logs/ingest.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 240); do
  curl -fs -o /dev/null "http://127.0.0.1:$INGEST_PORT/q/health/ready" && break; sleep 0.5
done
curl -fs -o /dev/null "http://127.0.0.1:$INGEST_PORT/q/health/ready" || die "ingest not ready (log: $DIR/logs/ingest.log)"

# ---- documents: 20 KB of Chinese text each, every one different ----------------------------------
say "writing $N + warm-up documents of $SIZE bytes"
paragraph="2023年全市实现地区生产总值20059亿元，按可比价格计算，比上年增长5.6%。第一产业增加值358亿元，增长3.1%；第二产业增加值6210亿元，增长4.9%；第三产业增加值13491亿元，增长6.0%。"
base=""
while ((${#base} < SIZE)); do base+="$paragraph"; done
WARMUP=$((N / 10))
total=$((N + WARMUP))
for ((i = 0; i < total; i++)); do
  doc="编号${i}。${base}"
  # cut to SIZE bytes, then drop a character cut in half
  printf "%s" "${doc:0:SIZE}" | iconv -f UTF-8 -t UTF-8 -c >"$DIR/docs/$i.txt" 2>/dev/null || true
done
# the same texts, one a line, for the producer perf test's payload file
for ((i = WARMUP; i < total; i++)); do cat "$DIR/docs/$i.txt"; printf '\n'; done >"$DIR/payloads.txt"

post_all() { # FROM TO -> prints one HTTP status a line
  local cfg="$DIR/curl-$1.cfg"
  : >"$cfg"
  # options after "next" start afresh, so every transfer carries its own headers
  for ((i = $1; i < $2; i++)); do
    ((i > $1)) && printf 'next\n' >>"$cfg"
    printf 'url = "http://127.0.0.1:%s/documents"\ndata-binary = "@%s/docs/%d.txt"\noutput = "/dev/null"\n' \
      "$INGEST_PORT" "$DIR" "$i" >>"$cfg"
    printf 'header = "Authorization: Bearer %s"\nheader = "Content-Type: text/plain; charset=utf-8"\n' "$KEY" >>"$cfg"
    printf 'write-out = "%%{http_code}\\n"\nsilent\n' >>"$cfg"
  done
  curl -s --parallel --parallel-max "$CONCURRENCY" -K "$cfg" 2>/dev/null || true
}

say "warm-up: $WARMUP documents"
post_all 0 "$WARMUP" >/dev/null
say "ingest: $N documents, $CONCURRENCY concurrent requests"
start=$(date +%s.%N)
codes="$(post_all "$WARMUP" "$total")"
end=$(date +%s.%N)
accepted=$(grep -c '^202$' <<<"$codes" || true)
avg_bytes=$(( $(wc -c <"$DIR/payloads.txt") / N - 1 ))
ingest_secs=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
ingest_rate=$(awk -v n="$accepted" -v s="$ingest_secs" 'BEGIN { printf "%.1f", n / s }')
((accepted == N)) || say "warning: only $accepted of $N answered 202: $(sort <<<"$codes" | uniq -c | tr '\n' ' ')"

say "kafka-producer-perf-test: $N records of the same texts"
"$JAVA" -Xmx256m -cp "$LIBS/*" org.apache.kafka.tools.ProducerPerformance --topic perf-test \
  --num-records "$N" --payload-file "$DIR/payloads.txt" --throughput -1 \
  --producer-props bootstrap.servers="$BOOTSTRAP" acks=all enable.idempotence=true linger.ms=1 \
  compression.type=none >"$DIR/logs/perf.log" 2>&1 || die "perf test failed (log: $DIR/logs/perf.log)"
perf_rate=$(grep -E 'records sent' "$DIR/logs/perf.log" | tail -n 1 | sed -E 's/.* ([0-9.]+) records\/sec.*/\1/')
[[ -n "$perf_rate" ]] || die "no result in $DIR/logs/perf.log"

ratio=$(awk -v a="$ingest_rate" -v b="$perf_rate" 'BEGIN { printf "%.3f", a / b }')
cat <<RESULT
documents: $N x $avg_bytes bytes on average, concurrency $CONCURRENCY, cores: $(nproc)
ingest (POST /documents, 202 after acks=all): $accepted accepted in ${ingest_secs} s = $ingest_rate docs/s
kafka-producer-perf-test (same records, acks=all, idempotent, uncompressed): $perf_rate records/s
ratio ingest / producer: $ratio
RESULT
