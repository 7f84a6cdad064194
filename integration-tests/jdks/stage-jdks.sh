#!/usr/bin/env bash
# Stages OpenJDK 8, 11 and 21 (java, javac, -javaagent) from Debian's own archive into one directory, so that the
# tests run the agent on the JDKs its users run. Debian 12 ships only OpenJDK 17; the same archive carries the others
# in other suites:
#
#   8   openjdk-8-{jre,jdk}-headless    sid (the only suite that still carries 8)
#   11  openjdk-11-{jre,jdk}-headless   bullseye-security, else bullseye
#   21  openjdk-21-{jre,jdk}-headless   trixie-security, else trixie
#
# Nothing of the system changes: a private apt configuration (../lib/debian-archive.sh, in a temporary directory)
# downloads the packages and `dpkg-deb -x` unpacks them; no `dpkg -i`, no file under /etc/apt, no
# update-alternatives, so the default `java` stays what it was.
#
# The sid and trixie builds link against a newer glibc than bookworm's 2.36 (GLIBC_2.38 symbols). For such a JDK the
# script unpacks its suite's libc6 into <dir>/jdkNN/glibc and points every ELF file of the JDK at it with patchelf
# (bookworm's, unpacked, not installed): a new interpreter and that directory appended to DT_RPATH. Nothing goes
# through the environment, so programs the JVM starts use the system's glibc. The interpreter path is absolute: a
# staged tree cannot be moved (stage it again at the new place).
#
# The packages link their configuration to /etc/java-NN-openjdk; those links are re-pointed at the unpacked copy.
# cacerts stays linked to the system's /etc/ssl/certs/java/cacerts. As the packages' postinst would, a JDK that ships
# no class-data-sharing archive (8, 11) gets one from `java -Xshare:dump`.
#
# Usage: stage-jdks.sh [NN ...]          (default: 8 11 21)
#   stdout: one line per JDK, "NN=<JAVA_HOME>"; progress and errors on stderr, each line "stage-jdks: ...".
#   Idempotent: a JDK whose stamp file names this directory and whose java runs is kept, without network access.
#   Exits non-zero, naming the package and the suites searched, when the archive no longer has a package.
#
# Environment:
#   CONTAINER_LIMITS_JDKS        the directory (default /var/cache/container-limits/jdks); JDK NN is under jdkNN/
#   CONTAINER_LIMITS_JDKS_FORCE  1: stage again even what is already there
#   CONTAINER_LIMITS_JDK<NN>_SUITES  the suites to take JDK NN from, most wanted first (e.g. "trixie" for 21)
#   DEBIAN_MIRROR, DEBIAN_SECURITY_MIRROR  base URLs (…/debian, …/debian-security); default: the system's apt sources
set -euo pipefail

readonly DIR="${CONTAINER_LIMITS_JDKS:-/var/cache/container-limits/jdks}"
readonly FORCE="${CONTAINER_LIMITS_JDKS_FORCE:-0}"
readonly ARCH=amd64
# Written last, after the JDK ran: a tree without it is a half-finished stage and is staged again.
readonly STAMP=.staged

# shellcheck source=../lib/debian-archive.sh
. "$(dirname "$0")/../lib/debian-archive.sh"

say() { printf 'stage-jdks: [%3ss] %s\n' "$SECONDS" "$*" >&2; }
die() { printf 'stage-jdks: ERROR: %s\n' "$*" >&2; exit 1; }

suites_for() {
  local override
  override="CONTAINER_LIMITS_JDK$1_SUITES"
  if [ -n "${!override:-}" ]; then echo "${!override}"; return; fi
  case $1 in
    8) echo sid ;;
    11) echo bullseye-security bullseye ;;
    21) echo trixie-security trixie ;;
    *) die "no Debian suite known for JDK $1 (8, 11 and 21 are staged; 17 is the system's)" ;;
  esac
}

java_home_of() { echo "$DIR/jdk$1/usr/lib/jvm/java-$1-openjdk-$ARCH"; }

