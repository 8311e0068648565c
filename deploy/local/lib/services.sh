# shellcheck shell=bash
# ingest-api, parser-service and indexer-service: building their jars when needed, starting
# them against the local Kafka and Elasticsearch, asking them whether they are ready.
# Sourced, never run.

# Modules whose code ends up in every service jar, besides the service's own.
readonly SHARED_MODULES=(common service-support)

service_jar() { printf '%s/%s/target/%s.jar' "$REPO_ROOT" "$1" "$1"; }

# A jar is stale when missing, or older than anything under its module's src/, the shared
# modules' src/ or the poms.
jar_is_stale() {
  local service=$1 jar module inputs
  jar=$(service_jar "$service")
  [[ -f $jar ]] || return 0
  inputs=("$REPO_ROOT/pom.xml" "$REPO_ROOT/$service/pom.xml" "$REPO_ROOT/$service/src")
  for module in "${SHARED_MODULES[@]}"; do
    [[ -d $REPO_ROOT/$module ]] && inputs+=("$REPO_ROOT/$module/pom.xml" "$REPO_ROOT/$module/src")
  done
  [[ -n $(find "${inputs[@]}" -newer "$jar" -print -quit 2>/dev/null) ]]
}

# Builds the stale jars of the services that are not running (rebuilding a jar under a running
# JVM can break it; `down` then `up` picks up changes to a running service).
build_services_if_needed() {
  local service stale=()
  for service in "${SERVICES[@]}"; do
    jar_is_stale "$service" || continue
    if running_pid "$service" >/dev/null; then
      warn "$service runs an older build than its sources: 'down' then 'up' to pick up the changes"
    else
      stale+=("$service")
    fi
  done
  ((${#stale[@]})) || return 0
  info "building ${stale[*]} (./mvnw package, tests skipped; log: $(log_file build))"
  local started=$SECONDS modules
  modules=$(IFS=,; printf '%s' "${stale[*]}")
  mvnw_logged -B -q -DskipTests package -pl "$modules" -am || {
    show_log_tail "$(log_file build)"
    die "the build failed (full log: $(log_file build))"
  }
  for service in "${stale[@]}"; do
    [[ -f $(service_jar "$service") ]] || die "the build passed but $(service_jar "$service") is missing"
  done
  info "built ${stale[*]} in $((SECONDS - started))s"
}

# The local runtime's settings of one service, all as environment variables (Spring Boot's
# relaxed binding), so no profile or file has to exist for it. Call it in a subshell.
export_service_environment() {
  local service=$1
  export SERVER_PORT=${PORT[$service]}
  export SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:${PORT[kafka]}
  # Spring Boot turns the liveness and readiness groups on by itself only on Kubernetes.
  export MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true
  # Loopback only: nothing but this machine reaches the services, so their health may show
  # its details (components, reasons), which anonymous callers elsewhere never see.
  export SERVER_ADDRESS=127.0.0.1 MANAGEMENT_ENDPOINT_HEALTH_SHOW_DETAILS=always
  case $service in
    ingest-api | indexer-service)
      # The same key for writing (ingest-api) and reading (indexer-service's search, tail
      # and page). Only its hash: the key itself must not end up in a service's logs or /env.
      LOGPIPE_AUTH_KEYS_0_SHA256=$(dev_key_sha256)
      export LOGPIPE_AUTH_KEYS_0_SHA256 LOGPIPE_AUTH_KEYS_0_TENANT=$DEV_TENANT
      ;;
  esac
  if [[ $service == indexer-service ]]; then
    export SPRING_ELASTICSEARCH_URIS=http://127.0.0.1:${PORT[elasticsearch]}
  fi
  # glibc's per-thread malloc arenas otherwise add tens of MB of resident memory per JVM.
  export MALLOC_ARENA_MAX=2
}

# Sets SERVICE_JVM_OPTIONS, the option files of every service: deploy/jvm/service.options,
# plus on JDK 25 and later the options JDK 21 does not know. A training run and the service it
# trains for must agree on them (an AOT cache holds objects in the JVM's header layout).
service_jvm_options() {
  SERVICE_JVM_OPTIONS=("@$REPO_ROOT/deploy/jvm/service.options")
  if (($(jdk_major_version "$JDK_HOME") >= 25)); then
    SERVICE_JVM_OPTIONS+=("@$REPO_ROOT/deploy/jvm/service-jdk25.options")
  fi
}

# Starts one service, from its AOT-cached extracted form when that cache is current, else
# from its jar.
start_service() {
  local service=$1 program=()
  if aot_cache_current "$service"; then
    program=("-XX:AOTCache=$(aot_cache "$service")" -jar "$(aot_home "$service")/application/$service.jar")
  else
    program=(-jar "$(service_jar "$service")")
  fi
  (
    export_service_environment "$service"
    service_jvm_options
    launch "$service" "$JDK_HOME/bin/java" "${SERVICE_JVM_OPTIONS[@]}" \
      "-Dlogpipe.state-dir=$STATE_DIR" "${program[@]}"
  )
  mark_launched "$service"
}

# --- AOT cache -------------------------------------------------------------------------------
# The JDK's AOT cache (JEP 483, 514, 515; JDK 25 and later) holds a service's classes loaded
# and linked and its methods' profiles, so a start reads them instead of doing that work
# again. It is made once per built jar: the jar extracted with Spring Boot's tools jar mode
# (the cache only holds classes from plain jars on the class path, not from a jar inside the
# jar), then one training run that stops once the Spring context has refreshed (beans created,
# nothing started: Kafka and Elasticsearch are not needed; without
# spring.kafka.admin.auto-create=false, creating the topics would wait for Kafka and retry
# without end while it is not up yet). A missing or failed cache only
# costs its gain: the service starts from its jar as before, and a cache the JVM cannot use is
# ignored by the JVM itself (-XX:AOTMode=auto).

readonly AOT_MIN_JDK=25 AOT_TRAINING_TIMEOUT=600

aot_home() { printf '%s/aot/%s' "$STATE_DIR" "$1"; }
aot_cache() { printf '%s/%s.aot' "$(aot_home "$1")" "$1"; }

# What a cache was made from: the jar's checksum, the JDK's exact build and the JVM options (a
# cache is valid only for the JVM, and the object layout, that wrote it).
aot_source() {
  local jdk_build=''
  [[ -r $JDK_HOME/release ]] && jdk_build=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JDK_HOME/release")
  printf '%s %s %s %s\n' "$(cksum <"$(service_jar "$1")")" "$JDK_HOME" "$jdk_build" \
    "$(cat "$REPO_ROOT"/deploy/jvm/service*.options | cksum)"
}

aot_supported() { (($(jdk_major_version "$JDK_HOME") >= AOT_MIN_JDK)); }

aot_cache_current() {
  local home
  home=$(aot_home "$1")
  aot_supported && [[ -s $(aot_cache "$1") && -f $home/application/$1.jar && -f $(service_jar "$1") ]] &&
    [[ $(cat "$home/source" 2>/dev/null) == "$(aot_source "$1")" ]]
}

# Extracts and trains one service's cache; the record of its source is written last, so an
# interrupted training leaves no cache that looks current.
train_aot_cache() {
  local service=$1 home limit=()
  home=$(aot_home "$service")
  rm -rf "$home" && mkdir -p "$home" || return 1
  command -v timeout >/dev/null && limit=(timeout "$AOT_TRAINING_TIMEOUT")
  # Below Kafka and Elasticsearch, which start meanwhile and have a bounded wait: on a busy
  # machine three training JVMs beside them at equal priority kept Kafka from being ready.
  command -v nice >/dev/null && limit+=(nice -n 10)
  "$JDK_HOME/bin/java" -Djarmode=tools -jar "$(service_jar "$service")" extract \
    --destination "$home/application" || return 1
  (
    export_service_environment "$service"
    export SERVER_PORT=0 # nothing listens in a training run; never take the service's port
    unset LOGPIPE_DEV_API_KEY # as launch does: children get the key's hash only
    service_jvm_options
    "${limit[@]}" "$JDK_HOME/bin/java" "${SERVICE_JVM_OPTIONS[@]}" \
      "-XX:AOTCacheOutput=$(aot_cache "$service")" -Dspring.context.exit=onRefresh \
      -Dspring.kafka.admin.auto-create=false \
      "-Dlogpipe.state-dir=$STATE_DIR" -jar "$home/application/$service.jar"
  ) || return 1
  [[ -s $(aot_cache "$service") ]] && aot_source "$service" >"$home/source"
}

# Trains, side by side and in the background, the caches of the services that do not run and
# whose cache is missing or made from another jar or JDK; Kafka and Elasticsearch start
# meanwhile. AOT_TRAINING holds "service:pid" for await_aot_training.
AOT_TRAINING=()
start_aot_training() {
  aot_supported || return 0
  local service
  for service in "${SERVICES[@]}"; do
    running_pid "$service" >/dev/null && continue
    aot_cache_current "$service" && continue
    mark_log "$(log_file "aot-$service")"
    train_aot_cache "$service" >>"$(log_file "aot-$service")" 2>&1 </dev/null 9>&- &
    AOT_TRAINING+=("$service:$!")
  done
  ((${#AOT_TRAINING[@]})) || return 0
  info "training the AOT cache of ${AOT_TRAINING[*]%%:*} (once per build, for a faster start; logs: $(log_file 'aot-<service>'))"
}

await_aot_training() {
  local entry started=$SECONDS
  ((${#AOT_TRAINING[@]})) || return 0
  for entry in "${AOT_TRAINING[@]}"; do
    if wait "${entry#*:}" && aot_cache_current "${entry%%:*}"; then
      info "${entry%%:*}: AOT cache ready"
    else
      warn "${entry%%:*}: no AOT cache (see $(log_file "aot-${entry%%:*}")); it starts from its jar"
    fi
  done
  AOT_TRAINING=()
  info "AOT training took $((SECONDS - started))s more than Kafka and Elasticsearch"
}

# Ready when the readiness group (which includes Kafka, and Elasticsearch for the indexer) is UP.
service_ready() {
  curl -fsS --max-time 3 "http://127.0.0.1:${PORT[$1]}/actuator/health/readiness" 2>/dev/null |
    grep -Eq '"status" *: *"UP"'
}
