package io.containerlimits.detect.topology;

import io.containerlimits.Finding;
import io.containerlimits.detect.HostFiles;
import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.proc.CpuList;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The number of distinct physical cores among the CPUs this process may run on ({@code docs/design.md §3}, for the
 * {@code cores=physical} policy of §4).
 *
 * <ol>
 * <li>The CPUs counted: {@code Cpus_allowed_list} ∩ {@code /sys/devices/system/cpu/online}. An affinity mask may
 *     still name an offline CPU, and the kernel removes an offline CPU's {@code topology} directory. Without an
 *     {@code online} file every allowed CPU counts.</li>
 * <li>The first of them decides which files group CPUs into cores: {@code core_cpus_list}, else
 *     {@code thread_siblings_list} (its name before kernel 5.3), else the pair {@code physical_package_id} and
 *     {@code core_id} (core ids repeat in every socket, so the package is part of the key). A missing file moves on
 *     to the next kind; every other CPU must then have the kind the first one had.</li>
 * <li>Distinct groups are counted. A list settles every CPU it names at once, so a two-thread machine costs one
 *     read per core.</li>
 * </ol>
 * Anything missing, unreadable or malformed makes the count unknown, with the file and why: a wrong physical count
 * would size pools worse than the logical one that then stands.
 *
 * <p>Unlike loky's {@code cpu_count(only_physical_cores=True)}, which takes the machine's core count and the minimum
 * with the affinity count, this counts only the cores the affinity mask touches: two threads of one core are one core,
 * one thread on each of four cores is four.
 */
public final class PhysicalCores {

    /** Where the notes and reasons say the files are. */
    private static final String TOPOLOGY = HostFiles.SYS_CPU + "/cpuN/topology/";

    /** The pair of ids, the last kind tried (strings rather than an enum: two classes less in a 300 KB jar). */
    private static final String IDS = "physical_package_id and core_id";

    /** The kinds of file that group CPUs into cores, in the order they are tried. */
    private static final String[] GROUPINGS = {"core_cpus_list", "thread_siblings_list", IDS};

    private final HostFiles files;
    /** The file being read, for the reason of a failure: {@code cpu3/topology/core_id}. */
    private String reading;

    private PhysicalCores(HostFiles files) {
        this.files = files;
    }

    /**
     * Counts the cores of the {@code allowed} CPUs. A file that is missing, unreadable or malformed gives unknown;
     * any other exception is a bug, left to the caller's catch (and to the generated-input tests).
     *
     * @param allowed the CPUs of {@code Cpus_allowed_list}
     * @param notes   receives one line on how the count was made, or why there is none
     * @return the count, from 1 to the number of allowed CPUs that are online, or unknown with the reason
     */
    public static Finding<Integer> count(HostFiles files, BitSet allowed, List<String> notes) {
        PhysicalCores counter = new PhysicalCores(files);
        Finding<Integer> cores;
        try {
            cores = counter.count(allowed, notes);
        } catch (IOException | MalformedInputException e) {
            String why = e instanceof NoSuchFileException ? "missing" : e.getMessage();
            cores = Finding.unknown(HostFiles.SYS_CPU + "/" + counter.reading + ": " + why);
        }
        if (!cores.isFound()) {
            notes.add("physical cores unknown: " + cores.reason());
        }
        return cores;
    }

    private Finding<Integer> count(BitSet allowed, List<String> notes) throws IOException {
        BitSet cpus = online(allowed, notes);
        int offline = allowed.cardinality() - cpus.cardinality();
        if (cpus.isEmpty()) {
            return Finding.unknown("none of the " + allowed.cardinality() + " allowed CPUs is online");
        }
        int first = cpus.nextSetBit(0);
        String grouping = null;
        Object firstCore = null;
        for (String g : GROUPINGS) {
            try {
                firstCore = core(g, first);
                grouping = g;
                break;
            } catch (NoSuchFileException e) {
                // an older kernel or another architecture: the next kind
            }
        }
        if (grouping == null) {
            reading = "cpu" + first + "/topology";
            return Finding.unknown(HostFiles.SYS_CPU + "/" + reading + ": no core_cpus_list, thread_siblings_list"
                    + " or core_id");
        }
        Set<Object> cores = new HashSet<Object>();
        BitSet settled = new BitSet();
        for (int cpu = first; cpu >= 0; cpu = cpus.nextSetBit(cpu + 1)) {
            if (!settled.get(cpu)) {
                Object core = cpu == first ? firstCore : core(grouping, cpu);
                cores.add(core);
                if (core instanceof BitSet) {
                    settled.or((BitSet) core);
                }
            }
        }
        String source = TOPOLOGY + grouping + " of " + cpus.cardinality() + " allowed CPUs"
                + (offline > 0 ? " online (" + offline + " offline)" : "");
        notes.add("physical cores: " + cores.size() + " by " + source);
        return Finding.found(cores.size(), source);
    }

    /** {@code allowed} ∩ {@code online}, or {@code allowed} when there is no {@code online} file. */
    private BitSet online(BitSet allowed, List<String> notes) throws IOException {
        reading = "online";
        String online;
        try {
            online = files.sysCpuOnline();
        } catch (NoSuchFileException e) {
            notes.add("physical cores: no " + HostFiles.SYS_CPU + "/online, every allowed CPU counts as online");
            return allowed;
        }
        BitSet up = CpuList.parse(online);
        up.and(allowed);
        return up;
    }

    /** The core of {@code cpu}: its sibling set for the lists, {@code package/core} for the ids. */
    private Object core(String grouping, int cpu) throws IOException {
        String directory = "cpu" + cpu + "/topology/";
        if (IDS.equals(grouping)) {
            reading = directory + "physical_package_id";
            int socket = TopologyId.parse(files.sysCpuTopology(cpu, "physical_package_id"), reading);
            reading = directory + "core_id";
            return socket + "/" + TopologyId.parse(files.sysCpuTopology(cpu, "core_id"), reading);
        }
        reading = directory + grouping;
        return SiblingList.parse(files.sysCpuTopology(cpu, grouping), cpu);
    }
}
