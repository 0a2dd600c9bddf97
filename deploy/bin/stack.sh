#!/usr/bin/env bash
# The local stack without containers (ADR 0006): PostgreSQL, Kafka (KRaft), Apicurio Registry, Redis, Prometheus and
# the seven services as plain processes on 127.0.0.1.
#
#   deploy/bin/stack.sh up [--build] [--no-build] [--infra-only] [--no-demo]
#                                    (also the dev issuer and the sandbox bank, when built; then the demo scenario)
#   deploy/bin/stack.sh down
#   deploy/bin/stack.sh status
#
# Normally run through ./bankflow up|down|status (which picks JDK 25 and Maven). Settings, all optional:
#   BANKFLOW_PORT_BASE   first port (default 18600); every port is base + a fixed offset (CONTEXT-FOR-CONTRIBUTORS.md)
#   BANKFLOW_HOME        state directory: run/ (pids), logs/, data/ (default <checkout>/.bankflow)
#   BANKFLOW_PG_ADMIN_URL  superuser JDBC URL of a PostgreSQL to use (default the machine's on 5432); when none
#                        answers, an embedded PostgreSQL is started on base+43
#   BANKFLOW_REDIS_HOST / BANKFLOW_REDIS_PORT  a Redis to use (default 127.0.0.1:6379); else one on base+79
#   BANKFLOW_SERVICE_JAVA_OPTS, BANKFLOW_KAFKA_JAVA_OPTS, BANKFLOW_REGISTRY_JAVA_OPTS  JVM options
#   BANKFLOW_SERVICE_READY_TIMEOUT (300), BANKFLOW_INFRA_READY_TIMEOUT (120), BANKFLOW_STOP_TIMEOUT (30)  seconds
#   BANKFLOW_REGISTRY_STORAGE  file (default: schemas survive restarts) or memory
#   BANKFLOW_CONNECTION_CALLBACK_URL  where the bank sends the user back (default this stack's gateway /oauth/callback)
#   BANKFLOW_DEMO_TIMEOUT  seconds each step of the demo may take (default 120)
set -euo pipefail

BIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export BANKFLOW_ROOT="${BANKFLOW_ROOT:-$(cd "$BIN_DIR/../.." && pwd)}"
# shellcheck source=deploy/bin/lib/common.sh
source "$BIN_DIR/lib/common.sh"
# shellcheck source=deploy/bin/lib/components.sh
source "$BIN_DIR/lib/components.sh"

