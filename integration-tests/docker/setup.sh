#!/usr/bin/env bash
# Makes a Docker engine and the local test image available for the container integration tests.
#
# Idempotent and non-interactive, as root, on Debian 12 without systemd (README.md, "Containers"):
#   1. installs Debian's docker.io when dockerd is missing;
#   2. starts dockerd detached when `docker version` gets no answer, and waits for it;
#   3. builds the image container-limits-jdk:2 when `docker image inspect` does not find it. No registry is
#      reachable, so the image is a root file system staged from the host's own files and loaded with
#      `docker import`: the five JDKs at their host paths (OpenJDK 17 and Temurin 25 of the system; OpenJDK 8, 11
#      and 21 as ../jdks/stage-jdks.sh stages them, each with the newer glibc it is patched to use), dash as
#      /bin/sh, a few coreutils, and the shared libraries all of them need. The tag changes whenever what the image
#      holds does, so that an image an older checkout built is not taken for this one.
# Each step is skipped when its result is already there. Exits non-zero with the reason when Docker cannot run.
#
# Environment: CONTAINER_LIMITS_IMAGE (default container-limits-jdk:2, the name JdkContainer expects),
# DOCKERD_LOG (default /var/log/container-limits-dockerd.log), DOCKERD_WAIT_SECONDS (default 60).
set -euo pipefail

readonly IMAGE="${CONTAINER_LIMITS_IMAGE:-container-limits-jdk:2}"
readonly DOCKERD_LOG="${DOCKERD_LOG:-/var/log/container-limits-dockerd.log}"
readonly DOCKERD_WAIT_SECONDS="${DOCKERD_WAIT_SECONDS:-60}"
# The system's JDKs the tests run, copied at the same paths so that host and container spell them the same way.
readonly SYSTEM_JDKS=(/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64)
# Debian's JDK 17 links its conf files and cacerts into /etc.
readonly JDK_ETC=(/etc/java-17-openjdk /etc/ssl/certs/java/cacerts)
# The programs the tests' `sh -c '...'` command lines use, besides the shell's own built-ins.
readonly TOOLS=(/usr/bin/dash /usr/bin/cat /usr/bin/ls /usr/bin/env /usr/bin/sleep /usr/bin/true /usr/bin/id)
readonly LOADER=/lib64/ld-linux-x86-64.so.2