# JDK 8 keeps java in jre/bin; its bin/java is a link there.
java_of() { echo "$(java_home_of "$1")/bin/java"; }

is_staged() {
  [ "$FORCE" != 1 ] || return 1
  [ -f "$DIR/jdk$1/$STAMP" ] || return 1
  grep -qx "target=$DIR/jdk$1" "$DIR/jdk$1/$STAMP" || return 1
  "$(java_of "$1")" -version >/dev/null 2>&1
}

# Sets PATCHELF, from the system or unpacked from the system's own suite.
find_patchelf() {
  [ -n "${PATCHELF:-}" ] && return
  PATCHELF=$(command -v patchelf || true)
  [ -n "$PATCHELF" ] && return
  local version suite
  read -r version suite < <(newest_version patchelf "$SYSTEM_SUITE") || true
  [ -n "${version:-}" ] || die "patchelf is not in $SYSTEM_SUITE: cannot point the JDK at its glibc"
  dpkg-deb -x "$(download patchelf "$version")" "$WORK/patchelf"
  PATCHELF=$WORK/patchelf/usr/bin/patchelf
  "$PATCHELF" --version >/dev/null || die "the unpacked patchelf does not run"
}

# --- one JDK ------------------------------------------------------------------------------------------------------

# Re-points the packages' links into /etc/java-NN-openjdk at the copy unpacked beside them.
relink_configuration() {
  local stage=$1 link dest
  while IFS= read -r -d '' link; do
    dest=$(readlink "$link")
    case $dest in
      /etc/java-*)
        # A link the package leaves dangling on a real install too (an optional file) stays as it is.
        [ -e "$stage$dest" ] || continue
        ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$stage$dest")" "$link" ;;
      /etc/ssl/certs/java/cacerts)
        [ -e "$dest" ] || say "  warning: $dest is missing here (package ca-certificates-java): no TLS trust store" ;;
    esac
  done < <(find "$stage" -type l -print0)
}

# If the packages need a newer glibc than the system's, unpacks SUITES' libc6 into the stage and patches the ELF files.
bundle_glibc() {
  local v=$1 stage=$2 suites=$3 debs=("${@:4}") need version suite final n=0 file rpath
  need=$(for d in "${debs[@]}"; do dpkg-deb -f "$d" Depends; done \
    | tr ',' '\n' | sed -n 's/^ *libc6 *(>= *\([^)]*\)).*/\1/p' | sort -V | tail -n1)
  if [ -z "$need" ] || dpkg --compare-versions "$SYSTEM_GLIBC" ge "$need"; then
    echo "system glibc $SYSTEM_GLIBC"
    return
  fi
  find_patchelf
  # shellcheck disable=SC2086 # the suites are words
  read -r version suite < <(newest_version libc6 $suites) || true
  [ -n "${version:-}" ] || die "libc6 is in none of: $suites (JDK $v needs glibc >= $need, the system has $SYSTEM_GLIBC)"
  dpkg --compare-versions "$version" ge "$need" || die "libc6 $version of $suite is older than the $need JDK $v needs"
  say "  JDK $v needs glibc >= $need (the system has $SYSTEM_GLIBC): bundling libc6 $version from $suite"
  dpkg-deb -x "$(download libc6 "$version")" "$stage/glibc"
  rm -rf "$stage/glibc/usr/share"
  [ -e "$stage/glibc/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" ] || die "libc6 $version has no ld-linux-x86-64.so.2"
  final="$DIR/jdk$v/glibc/usr/lib/x86_64-linux-gnu"
  while IFS= read -r -d '' file; do
    [ "$(head -c4 "$file" | od -An -tx1 | tr -d ' \n')" = 7f454c46 ] || continue
    if "$PATCHELF" --print-interpreter "$file" >/dev/null 2>&1; then
      "$PATCHELF" --set-interpreter "$final/ld-linux-x86-64.so.2" "$file"
    fi
    rpath=$("$PATCHELF" --print-rpath "$file")
    "$PATCHELF" --force-rpath --set-rpath "${rpath:+$rpath:}$final" "$file"
    n=$((n + 1))
  done < <(find "$stage/usr/lib/jvm" -type f -print0)
  say "  patched $n ELF files: interpreter and DT_RPATH -> $final"
  echo "libc6 $version from $suite"
}

