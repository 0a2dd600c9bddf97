# shellcheck shell=bash
# Settings, messages and process handling shared by deploy/bin/stack.sh. Sourced, never run.
#
# Every process the stack starts runs in its own session (setsid, so a closed terminal or Ctrl-C in `up` leaves it
# alone), writes stdout+stderr to $LOG_DIR/<name>.log and has its pid in $RUN_DIR/<name>.pid. A pid is only ever
# signalled after its command line was checked to still carry the component's marker (see marker_of), so a pid
# file left over after a reboot can never make `down` kill somebody else's process.

# ---- locations and ports -------------------------------------------------------------------------------------

BANKFLOW_ROOT=${BANKFLOW_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}
PORT_BASE=${BANKFLOW_PORT_BASE:-18600}
if ! [[ $PORT_BASE =~ ^[0-9]+$ ]] || ((PORT_BASE < 1024 || PORT_BASE > 65435)); then
  echo "bankflow: BANKFLOW_PORT_BASE must be a number between 1024 and 65435, was '$PORT_BASE'" >&2
  exit 2
fi
STATE_DIR=${BANKFLOW_HOME:-$BANKFLOW_ROOT/.bankflow}
mkdir -p "$STATE_DIR"
STATE_DIR=$(cd "$STATE_DIR" && pwd)
RUN_DIR=$STATE_DIR/run
LOG_DIR=$STATE_DIR/logs
DATA_DIR=$STATE_DIR/data
# Tools are unpacked by the build into the checkout, whatever state directory this stack uses.
TOOLS_DIR=$BANKFLOW_ROOT/.bankflow/tools

_pom_property() { # $1 = property name in the root pom
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$BANKFLOW_ROOT/pom.xml" | head -n 1
}
KAFKA_VERSION=$(_pom_property kafka-broker.version)
APICURIO_VERSION=$(_pom_property apicurio-registry.version)
KAFKA_HOME_DIR=$TOOLS_DIR/kafka-$KAFKA_VERSION
APICURIO_DIR=$TOOLS_DIR/apicurio-registry-$APICURIO_VERSION
LOCAL_STACK_TARGET=$BANKFLOW_ROOT/deploy/local-stack/target

# The services, in the order of their ports (CONTEXT-FOR-CONTRIBUTORS.md).
SERVICES=(gateway-service connection-service token-vault-service sync-service reconciliation-service
  cashflow-service webhook-ingest-service)
declare -A SERVICE_PORT=(
  [gateway-service]=$((PORT_BASE + 0)) [connection-service]=$((PORT_BASE + 10))
  [token-vault-service]=$((PORT_BASE + 20)) [sync-service]=$((PORT_BASE + 30))
  [reconciliation-service]=$((PORT_BASE + 40)) [cashflow-service]=$((PORT_BASE + 50))
  [webhook-ingest-service]=$((PORT_BASE + 60)))
declare -A SERVICE_DATABASE=(
  [connection-service]=bankflow_connection [token-vault-service]=bankflow_token_vault
  [sync-service]=bankflow_sync [reconciliation-service]=bankflow_reconciliation
  [cashflow-service]=bankflow_cashflow [webhook-ingest-service]=bankflow_webhook_ingest)
ISSUER_PORT=$((PORT_BASE + 75))
PG_EMBEDDED_PORT=$((PORT_BASE + 43))
REDIS_STACK_PORT=$((PORT_BASE + 79))
REGISTRY_PORT=$((PORT_BASE + 81))
REGISTRY_MGMT_PORT=$((PORT_BASE + 82))
PROMETHEUS_PORT=$((PORT_BASE + 90))
BLACKBOX_PORT=$((PORT_BASE + 91))
KAFKA_PORT=$((PORT_BASE + 92))
KAFKA_CONTROLLER_PORT=$((PORT_BASE + 93))

PG_ADMIN_URL=${BANKFLOW_PG_ADMIN_URL:-jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}
REDIS_MACHINE_HOST=${BANKFLOW_REDIS_HOST:-127.0.0.1}
REDIS_MACHINE_PORT=${BANKFLOW_REDIS_PORT:-6379}

