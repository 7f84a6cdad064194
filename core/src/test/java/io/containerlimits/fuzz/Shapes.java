package io.containerlimits.fuzz;

import java.util.BitSet;
import java.util.List;
import java.util.StringJoiner;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of valid inputs with a known meaning, for the semantic checks (a generated CPU list's count, a path with
 * colons that must come back whole). Where {@link Mutations} breaks things, these build them right.
 */
final class Shapes {

    /** Controllers as they appear in v1 lines and mounts, including the named {@code systemd} hierarchy. */
    private static final List<String> CONTROLLERS = List.of(
            "cpu", "cpuacct", "cpuset", "memory", "pids", "blkio", "devices", "freezer", "net_cls", "net_prio",
            "hugetlb", "perf_event", "rdma", "misc", "name=systemd");

    /** docs/edge-cases.md case 31: more than 1024 CPUs must count right, so CPU numbers go a little past 4096. */
    private static final int HIGHEST_CPU = 4200;

    private Shapes() {
        throw new UnsupportedOperationException();
    }

    /** {@code ""} (the v2 line) or one to four distinct controllers joined by commas, in any order. */
    static Arbitrary<String> controllerLists() {
        return Arbitraries.of(CONTROLLERS).set().ofMaxSize(4).map(set -> String.join(",", set));
    }

    /** Absolute paths whose segments may hold colons, dots and dashes, like containerd's systemd-driver paths. */
    static Arbitrary<String> cgroupPaths() {
        return Arbitraries.strings().withChars("abcdef0123456789.-_:@").ofMinLength(1).ofMaxLength(20)
                .list().ofMaxSize(5).map(segments -> "/" + String.join("/", segments));
    }

    /** A non-empty set of CPUs made of up to six runs, some overlapping. */
    static Arbitrary<BitSet> cpuSets() {
        Arbitrary<int[]> run = Combinators.combine(
                        Arbitraries.integers().between(0, HIGHEST_CPU), Arbitraries.integers().between(1, 64))
                .as((first, length) -> new int[] {first, length});
        return run.list().ofMinSize(1).ofMaxSize(6).map(runs -> {
            BitSet cpus = new BitSet();
            for (int[] r : runs) {
                cpus.set(r[0], r[0] + r[1]);
            }
            return cpus;
        });
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
    static Arbitrary<String> cpuLists() {
        return cpuSets().map(Shapes::kernelFormat);
    }

    /** A {@code cpu.max}-style quota and period pair: kernel limits are 1000..1000000 µs, generated far wider. */
    static Arbitrary<long[]> quotaAndPeriod() {
        return Combinators.combine(
                        Arbitraries.longs().between(1, Long.MAX_VALUE), Arbitraries.longs().between(1, Long.MAX_VALUE))
                .as((quota, period) -> new long[] {quota, period});
    }
}