stage_jdk() {
  local v=$1 suites version suite stage jre jdk glibc java
  suites=$(suites_for "$v")
  # shellcheck disable=SC2086
  read -r version suite < <(newest_version "openjdk-$v-jdk-headless" $suites) || true
  [ -n "${version:-}" ] || die "openjdk-$v-jdk-headless is no longer in Debian's $suites: the archive dropped it." \
    "Name a suite that has it in CONTAINER_LIMITS_JDK${v}_SUITES, or stage JDK $v by hand under $DIR/jdk$v"
  say "JDK $v: openjdk-$v-{jre,jdk}-headless $version from $suite"
  jre=$(download "openjdk-$v-jre-headless" "$version")
  jdk=$(download "openjdk-$v-jdk-headless" "$version")
  stage="$DIR/.jdk$v.staging"
  rm -rf "$stage"
  mkdir -p "$stage"
  dpkg-deb -x "$jre" "$stage"
  dpkg-deb -x "$jdk" "$stage"
  [ -d "$stage/usr/lib/jvm/java-$v-openjdk-$ARCH" ] || die "the packages of JDK $v have no usr/lib/jvm/java-$v-openjdk-$ARCH"
  relink_configuration "$stage"
  glibc=$(bundle_glibc "$v" "$stage" "$suites" "$jre" "$jdk")
  rm -rf "$DIR/jdk$v"
  mv "$stage" "$DIR/jdk$v"
  java=$(java_of "$v")
  "$java" -version >/dev/null 2>&1 || die "the staged JDK $v does not run: $("$java" -version 2>&1 | head -n3)"
  if [ -z "$(find "$(java_home_of "$v")" -path '*/server/classes.jsa' -print -quit)" ]; then
    "$java" -Xshare:dump >/dev/null 2>&1 || say "  note: java -Xshare:dump failed; JDK $v starts without CDS"
  fi
  printf 'packages=openjdk-%s-jre-headless openjdk-%s-jdk-headless\nversion=%s\nsuite=%s\nglibc=%s\ntarget=%s\n' \
    "$v" "$v" "$version" "$suite" "$glibc" "$DIR/jdk$v" >"$DIR/jdk$v/$STAMP"
}

# --- main -----------------------------------------------------------------------------------------------------------

[ "$(uname -m)" = x86_64 ] || die "only x86_64 is supported"
[ $# -gt 0 ] || set -- 8 11 21
mkdir -p "$DIR"
exec 8>"$DIR/.lock"
flock 8 # two test runs staging at once would unpack over each other

todo=()
for v in "$@"; do
  suites_for "$v" >/dev/null
  if is_staged "$v"; then say "JDK $v: staged in $DIR/jdk$v"; else todo+=("$v"); fi
done

if [ ${#todo[@]} -gt 0 ]; then
  started=$SECONDS
  [ "$(id -u)" -eq 0 ] || [ -w "$DIR" ] || die "$DIR is not writable (run as root, or set CONTAINER_LIMITS_JDKS)"
  SYSTEM_SUITE=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
  SYSTEM_GLIBC=$(getconf GNU_LIBC_VERSION | awk '{print $2}')
  WORK=$(mktemp -d /tmp/stage-jdks.XXXXXX)
  trap 'rm -rf "$WORK"' EXIT
  # shellcheck disable=SC2046 # every suite named once
  private_apt "$SYSTEM_SUITE" $(for v in "${todo[@]}"; do suites_for "$v"; done | tr ' ' '\n' | sort -u)
  for v in "${todo[@]}"; do stage_jdk "$v"; done
  say "staged JDK ${todo[*]} in $((SECONDS - started)) s"
fi

for v in "$@"; do
  [ -x "$(java_home_of "$v")/bin/javac" ] || die "JDK $v in $DIR/jdk$v has no bin/javac"
  echo "$v=$(java_home_of "$v")"
done
