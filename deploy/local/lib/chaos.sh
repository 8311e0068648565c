# shellcheck shell=bash
# `logpipe chaos`: runs the fault-injection scenarios (module benchmarks, io.logpipe.chaos)
# against the local stack itself, unlike `bench`: it kills, freezes and blocks the stack's own
# Kafka, Elasticsearch and services, and restarts them through `logpipe up`. Sourced, never run.

# Runs the scenarios in mode $1 (quick or full), optionally only those numbered in $2 (1,4),
# and leaves both reports in the state folder. Returns the runner's status: non-zero when a
# scenario failed.
run_chaos() {
  local mode=$1 only=${2:-} status=0
  build_bench_if_needed
  info "running the $mode chaos scenarios against the local stack (restarts logged to $STATE_DIR/chaos-logs/up.log)"
  # The dev key reaches the runner through LOGPIPE_DEV_API_KEY when set, else it reads the key
  # file itself: never on a command line, where ps would show it.
  "$JDK_HOME/bin/java" -Xms64m -Xmx512m "-Dlogpipe.state-dir=$STATE_DIR" \
    -cp "$(bench_jar):$REPO_ROOT/benchmarks/target/lib/*" io.logpipe.chaos.ChaosRunner \
    --mode "$mode" \
    --state-dir "$STATE_DIR" \
    --project-root "$REPO_ROOT" \
    ${only:+--only "$only"} || status=$?
  [[ -s $STATE_DIR/chaos-report.md ]] || die "the chaos runner wrote no report (exit $status)"
  echo
  cat "$STATE_DIR/chaos-report.md"
  info "reports written: $STATE_DIR/chaos-report.md and $STATE_DIR/chaos-report.json"
  ((status == 0)) || die "at least one chaos scenario failed (see the report above)"
}
