#!/usr/bin/env bash
# A local Flink 1.19 session cluster on 127.0.0.1, built from the Flink jars on Maven Central:
# one JobManager (StandaloneSessionClusterEntrypoint) and TaskManagers (TaskManagerRunner), each a
# JVM of its own. Logs and PIDs go to the cluster folder; stop kills only the processes it started.
#
#   flink-cluster.sh start [--dir=D] [--port=8081] [--taskmanagers=1] [--slots=2] [--tm-memory=1600m]
#   flink-cluster.sh add-taskmanager [--dir=D]       # one more (e.g. to replace a lost one)
#   flink-cluster.sh status [--dir=D]
#   flink-cluster.sh stop [--dir=D]
#
# Called by `./megaphone cluster ...`; see runbooks/flink-cluster.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

command="${1:-}"
[ $# -gt 0 ] && shift
dir="${MEGAPHONE_CLUSTER_DIR:-$here/target/run}"
port=8081
taskmanagers=1
slots=2
tm_memory=1600m
conf_options=0   # set when an option that goes into flink-conf.yaml is given
for arg in "$@"; do
  case "$arg" in
    --dir=*) dir="${arg#*=}" ;;
    --port=*) port="${arg#*=}"; conf_options=1 ;;
    --taskmanagers=*) taskmanagers="${arg#*=}" ;;
    --slots=*) slots="${arg#*=}"; conf_options=1 ;;
    --tm-memory=*) tm_memory="${arg#*=}"; conf_options=1 ;;
    *) echo "flink-cluster: unknown option $arg" >&2; exit 2 ;;
  esac
done
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
lib="$here/target/lib"
conf="$dir/conf"

say() { echo "flink-cluster: $*" >&2; }

# Java 17 needs these for Flink's serializers (the list Flink's own config ships with).
java_opts=(
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
  -Dorg.slf4j.simpleLogger.showDateTime=true
  "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS"
)

ensure_lib() {
  if [ ! -d "$lib" ] || [ "$here/pom.xml" -nt "$lib" ]; then
    say "resolving the Flink jars into $lib ..."
    rm -rf "$lib"
    mvn -B -q -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$lib" -DincludeScope=runtime >&2
  fi
}

write_conf() {
  mkdir -p "$conf" "$dir/log" "$dir/pids" "$dir/checkpoints" "$dir/savepoints"
  # An edited configuration is kept, unless --port, --slots or --tm-memory say otherwise.
  if [ -f "$conf/flink-conf.yaml" ] && [ "$conf_options" = 0 ]; then
    say "using the existing $conf/flink-conf.yaml"
    return
  fi
  cat > "$conf/flink-conf.yaml" <<EOF
# Written by flink-cluster.sh start. Edit it, then stop and start without --port, --slots or
# --tm-memory (which rewrite it).
jobmanager.rpc.address: 127.0.0.1
jobmanager.bind-host: 127.0.0.1
jobmanager.rpc.port: $((port + 10))
rest.address: 127.0.0.1
rest.bind-address: 127.0.0.1
rest.port: $port
taskmanager.host: 127.0.0.1
taskmanager.bind-host: 127.0.0.1
jobmanager.memory.process.size: 768m
taskmanager.memory.process.size: $tm_memory
taskmanager.numberOfTaskSlots: $slots
# Beam's jobs have many exchanges: the default network memory (10%) is too small for the report.
taskmanager.memory.network.min: 256mb
taskmanager.memory.network.max: 256mb
# ... and each blocking exchange of a batch job would otherwise reserve 512 buffers (16 MB).
taskmanager.network.sort-shuffle.min-buffers: 64
parallelism.default: $slots
state.checkpoints.dir: file://$dir/checkpoints
state.savepoints.dir: file://$dir/savepoints
restart-strategy.type: fixed-delay
restart-strategy.fixed-delay.attempts: 20
restart-strategy.fixed-delay.delay: 2 s
# A lost TaskManager is noticed within seconds, not the default 50.
heartbeat.interval: 2000
heartbeat.timeout: 8000
EOF
}

# A process that exists and is not a zombie (a killed process nobody has reaped yet).
alive() {
  [ -f "$1" ] || return 1
  local pid
  pid="$(cat "$1")"
  kill -0 "$pid" 2>/dev/null && ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null
}

# Runs BashJavaUtils and prints its result lines (JVM parameters, then dynamic configuration).
resource_params() {
  java "${java_opts[@]}" -cp "$lib/*" org.apache.flink.runtime.util.bash.BashJavaUtils "$1" \
      --configDir "$conf" 2>>"$dir/log/bash-java-utils.log" \
    | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p'
}

