package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.Finding;
import io.containerlimits.detect.HostFiles;
import io.containerlimits.detect.topology.PhysicalCores;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Whole {@code /sys/devices/system/cpu} trees of generated machines (docs/design.md §3 step 6): sockets, cores and
 * threads numbered the x86 way or one core after another, core ids with gaps, some CPUs offline, an affinity on any
 * subset, and one of the three kinds of file that group CPUs into cores. On the trees as the kernel writes them, the
 * count is the number of distinct cores among the allowed CPUs that are online, or unknown where an allowed CPU is
 * offline and no {@code online} file says so. On damaged trees (files mutated, missing or directories) nothing but a
 * count from 1 to the allowed online CPUs, or unknown with a reason, comes back.
 */
class PhysicalCoresFuzzTest {

    /** Generated machines per test; each writes a tree of up to some 130 files. */
    static final int MACHINES = 500;

    static final String COUNT = "PhysicalCores.count";

    /** How rarely a file of a damaged tree is damaged. */
    private static final int DAMAGED_ONE_IN = 8;

    /** The kinds of topology file, newest first: what {@code PhysicalCores} falls back through. */
    enum Files {
        /** Kernel 5.3 and later: {@code core_cpus_list}, and the rest. */
        CORE_CPUS_LIST,
        /** Before 5.3: {@code thread_siblings_list} and the ids. */
        THREAD_SIBLINGS_LIST,
        /** The ids alone. */
        IDS
    }

    /**
     * One machine and what this process sees of it.
     *
     * @param x86       threads numbered as x86 Linux does (first threads of every core, then their siblings), else
     *                  the threads of a core one after another (arm64, POWER)
     * @param coreIdGap core ids step by this (some Intel parts skip ids)
     * @param offline   CPUs that are down: no topology directory, left out of the sibling lists
     * @param online    whether {@code /sys/devices/system/cpu/online} exists
     */
    record Machine(int sockets, int coresPerSocket, int threadsPerCore, boolean x86, int coreIdGap, Files files,
            BitSet allowed, BitSet offline, boolean online) {

        int cpus() {
            return sockets * coresPerSocket * threadsPerCore;
        }

        /** The core of {@code cpu}, numbered across sockets from 0. */
        int coreOf(int cpu) {
            int cores = sockets * coresPerSocket;
            return x86 ? cpu % cores : cpu / threadsPerCore;
        }

        /** The CPUs of {@code core} that are up. */
        BitSet onlineSiblings(int core) {
            BitSet siblings = new BitSet();
            for (int cpu = 0; cpu < cpus(); cpu++) {
                if (coreOf(cpu) == core && !offline.get(cpu)) {
                    siblings.set(cpu);
                }
            }
            return siblings;
        }

        /** What the count must be: the distinct cores of the allowed CPUs that are up, or -1 for unknown. */
        int expectedCores() {
            BitSet counted = (BitSet) allowed.clone();
            if (online) {
                counted.andNot(offline);
            } else if (counted.intersects(offline)) {
                return -1;
            }
            Set<Integer> cores = new HashSet<>();
            counted.stream().forEach(cpu -> cores.add(coreOf(cpu)));
            return cores.isEmpty() ? -1 : cores.size();
        }

        /** The tree as the kernel writes it, every file as text. */
        FixtureTrees.Tree tree() {
            List<FixtureTrees.Planted> planted = new ArrayList<>();
            String directory = "sys/devices/system/cpu/";
            BitSet up = new BitSet();
            up.set(0, cpus());
            up.andNot(offline);
            if (online) {
                planted.add(text(directory + "online", Shapes.kernelFormat(up)));
            }
            for (int cpu = up.nextSetBit(0); cpu >= 0; cpu = up.nextSetBit(cpu + 1)) {
                String topology = directory + "cpu" + cpu + "/topology/";
                String siblings = Shapes.kernelFormat(onlineSiblings(coreOf(cpu)));
                if (files == Files.CORE_CPUS_LIST) {
                    planted.add(text(topology + "core_cpus_list", siblings));
                }
                if (files != Files.IDS) {
                    planted.add(text(topology + "thread_siblings_list", siblings));
                }
                planted.add(text(topology + "core_id", Integer.toString(coreOf(cpu) % coresPerSocket * coreIdGap)));
                planted.add(text(topology + "physical_package_id", Integer.toString(coreOf(cpu) / coresPerSocket)));
            }
            return new FixtureTrees.Tree(toString(), List.copyOf(planted));
        }

        private static FixtureTrees.Planted text(String path, String line) {
            return new FixtureTrees.Planted(path, FixtureTrees.Form.TEXT, line + "\n");
        }
    }

    /** Machines of 1 to 2 sockets, 1 to 4 cores each, 1, 2 or 4 threads per core: up to 32 CPUs. */
    static Gen<Machine> machines() {
        return random -> {
            int sockets = random.nextInt(1, 3);
            int cores = random.nextInt(1, 5);
            int threads = List.of(1, 2, 4).get(random.nextInt(3));
            int cpus = sockets * cores * threads;
            return new Machine(sockets, cores, threads, random.nextBoolean(), random.nextInt(1, 4),
                    Files.values()[random.nextInt(Files.values().length)], allowed(random, cpus),
                    subset(random, cpus, random.nextInt(4) == 0 ? 0.3 : 0.0, 1), random.nextInt(8) != 0);
        };
    }

