#!/usr/bin/env bash
# Boots the cgroup v2 guest once and runs a test script in it: qemu with software emulation (no KVM here), a Debian
# kernel that setup.sh unpacked, an initramfs built here from the static busybox, that kernel's 9p modules and
# ./init, and the host's whole file system shared read-only over virtio-9p, so that the guest runs the host's JDKs
# and the jar the build just made. The guest can write only to OUT. The host's cgroups and mounts are never touched.
#
# Usage: boot.sh KERNEL_DIR SCRIPT OUT [TIMEOUT_SECONDS]
#   KERNEL_DIR  a directory setup.sh prepared (vmlinuz, load-order, the modules)
#   SCRIPT      the test script, run as root in the guest with /bin/bash, in the root of a cgroup2-only hierarchy at
#               /sys/fs/cgroup with +cpuset +cpu +memory +pids enabled; V2VM_OUT names OUT there
#   OUT         a host directory, shared read-write; gets console.log (the serial console, each line prefixed with
#               the host's seconds since qemu started) and whatever the script writes
#   TIMEOUT_SECONDS  qemu is killed after this long (default 900)
# Environment: V2VM_SMP (default 4: with 4 CPUs the common pool, max(1, CPUs - 1), tells 1 CPU from the host's count),
#   V2VM_MEMORY_MB (default 3072).
#
# Exit status: the script's; 124 when qemu was killed at the timeout; 125 when the guest never ran the script (the
# console's last lines on stderr). Its last stderr line gives the boot and run times.
set -euo pipefail

readonly HERE=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 3 ] || { sed -n '7,19p' "$0" >&2; exit 2; }
readonly KERNEL=$1 SCRIPT=$(realpath "$2") OUT=$(realpath -m "$3") TIMEOUT=${4:-900}
readonly SMP=${V2VM_SMP:-4} MEMORY_MB=${V2VM_MEMORY_MB:-3072}

say() { printf 'v2vm-boot: %s\n' "$*" >&2; }
die() { printf 'v2vm-boot: ERROR: %s\n' "$*" >&2; exit 125; }

[ "$(id -u)" -eq 0 ] || die "must run as root (the 9p share of / must read every file)"
command -v qemu-system-x86_64 >/dev/null 2>&1 || die "qemu-system-x86_64 missing: run $HERE/setup.sh"
[ -f "$KERNEL/vmlinuz" ] && [ -f "$KERNEL/load-order" ] || die "no kernel in $KERNEL: run $HERE/setup.sh"
[ -f "$SCRIPT" ] || die "no test script $SCRIPT"
mkdir -p "$OUT"

# The initramfs: cheap enough (under a second) to build for every boot, so it always holds this checkout's init.
initramfs=$(mktemp -d /var/tmp/v2vm-initramfs.XXXXXX)
trap 'rm -rf "$initramfs"' EXIT
mkdir -p "$initramfs/root/bin" "$initramfs/root/lib/modules"
cp /bin/busybox "$initramfs/root/bin/busybox"
cp "$HERE/init" "$initramfs/root/init"
chmod 755 "$initramfs/root/init"
cp "$KERNEL"/*.ko "$KERNEL/load-order" "$initramfs/root/lib/modules/"
(cd "$initramfs/root" && find . | /bin/busybox cpio -o -H newc 2>/dev/null | gzip -1) >"$initramfs/initramfs.gz"

# tsc=reliable: under software emulation the clocksource watchdog would otherwise drop the TSC for the slow HPET.
append="console=ttyS0 quiet panic=-1 mitigations=off tsc=reliable systemd.unified_cgroup_hierarchy=1 cgroup_no_v1=all"
append="$append v2vm.script=$SCRIPT v2vm.out=$OUT"
qemu=(qemu-system-x86_64 -nodefaults -no-user-config -machine pc -accel tcg,thread=multi -cpu max
  -smp "$SMP" -m "$MEMORY_MB" -display none -monitor none -serial stdio -no-reboot
  -kernel "$KERNEL/vmlinuz" -initrd "$initramfs/initramfs.gz" -append "$append"
  -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap
  -virtfs "local,path=$OUT,mount_tag=v2out,security_model=none,multidevs=remap")

start=${EPOCHREALTIME/./}
set +e
timeout -k 10 "$TIMEOUT" "${qemu[@]}" </dev/null 2>&1 | while IFS= read -r line; do
  now=${EPOCHREALTIME/./}
  printf '[%7.2f] %s\n' "$(((now - start) / 10000))e-2" "${line%$'\r'}"
done >"$OUT/console.log"
qemu_status=${PIPESTATUS[0]}
set -e
total=$(((${EPOCHREALTIME/./} - start) / 1000000))

booted=$(sed -n 's/^\[ *\([0-9.]*\)\] v2vm: running .*/\1/p' "$OUT/console.log" | head -n1)
status=$(sed -n 's/.*v2vm: script exit status \([0-9]*\),.*/\1/p' "$OUT/console.log" | head -n1)
say "$(cat "$KERNEL/release" 2>/dev/null): qemu exit status $qemu_status; test script reached after ${booted:-never} s," \
  "exit status ${status:-none}; ${total} s in all"
if [ -z "$booted" ]; then
  say "the guest never ran the test script; the console's last lines ($OUT/console.log):"
  tail -n 25 "$OUT/console.log" >&2
  [ "$qemu_status" = 124 ] && exit 124
  exit 125
fi
[ "$qemu_status" = 124 ] && { say "killed after $TIMEOUT s"; exit 124; }
exit "${status:-125}"
