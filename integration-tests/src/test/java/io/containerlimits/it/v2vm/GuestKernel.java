package io.containerlimits.it.v2vm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The Debian kernels the guest boots, as {@code integration-tests/v2vm/setup.sh} prepares them (unpacked from the
 * archive, never installed) under {@code $CONTAINER_LIMITS_V2VM} (default {@code /var/cache/container-limits/v2vm}).
 */
enum GuestKernel {

    /** Debian 12's 6.1: cgroup v1 code built in, unused in the guest ({@code cgroup_no_v1=all}). */
    BOOKWORM("6.1", "4"),

    /**
     * Debian 13's 6.12, built without {@code CONFIG_MEMCG_V1} and {@code CONFIG_CPUSETS_V1}; its {@code /proc/cgroups}
     * still lists {@code memory} and {@code cpuset} (seen in the guest).
     */
    TRIXIE("6.12", "4"),

    /**
     * Debian 13's backports kernel (7.x when this was written), built like 6.12 but newer than the kernel commit
     * af000ce85293 ("Do not report unavailable v1 controllers in /proc/cgroups"): {@code /proc/cgroups} lists
     * neither {@code memory} nor {@code cpuset}, which HotSpot without JDK-8349988 reads as "not in a container".
     * Booted with its 4 CPUs as 1 socket of 2 cores of 2 threads, for the physical-cores row (the fewest rows run
     * here, and none of the others counts cores).
     */
    BACKPORTS("backports", "4,sockets=1,cores=2,threads=2");

    /** The directory name setup.sh uses, and its argument. */
    private final String setupName;

    /** qemu's {@code -smp} for this kernel's guest: always {@value CgroupV2GuestTest#GUEST_CPUS} logical CPUs. */
    private final String smp;

    GuestKernel(String setupName, String smp) {
        this.setupName = setupName;
        this.smp = smp;
    }

    /** qemu's {@code -smp}: {@code 4}, or {@code 4,sockets=1,cores=2,threads=2}. */
    String smp() {
        return smp;
    }

    /** Where setup.sh put this kernel's vmlinuz, config, modules and {@code release}. */
    Path directory() {
        String base = System.getenv("CONTAINER_LIMITS_V2VM");
        return Paths.get(base == null || base.isEmpty() ? "/var/cache/container-limits/v2vm" : base, setupName);
    }

    /** True when setup.sh finished this kernel (its {@code ready} stamp is written last). */
    boolean isPrepared() {
        return Files.isRegularFile(directory().resolve("ready")) && Files.isRegularFile(directory().resolve("vmlinuz"));
    }

    /** {@code 6.12.118+deb13-amd64}: the kernel's release, as {@code uname -r} says it. */
    String release() {
        try {
            return Files.readString(directory().resolve("release")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("kernel " + setupName + " not prepared (v2vm/setup.sh)", e);
        }
    }

    /** {@code 6.12}: major and minor of the release, as test names carry it. */
    String label() {
        String[] parts = release().split("[.+-]");
        return parts[0] + "." + parts[1];
    }

    /** The kernel's build configuration ({@code config-*} of the package). */
    String config() {
        try {
            return Files.readString(directory().resolve("config"));
        } catch (IOException e) {
            throw new UncheckedIOException("no config for kernel " + setupName, e);
        }
    }

    /** The name setup.sh knows it by. */
    String setupName() {
        return setupName;
    }
}
