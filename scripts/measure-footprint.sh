#!/usr/bin/env bash
# Sizing figures for docs/operations.md: Ladder's start time and memory at idle, as the packaged jar on the
# host (embedded H2) and as the container image (deploy/Dockerfile, H2 in its volume), measured in the same run,
# interleaved, ROUNDS times each. Needs webapp/target/ladder.jar (./mvnw -DskipTests package), a JDK 21+ in
# JAVA_HOME, and for the container rounds a Docker engine and an image (IMAGE, default ladder:latest).
#
#   ROUNDS=2 IMAGE=ladder:latest scripts/measure-footprint.sh
#
# Start: from launching to the first 200 of /actuator/health. Idle: after IDLE_SECONDS (default 60) with no
# requests; RSS of the JVM (host) or the container's memory use (docker stats, which leaves out page cache);
# heap used after a full collection (jcmd GC.run, then GC.heap_info). Memory limit of the container: MEMORY.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-2}
idle=${IDLE_SECONDS:-60}
image=${IMAGE:-ladder:latest}
memory=${MEMORY:-1g}
java=${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java
jar=webapp/target/ladder.jar
[[ -f $jar ]] || { echo "no $jar: run ./mvnw -B -DskipTests package first" >&2; exit 1; }
password="measure-$(head -c 9 /dev/urandom | od -An -tx1 | tr -d ' \n')"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_health() { # port → seconds until /actuator/health answers 200, from $start (ns)
  for _ in $(seq 1 1200); do
    if curl -fs -o /dev/null "http://127.0.0.1:$1/actuator/health"; then
      echo "scale=1; ($(date +%s%N) - $start) / 1000000000" | bc; return 0
    fi
    sleep 0.25
  done
  return 1
}
heap_after_gc() { # jcmd command prefix... → used heap in MiB after a full collection
  "$@" GC.run >/dev/null
  "$@" GC.heap_info | awk '/^ *(DefNew|Tenured|def new|tenured|garbage-first heap|PSYoungGen|ParOldGen)/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); gsub(/K,?/, "", v); s += v } }
                              END { printf "%.0f", s / 1024 }'
}

echo "| round | how | start → healthy (s) | memory at idle (MiB) | heap used after GC (MiB) | load average |"
echo "|---:|---|---:|---:|---:|---|"
for round in $(seq 1 "$rounds"); do
  # the jar on the host
  data=$(mktemp -d); port=$(free_port)
  start=$(date +%s%N)
  LADDER_DATA_DIR=$data LADDER_ADMIN_PASSWORD=$password SERVER_PORT=$port \
    "$java" -jar "$jar" >"$data/ladder.log" 2>&1 &
  pid=$!
  seconds=$(wait_health "$port") || { echo "the jar did not start; see $data/ladder.log" >&2; kill "$pid"; exit 1; }
  sleep "$idle"
  rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
  heap=$(heap_after_gc "$JAVA_HOME/bin/jcmd" "$pid")
  echo "| $round | jar, H2 | $seconds | $rss (RSS) | $heap | $(cut -d' ' -f1-3 /proc/loadavg) |"
  kill "$pid"; wait "$pid" 2>/dev/null || true; rm -rf "$data"

  # the image
  if docker image inspect "$image" >/dev/null 2>&1; then
    name=ladder-measure-$$-$round
    start=$(date +%s%N)
    docker run -d --name "$name" --memory "$memory" -e LADDER_ADMIN_PASSWORD="$password" \
      --publish 127.0.0.1::8080 "$image" >/dev/null
    port=$(docker port "$name" 8080/tcp | head -1); port=${port##*:}
    seconds=$(wait_health "$port") || { docker logs "$name" | tail >&2; docker rm -f -v "$name" >/dev/null; exit 1; }
    sleep "$idle"
    used=$(docker stats --no-stream --format '{{.MemUsage}}' "$name" | awk '{print $1}')
    heap=$(heap_after_gc docker exec "$name" jcmd 1)
    echo "| $round | image, H2, --memory $memory | $seconds | $used | $heap | $(cut -d' ' -f1-3 /proc/loadavg) |"
    docker rm -f -v "$name" >/dev/null
  fi
done
