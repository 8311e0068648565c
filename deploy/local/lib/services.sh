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

# Starts one service with the local runtime's settings, all through environment variables
# (Spring Boot's relaxed binding), so no profile or file has to exist for it.
start_service() {
  local service=$1
  (
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
    launch "$service" "$JDK_HOME/bin/java" "@$REPO_ROOT/deploy/jvm/service.options" \
      "-Dlogpipe.state-dir=$STATE_DIR" -jar "$(service_jar "$service")"
  )
  mark_launched "$service"
}

# Ready when the readiness group (which includes Kafka, and Elasticsearch for the indexer) is UP.
service_ready() {
  curl -fsS --max-time 3 "http://127.0.0.1:${PORT[$1]}/actuator/health/readiness" 2>/dev/null |
    grep -Eq '"status" *: *"UP"'
}
