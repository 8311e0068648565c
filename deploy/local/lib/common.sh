# shellcheck shell=bash
# Shared settings and helpers of deploy/local/logpipe: messages, the JDK, the state folder,
# the lock and the development API key. Sourced, never run.
# Lint all files together: shellcheck -x -a deploy/local/logpipe
# shellcheck disable=SC2034 # the settings and globals set here are read by the other files

readonly COMPONENTS=(kafka elasticsearch ingest-api parser-service indexer-service)
readonly SERVICES=(ingest-api parser-service indexer-service)
declare -rA PORT=([kafka]=9092 [elasticsearch]=9200 [ingest-api]=8080 [parser-service]=8081 [indexer-service]=8082)
readonly KAFKA_CONTROLLER_PORT=9093

# Bounded waits (seconds). A warm `up` takes well under a minute; these only decide how long a
# component that will never come up is given before `up` fails with its log.
readonly INFRA_READY_TIMEOUT=120 SERVICE_READY_TIMEOUT=150 STOP_TIMEOUT=30

# Written into a component's log before each start; failures show the log from there on.
readonly START_MARK='started by deploy/local/logpipe up'

# Elasticsearch refuses to run as root (docs/architecture.md "Running it"); as root it runs as this user instead.
readonly ES_USER=${LOGPIPE_ES_USER:-nobody}

# The tenant the development key belongs to (issue: local runtime).
readonly DEV_TENANT=default

info() { printf '==> %s\n' "$*"; }
warn() { printf 'logpipe: warning: %s\n' "$*" >&2; }
die() {
  printf 'logpipe: error: %s\n' "$*" >&2
  exit 1
}

running_as_root() { [[ $(id -u) -eq 0 ]]; }

# Lowercase hex SHA-256 of stdin (GNU coreutils, or shasum on macOS).
sha256_hex() {
  if command -v sha256sum >/dev/null; then sha256sum; else shasum -a 256; fi | cut -d' ' -f1
}

# The project's Maven wrapper, run from the repository root, its output appended to the build log.
mvnw_logged() {
  mark_log "$(log_file build)"
  (cd "$REPO_ROOT" && ./mvnw "$@") >>"$(log_file build)" 2>&1
}

log_file() { printf '%s/logs/%s.log' "$STATE_DIR" "$1"; }

mark_log() { printf '\n===== %s: %s =====\n' "$(date '+%F %T')" "$START_MARK" >>"$1"; }

# Prints the last lines a component wrote since its latest start (launch marks each start), so
# a failure can be read without opening files.
show_log_tail() {
  local file=$1 from
  [[ -s $file ]] || return 0
  from=$(grep -n "$START_MARK" "$file" | tail -n 1 | cut -d: -f1) || true
  printf -- '----- last lines of %s -----\n' "$file" >&2
  tail -n "+${from:-1}" "$file" | tail -n 60 >&2
  printf -- '-----\n' >&2
}

# --- JDK -------------------------------------------------------------------------------------

