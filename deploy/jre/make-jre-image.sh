#!/usr/bin/env bash
# Makes a Java runtime image for deploy/Dockerfile without a registry: jlinks the modules Ladder uses from the
# JDK in JAVA_HOME (21 or newer) and copies the runtime into BASE (default debian:bookworm-slim, which
# scripts/docker-engine.sh provides offline; bookworm itself ships only Java 17).
#
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 deploy/jre/make-jre-image.sh ladder-jre:25
#   docker build -f deploy/Dockerfile --build-arg JRE_IMAGE=ladder-jre:25 -t ladder .
set -euo pipefail
tag=${1:?usage: make-jre-image.sh TAG (e.g. ladder-jre:25)}
base=${BASE:-debian:bookworm-slim}
jdk=${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}
[[ -x "$jdk/bin/jlink" ]] || { echo "no jlink in $jdk/bin: JAVA_HOME must be a JDK, not a JRE" >&2; exit 1; }
# The modules Spring Boot, Tomcat, Hibernate, Vaadin, H2, the PostgreSQL driver and Micrometer use (the
# image test in the suite starts Ladder on them), plus jcmd for heap figures inside the container.
modules=java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,java.management,\
java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,\
java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.ec,jdk.jcmd,jdk.localedata,\
jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
context=$(mktemp -d "${TMPDIR:-/tmp}/ladder-jre.XXXXXX")
trap 'rm -rf "$context"' EXIT
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$context/jre"
cp "$(dirname "$0")/Dockerfile" "$context/Dockerfile"
docker build -q --build-arg "BASE=$base" -t "$tag" "$context" >/dev/null
echo "$tag"
