#!/usr/bin/env bash
# Prepares the live cgroup v2 guest (boot.sh): this host's v2 hierarchy has no controllers and its v1 mounts belong
# to the machine, so a throw-away qemu guest with Debian's own kernel gives the tests a real cgroup2-only hierarchy.
#
# Idempotent, as root:
#   1. installs qemu-system-x86 and busybox-static with apt-get when they are missing;
#   2. for each kernel, downloads its Debian package through a private apt configuration
#      (../lib/debian-archive.sh) and keeps, under <dir>/<kernel>/, only vmlinuz, its config and the modules the
#      guest loads to mount the host's file system over virtio-9p (with what they depend on, decompressed, in load
#      order). The package is unpacked, never installed. A kernel already there is kept without network access.
#
#   6.1   linux-image-amd64 of bookworm (Debian 12): cgroup v1 built in, not mounted in the guest (cgroup_no_v1=all)
#   6.12  linux-image-amd64 of trixie (Debian 13): built without CONFIG_MEMCG_V1 and CONFIG_CPUSETS_V1; its
#         /proc/cgroups still lists memory and cpuset
#   backports  linux-image-amd64 of trixie-backports (7.x): also without them, and newer than the kernel commit
#         af000ce85293 ("Do not report unavailable v1 controllers in /proc/cgroups"), so /proc/cgroups lists
#         neither memory nor cpuset: JVMs without JDK-8349988 conclude they are not in a container
#
# Usage: setup.sh [KERNEL ...]     (default: 6.1 6.12 backports)
#   stdout: one line per kernel, "KERNEL=<dir>"; progress on stderr, each line "v2vm-setup: ...".
# Environment: CONTAINER_LIMITS_V2VM (default /var/cache/container-limits/v2vm).
set -euo pipefail

readonly DIR="${CONTAINER_LIMITS_V2VM:-/var/cache/container-limits/v2vm}"
# What the guest's init loads, in this order after their dependencies: the PCI transport, 9p over virtio, 9p itself.
readonly MODULES="virtio_pci 9pnet_virtio 9p"
# The kernel options the guest needs; a package without them cannot run the tests.
readonly NEEDED_CONFIG="NET_9P NET_9P_VIRTIO 9P_FS VIRTIO_PCI CGROUPS MEMCG CFS_BANDWIDTH CPUSETS CGROUP_PIDS"

# shellcheck source=../lib/debian-archive.sh
. "$(dirname "$0")/../lib/debian-archive.sh"

say() { printf 'v2vm-setup: [%3ss] %s\n' "$SECONDS" "$*" >&2; }
die() { printf 'v2vm-setup: ERROR: %s\n' "$*" >&2; exit 1; }

suites_for() {
  case $1 in
    6.1) echo bookworm-security bookworm ;;
    6.12) echo trixie-security trixie ;;
    backports) echo trixie-backports ;;
    *) die "unknown kernel $1 (6.1, 6.12 or backports)" ;;
  esac
}

install_packages() {
  local need=()
  command -v qemu-system-x86_64 >/dev/null 2>&1 || need+=(qemu-system-x86)
  # The initramfs has no shared libraries: only the statically linked busybox runs there.
  dpkg -s busybox-static >/dev/null 2>&1 || need+=(busybox-static)
  [ ${#need[@]} -eq 0 ] && return
  command -v apt-get >/dev/null 2>&1 || die "${need[*]} missing and there is no apt-get to install them"
  say "installing ${need[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -q update >/dev/null || die "apt-get update failed"
  apt-get -q install -y --no-install-recommends -o DPkg::Lock::Timeout=300 "${need[@]}" >/dev/null \
    || die "apt-get install ${need[*]} failed"
}

is_ready() { [ -f "$DIR/$1/ready" ] && [ -f "$DIR/$1/vmlinuz" ] && [ -f "$DIR/$1/load-order" ]; }

# Copies module $1 (and first what its modinfo depends= names) from the kernel's module directory $2 (where
# modules.builtin is) into $3, appending to $3/load-order. Built-in modules are skipped.
copy_module() {
  local name=$1 modules=$2 out=$3 file dep
  grep -qx "$name" "$out/load-order" 2>/dev/null && return
  file=$(find "$modules" -regextype posix-extended \
    -regex ".*/(${name}|${name//_/-})\.ko(\.xz|\.zst|\.gz)?" -print -quit)
  if [ -z "$file" ]; then
    grep -qE "/(${name}|${name//_/-})\.ko$" "$modules/modules.builtin" || die "no module $name in the kernel"
    return
  fi
  case $file in
    *.xz) xz -dc "$file" >"$out/$name.ko" ;;
    *.zst) zstd -qdc "$file" >"$out/$name.ko" ;;
    *.gz) gzip -dc "$file" >"$out/$name.ko" ;;
    *) cp "$file" "$out/$name.ko" ;;
  esac
  for dep in $(tr '\0' '\n' <"$out/$name.ko" | sed -n 's/^depends=//p' | tr ',' ' '); do
    copy_module "$dep" "$modules" "$out"
  done
  echo "$name" >>"$out/load-order"
}

