# Shared by up.sh and bench-ingest.sh (sourced, not run): the one definition of how the project
# fetches, configures and formats its single-node Kafka broker (KRaft, combined broker/controller).
# The caller defines JAVA and a die() that prints its message and exits.

# kafka_fetch ROOT LIBS LOG: the broker's jars (kafka_2.13 matching the BOM's kafka-clients, kafka-tools)
# into LIBS through Maven (deploy/local/kafka-broker.pom.xml), once.
kafka_fetch() {
  local root="$1" libs="$2" log="$3"
  [[ -f "$libs/.complete" ]] && return 0
  (cd "$root" && ./mvnw -q -B -f deploy/local/kafka-broker.pom.xml dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$libs") >"$log" 2>&1 \
    || { tail -n 40 "$log" >&2; die "could not fetch the Kafka broker (log: $log)"; }
  touch "$libs/.complete"
}

# kafka_configure FILE DATA_DIR PORT CONTROLLER_PORT PARTITIONS AUTO_CREATE: writes server.properties
# for a broker on 127.0.0.1 that keeps its log in DATA_DIR.
kafka_configure() {
  local file="$1" data="$2" port="$3" controller_port="$4" partitions="$5" auto_create="$6"
  mkdir -p "$data"
  cat >"$file" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$data
num.partitions=$partitions
auto.create.topics.enable=$auto_create
offsets.topic.replication.factor=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
}

# kafka_format LIBS FILE DATA_DIR LOG: formats the KRaft storage once (a new cluster id).
kafka_format() {
  local libs="$1" file="$2" data="$3" log="$4" cluster_id
  [[ -f "$data/meta.properties" ]] && return 0
  cluster_id="$("$JAVA" -cp "$libs/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
  "$JAVA" -cp "$libs/*" kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$file" >"$log" 2>&1 \
    || die "could not format the KRaft storage (log: $log)"
}

# kafka_topic LIBS BOOTSTRAP TOPIC PARTITIONS MAX_MESSAGE_BYTES LOG: creates a topic unless it exists.
kafka_topic() {
  local libs="$1" bootstrap="$2" topic="$3" partitions="$4" max_bytes="$5" log="$6"
  "$JAVA" -cp "$libs/*" org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" \
    --create --if-not-exists --topic "$topic" --partitions "$partitions" --replication-factor 1 \
    --config "max.message.bytes=$max_bytes" >>"$log" 2>&1 \
    || die "could not create topic $topic (log: $log)"
}