# Major version of the JDK at $1 (0 when it is not a JDK). Reads the `release` file so no JVM
# has to start; falls back to asking java itself.
jdk_major_version() {
  local home=$1 version=''
  [[ -x $home/bin/java ]] || {
    echo 0
    return
  }
  if [[ -r $home/release ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [[ -z $version ]]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  version=${version#1.} # "1.8.0" style
  version=${version%%[.+-]*}
  [[ $version =~ ^[0-9]+$ ]] && echo "$version" || echo 0
}

# Prints a JDK 21+ home found the way maven-toolchains-plugin's select-jdk-toolchain finds one:
# JAVA_HOME when it is new enough, else the newest in the usual install folders. The default
# `java` on our machines is 17, which the services, Kafka tools and Elasticsearch cannot use.
find_jdk_home() {
  if [[ -n ${JAVA_HOME:-} ]] && (($(jdk_major_version "$JAVA_HOME") >= 21)); then
    printf '%s' "$JAVA_HOME"
    return
  fi
  local candidate best='' best_version=0 version
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [[ -d $candidate ]] || continue
    version=$(jdk_major_version "$candidate")
    if ((version >= 21 && version > best_version)); then
      best=$candidate
      best_version=$version
    fi
  done
  [[ -n $best ]] && printf '%s' "$best"
}

# Sets JDK_HOME or stops with what to do about it.
require_jdk() {
  JDK_HOME=$(find_jdk_home) ||
    die "no JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm, /Library/Java/JavaVirtualMachines, ~/.sdkman): install one or point JAVA_HOME at it"
}

# --- state folder ----------------------------------------------------------------------------

# True when the Elasticsearch user can reach (traverse into) $1; only matters as root.
es_user_can_reach() { runuser -u "$ES_USER" -- test -x "$1" 2>/dev/null; }

# Sets STATE_DIR (and STATE_DIR_NOTE when it is not the default). As root, Elasticsearch runs as
# $ES_USER, who must traverse into the state folder; a repository inside a `mktemp -d` folder
# (mode 700, as the project's check tool clones it) is closed to that user, so the state then
# lives in /var/tmp under a name derived from the repository path (stable for status/down).
resolve_state_dir() {
  STATE_DIR_NOTE=''
  if [[ -n ${LOGPIPE_STATE_DIR:-} ]]; then
    STATE_DIR=$LOGPIPE_STATE_DIR
    [[ $STATE_DIR == /* ]] || STATE_DIR=$PWD/$STATE_DIR
    STATE_DIR_NOTE='from LOGPIPE_STATE_DIR'
  else
    STATE_DIR=$REPO_ROOT/.logpipe
    if running_as_root && command -v runuser >/dev/null && ! es_user_can_reach "$REPO_ROOT"; then
      STATE_DIR=/var/tmp/logpipe-$(printf '%s' "$REPO_ROOT" | sha256_hex | cut -c1-12)
      STATE_DIR_NOTE="not $REPO_ROOT/.logpipe: user $ES_USER cannot reach the repository"
    fi
  fi
  canonicalize_state_dir
}

# Our processes are recognised by the state folder's path on their command line, so it must be
# spelled the same way on every run: without symbolic links, once it exists.
canonicalize_state_dir() {
  if [[ -d $STATE_DIR ]]; then STATE_DIR=$(cd "$STATE_DIR" && pwd -P); fi
}

# Creates the state folder for `up` and checks that Elasticsearch's user can use it.
prepare_state_dir() {
  resolve_state_dir
  if [[ -e $STATE_DIR && ! -O $STATE_DIR ]]; then
    # /var/tmp is world-writable: never adopt a folder someone else prepared for us.
    die "state folder $STATE_DIR exists but belongs to another user"
  fi
  mkdir -p "$STATE_DIR"/{run,logs,kafka,elasticsearch}
  canonicalize_state_dir
  if running_as_root; then
    command -v runuser >/dev/null || die "running as root needs runuser (util-linux) to start Elasticsearch as $ES_USER"
    id -u "$ES_USER" >/dev/null 2>&1 || die "user '$ES_USER' does not exist (set LOGPIPE_ES_USER to an unprivileged user)"
    # Traverse only (no listing): the dev key and Kafka's files stay private.
    chmod a+x "$STATE_DIR" "$STATE_DIR/elasticsearch"
    es_user_can_reach "$STATE_DIR/elasticsearch" ||
      die "user $ES_USER cannot reach $STATE_DIR (a parent folder is closed to it): choose another LOGPIPE_STATE_DIR"
  fi
}

# One `up` or `down` at a time: a second `up` waits, then finds everything running and ready.
take_lock() {
  command -v flock >/dev/null || return 0 # macOS: no flock; concurrent runs are then on the user
  exec 9>"$STATE_DIR/run/lock"
  if ! flock -n 9; then
    info "another 'logpipe up' or 'down' is running on $STATE_DIR; waiting for it"
    flock -w 600 9 || die "gave up waiting for the other logpipe run"
  fi
}

# --- development API key ---------------------------------------------------------------------

dev_key_file() { printf '%s/dev-api-key' "$STATE_DIR"; }

# Prints the key in effect, or fails when there is none yet.
current_dev_key() {
  if [[ -n ${LOGPIPE_DEV_API_KEY:-} ]]; then
    printf '%s' "$LOGPIPE_DEV_API_KEY"
  elif [[ -s $(dev_key_file) ]]; then
    cat "$(dev_key_file)"
  else
    return 1
  fi
}

# Generates the key once (32 random bytes, hex) unless LOGPIPE_DEV_API_KEY provides one.
ensure_dev_key() {
  current_dev_key >/dev/null && return 0
  (
    umask 077
    od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$(dev_key_file)"
  )
  chmod 600 "$(dev_key_file)"
}

dev_key_sha256() { current_dev_key | sha256_hex; }
