# shellcheck shell=bash
# The real servers: a single-node KRaft Kafka broker and an Elasticsearch node, both fetched
# from Maven Central through deploy/local/pom.xml (docs/architecture.md "Running it"). Sourced, never run.

# Elasticsearch heap: every shard holds heap (its data stream's mapping, buffers), and the
# benchmark's full run leaves about 1,100 shards and millions of documents on the node. A
# 512 MB heap tripped the circuit breaker at about 750 data streams, a 1 GB one in the full
# run's scaling stage. LOGPIPE_ES_HEAP overrides it (a JVM size: 512m, 1g).
readonly ES_HEAP=${LOGPIPE_ES_HEAP:-2g} KAFKA_HEAP=512m

# Runs Maven on deploy/local/pom.xml (not part of the root reactor), output to the build log.
mvn_local() { mvnw_logged -B -q -f deploy/local/pom.xml "$@"; }

# --- Kafka -----------------------------------------------------------------------------------

kafka_dir() { printf '%s/kafka' "$STATE_DIR"; }
kafka_classpath_file() { printf '%s/classpath' "$(kafka_dir)"; }

# What decides the broker's version: the Spring Boot parent (its BOM manages ${kafka.version})
# and our pom. A change in either fetches the classpath again.
kafka_inputs_digest() {
  { sed -n '/<parent>/,/<\/parent>/p' "$REPO_ROOT/pom.xml" && cat "$SCRIPT_DIR/pom.xml"; } | sha256_hex
}

# True when the cached classpath is for the current poms and all its jars are still in the
# local Maven repository.
kafka_classpath_current() {
  local file jars jar
  file=$(kafka_classpath_file)
  [[ -s $file && -s $file.digest && $(<"$file.digest") == "$(kafka_inputs_digest)" ]] || return 1
  IFS=: read -ra jars <"$file"
  for jar in "${jars[@]}"; do [[ -f $jar ]] || return 1; done
}

kafka_version() { grep -o 'kafka_2\.13-[^/:]*\.jar' "$(kafka_classpath_file)" | sed 's/^kafka_2\.13-//; s/\.jar$//'; }

fetch_kafka() {
  kafka_classpath_current && return 0
  info "fetching the Kafka broker through Maven (cached afterwards)"
  local started=$SECONDS file
  file=$(kafka_classpath_file)
  mvn_local dependency:build-classpath -Dmdep.outputFile="$file.tmp" || {
    show_log_tail "$(log_file build)"
    die "could not fetch Kafka through Maven (full log: $(log_file build))"
  }
  mv "$file.tmp" "$file"
  kafka_inputs_digest >"$file.digest"
  info "fetched Kafka $(kafka_version) in $((SECONDS - started))s"
}

# java with the broker's classpath and logging; our state folder on the command line marks the
# process as ours.
kafka_java() {
  "$JDK_HOME/bin/java" "-Dlogpipe.state-dir=$STATE_DIR" "-Dlog4j2.configurationFile=$SCRIPT_DIR/log4j2.properties" \
    -cp "$(<"$(kafka_classpath_file)")" "$@"
}

# Written on every start, so a changed script takes effect; the data stays.
write_kafka_config() {
  local dir
  dir=$(kafka_dir)
  cat >"$dir/server.properties" <<EOF
# Written by deploy/local/logpipe on every start: change the script, not this file.
# A single KRaft node that is its own controller (docs/architecture.md "Running it").
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:${PORT[kafka]},CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:${PORT[kafka]}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=3
# One broker: the internal topics cannot have more replicas, and parser-service's
# transactions need the transaction log to accept writes with one in-sync replica.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# Consumers of a fresh group get their partitions at once instead of after 3 s.
group.initial.rebalance.delay.ms=0
EOF
  # Bounds the readiness probe: without them the admin client retries for a minute.
  cat >"$dir/admin.properties" <<EOF
request.timeout.ms=3000
default.api.timeout.ms=5000
EOF
}

# KRaft storage is formatted once, with a cluster id made for it; later starts reuse it.
format_kafka_storage() {
  local dir cluster_id
  dir=$(kafka_dir)
  [[ -f $dir/data/meta.properties ]] && return 0
  cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid 2>>"$(log_file kafka)")
  kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" >>"$(log_file kafka)" 2>&1 ||
    fail_component kafka "storage could not be formatted"
}