    /** A non-empty affinity: all CPUs a third of the time, else each CPU with one chance in two. */
    private static BitSet allowed(RandomGenerator random, int cpus) {
        BitSet allowed = subset(random, cpus, random.nextInt(3) == 0 ? 1.0 : 0.5, 0);
        if (allowed.isEmpty()) {
            allowed.set(random.nextInt(cpus));
        }
        return allowed;
    }

    /** Each CPU from {@code from} up with probability {@code p} (cpu0 is never offline on most machines). */
    private static BitSet subset(RandomGenerator random, int cpus, double p, int from) {
        BitSet set = new BitSet();
        for (int cpu = from; cpu < cpus; cpu++) {
            if (random.nextDouble() < p) {
                set.set(cpu);
            }
        }
        return set;
    }

    @Test
    void countsTheCoresTheAffinityTouches() throws IOException {
        Map<String, Integer> outcomes = new TreeMap<>();
        checkTrees(COUNT + ": the cores", intact(machines()), (machine, cores) -> {
            assertTheCoresOf(machine, cores);
            String outcome = !cores.isFound() ? "unknown"
                    : machine.files() + (cores.value() < machine.allowed().cardinality() ? " fewer" : " as many");
            outcomes.merge(outcome, 1, Integer::sum);
        }, PhysicalCoresFuzzTest::count);
        System.out.println("fuzz: machines by files and cores against allowed CPUs " + outcomes);
        for (Files files : Files.values()) {
            assertTrue(outcomes.containsKey(files + " fewer") && outcomes.containsKey(files + " as many"),
                    "the machines must reach SMT and single-thread counts with " + files + ": " + outcomes);
        }
        assertTrue(outcomes.containsKey("unknown"), "and an allowed CPU offline without an online file: " + outcomes);
    }

    /** The count of an intact tree: the distinct cores of the allowed online CPUs, or unknown when that cannot be. */
    static void assertTheCoresOf(Machine machine, Finding<Integer> cores) {
        int expected = machine.expectedCores();
        if (expected < 0) {
            assertEquals(Finding.Status.UNKNOWN, cores.status(), cores.toString());
        } else {
            assertTrue(cores.isFound(), cores.toString());
            assertEquals(expected, cores.value(), cores.toString());
        }
    }

    @Test
    void aDamagedTreeGivesACountWithinTheAllowedCpusOrUnknown() throws IOException {
        checkTrees(COUNT, damaged(machines()), (machine, cores) -> {
            if (cores.isFound()) {
                int allowed = machine.allowed().cardinality();
                assertTrue(cores.value() >= 1 && cores.value() <= allowed, cores + " for " + allowed + " allowed CPUs");
            } else {
                assertFalse(cores.reason() == null || cores.reason().isBlank(), "an unknown count says why");
            }
        }, PhysicalCoresFuzzTest::count);
        ParserRuns.assertEachRan(MACHINES, COUNT);
    }

    /** A machine with its tree, the tree possibly damaged; shown as the tree, file by file. */
    record Drawn(Machine machine, FixtureTrees.Tree tree) {
        @Override
        public String toString() {
            return tree.toString();
        }
    }

    /** The machines' trees as the kernel writes them. */
    static Gen<Drawn> intact(Gen<Machine> machines) {
        return machines.map(machine -> new Drawn(machine, machine.tree()));
    }

    /**
     * One file in {@link #DAMAGED_ONE_IN} mutated (up to four edits) and planted as {@link FixtureTrees.Form} draws:
     * text, missing, a directory or oversized. Not every file: a tree holds up to some 130, and a 1 MiB oversized
     * file in nearly every tree would make the disk the test.
     */
    static Gen<Drawn> damaged(Gen<Machine> machines) {
        return random -> {
            Machine machine = machines.next(random);
            List<FixtureTrees.Planted> files = new ArrayList<>();
            for (FixtureTrees.Planted file : machine.tree().files()) {
                files.add(random.nextInt(DAMAGED_ONE_IN) != 0 ? file : new FixtureTrees.Planted(file.path(),
                        FixtureTrees.Form.draw(random), Mutations.around(List.of(file.text())).next(random)));
            }
            return new Drawn(machine, new FixtureTrees.Tree(machine.toString(), List.copyOf(files)));
        };
    }

    /**
     * Writes {@link #MACHINES} drawn trees, counts the cores of each for its machine's affinity (counted under
     * {@code name}) and checks the count; a negative control passes a broken count here.
     *
     * @throws FuzzFailure for the first tree that failed
     */
    static void checkTrees(String name, Gen<Drawn> drawn, BiConsumer<Machine, Finding<Integer>> check,
            BiFunction<Path, BitSet, Finding<Integer>> count) throws IOException {
        Path parent = FixtureTrees.scratchDirectory();
        try {
            Fuzz.forAll(name, MACHINES, drawn, tree -> {
                Path root = FixtureTrees.writeInCheck(tree.tree(), parent);
                try {
                    Finding<Integer> cores = ParserRuns.call(name, () -> count.apply(root, tree.machine().allowed()))
                            .orElseThrow();
                    check.accept(tree.machine(), cores);
                } finally {
                    FixtureTrees.deleteInCheck(root);
                }
            });
        } finally {
            FixtureTrees.delete(parent);
        }
    }

    /** {@code PhysicalCores.count} on the tree under {@code root}. */
    private static Finding<Integer> count(Path root, BitSet allowed) {
        return PhysicalCores.count(new HostFiles(root), allowed, new ArrayList<>());
    }
}
