# shellcheck shell=bash
# Starting, recognising, waiting for and stopping the runtime's processes. Sourced, never run.
#
# Every process we start names the state folder on its command line (a path or a
# -Dlogpipe.state-dir flag). That is how a pid from a pid file is told apart from an unrelated
# process that got the same pid after ours died: nothing is signalled unless it matches.

declare -A LAUNCHED_AT=()

pid_file() { printf '%s/run/%s.pid' "$STATE_DIR" "$1"; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when pid $1 runs and its command line names our state folder (as a whole path element,
# so /x/.logpipe does not claim the processes of /x/.logpipe2).
is_ours() {
  local args
  args=$(ps -ww -o args= -p "$1" 2>/dev/null) || return 1
  [[ $args == *"$STATE_DIR/"* || $args == *"$STATE_DIR "* || $args == *"$STATE_DIR" ]]
}

# Prints the pid of component $1 when the process in its pid file still runs and is ours.
running_pid() {
  local file pid
  file=$(pid_file "$1")
  [[ -s $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] && is_ours "$pid" && printf '%s' "$pid"
}

# Prints pid $1 and all its descendants (Elasticsearch is runuser -> launcher JVM -> server JVM).
process_tree() {
  ps -e -o pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2 }
    END {
      for (p in parent) {
        q = p
        while (q != root && (q in parent) && q > 1) q = parent[q]
        if (q == root) print p
      }
    }'
}

# Prints those of the given pids that still run and are ours.
ours_alive() {
  local pid
  for pid in "$@"; do
    if is_ours "$pid"; then printf '%s\n' "$pid"; fi
  done
}

# Starts "$@" in the background as component $1, in its own session (closing the terminal or a
# Ctrl-C there does not reach it), with output appended to the component's log, and records its
# pid. The dev key never reaches a child's environment: ingest-api gets only its hash.
launch() {
  local component=$1
  shift
  local pid_file log detach=(setsid)
  pid_file=$(pid_file "$component")
  log=$(log_file "$component")
  command -v setsid >/dev/null || detach=(nohup) # macOS
  rm -f "$pid_file"
  mark_log "$log"
  # The inner shell records its own pid, then execs the command: the pid file names the
  # process that really runs it, even where setsid forks. fd 9 (the lock) is closed, or the
  # server would hold the lock for as long as it runs.
  # shellcheck disable=SC2016 # $$ and $@ belong to the inner shell
  env -u LOGPIPE_DEV_API_KEY "${detach[@]}" bash -c 'echo $$ >"$0"; exec "$@"' "$pid_file" "$@" \
    >>"$log" 2>&1 </dev/null 9>&- &
  local tries=0
  until [[ -s $pid_file ]]; do
    ((++tries <= 50)) || die "$component did not start (no pid after 5s); see $log"
    sleep 0.1
  done
  mark_launched "$component"
}

# Remembers when component $1 started, to tell how long it took to become ready; called again
# by starters that launch from a subshell, whose own record is lost.
mark_launched() { LAUNCHED_AT[$1]=$SECONDS; }

is_ready() {
  case $1 in
    kafka) kafka_ready ;;
    elasticsearch) es_ready ;;
    *) service_ready "$1" ;;
  esac
}

start_component() {
  case $1 in
    kafka) start_kafka ;;
    elasticsearch) start_elasticsearch ;;
    *) start_service "$1" ;;
  esac
}

# Starts component $1 unless our copy of it already runs; a second `up` leaves it alone.
ensure_started() {
  local component=$1 pid
  if pid=$(running_pid "$component"); then
    info "$component is already running (pid $pid)"
    return 0
  fi
  info "starting $component on 127.0.0.1:${PORT[$component]}"
  start_component "$component"
}

# Waits up to $1 seconds until every component named after it is ready, all at once, so that
# one that exits fails the run at once. Fails with the log of the first that exits or is late.
wait_ready() {
  local timeout=$1 waited_from=$SECONDS component pending still
  shift
  pending=("$@")
  while ((${#pending[@]})); do
    still=()
    for component in "${pending[@]}"; do
      if is_ready "$component"; then
        report_ready "$component"
      else
        running_pid "$component" >/dev/null || fail_component "$component" "exited before it was ready"
        still+=("$component")
      fi
    done
    pending=(${still[@]+"${still[@]}"})
    ((${#pending[@]})) || break
    ((SECONDS - waited_from < timeout)) || fail_component "${pending[0]}" "was not ready after ${timeout}s (waiting for: ${pending[*]})"
    sleep 1
  done
}

report_ready() {
  if [[ -n ${LAUNCHED_AT[$1]:-} ]]; then
    info "$1 is ready ($((SECONDS - LAUNCHED_AT[$1]))s after start)"
  else
    info "$1 is ready"
  fi
}

fail_component() {
  local component=$1 reason=$2
  show_log_tail "$(log_file "$component")"
  die "$component $reason (full log: $(log_file "$component"); 'deploy/local/logpipe down' stops the rest)"
}

# ' (users:(("java",pid=123,fd=45)))' for a listening port, where ss can tell.
port_owner() {
  command -v ss >/dev/null || return 0
  local owner
  owner=$(ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'users:(.*)' | head -n 1) || true
  [[ -z $owner ]] || printf ' (%s)' "$owner"
}

ensure_port_free() {
  local tcp_port=$1 who=$2
  port_open "$tcp_port" || return 0
  die "port $tcp_port, needed by $who, is already in use by another process$(port_owner "$tcp_port"): stop it first (if it is a logpipe started from another checkout or state folder, run 'logpipe down' there)"
}

# Checks, before anything starts, that the ports of the components that are not running yet
# are free: a foreign process on 9092 would otherwise show up as a confusing start-up failure.
check_ports_free() {
  local component
  for component in "${COMPONENTS[@]}"; do
    running_pid "$component" >/dev/null && continue
    ensure_port_free "${PORT[$component]}" "$component"
    [[ $component != kafka ]] || ensure_port_free "$KAFKA_CONTROLLER_PORT" "kafka (controller)"
  done
}

# Stops the given components together: SIGTERM to each process tree, a bounded wait for a clean
# shutdown, then SIGKILL for whatever is left. Components that do not run are skipped.
stop_components() {
  local component pid pids=() tree
  for component in "$@"; do
    pid=$(running_pid "$component") || continue
    info "stopping $component (pid $pid)"
    mapfile -t tree < <(process_tree "$pid")
    pids+=("${tree[@]}")
  done
  if ((${#pids[@]})); then
    kill -TERM "${pids[@]}" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT)) left=()
    while mapfile -t left < <(ours_alive "${pids[@]}") && ((${#left[@]})) && ((SECONDS < deadline)); do
      sleep 0.5
    done
    if ((${#left[@]})); then
      warn "still running ${STOP_TIMEOUT}s after SIGTERM, sending SIGKILL to: ${left[*]}"
      kill -KILL "${left[@]}" 2>/dev/null || true
    fi
  fi
  for component in "$@"; do rm -f "$(pid_file "$component")"; done
}
