package io.containerlimits.it.v2vm;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.it.support.Prerequisites;
import io.containerlimits.it.support.TestJdks;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Live cgroup v2 (issue 9): this host is cgroup v1 and its v2 hierarchy has no controllers, so each kernel boots a
 * qemu guest (software emulation, {@value #GUEST_CPUS} CPUs) with a cgroup2-only hierarchy, the host's file system
 * shared read-only, and runs the {@link GuestPlan} there: five JDKs, agent against control in each layout. One boot
 * per kernel; one named test per row ({@code jdk17 v2 6.12 cpu.max 0.5 agent vs control}).
 *
 * <p>Needs root, qemu and the kernels that {@code integration-tests/v2vm/setup.sh} prepares, and the JDKs that
 * {@code integration-tests/jdks/stage-jdks.sh} stages ({@code bin/test} runs both). Without them the tests skip,
 * and under {@code CI=true} they fail; a guest that does not boot fails them everywhere, with the console's end.
 */
class CgroupV2GuestTest {

    /**
     * The guest's CPUs: with 4, the common pool ({@code max(1, CPUs - 1)}) tells one CPU (1) from the guest (3),
     * which 2 would not.
     */
    static final int GUEST_CPUS = 4;

    /** Longest a boot with its whole plan may take before qemu is killed and the tests fail. */
    private static final Duration BOOT_LIMIT = Duration.ofMinutes(20);

    /**
     * System property naming the only kernels to boot ({@code 6.1,6.12,backports}, setup.sh's names; all when unset),
     * for a quicker run while working on one (surefire cannot pick one {@code @TestFactory} of a class).
     */
    static final String ONLY = "v2vm.kernels";

    @TestFactory
    Stream<DynamicTest> debian12Kernel() {
        return chosen(GuestKernel.BOOKWORM) ? matrix(GuestKernel.BOOKWORM) : Stream.empty();
    }

    /** Debian 13's kernel: no cgroup v1 memory or cpuset code. */
    @TestFactory
    Stream<DynamicTest> debian13Kernel() {
        GuestKernel kernel = GuestKernel.TRIXIE;
        if (!chosen(kernel)) {
            return Stream.empty();
        }
        return Stream.concat(matrix(kernel), Stream.of(DynamicTest.dynamicTest("v2 " + kernel.label()
                + " kernel without cgroup v1 memory and cpuset code, /proc/cgroups still lists both",
                () -> assertKernel(kernel, true))));
    }

    /** Debian 13's backports kernel: /proc/cgroups no longer lists them, which blinds older JVMs. */
    @TestFactory
    Stream<DynamicTest> debian13BackportsKernel() {
        GuestKernel kernel = GuestKernel.BACKPORTS;
        if (!chosen(kernel)) {
            return Stream.empty();
        }
        return Stream.concat(matrix(kernel), Stream.of(DynamicTest.dynamicTest("v2 " + kernel.label()
                + " kernel without cgroup v1 memory and cpuset code, /proc/cgroups lists neither",
                () -> assertKernel(kernel, false))));
    }

    /** Whether {@value #ONLY} leaves {@code kernel} in (it does when unset). */
    private static boolean chosen(GuestKernel kernel) {
        String only = System.getProperty(ONLY, "").trim();
        return only.isEmpty() || List.of(only.split(",")).contains(kernel.setupName());
    }

    private static Stream<DynamicTest> matrix(GuestKernel kernel) {
        Prerequisites.require("root".equals(System.getProperty("user.name")), "root (the guest shares / over 9p)");
        Prerequisites.require(Files.isExecutable(Paths.get("/usr/bin/qemu-system-x86_64")),
                "qemu-system-x86_64 (integration-tests/v2vm/setup.sh installs it)");
        Prerequisites.require(kernel.isPrepared(), "kernel " + kernel.setupName() + " in " + kernel.directory()
                + " (integration-tests/v2vm/setup.sh prepares it)");
        List<TestJdks> jdks = List.of(TestJdks.values());
        jdks.forEach(TestJdks::jdk); // each one there, or skip (fail under CI=true)
        List<GuestPlan> plan = GuestPlan.of(kernel, jdks);
        GuestResults results = GuestBoot.run(kernel, plan, jdks, TestJdks.agentJar(), BOOT_LIMIT);
        String label = kernel.label();
        GuestTable.write(label, results, plan);
        System.out.print("v2vm " + label + " timing (s): " + results.timing().replace('\n', ' ') + "\n");
        return plan.stream().flatMap(step -> new GuestRows(label, step.jdk(), results).of(step.layout()).stream());
    }

    /** The kernel's build lacks v1 memory and cpuset, and its /proc/cgroups does or does not still list them. */
    private static void assertKernel(GuestKernel kernel, boolean listsThem) {
        String config = kernel.config();
        List<String> listed = new GuestResults(kernel, Paths.get("target", "v2vm", kernel.setupName())
                .toAbsolutePath()).kernelReport().lines().map(line -> line.split("\t")[0]).toList();
        assertAll(
                () -> assertTrue(config.contains("# CONFIG_MEMCG_V1 is not set"), "no CONFIG_MEMCG_V1"),
                () -> assertTrue(config.contains("# CONFIG_CPUSETS_V1 is not set"), "no CONFIG_CPUSETS_V1"),
                () -> assertEquals(listsThem, listed.contains("memory"), () -> "memory in /proc/cgroups: " + listed),
                () -> assertEquals(listsThem, listed.contains("cpuset"), () -> "cpuset in /proc/cgroups: " + listed));
    }
}
