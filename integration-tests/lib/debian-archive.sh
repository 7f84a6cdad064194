# shellcheck shell=bash
# Reads Debian's archive through a private apt configuration, for the scripts that stage what the tests run (JDKs
# from other suites, the guest kernels): its own sources, lists, cache and an empty dpkg status under a work
# directory. Nothing of the system's apt changes: no file under /etc/apt, /var/lib/apt or /var/cache/apt, and no
# package is installed; the .debs are only downloaded, for `dpkg-deb -x`.
#
# Sourced, not run. The caller defines say and die (one line each, on stderr) and sets WORK (a directory it removes).
# The archive is the one the system's apt sources name; DEBIAN_MIRROR and DEBIAN_SECURITY_MIRROR (…/debian,
# …/debian-security) override it.

readonly DEBIAN_KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

# The archive addresses of the system's apt sources (one-line and deb822 formats); read, never changed.
system_archive_uris() {
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
    | awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z+]+:\/\//) { print $i; break } }'
  cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk 'tolower($1) == "uris:" { for (i = 2; i <= NF; i++) print $i }'
}

# Sets APT_OPTS to an apt configuration under $WORK that knows the given suites' main component, and reads their lists.
private_apt() {
  local mirror security suite
  mirror=${DEBIAN_MIRROR:-$(system_archive_uris | sed 's:/*$::' | grep -m1 -E '/debian$' || true)}
  [ -n "$mirror" ] || die "no Debian archive in the apt sources; set DEBIAN_MIRROR (e.g. http://deb.debian.org/debian)"
  security=${DEBIAN_SECURITY_MIRROR:-$(system_archive_uris | sed 's:/*$::' | grep -m1 -E '/debian-security$' || true)}
  security=${security:-$mirror-security}
  [ -r "$DEBIAN_KEYRING" ] || die "$DEBIAN_KEYRING missing (package debian-archive-keyring)"
  mkdir -p "$WORK/lists/partial" "$WORK/cache/archives/partial" "$WORK/prefs.d" "$WORK/debs"
  : >"$WORK/status"
  : >"$WORK/preferences"
  for suite in "$@"; do
    case $suite in
      *-security) echo "deb [signed-by=$DEBIAN_KEYRING] $security $suite main" ;;
      *) echo "deb [signed-by=$DEBIAN_KEYRING] $mirror $suite main" ;;
    esac
  done >"$WORK/sources.list"
  APT_OPTS=(
    -o "Dir::Etc::sourcelist=$WORK/sources.list" -o "Dir::Etc::sourceparts=-"
    -o "Dir::Etc::preferences=$WORK/preferences" -o "Dir::Etc::preferencesparts=$WORK/prefs.d"
    -o "Dir::State=$WORK" -o "Dir::State::Lists=$WORK/lists" -o "Dir::State::status=$WORK/status"
    -o "Dir::Cache=$WORK/cache" -o "Dir::Cache::archives=$WORK/cache/archives"
    -o "APT::Architecture=amd64" -o "APT::Architectures=amd64"
    -o "Acquire::Languages=none" -o "APT::Sandbox::User=root" -o "Debug::NoLocking=true"
  )
  say "reading the package lists of: $* ($mirror, $security)"
  apt-get "${APT_OPTS[@]}" -qq update >&2 || die "apt-get update with the private configuration failed (network?)"
}

# Prints "VERSION SUITE": PKG's newest version in the first of SUITES that has it; nothing when none has it.
newest_version() {
  local pkg=$1 suite
  shift
  for suite in "$@"; do
    apt-cache "${APT_OPTS[@]}" madison "$pkg" \
      | awk -F'|' -v suite="$suite" '{ gsub(/ /, "", $2); split($3, a, " "); split(a[2], s, "/")
                                       if (s[1] == suite && $3 ~ /Packages/) { print $2 " " suite; exit } }' \
      | grep . && return 0
  done
  return 0
}

# Downloads PKG=VERSION into $WORK/debs and prints the .deb's path.
download() {
  (cd "$WORK/debs" && apt-get "${APT_OPTS[@]}" -qq download "$1=$2" >&2) \
    || die "download of $1 $2 failed: the archive listed it a moment ago (replaced meanwhile? run again)"
  # apt names the file PKG_VERSION_ARCH.deb with the epoch's colon as %3a
  local deb
  deb=$(ls "$WORK/debs/$1_${2//:/%3a}_"*.deb 2>/dev/null | head -n1)
  [ -n "$deb" ] || die "apt-get download $1 $2 left no .deb in $WORK/debs"
  echo "$deb"
}
