#!/usr/bin/env bash
# Memory of one lab session on the process runtime, for the sizing in docs/operations.md: runs each lab's
# reference solution with the lab CLI (labs/target/ladder-labs.jar, from ./mvnw -DskipTests package) and samples,
# every 0.2 s while it runs, the resident memory of every process the CLI started (its descendants: Prometheus,
# Alertmanager, exporters, the sample service's and Zipkin's JVMs; not the CLI's own JVM). Prints the peak sum.
# (The Docker runtime's figures, from docker stats, are in docs/labs.md.)
#
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/measure-lab-memory.sh [LAB...]
set -euo pipefail
cd "$(dirname "$0")/.."
java=${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java
jar=labs/target/ladder-labs.jar
[[ -f $jar ]] || { echo "no $jar: run ./mvnw -B -DskipTests package first" >&2; exit 1; }
labs=("$@")
# the sessions' folders go to a temporary data directory unless one is given
data=${LADDER_DATA_DIR:-$(mktemp -d)}
export LADDER_DATA_DIR=$data
(( ${#labs[@]} )) || labs=(alerting host-metrics metrics slo synthetic-monitoring tracing)

descendants() { # pid → every descendant's pid
  local child
  for child in $(cat /proc/"$1"/task/*/children 2>/dev/null); do
    echo "$child"; descendants "$child"
  done
}

echo "| lab | processes at the peak | peak resident memory (MiB) | result | load average |"
echo "|---|---|---:|---|---|"
for lab in "${labs[@]}"; do
  out=$(mktemp)
  "$java" -jar "$jar" run "labs/catalog/$lab" --runtime process --solution >"$out" 2>&1 &
  cli=$!
  peak=0; peak_names=""
  while kill -0 "$cli" 2>/dev/null; do
    total=0; names=""
    for pid in $(descendants "$cli"); do
      rss=$(awk '/^VmRSS:/ {print $2}' /proc/"$pid"/status 2>/dev/null || true)
      [[ -n "$rss" ]] || continue
      total=$((total + rss))
      names+="$(tr '\0' ' ' </proc/"$pid"/cmdline 2>/dev/null | awk '{n=$1; sub(".*/", "", n); if (n == "java") { for (i = 2; i <= NF; i++) if ($i !~ /^-/ && $(i-1) != "-cp") { n = $i; if (n ~ /\.jar$/) { sub(".*/", "", n); sub(/\.jar$/, "", n) } else sub(".*[./]", "", n); break } } print n}') "
    done
    if (( total > peak )); then peak=$total; peak_names=$names; fi
    sleep 0.2
  done
  wait "$cli" && result=passed || result="exit $?"
  echo "| $lab | ${peak_names% } | $((peak / 1024)) | $result | $(cut -d' ' -f1-3 /proc/loadavg) |"
  rm -f "$out"
done
[[ -n "${KEEP_DATA:-}" || "$data" != /tmp/* ]] || rm -rf "$data"