# Memory: small heaps, one GC thread; override when measuring performance.
KAFKA_JAVA_OPTS=${BANKFLOW_KAFKA_JAVA_OPTS:--Xms128m -Xmx512m -XX:+UseSerialGC}
REGISTRY_JAVA_OPTS=${BANKFLOW_REGISTRY_JAVA_OPTS:--Xms64m -Xmx320m -XX:+UseSerialGC}
SERVICE_JAVA_OPTS=${BANKFLOW_SERVICE_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
TOOL_JAVA_OPTS="-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"
# JDK 24+ warns about sun.misc.Unsafe and JNI use in Kafka's and Netty's dependencies; both flags exist from 24 on.
JDK_QUIET_OPTS="--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"

# Deadlines, in seconds.
SERVICE_READY_TIMEOUT=${BANKFLOW_SERVICE_READY_TIMEOUT:-300}
INFRA_READY_TIMEOUT=${BANKFLOW_INFRA_READY_TIMEOUT:-120}
STOP_TIMEOUT=${BANKFLOW_STOP_TIMEOUT:-30}

# ---- messages ------------------------------------------------------------------------------------------------

if [[ -t 1 ]]; then
  _BOLD=$'\e[1m' _RED=$'\e[31m' _YELLOW=$'\e[33m' _GREEN=$'\e[32m' _RESET=$'\e[0m'
else
  _BOLD='' _RED='' _YELLOW='' _GREEN='' _RESET=''
fi
say() { printf '%s\n' "bankflow: $*"; }
ok() { printf '%s\n' "bankflow: ${_GREEN}$*${_RESET}"; }
warn() { printf '%s\n' "bankflow: ${_YELLOW}warning:${_RESET} $*" >&2; }
fail() { printf '%s\n' "bankflow: ${_RED}error:${_RESET} $*" >&2; }
die() {
  fail "$@"
  exit 1
}

# The last lines of a component's log, indented, for error messages.
log_tail() { # name [lines]
  local log=$LOG_DIR/$1.log
  [[ -f $log ]] || return 0
  echo "---- last ${2:-25} lines of $log ----" >&2
  tail -n "${2:-25}" "$log" | sed 's/^/  /' >&2
  echo "----" >&2
}

# ---- the JDK and Java tools ----------------------------------------------------------------------------------

ensure_java() {
  # shellcheck source=deploy/bin/jdk.sh
  source "$BANKFLOW_ROOT/deploy/bin/jdk.sh"
  bankflow_find_jdk # keeps a suitable $JAVA_HOME (./bankflow already chose one)
  JAVA=$JAVA_HOME/bin/java
}

tool_jar() {
  local jar
  for jar in "$LOCAL_STACK_TARGET"/local-stack-*.jar; do
    [[ -f $jar && $jar != *-sources.jar && $jar != *-tests.jar && $jar != *-javadoc.jar ]] && {
      echo "$jar"
      return 0
    }
  done
  return 1
}

# Runs one of the io.bankflow.localstack tools: run_tool ClassName args...
run_tool() {
  local main=$1 jar
  shift
  jar=$(tool_jar) || die "the local-stack tools are not built (run ./bankflow up --build)"
  # shellcheck disable=SC2086 # option lists are meant to split
  "$JAVA" $TOOL_JAVA_OPTS $JDK_QUIET_OPTS -cp "$jar:$(<"$LOCAL_STACK_TARGET/classpath.txt")" "io.bankflow.localstack.$main" "$@"
}

# ---- ports and health probes ---------------------------------------------------------------------------------

port_open() { # port [host]
  (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null
}

http_ok() { # url
  curl -fsS -o /dev/null -m 3 "$1" 2>/dev/null
}

redis_ping() { # host port
  local reply
  reply=$(
    exec 2>/dev/null
    exec 7<>"/dev/tcp/$1/$2" || exit 1
    printf 'PING\r\n' >&7
    read -r -t 2 line <&7 && echo "$line"
  ) || return 1
  [[ $reply == +PONG* ]]
}

# ---- processes ------------------------------------------------------------------------------------------------

pid_file() { echo "$RUN_DIR/$1.pid"; }

# The text a component's command line must contain for its pid to be ours. Java processes carry
# -Dbankflow.process=<state dir>#<name>; the others are recognised by their port or data directory.
marker_of() {
  case $1 in
    redis) echo "redis-server 127.0.0.1:$REDIS_STACK_PORT" ;;
    prometheus) echo "--storage.tsdb.path=$DATA_DIR/prometheus/data" ;;
    blackbox-exporter) echo "--web.listen-address=127.0.0.1:$BLACKBOX_PORT" ;;
    *) echo "-Dbankflow.process=$STATE_DIR#$1" ;;
  esac
}

cmdline_of() { # pid
  [[ -r /proc/$1/cmdline ]] && tr '\0' ' ' <"/proc/$1/cmdline"
}

alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

# Prints the pid of a running component this stack started; returns 1 (removing a stale pid file) otherwise.
running_pid() { # name
  local file pid cmd
  file=$(pid_file "$1")
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  if [[ $pid =~ ^[0-9]+$ ]] && alive "$pid"; then
    cmd=$(cmdline_of "$pid") || cmd=''
    if [[ $cmd == *"$(marker_of "$1")"* ]]; then
      echo "$pid"
      return 0
    fi
  fi
  rm -f "$file"
  return 1
}

# Starts a component in the background: launch name workdir command...
# Its log is rotated (one previous log is kept as <name>.log.1).
launch() {
  local name=$1 dir=$2 file log
  shift 2
  file=$(pid_file "$name")
  log=$LOG_DIR/$name.log
  rm -f "$file"
  [[ -f $log ]] && mv -f "$log" "$log.1"
  local command="$*"
  ((${#command} <= 600)) || command="${command:0:600}..."
  printf '# %s: started by deploy/bin/stack.sh in %s\n# %s\n' "$(date '+%F %T')" "$dir" "$command" >"$log"
  # setsid: a session of its own. The inner bash records its pid, then becomes the command (exec keeps the pid).
  (cd "$dir" && exec setsid bash -c 'echo $$ >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$file" "$@" \
    >>"$log" 2>&1 </dev/null 9>&-) & # fd 9 holds stack.sh's lock: not for the children
  local waited=0
  until [[ -s $file ]]; do
    ((waited++ < 100)) || die "$name did not start (no pid after 10 s); see $log"
    sleep 0.1
  done
}

# Waits until a check command succeeds: await name pid timeout what check...
# Fails early, with the end of the log, when the process exits. pid may be empty (nothing to watch).
await() {
  local name=$1 pid=$2 timeout=$3 what=$4
  shift 4
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if [[ -n $pid ]] && ! alive "$pid"; then
      fail "$name exited while starting (pid $pid); its log is $LOG_DIR/$name.log"
      log_tail "$name"
      return 1
    fi
    if ((SECONDS >= deadline)); then
      fail "$name is not $what after ${timeout} s; its log is $LOG_DIR/$name.log"
      log_tail "$name"
      return 1
    fi
    sleep 0.5 # poll interval
  done
}

# Stops components by pid: SIGTERM to all of them, then wait; SIGKILL what is left at the deadline.
stop_components() { # timeout name...
  local timeout=$1 name pid
  shift
  local -a names=() pids=()
  for name in "$@"; do
    local file
    file=$(pid_file "$name")
    [[ -f $file ]] || continue
    if pid=$(running_pid "$name"); then
      kill -TERM "$pid" 2>/dev/null || true
      names+=("$name")
      pids+=("$pid")
    else
      say "$name: not running (stale pid file removed)"
    fi
  done
  ((${#pids[@]})) || return 0
  local deadline=$((SECONDS + timeout)) i left
  while :; do
    left=0
    for i in "${!pids[@]}"; do alive "${pids[$i]}" && left=1; done
    ((left)) || break
    ((SECONDS >= deadline)) && break
    sleep 0.2 # poll interval
  done
  for i in "${!pids[@]}"; do
    if alive "${pids[$i]}"; then
      warn "${names[$i]} (pid ${pids[$i]}) did not stop within ${timeout} s; killing it"
      kill -KILL "${pids[$i]}" 2>/dev/null || true
      local waited=0
      while alive "${pids[$i]}" && ((waited++ < 50)); do sleep 0.1; done
    fi
    rm -f "$(pid_file "${names[$i]}")"
    say "${names[$i]}: stopped"
  done
}

# ---- packages ---------------------------------------------------------------------------------------------------

# Installs a Debian package when a command is missing and we are root: ensure_command cmd package.
# Services the package would start on its own are kept from starting (policy-rc.d): the stack starts its own.
ensure_command() {
  local cmd=$1 package=$2
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    return 1
  fi
  say "installing Debian's $package package (for $cmd)"
  local policy=/usr/sbin/policy-rc.d created=0 rc=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\n# written by bankflow stack.sh during apt-get install; removed afterwards\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    created=1
  fi
  {
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package" ||
      { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package"; }
  } >>"$LOG_DIR/apt.log" 2>&1 || rc=$?
  ((created)) && rm -f "$policy"
  ((rc == 0)) && command -v "$cmd" >/dev/null 2>&1
}