# The bank redirects the user's browser to the gateway of this stack (connection-service's default names the default
# port base only). Exported: every process the stack launches inherits it.
export BANKFLOW_CONNECTION_CALLBACK_URL=${BANKFLOW_CONNECTION_CALLBACK_URL:-http://127.0.0.1:$PORT_BASE/oauth/callback}
DEMO_STEP_TIMEOUT=${BANKFLOW_DEMO_TIMEOUT:-120}

usage() {
  cat <<USAGE
Usage: deploy/bin/stack.sh up [--build] [--no-build] [--infra-only] [--no-demo] | down | status

  up            start whatever is not running yet and wait until everything is healthy (safe to run again),
                then run the demo scenario (connect the sandbox bank, sync, match, forecast, a webhook deposit)
    --build       build the whole project first, even if every jar is there
    --no-build    never build; start what is built
    --infra-only  PostgreSQL, Kafka, the registry, Redis and Prometheus, but no services (and no demo)
    --no-demo     start everything but do not run the demo
  down          stop exactly what 'up' started (services first), by pid
  status        what runs, where, and whether it is healthy
USAGE
}

# One up/down at a time per state directory.
take_lock() {
  mkdir -p "$RUN_DIR" "$LOG_DIR" "$DATA_DIR"
  exec 9>"$RUN_DIR/.lock"
  flock -n 9 || die "another 'up' or 'down' is running for $STATE_DIR"
}

# ---- up -------------------------------------------------------------------------------------------------------------

# Builds the whole project when something 'up' needs is missing (or when asked to).
build_if_needed() {
  local force=$1 infra_only=$2 svc
  local -a missing=()
  tool_jar >/dev/null || missing+=("local-stack tools")
  [[ -f $LOCAL_STACK_TARGET/classpath.txt ]] || missing+=("local-stack classpath")
  [[ -f $KAFKA_HOME_DIR/kafka.classpath ]] || missing+=("Kafka $KAFKA_VERSION jars")
  [[ -f $APICURIO_DIR/quarkus-run.jar ]] || missing+=("Apicurio Registry $APICURIO_VERSION")
  if [[ $infra_only == false ]]; then
    for svc in "${SERVICES[@]}"; do
      service_is_app "$svc" && [[ ! -f $(service_jar "$svc") ]] && missing+=("$svc")
    done
  fi
  if [[ $force == never ]]; then
    ((${#missing[@]} == 0)) || warn "not built (and --no-build): ${missing[*]}"
    return 0
  fi
  if [[ $force == false ]] && ((${#missing[@]} == 0)); then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "Maven is needed to build (run through ./bankflow, which installs it)"
  if [[ $force == true ]]; then
    say "building the project (mvn install -DskipTests); log: $LOG_DIR/build.log"
  else
    say "building the project (missing: ${missing[*]}); log: $LOG_DIR/build.log"
  fi
  local started=$SECONDS
  if ! (cd "$BANKFLOW_ROOT" && mvn -B -q -ntp install -DskipTests) >"$LOG_DIR/build.log" 2>&1; then
    fail "the build failed; its log is $LOG_DIR/build.log"
    grep -E '\[ERROR\]' "$LOG_DIR/build.log" | head -n 25 >&2 || tail -n 25 "$LOG_DIR/build.log" >&2
    exit 1
  fi
  say "build done in $((SECONDS - started)) s"
}

# Runs the three set-up chains (databases, topics, schemas) side by side; each waits for its server first.
setup_infrastructure() {
  local out=$RUN_DIR/.setup
  mkdir -p "$out"
  # 9>&-: the lock stays with this shell, so an interrupted 'up' does not block 'down' while these finish.
  await_postgres_and_provision >"$out/postgres" 2>&1 9>&- &
  local pg=$!
  await_kafka_and_create_topics >"$out/kafka" 2>&1 9>&- &
  local kafka=$!
  await_registry_and_register_schemas >"$out/registry" 2>&1 9>&- &
  local registry=$!
  local failed=0 job name
  for job in "$pg:postgres" "$kafka:kafka" "$registry:registry"; do
    name=${job#*:}
    if wait "${job%%:*}"; then
      cat "$out/$name"
    else
      cat "$out/$name" >&2
      failed=1
    fi
  done
  rm -rf "$out"
  ((failed == 0)) || die "the infrastructure did not come up; 'deploy/bin/stack.sh status' shows what runs," \
    "'./bankflow down' stops it"
}

start_services() {
  local svc
  STARTED_SERVICES=()
  SKIPPED_SERVICES=()
  for svc in "${SERVICES[@]}"; do
    if [[ -f $(service_jar "$svc") ]]; then
      start_java_app "$svc" "$(service_jar "$svc")" "${SERVICE_PORT[$svc]}" "$(service_env "$svc")"
      STARTED_SERVICES+=("$svc")
    else
      SKIPPED_SERVICES+=("$svc")
    fi
  done
  ((${#SKIPPED_SERVICES[@]} == 0)) ||
    warn "not started, no jar yet (<service>/target/<service>-exec.jar): ${SKIPPED_SERVICES[*]}"
}

# Waits for every started service's readiness, all at once; names each one that fails and the log to read.
await_services() {
  local -a waiting=("$@")
  local deadline=$((SECONDS + SERVICE_READY_TIMEOUT)) svc pid
  local -a failed=()
  while ((${#waiting[@]})); do
    local -a still=()
    for svc in "${waiting[@]}"; do
      local port
      port=$(app_port "$svc")
      if service_ready "$port"; then
        ok "$svc: ready on http://127.0.0.1:$port"
      elif ! pid=$(running_pid "$svc"); then
        fail "$svc exited while starting; its log is $LOG_DIR/$svc.log"
        log_tail "$svc"
        failed+=("$svc")
      else
        still+=("$svc")
      fi
    done
    waiting=("${still[@]+"${still[@]}"}")
    ((${#waiting[@]})) || break
    if ((SECONDS >= deadline)); then
      for svc in "${waiting[@]}"; do
        fail "$svc is not ready after ${SERVICE_READY_TIMEOUT} s (http://127.0.0.1:$(app_port "$svc")/actuator/health/readiness); its log is $LOG_DIR/$svc.log"
        log_tail "$svc" 15
        failed+=("$svc")
      done
      break
    fi
    sleep 1 # poll interval
  done
  ((${#failed[@]} == 0)) || die "not ready: ${failed[*]} (the rest keeps running; './bankflow down' stops everything)"
}

cmd_up() {
  local build=false infra_only=false demo=true arg
  for arg in "$@"; do
    case $arg in
      --build) build=true ;;
      --no-demo) demo=false ;;
      --no-build) build=never ;;
      --infra-only) infra_only=true ;;
      -h | --help)
        usage
        return 0
        ;;
      *)
        usage >&2
        exit 2
        ;;
    esac
  done
  local started=$SECONDS
  take_lock
  ensure_java
  ensure_command curl curl || die "curl is needed for health checks (apt-get install curl)"
  say "stack: ports from $PORT_BASE, state in $STATE_DIR"
  build_if_needed "$build" "$infra_only"
  tool_jar >/dev/null || die "the local-stack tools are not built (deploy/local-stack/target); run ./bankflow up --build"

  # The slow starters first, so that they boot while the rest is decided.
  start_kafka
  start_registry
  start_postgres
  start_redis
  start_prometheus
  [[ -z $(running_pid prometheus || true) ]] || start_blackbox_exporter
  if [[ $infra_only == false ]]; then
    start_issuer
    start_sandbox_bank
  fi
  setup_infrastructure
  if [[ -n $(running_pid prometheus || true) ]]; then
    await prometheus "$(running_pid prometheus)" 60 "ready" prometheus_ready || exit 1
  fi
  if [[ -n $(running_pid blackbox-exporter || true) ]]; then
    await blackbox-exporter "$(running_pid blackbox-exporter)" 30 "ready" blackbox_ready || exit 1
  fi
  say "infrastructure ready after $((SECONDS - started)) s"

  if [[ $infra_only == false ]]; then
    local -a apps=()
    if [[ -f $ISSUER_JAR ]]; then apps+=(dev-issuer); fi
    if [[ -f $SANDBOX_BANK_JAR ]]; then apps+=(sandbox-bank); fi
    start_services
    apps+=("${STARTED_SERVICES[@]+"${STARTED_SERVICES[@]}"}")
    ((${#apps[@]} == 0)) || await_services "${apps[@]}"
  fi
  echo
  print_status || true
  say "up in $((SECONDS - started)) s; logs in $LOG_DIR; stop with ./bankflow down"
  if [[ $infra_only == false && $demo == true ]]; then
    # The lock is for starting and stopping; the demo only talks to the running stack.
    flock -u 9
    run_demo || die "the demo failed (the stack keeps running; './bankflow up --no-demo' skips the demo," \
      "'./bankflow down' stops the stack)"
  fi
}

# ---- the demo -------------------------------------------------------------------------------------------------------

# The scripted scenario (io.bankflow.localstack.demo.Demo) for demo organisation acme-industries, through the gateway
# only. It prints what happened and fails with the step that did not work; it never prints a token or a secret.
run_demo() {
  local missing=() svc
  for svc in "${SERVICES[@]}"; do [[ -n $(running_pid "$svc" || true) ]] || missing+=("$svc"); done
  [[ -n $(running_pid dev-issuer || true) ]] || missing+=(dev-issuer)
  [[ -n $(running_pid sandbox-bank || true) ]] || missing+=(sandbox-bank)
  if ((${#missing[@]})); then
    warn "demo skipped: not running: ${missing[*]}"
    return 0
  fi
  echo
  say "demo: acme-industries connects the sandbox bank, syncs, reconciles and forecasts (skip with --no-demo)"
  run_tool demo.Demo --gateway-url "http://127.0.0.1:$PORT_BASE" --issuer-url "http://127.0.0.1:$ISSUER_PORT" \
    --sandbox-bank-url "http://127.0.0.1:$SANDBOX_BANK_PORT" --secrets-dir "$STATE_DIR/secrets" \
    --step-timeout-seconds "$DEMO_STEP_TIMEOUT"
}

# ---- down -----------------------------------------------------------------------------------------------------------

cmd_down() {
  take_lock
  local -a apps=("${SERVICES[@]}" dev-issuer sandbox-bank)
  say "stopping the stack in $STATE_DIR"
  stop_components "$STOP_TIMEOUT" "${apps[@]}"
  stop_components "$STOP_TIMEOUT" prometheus blackbox-exporter
  stop_components "$STOP_TIMEOUT" registry
  stop_components "$STOP_TIMEOUT" kafka
  stop_components "$STOP_TIMEOUT" postgres
  stop_orphaned_postmaster
  stop_components "$STOP_TIMEOUT" redis
  rm -f "$PG_URL_FILE" "$REDIS_ADDR_FILE"
  say "stopped"
}

# ---- status ---------------------------------------------------------------------------------------------------------

STATUS_FORMAT='%-24s %-8s %-50s %s\n'

status_row() { # component pid url health
  local colour=$_RED
  case $4 in up*) colour=$_GREEN ;; external* | "not built"* | "not started"* | "not installed"*) colour=$_YELLOW ;; esac
  # shellcheck disable=SC2059
  printf "$STATUS_FORMAT" "$1" "${2:--}" "$3" "${colour}$4${_RESET}"
}

# Prints one row per component; returns 1 when something that should run is not healthy.
print_status() {
  local unhealthy=0 pid health svc
  # shellcheck disable=SC2059
  printf "${_BOLD}$STATUS_FORMAT${_RESET}" COMPONENT PID URL STATUS

  # PostgreSQL
  local pg_url
  pg_url=$(cat "$PG_URL_FILE" 2>/dev/null) || pg_url=""
  if pid=$(running_pid postgres); then
    if port_open "$PG_EMBEDDED_PORT"; then health=up; else health="starting or failed" unhealthy=1; fi
    status_row "postgres (embedded)" "$pid" "jdbc:postgresql://127.0.0.1:$PG_EMBEDDED_PORT" "$health"
  elif [[ $pg_url == "jdbc:postgresql://127.0.0.1:$PG_EMBEDDED_PORT/"* ]]; then
    status_row "postgres (embedded)" "" "jdbc:postgresql://127.0.0.1:$PG_EMBEDDED_PORT" "down"
    unhealthy=1
  elif [[ -n $pg_url ]]; then
    local hp
    hp=$(pg_host_port "$pg_url")
    if port_open "${hp##*:}" "${hp%:*}"; then health="up (machine's server)"; else health=down unhealthy=1; fi
    status_row "postgres (machine)" "" "jdbc:postgresql://$hp" "$health"
  else
    status_row postgres "" "-" "not started"
  fi

  # Kafka
  if pid=$(running_pid kafka); then
    if run_tool KafkaTopics --bootstrap "127.0.0.1:$KAFKA_PORT" --check >/dev/null 2>&1; then
      health=up
    else health="not answering" unhealthy=1; fi
    status_row kafka "$pid" "127.0.0.1:$KAFKA_PORT" "$health"
  else
    status_row kafka "" "127.0.0.1:$KAFKA_PORT" "down"
    unhealthy=1
  fi

  # Registry
  if pid=$(running_pid registry); then
    if registry_ready; then health=up; else health="not ready" unhealthy=1; fi
    status_row registry "$pid" "http://127.0.0.1:$REGISTRY_PORT/apis/ccompat/v7" "$health"
  else
    status_row registry "" "http://127.0.0.1:$REGISTRY_PORT/apis/ccompat/v7" "down"
    unhealthy=1
  fi

  # Redis
  local redis_addr
  redis_addr=$(cat "$REDIS_ADDR_FILE" 2>/dev/null) || redis_addr=""
  if pid=$(running_pid redis); then
    if redis_ping 127.0.0.1 "$REDIS_STACK_PORT"; then health=up; else health="not answering" unhealthy=1; fi
    status_row redis "$pid" "redis://127.0.0.1:$REDIS_STACK_PORT" "$health"
  elif [[ -n $redis_addr ]]; then
    if redis_ping "${redis_addr%:*}" "${redis_addr##*:}"; then health="up (machine's server)"; else health=down; fi
    status_row "redis (machine)" "" "redis://$redis_addr" "$health"
  else
    status_row redis "" "-" "not started"
  fi

  # Prometheus
  if pid=$(running_pid prometheus); then
    if prometheus_ready; then health=up; else health="not ready" unhealthy=1; fi
    status_row prometheus "$pid" "http://127.0.0.1:$PROMETHEUS_PORT" "$health"
  elif command -v prometheus >/dev/null 2>&1; then
    status_row prometheus "" "http://127.0.0.1:$PROMETHEUS_PORT" "not started"
  else
    status_row prometheus "" "-" "not installed"
  fi

  if pid=$(running_pid blackbox-exporter); then
    if blackbox_ready; then health=up; else health="not ready" unhealthy=1; fi
    status_row blackbox-exporter "$pid" "http://127.0.0.1:$BLACKBOX_PORT" "$health"
  fi

  # Identity issuer (optional) and services
  if pid=$(running_pid dev-issuer); then
    if service_ready "$ISSUER_PORT"; then health=up; else health="not ready" unhealthy=1; fi
    status_row dev-issuer "$pid" "http://127.0.0.1:$ISSUER_PORT" "$health"
  fi
  if pid=$(running_pid sandbox-bank); then
    if service_ready "$SANDBOX_BANK_PORT"; then health=up; else health="not ready" unhealthy=1; fi
    status_row sandbox-bank "$pid" "http://127.0.0.1:$SANDBOX_BANK_PORT" "$health"
  elif [[ -f $SANDBOX_BANK_JAR ]]; then
    status_row sandbox-bank "" "http://127.0.0.1:$SANDBOX_BANK_PORT" "down"
    unhealthy=1
  fi
  for svc in "${SERVICES[@]}"; do
    local url="http://127.0.0.1:${SERVICE_PORT[$svc]}"
    if pid=$(running_pid "$svc"); then
      if service_ready "${SERVICE_PORT[$svc]}"; then health=up; else health="not ready" unhealthy=1; fi
      status_row "$svc" "$pid" "$url" "$health"
    elif [[ -f $(service_jar "$svc") ]]; then
      status_row "$svc" "" "$url" "down"
      unhealthy=1
    else
      status_row "$svc" "" "$url" "not built"
    fi
  done
  return "$unhealthy"
}

cmd_status() {
  ensure_java
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  say "stack: ports from $PORT_BASE, state in $STATE_DIR"
  print_status
}

# ---- main -----------------------------------------------------------------------------------------------------------

main() {
  local cmd=${1:-}
  [[ $# -gt 0 ]] && shift
  case $cmd in
    up) cmd_up "$@" ;;
    down) cmd_down "$@" ;;
    status) cmd_status "$@" ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