start_jobmanager() {
  local params jvm
  params="$(resource_params GET_JM_RESOURCE_PARAMS)"
  jvm="$(echo "$params" | sed -n 1p)"
  # shellcheck disable=SC2086 # jvm holds several options
  nohup java "${java_opts[@]}" $jvm -cp "$lib/*" \
      org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
      --configDir "$conf" --executionMode cluster \
      >"$dir/log/jobmanager.log" 2>&1 </dev/null &
  echo $! >"$dir/pids/jobmanager.pid"
  say "JobManager started (pid $!), REST on http://127.0.0.1:$port, log $dir/log/jobmanager.log"
}

start_taskmanager() {
  local n=1 params jvm dynamic
  while [ -f "$dir/pids/taskmanager-$n.pid" ]; do n=$((n + 1)); done
  params="$(resource_params GET_TM_RESOURCE_PARAMS)"
  jvm="$(echo "$params" | sed -n 1p)"
  dynamic="$(echo "$params" | sed -n 2p)"
  # shellcheck disable=SC2086 # jvm and dynamic hold several options
  nohup java "${java_opts[@]}" $jvm -cp "$lib/*" \
      org.apache.flink.runtime.taskexecutor.TaskManagerRunner --configDir "$conf" $dynamic \
      >"$dir/log/taskmanager-$n.log" 2>&1 </dev/null &
  echo $! >"$dir/pids/taskmanager-$n.pid"
  say "TaskManager $n started (pid $!), log $dir/log/taskmanager-$n.log"
}

rest_port() { sed -n 's/^rest.port: //p' "$conf/flink-conf.yaml"; }

# Waits until the REST endpoint answers and the expected number of slots is registered.
wait_for_slots() {
  local want="$1" deadline=$((SECONDS + 90)) overview=""
  while [ $SECONDS -lt $deadline ]; do
    overview="$(curl -s --max-time 2 "http://127.0.0.1:$(rest_port)/overview" || true)"
    local total
    total="$(echo "$overview" | sed -n 's/.*"slots-total":\([0-9]*\).*/\1/p')"
    if [ -n "$total" ] && [ "$total" -ge "$want" ]; then
      say "ready: $overview"
      return 0
    fi
    if ! alive "$dir/pids/jobmanager.pid"; then
      say "the JobManager exited; see $dir/log/jobmanager.log"
      return 1
    fi
    sleep 1
  done
  say "timed out waiting for $want slots (last overview: ${overview:-none}); see $dir/log/"
  return 1
}

registered_slots() {
  local total=0 f
  for f in "$dir"/pids/taskmanager-*.pid; do
    [ -f "$f" ] && alive "$f" && total=$((total + $(sed -n 's/^taskmanager.numberOfTaskSlots: //p' "$conf/flink-conf.yaml")))
  done
  echo "$total"
}

stop_all() {
  local f pid stopped=0
  for f in "$dir"/pids/taskmanager-*.pid "$dir/pids/jobmanager.pid"; do
    [ -f "$f" ] || continue
    pid="$(cat "$f")"
    # Only a process this script started: its command line names this cluster's config folder.
    if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "--configDir $conf"; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
      stopped=$((stopped + 1))
    fi
    rm -f "$f"
  done
  say "stopped $stopped process(es) of $dir"
}

case "$command" in
  start)
    if alive "$dir/pids/jobmanager.pid"; then
      say "already running in $dir (stop it first)"
      exit 1
    fi
    # TaskManagers of an earlier cluster whose JobManager died: stop them, not orphan them.
    stop_all
    ensure_lib
    write_conf
    start_jobmanager
    for _ in $(seq 1 "$taskmanagers"); do start_taskmanager; done
    wait_for_slots $((taskmanagers * slots)) || { stop_all; exit 1; }
    ;;
  add-taskmanager)
    alive "$dir/pids/jobmanager.pid" || { say "no cluster running in $dir"; exit 1; }
    start_taskmanager
    wait_for_slots "$(registered_slots)"
    ;;
  status)
    for f in "$dir"/pids/*.pid; do
      [ -f "$f" ] || continue
      if alive "$f"; then echo "$(basename "$f" .pid) running (pid $(cat "$f"))"; else echo "$(basename "$f" .pid) not running"; fi
    done
    [ -f "$conf/flink-conf.yaml" ] && curl -s --max-time 2 "http://127.0.0.1:$(rest_port)/overview" && echo
    ;;
  stop)
    stop_all
    ;;
  *)
    echo "usage: flink-cluster.sh start|add-taskmanager|status|stop [--dir=D] [--port=8081] [--taskmanagers=1] [--slots=2] [--tm-memory=1600m]" >&2
    exit 2
    ;;
esac
