package io.containerlimits.detect;

import io.containerlimits.Finding;
import io.containerlimits.detect.cgroup.CgroupHierarchy;
import io.containerlimits.detect.cgroup.CgroupReader;
import io.containerlimits.detect.cgroup.CgroupTables;
import io.containerlimits.detect.cgroup.CgroupVersion;
import io.containerlimits.detect.cgroup.ControllerFinder;
import io.containerlimits.detect.cgroup.CpuQuota;
import io.containerlimits.detect.cgroup.v1.CgroupV1Reader;
import io.containerlimits.detect.cgroup.v2.CgroupV2Reader;
import io.containerlimits.detect.proc.CpuList;
import io.containerlimits.detect.proc.MemInfo;
import io.containerlimits.detect.proc.ProcStatus;
import io.containerlimits.detect.topology.PhysicalCores;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the cgroup CPU and memory limits of this process under one root directory (docs/design.md §3).
 *
 * <p>The CPU and memory controllers are decided independently:
 * <ol>
 * <li>{@code /proc/self/cgroup}: each line split on its first two colons only (paths may contain colons).
 * <li>{@code /proc/self/mountinfo}: each line split at {@code " - "}, octal escapes decoded; root, mount point,
 *     fs type and super options kept. {@code /proc/cgroups} is never read (kernel 6.12, JDK-8349988).
 * <li>A v1 line listing the controller with a {@code cgroup} mount carrying it wins; otherwise the {@code 0::} line
 *     with the {@code cgroup2} mount. Several mounts: the one under {@code /sys/fs/cgroup}, then the first whose root
 *     maps the path.
 * <li>Path mapping: root {@code /} ⇒ mount + path; path == root ⇒ mount point; path under root ⇒ mount + rest;
 *     {@code /..} in the path ⇒ mount point; a mount root of {@code /..} components ⇒ the group at that depth whose
 *     {@code cgroup.procs} lists this process, if found; else the first existing suffix, else the mount point.
 * <li>Walk from the leaf up to and including the mount point, reading every level; a missing, unreadable or
 *     malformed level contributes nothing and the walk goes on. CPU: the minimum of quota/period as a double.
 *     Memory: the minimum of v2 {@code memory.max}, or of v1 {@code memory.limit_in_bytes} and
 *     {@code hierarchical_memory_limit} (unless {@code memory.use_hierarchy} is 0); ≤ 0 or ≥ 2^62
 *     ({@code MemoryValue}) and the host ceiling ({@code MemoryFileReader.belowHostMemory}) are no limit.
 *     {@code memory.high}, swap and usage are reported separately.
 * <li>Affinity: {@code Cpus_allowed_list} of {@code /proc/self/status}; on request, the physical cores among those
 *     CPUs from {@code /sys/devices/system/cpu} (see {@link PhysicalCores}).
 * <li>(Rounding, minimum and overrides are the policy's, not detection's: see {@code CpuPolicy}.)
 * <li>Failure: each value is computed inside its own catch; what could not be read is unknown with its reason, and
 *     nothing escapes {@link #detect}.
 * <li>Every read goes through {@link HostFiles} under the root, with a size bound.
 * </ol>
 * Every decision (mount chosen, level governing, level skipped and why) becomes one line of
 * {@link Detection#notes()}.
 */
public final class Detector {

    private Detector() {
        throw new UnsupportedOperationException();
    }

    /**
     * Detects everything under {@code root} ({@code /} on a real machine, a fixture tree in tests). Never throws.
     */
    public static Detection detect(Path root) {
        return detect(root, true);
    }

    /**
     * Detects under {@code root}; the CPU topology only when {@code physicalCores} asks for it (the agent's premain
     * reads it only with {@code cores=physical}: every file costs start-up time). Never throws.
     */
    public static Detection detect(Path root, boolean physicalCores) {
        return detect(new HostFiles(root), physicalCores);
    }

    /** {@link #detect(Path, boolean)} through {@code files} (which may record what it reads, for the watcher). */
    public static Detection detect(HostFiles files, boolean physicalCores) {
        List<String> notes = new ArrayList<String>();
        Finding<BitSet> allowed = allowedCpus(files, notes);
        Finding<Integer> affinity = allowed.isFound()
                ? Finding.found(allowed.value().cardinality(), allowed.source())
                : Finding.<Integer>unknown(allowed.reason());
        Finding<Integer> cores = physicalCores ? physicalCores(files, allowed, notes)
                : Finding.<Integer>unknown("not read: only cores=physical, report and json read the CPU topology");
        OptionalLong hostMemory = hostMemory(files, notes);
        CgroupTables tables;
        try {
            tables = CgroupTables.read(files, notes);
        } catch (IOException | RuntimeException e) {
            String reason = "cgroup files unreadable: " + e.getMessage();
            notes.add(reason);
            Finding<Double> quota = Finding.unknown(reason);
            Finding<Long> memory = Finding.unknown(reason);
            return new Detection(quota, affinity, cores, memory, memory, memory, memory, null, null, notes);
        }
        Optional<CgroupHierarchy> cpu = find("cpu", tables, files, notes);
        Optional<CgroupHierarchy> memory = find("memory", tables, files, notes);
        Finding<Double> quota = cpuQuota(cpu, hostMemory, files, notes);
        Finding<Long> limit = memoryValue(MemoryValueKind.LIMIT, memory, null, hostMemory, files, notes);
        Finding<Long> high = memoryValue(MemoryValueKind.HIGH, memory, null, hostMemory, files, notes);
        Finding<Long> swap = memoryValue(MemoryValueKind.SWAP, memory, limit, hostMemory, files, notes);
        Finding<Long> usage = memoryValue(MemoryValueKind.USAGE, memory, null, hostMemory, files, notes);
        return new Detection(quota, affinity, cores, limit, high, swap, usage, describe(cpu), describe(memory),
                notes);
    }

    private static Finding<BitSet> allowedCpus(HostFiles files, List<String> notes) {
        try {
            String list = ProcStatus.cpusAllowedList(files.procSelfStatus());
            return Finding.found(CpuList.parse(list), "Cpus_allowed_list " + list + " of /proc/self/status");
        } catch (IOException | RuntimeException e) {
            notes.add("affinity unknown: " + e.getMessage());
            return Finding.unknown("/proc/self/status: " + e.getMessage());
        }
    }

    private static Finding<Integer> physicalCores(HostFiles files, Finding<BitSet> allowed, List<String> notes) {
        if (!allowed.isFound()) {
            return Finding.unknown("the allowed CPUs are unknown: " + allowed.reason());
        }
        try {
            return PhysicalCores.count(files, allowed.value(), notes);
        } catch (RuntimeException e) {
            notes.add("physical cores failed: " + e);
            return Finding.unknown("physical cores failed: " + e);
        }
    }

    private static OptionalLong hostMemory(HostFiles files, List<String> notes) {
        try {
            return OptionalLong.of(MemInfo.memTotal(files.procMemInfo()));
        } catch (IOException | RuntimeException e) {
            notes.add("MemTotal unknown (only values ≥ 2^62 count as no limit): " + e.getMessage());
            return OptionalLong.empty();
        }
    }

    private static Optional<CgroupHierarchy> find(String controller, CgroupTables tables, HostFiles files,
            List<String> notes) {
        try {
            return ControllerFinder.find(controller, tables, files, notes);
        } catch (RuntimeException e) {
            notes.add(controller + ": finding the hierarchy failed: " + e);
            return Optional.empty();
        }
    }

    private static Finding<Double> cpuQuota(Optional<CgroupHierarchy> cpu, OptionalLong hostMemory,
            HostFiles files, List<String> notes) {
        if (!cpu.isPresent()) {
            return Finding.unknown("no cpu cgroup hierarchy is mounted");
        }
        try {
            Finding<CpuQuota> quota = reader(cpu.get(), hostMemory, files).cpuQuota(cpu.get(), notes);
            if (quota.isFound()) {
                return Finding.found(quota.value().cpus(), quota.source() + " " + quota.value());
            }
            return quota.status() == Finding.Status.NONE
                    ? Finding.<Double>none(quota.reason()) : Finding.<Double>unknown(quota.reason());
        } catch (RuntimeException e) {
            notes.add("cpu quota failed: " + e);
            return Finding.unknown("cpu quota failed: " + e);
        }
    }

    /** The four memory values, each computed under its own catch. */
    private enum MemoryValueKind {
        LIMIT, HIGH, SWAP, USAGE
    }

    private static Finding<Long> memoryValue(MemoryValueKind kind, Optional<CgroupHierarchy> memory,
            Finding<Long> limit, OptionalLong hostMemory, HostFiles files, List<String> notes) {
        if (!memory.isPresent()) {
            return Finding.unknown("no memory cgroup hierarchy is mounted");
        }
        try {
            CgroupReader reader = reader(memory.get(), hostMemory, files);
            switch (kind) {
                case LIMIT:
                    return reader.memoryLimit(memory.get(), notes);
                case HIGH:
                    return reader.memoryHigh(memory.get(), notes);
                case SWAP:
                    return reader.swapLimit(memory.get(), limit, notes);
                default:
                    return reader.memoryUsage(memory.get(), notes);
            }
        } catch (RuntimeException e) {
            notes.add("memory " + kind + " failed: " + e);
            return Finding.unknown("memory " + kind + " failed: " + e);
        }
    }

    private static CgroupReader reader(CgroupHierarchy hierarchy, OptionalLong hostMemory, HostFiles files) {
        return hierarchy.version() == CgroupVersion.V1
                ? new CgroupV1Reader(files, hostMemory) : new CgroupV2Reader(files, hostMemory);
    }

    private static String describe(Optional<CgroupHierarchy> hierarchy) {
        return hierarchy.isPresent() ? hierarchy.get().toString() : null;
    }
}