prepare_kernel() {
  local kernel=$1 suites version suite image deb part tree kernel_file config_file modules out opt m
  suites=$(suites_for "$kernel")
  # shellcheck disable=SC2086 # the suites are words
  read -r version suite < <(newest_version linux-image-amd64 $suites) || true
  [ -n "${version:-}" ] || die "linux-image-amd64 is in none of: $suites"
  # The meta package depends on the versioned image package (linux-image-6.12.57+deb13-amd64 and the like).
  image=$(dpkg-deb -f "$(download linux-image-amd64 "$version")" Depends | tr ',' '\n' \
    | sed -n 's/^ *\(linux-image-[0-9][^ ]*\) .*/\1/p' | head -n1)
  [ -n "$image" ] || die "linux-image-amd64 $version of $suite names no kernel image package"
  read -r version suite < <(newest_version "$image" "$suite") || true
  [ -n "${version:-}" ] || die "$image is not in $suite"
  say "kernel $kernel: $image $version from $suite"
  tree=$WORK/$kernel
  out="$DIR/.$kernel.staging"
  rm -rf "$tree" "$out"
  mkdir -p "$tree" "$out"
  deb=$(download "$image" "$version")
  dpkg-deb -x "$deb" "$tree"
  # From 7.x on, the image package is split (vmlinuz in linux-binary-*, modules in linux-modules-*, config in
  # linux-base-*, all of the same version) and vmlinuz and config moved from /boot to /usr/lib/modules/<release>.
  for part in $(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed -n "s/^ *\(linux-[a-z]*-${image#linux-image-}\) .*/\1/p"); do
    dpkg-deb -x "$(download "$part" "$version")" "$tree"
  done
  kernel_file=$(find "$tree" \( -path '*/boot/vmlinuz-*' -o -path '*/modules/*/vmlinuz' \) -print -quit)
  config_file=$(find "$tree" \( -path '*/boot/config-*' -o -path '*/modules/*/config' \) -print -quit)
  [ -n "$kernel_file" ] && [ -n "$config_file" ] || die "$image $version: no vmlinuz or config in it or its parts"
  cp "$kernel_file" "$out/vmlinuz"
  cp "$config_file" "$out/config"
  for opt in $NEEDED_CONFIG; do
    grep -q "^CONFIG_$opt=[ym]" "$out/config" || die "$image is built without CONFIG_$opt"
  done
  # /lib/modules/<release> in bookworm's packages, /usr/lib/modules/<release> in trixie's (merged /usr)
  modules=$(dirname "$(find "$tree" -path '*/modules/*/modules.builtin' -print -quit)")
  [ "$modules" != . ] || die "$image has no modules.builtin"
  : >"$out/load-order"
  for m in $MODULES; do copy_module "$m" "$modules" "$out"; done
  basename "$modules" >"$out/release"
  printf 'package=%s\nversion=%s\nsuite=%s\n' "$image" "$version" "$suite" >"$out/ready"
  rm -rf "$DIR/$kernel" "$tree"
  mv "$out" "$DIR/$kernel"
  say "kernel $kernel: $(cat "$DIR/$kernel/release"), modules $(tr '\n' ' ' <"$DIR/$kernel/load-order")"
}

[ "$(id -u)" -eq 0 ] || die "must run as root (installs packages)"
[ $# -gt 0 ] || set -- 6.1 6.12 backports
install_packages
mkdir -p "$DIR"
exec 8>"$DIR/.lock"
flock 8

todo=()
for kernel in "$@"; do
  suites_for "$kernel" >/dev/null
  if is_ready "$kernel"; then say "kernel $kernel: $(cat "$DIR/$kernel/release") in $DIR/$kernel"; else todo+=("$kernel"); fi
done
if [ ${#todo[@]} -gt 0 ]; then
  WORK=$(mktemp -d /var/tmp/v2vm-setup.XXXXXX)
  trap 'rm -rf "$WORK"' EXIT
  # shellcheck disable=SC2046 # every suite named once
  private_apt $(for kernel in "${todo[@]}"; do suites_for "$kernel"; done | tr ' ' '\n' | sort -u)
  for kernel in "${todo[@]}"; do prepare_kernel "$kernel"; done
fi
for kernel in "$@"; do echo "$kernel=$DIR/$kernel"; done