started=$SECONDS
say() { printf 'docker-setup: %s\n' "$*"; }
die() { printf 'docker-setup: ERROR: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (installs packages, starts dockerd)"

install_engine() {
  if command -v dockerd >/dev/null 2>&1 || [ -x /usr/sbin/dockerd ]; then
    say "engine: dockerd present"
    return
  fi
  command -v apt-get >/dev/null 2>&1 || die "dockerd is missing and there is no apt-get to install docker.io"
  say "engine: installing docker.io with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -q update >/dev/null || die "apt-get update failed"
  # The postinst's "policy-rc.d denied execution of start" is expected: there is no init to start it.
  apt-get -q install -y --no-install-recommends -o DPkg::Lock::Timeout=300 docker.io >/dev/null \
    || die "apt-get install docker.io failed"
}

engine_answers() { docker version >/dev/null 2>&1; }

start_engine() {
  if engine_answers; then
    say "engine: already answering"
    return
  fi
  command -v docker >/dev/null 2>&1 || die "no docker client on PATH"
  say "engine: starting dockerd (log: $DOCKERD_LOG)"
  local dockerd
  dockerd=$(command -v dockerd || echo /usr/sbin/dockerd)
  mkdir -p "$(dirname "$DOCKERD_LOG")"
  setsid nohup "$dockerd" >>"$DOCKERD_LOG" 2>&1 </dev/null &
  local pid=$! deadline=$((SECONDS + DOCKERD_WAIT_SECONDS)) problem=
  until engine_answers; do
    if ! kill -0 "$pid" 2>/dev/null && ! engine_answers; then
      problem="dockerd exited"
    elif [ "$SECONDS" -ge "$deadline" ]; then
      problem="dockerd did not answer within ${DOCKERD_WAIT_SECONDS}s"
    fi
    if [ -n "$problem" ]; then
      printf 'docker-setup: ERROR: %s; Docker cannot run here. Last lines of %s:\n' "$problem" "$DOCKERD_LOG" >&2
      tail -n 30 "$DOCKERD_LOG" >&2 || true
      exit 1
    fi
    sleep 0.3
  done
  say "engine: answering after $((SECONDS - started)) s"
}

# Copies one host path into the stage at the same place. Symbolic links are kept as links and their targets are
# staged too, so that libfoo.so.1 -> libfoo.so.1.2.3 and /lib -> usr/lib resolve inside the image as on the host.
stage_path() {
  local path=$1 dir name
  dir=$(readlink -f "$(dirname "$path")")
  name=$(basename "$path")
  path="$dir/$name"
  [ -e "$STAGE$path" ] || [ -L "$STAGE$path" ] && return 0
  mkdir -p "$STAGE$dir"
  if [ -L "$path" ]; then
    cp -P "$path" "$STAGE$path"
    local target
    target=$(readlink "$path")
    case $target in
      /*) stage_path "$target" ;;
      *) stage_path "$dir/$target" ;;
    esac
  else
    cp -a "$path" "$STAGE$path"
  fi
}

# Prints the shared libraries that the programs and libraries under the given paths load, one path a line (those
# ldd resolves; ldd rejects scripts and data files, which is how they are left out).
library_closure() {
  find "$@" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
    | xargs -0 -n 1 ldd 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' \
    | sort -u
}

# Sets JDKS to every JDK home the image holds, and STAGED_ROOTS to the staged JDKs' directories (each holds the
# JDK under usr/lib/jvm and the glibc its ELF files name as interpreter and in their rpath).
find_jdks() {
  local staged line
  staged=$(bash "$(dirname "$0")/../jdks/stage-jdks.sh") || die "the JDKs could not be staged"
  JDKS=("${SYSTEM_JDKS[@]}")
  STAGED_ROOTS=()
  while IFS='=' read -r _ line; do
    JDKS+=("$line")
    STAGED_ROOTS+=("${line%/usr/lib/jvm/*}")
  done <<<"$staged"
}

build_image() {
  if docker image inspect "$IMAGE" >/dev/null 2>&1; then
    say "image: $IMAGE present"
    return
  fi
  find_jdks
  local jdk
  for jdk in "${JDKS[@]}"; do
    [ -x "$jdk/bin/java" ] || die "JDK missing on the host: $jdk (the image copies the host's JDKs)"
  done
  say "image: building $IMAGE from host files"
  STAGE=$(mktemp -d /var/tmp/container-limits-image.XXXXXX)
  trap 'rm -rf "$STAGE"' EXIT

  # usr-merge: /bin, /lib, /lib64 and /sbin are links into /usr, as on Debian 12.
  mkdir -p "$STAGE"/usr/{bin,lib,lib64,sbin} "$STAGE"/{etc,opt,proc,sys,dev,root} "$STAGE/tmp"
  local link
  for link in bin lib lib64 sbin; do ln -s "usr/$link" "$STAGE/$link"; done
  chmod 1777 "$STAGE/tmp"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' \
    >"$STAGE/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$STAGE/etc/group"

  local root
  for root in "${SYSTEM_JDKS[@]}" "${STAGED_ROOTS[@]}"; do
    mkdir -p "$STAGE$(dirname "$root")"
    tar -C / -cf - --exclude='jmods' --exclude='src.zip' --exclude='man' --exclude='usr/share/doc' \
      "${root#/}" | tar -C "$STAGE" -xf -
  done
  local path
  for path in "${JDK_ETC[@]}" "${TOOLS[@]}" "$LOADER"; do stage_path "$path"; done
  ln -s dash "$STAGE/usr/bin/sh"

  local libraries=0
  while IFS= read -r path; do
    stage_path "$path"
    libraries=$((libraries + 1))
  done < <(library_closure "${JDKS[@]}" "${TOOLS[@]}")
  say "image: staged ${#JDKS[@]} JDKs, ${#TOOLS[@]} tools, $libraries libraries ($(du -sh "$STAGE" | cut -f1))"

  tar -C "$STAGE" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'WORKDIR /tmp' \
    - "$IMAGE" >/dev/null || die "docker import failed"
  rm -rf "$STAGE"
  trap - EXIT

  # Prove the image runs every JDK and the shell before any test relies on it.
  for jdk in "${JDKS[@]}"; do
    docker run --rm --network none "$IMAGE" sh -c "$jdk/bin/java -version 2>&1 | cat" >/dev/null 2>&1 \
      || { docker image rm "$IMAGE" >/dev/null 2>&1; die "image $IMAGE cannot run $jdk/bin/java; removed it"; }
  done
  say "image: $IMAGE built and checked ($(docker image inspect -f '{{.Size}}' "$IMAGE") bytes)"
}

install_engine
start_engine
build_image
say "ready in $((SECONDS - started)) s"
