package io.containerlimits.fuzz;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.StringJoiner;

/**
 * Generators of valid inputs with a known meaning, for the semantic checks (a generated CPU list's count, a path with
 * colons that must come back whole). Where {@link Mutations} breaks things, these build them right.
 */
final class Shapes {

    /** Controllers as they appear in v1 lines and mounts, including the named {@code systemd} hierarchy. */
    private static final List<String> CONTROLLERS = List.of(
            "cpu", "cpuacct", "cpuset", "memory", "pids", "blkio", "devices", "freezer", "net_cls", "net_prio",
            "hugetlb", "perf_event", "rdma", "misc", "name=systemd");

    /** At most this many controllers on one line. */
    private static final int MAX_CONTROLLERS = 4;

    /** docs/edge-cases.md case 31: more than 1024 CPUs must count right, so CPU numbers go a little past 4096. */
    private static final int HIGHEST_CPU = 4200;

    /** A CPU set is up to this many runs of up to {@link #LONGEST_RUN} CPUs each, some overlapping. */
    private static final int MAX_RUNS = 6;

    private static final int LONGEST_RUN = 64;

    /** Characters of a cgroup path segment: containerd's systemd-driver paths hold colons, dots and dashes. */
    private static final String PATH_CHARS = "abcdef0123456789.-_:@";

    private Shapes() {
        throw new UnsupportedOperationException();
    }

    /** {@code ""} (the v2 line) or one to four distinct controllers joined by commas, in any order. */
    static Gen<String> controllerLists() {
        return random -> {
            List<String> left = new ArrayList<>(CONTROLLERS);
            StringJoiner list = new StringJoiner(",");
            for (int n = random.nextInt(MAX_CONTROLLERS + 1); n > 0; n--) {
                list.add(left.remove(random.nextInt(left.size())));
            }
            return list.toString();
        };
    }

    /** Absolute paths of up to five segments whose characters are {@link #PATH_CHARS}; {@code "/"} for none. */
    static Gen<String> cgroupPaths() {
        return paths(PATH_CHARS, 1, 20, 5);
    }

    /** {@code "/"} and up to {@code maxSegments} segments of {@code chars}, like {@code /a/b}. */
    static Gen<String> paths(String chars, int minSegmentLength, int maxSegmentLength, int maxSegments) {
        return Gen.lists(Gen.strings(chars, minSegmentLength, maxSegmentLength), 0, maxSegments)
                .map(segments -> "/" + String.join("/", segments));
    }

    /** A non-empty set of CPUs made of up to {@link #MAX_RUNS} runs, some overlapping. */
    static Gen<BitSet> cpuSets() {
        return random -> {
            BitSet cpus = new BitSet();
            for (int runs = random.nextInt(1, MAX_RUNS + 1); runs > 0; runs--) {
                int first = random.nextInt(HIGHEST_CPU + 1);
                cpus.set(first, first + random.nextInt(1, LONGEST_RUN + 1));
            }
            return cpus;
        };
    }

    /** {@code cpus} the way the kernel prints a CPU list: ascending runs, {@code a-b} or a lone {@code a}. */
    static String kernelFormat(BitSet cpus) {
        StringJoiner list = new StringJoiner(",");
        for (int first = cpus.nextSetBit(0); first >= 0; first = cpus.nextSetBit(first)) {
            int last = cpus.nextClearBit(first) - 1;
            list.add(first == last ? Integer.toString(first) : first + "-" + last);
            first = last + 1;
        }
        return list.toString();
    }

    /** Valid kernel CPU lists: what {@code Cpus_allowed_list} and {@code cpuset.cpus} hold. */
    static Gen<String> cpuLists() {
        return cpuSets().map(Shapes::kernelFormat);
    }
}
