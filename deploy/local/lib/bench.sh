# shellcheck shell=bash
# `logpipe bench`: builds the benchmark runner (module benchmarks) like the services and runs
# it against the local Kafka and Elasticsearch. The runner starts its own service processes
# from the jars, on its own topics, consumer groups and ports, so the stack's services are
# not disturbed. Sourced, never run.

bench_jar() { printf '%s/benchmarks/target/benchmarks.jar' "$REPO_ROOT"; }

# The runner's jar is stale when missing or older than its sources, common's or the poms.
bench_is_stale() {
  local jar
  jar=$(bench_jar)
  [[ -f $jar && -d $REPO_ROOT/benchmarks/target/lib ]] || return 0
  [[ -n $(find "$REPO_ROOT/pom.xml" "$REPO_ROOT/benchmarks/pom.xml" "$REPO_ROOT/benchmarks/src" \
    "$REPO_ROOT/common/pom.xml" "$REPO_ROOT/common/src" -newer "$jar" -print -quit 2>/dev/null) ]]
}

build_bench_if_needed() {
  bench_is_stale || return 0
  info "building the benchmark runner (./mvnw package -pl benchmarks, tests not compiled; log: $(log_file build))"
  mvnw_logged -B -q -Dmaven.test.skip=true -Dbench.runner-only package -pl benchmarks -am || {
    show_log_tail "$(log_file build)"
    die "the build of the benchmark runner failed (full log: $(log_file build))"
  }
}

# Runs the benchmark in mode $1 (quick or full) and leaves both reports in the state folder.
run_bench() {
  local mode=$1
  build_bench_if_needed
  info "running the $mode benchmark (logs of its service processes: $STATE_DIR/bench-logs)"
  # The runner holds every parsed document of the run for the bulk baseline (about 1 GB in full mode).
  "$JDK_HOME/bin/java" -Xms256m -Xmx3g --enable-native-access=ALL-UNNAMED "-Dlogpipe.state-dir=$STATE_DIR" \
    -cp "$(bench_jar):$REPO_ROOT/benchmarks/target/lib/*" io.logpipe.bench.BenchmarkRunner \
    --mode "$mode" \
    --bootstrap-servers "127.0.0.1:${PORT[kafka]}" \
    --elasticsearch "http://127.0.0.1:${PORT[elasticsearch]}" \
    --project-root "$REPO_ROOT" \
    --output-dir "$STATE_DIR" || die "the benchmark failed (its service logs: $STATE_DIR/bench-logs)"
  echo
  cat "$STATE_DIR/bench-report.md"
  echo
  info "reports written: $STATE_DIR/bench-report.md and $STATE_DIR/bench-report.json"
}