start_kafka() {
  write_kafka_config
  format_kafka_storage
  launch kafka "$JDK_HOME/bin/java" -Xms128m "-Xmx$KAFKA_HEAP" "-Dlogpipe.state-dir=$STATE_DIR" \
    "-Dlog4j2.configurationFile=$SCRIPT_DIR/log4j2.properties" -cp "$(<"$(kafka_classpath_file)")" \
    kafka.Kafka "$(kafka_dir)/server.properties"
}

# Ready when an admin call (describe cluster) answers, not merely when the port accepts: the
# broker listens a moment before it has registered with its controller.
kafka_ready() {
  port_open "${PORT[kafka]}" || return 1
  [[ -n ${JDK_HOME:-} && -s $(kafka_classpath_file) ]] || return 0 # status without a JDK: port only
  kafka_java -Xmx64m -XX:TieredStopAtLevel=1 org.apache.kafka.tools.ClusterTool cluster-id \
    --bootstrap-server "127.0.0.1:${PORT[kafka]}" --config "$(kafka_dir)/admin.properties" >/dev/null 2>&1
}

# --- Elasticsearch ---------------------------------------------------------------------------

es_dir() { printf '%s/elasticsearch' "$STATE_DIR"; }

# The root pom pins the distribution for the tests and for us (elasticsearch.distribution.version).
es_version() {
  local version
  version=$(sed -n 's:.*<elasticsearch.distribution.version>\([^<]*\)</elasticsearch.distribution.version>.*:\1:p' "$REPO_ROOT/pom.xml" | head -n 1)
  [[ -n $version ]] || die "no <elasticsearch.distribution.version> in $REPO_ROOT/pom.xml"
  printf '%s' "$version"
}

# The zip unpacks to one folder named after the version; a new version unpacks beside it.
es_home() { printf '%s/elasticsearch-%s' "$(es_dir)" "$(es_version)"; }

fetch_elasticsearch() {
  local home
  home=$(es_home)
  [[ -x $home/bin/elasticsearch ]] && return 0
  info "fetching Elasticsearch $(es_version) through Maven (about 130 MB on the first run, cached afterwards)"
  local started=$SECONDS unpack
  unpack=$(es_dir)/unpack.tmp
  rm -rf "$unpack"
  mvn_local dependency:unpack -Dlogpipe.elasticsearch.unpack-dir="$unpack" || {
    show_log_tail "$(log_file build)"
    die "could not fetch Elasticsearch through Maven (full log: $(log_file build))"
  }
  # Unpacked aside and moved, so an interrupted run never leaves half a distribution behind.
  mv "$unpack/$(basename "$home")" "$home"
  rm -rf "$unpack"
  info "fetched Elasticsearch $(es_version) in $((SECONDS - started))s"
}

# As root, Elasticsearch runs as $ES_USER, which must own its home (it writes
# config/elasticsearch.keystore at start), its data, logs and temporary files.
prepare_es_dirs() {
  local dir
  dir=$(es_dir)
  mkdir -p "$dir"/{data,logs,tmp}
  if running_as_root; then
    chown -R "$ES_USER:$(id -gn "$ES_USER")" "$dir"
  fi
}

start_elasticsearch() {
  local home dir run_as=()
  home=$(es_home)
  dir=$(es_dir)
  prepare_es_dirs
  running_as_root && run_as=(runuser -u "$ES_USER" --)
  # From its home: the JVM resolves some relative paths (replay and error files) against the
  # working directory, which the ES user may not be able to enter otherwise. Disk thresholds
  # are off: a laptop disk over 90% full would otherwise leave new indices unassigned and the
  # data streams red, which a local runtime should not trip on.
  (
    cd "$home" || exit
    launch elasticsearch "${run_as[@]}" env ES_JAVA_HOME="$JDK_HOME" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
      ES_TMPDIR="$dir/tmp" "$home/bin/elasticsearch" \
      -E discovery.type=single-node -E xpack.security.enabled=false \
      -E network.host=127.0.0.1 -E http.port="${PORT[elasticsearch]}" \
      -E cluster.name=logpipe-local -E path.data="$dir/data" -E path.logs="$dir/logs" \
      -E cluster.routing.allocation.disk.threshold_enabled=false
  )
  mark_launched elasticsearch
}

# This distribution has no rest-root module, so GET / answers 405 (docs/architecture.md "Running it"): ask the cluster.
es_ready() {
  curl -fsS -o /dev/null --max-time 3 \
    "http://127.0.0.1:${PORT[elasticsearch]}/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null
}
