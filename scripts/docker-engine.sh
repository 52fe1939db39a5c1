#!/usr/bin/env bash
# Provides a Docker engine for Ladder's container labs and their tests, on a Debian/Ubuntu machine.
#
#   eval "$(scripts/docker-engine.sh)"       # make sure an engine answers; prints the exports the tests need
#   scripts/docker-engine.sh stop            # stop the dockerd this script started (nothing else)
#
# When no engine answers it installs docker.io and debootstrap if they are missing (needs root), starts
# dockerd in the background (there may be no systemd), and creates the base image debian:bookworm-slim
# when it is missing: pulled when a registry answers, else built with debootstrap from the Debian mirror
# apt uses. Messages go to standard error; standard output carries only `export` lines.
set -euo pipefail

state_dir=${LADDER_DOCKER_STATE_DIR:-/var/run/ladder-docker}
pid_file="$state_dir/dockerd.pid"
log_file=${LADDER_DOCKERD_LOG:-/var/log/ladder-dockerd.log}
base_image=debian:bookworm-slim

say() { echo "[docker-engine] $*" >&2; }
answers() { timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

stop_ours() {
  if [[ -f "$pid_file" ]]; then
    local pid; pid=$(cat "$pid_file")
    if kill -0 "$pid" 2>/dev/null && [[ "$(cat /proc/"$pid"/comm 2>/dev/null)" == dockerd ]]; then
      say "stopping the dockerd this script started (pid $pid)"
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    fi
    rm -f "$pid_file"
  else
    say "this script started no dockerd: nothing to stop"
  fi
}

if [[ "${1:-}" == stop ]]; then stop_ours; exit 0; fi

install_missing() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  (( ${#missing[@]} )) || return 0
  if [[ $(id -u) -ne 0 ]]; then
    say "missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run this script as root"
    return 1
  fi
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

start_engine() {
  if answers; then
    say "a Docker engine answers ($(docker version --format '{{.Server.Version}}' 2>/dev/null)): using it"
    return 0
  fi
  if [[ -n "${DOCKER_HOST:-}" && "${DOCKER_HOST}" != unix://* ]]; then
    say "DOCKER_HOST=$DOCKER_HOST does not answer; not starting a local engine in its place"
    return 1
  fi
  install_missing
  if [[ $(id -u) -ne 0 ]]; then
    say "no engine answers and starting dockerd needs root; start it yourself (sudo dockerd &)"
    return 1
  fi
  mkdir -p "$state_dir"
  say "starting dockerd (log: $log_file)"
  nohup dockerd >>"$log_file" 2>&1 </dev/null &
  echo $! >"$pid_file"
  for _ in $(seq 1 60); do
    answers && { say "dockerd answers (pid $(cat "$pid_file"))"; return 0; }
    kill -0 "$(cat "$pid_file")" 2>/dev/null || break
    sleep 0.5
  done
  say "dockerd did not answer; last lines of $log_file:"; tail -n 20 "$log_file" >&2 || true
  rm -f "$pid_file"
  return 1
}

debian_mirror() { # the first Debian mirror apt is configured with
  local m
  m=$(grep -hE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
      | grep -v -e security -e '\[' | grep -i debian | head -1 | awk '{print ($1=="deb") ? $2 : $2}')
  echo "${m:-http://deb.debian.org/debian}"
}

ensure_base_image() {
  if docker image inspect "$base_image" >/dev/null 2>&1; then
    say "base image $base_image present"
    return 0
  fi
  if [[ "${LADDER_DOCKER_PULL:-yes}" != no ]] && timeout 60 docker pull -q "$base_image" >/dev/null 2>&1; then
    say "pulled $base_image"
    return 0
  fi
  install_missing
  local dir mirror started=$SECONDS
  dir=$(mktemp -d /tmp/ladder-bookworm.XXXXXX)
  mirror=$(debian_mirror)
  say "no registry answers: building $base_image with debootstrap from $mirror"
  if ! debootstrap --variant=minbase bookworm "$dir" "$mirror" >"$dir.log" 2>&1; then
    say "debootstrap failed; last lines:"; tail -n 20 "$dir.log" >&2
    rm -rf "$dir" "$dir.log"; return 1
  fi
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
  tar -C "$dir" -c . | docker import - "$base_image" >/dev/null
  rm -rf "$dir" "$dir.log"
  say "built $base_image in $((SECONDS - started)) s"
}

start_engine
ensure_base_image
# Testcontainers: Ryuk's image cannot be had offline (Ladder sweeps its containers by label itself), and
# the small helper image it uses for checks must be one that is present.
echo "export TESTCONTAINERS_RYUK_DISABLED=true"
echo "export TESTCONTAINERS_TINYIMAGE_CONTAINER_IMAGE=$base_image"
